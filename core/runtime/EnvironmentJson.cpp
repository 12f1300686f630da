#include "core/runtime/EnvironmentJson.h"

#include <QJsonArray>
#include <QStringList>

#include "core/util/HumanUnits.h"

namespace distilbench {

QJsonObject environmentToJson(const EnvironmentInfo& env) {
    QJsonObject blas{{"name", QString::fromStdString(env.blas.name)},
                     {"library", QString::fromStdString(env.blas.library)},
                     {"config", QString::fromStdString(env.blas.config)},
                     {"is_reference", env.blas.isReference}};
    QJsonArray devices;
    for (const auto& d : env.devices) devices.append(QString::fromStdString(d));
    return QJsonObject{
        {"app_version", QString::fromStdString(env.appVersion)},
        {"qt_version", QString::fromStdString(env.qtVersion)},
        {"libtorch_version", QString::fromStdString(env.torchVersion)},
        {"blas", blas},
        {"threads", env.threads},
        {"cores", env.cores},
        {"devices", devices},
        {"cuda_available", env.cudaAvailable},
        {"bf16_native", env.bf16Native},
        {"int8_weight_bits", env.int8WeightBits ? QJsonValue(env.int8WeightBits) : QJsonValue()},
        {"sentencepiece", QJsonObject{{"loaded", env.sentencePieceLoaded},
                                      {"status", QString::fromStdString(env.sentencePieceStatus)}}},
        {"resident_bytes", static_cast<double>(env.residentBytes)},
    };
}

QString environmentToText(const EnvironmentInfo& env) {
    QStringList devices;
    for (const auto& d : env.devices) devices << QString::fromStdString(d);
    QStringList lines;
    lines << QStringLiteral("DistilBench %1").arg(QString::fromStdString(env.appVersion))
          << QStringLiteral("Qt %1").arg(QString::fromStdString(env.qtVersion))
          << QStringLiteral("LibTorch %1").arg(QString::fromStdString(env.torchVersion))
          << QStringLiteral("BLAS: %1%2 (%3)")
                 .arg(QString::fromStdString(env.blas.name),
                      env.blas.isReference ? QStringLiteral(" — slow reference implementation")
                                           : QString(),
                      QString::fromStdString(env.blas.library))
          << QStringLiteral("Threads: %1 of %2 cores").arg(env.threads).arg(env.cores)
          << QStringLiteral("Devices: %1").arg(devices.join(QStringLiteral(", ")))
          << QStringLiteral("bf16: %1")
                 .arg(env.bf16Native ? QStringLiteral("native (AVX512-BF16/AMX)")
                                     : QStringLiteral("emulated"));
    if (env.int8WeightBits == 8)
        lines << QStringLiteral("int8: 8-bit weights (the int8 products have VNNI)");
    else if (env.int8WeightBits == 7)
        lines << QStringLiteral(
            "int8: 7-bit weights (no VNNI: 8-bit ones would overflow the int8 "
            "products)");
    lines
        << QStringLiteral("SentencePiece: %1").arg(QString::fromStdString(env.sentencePieceStatus))
        << QStringLiteral("Memory in use: %1")
               .arg(QString::fromStdString(formatBytes(env.residentBytes)));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace distilbench
