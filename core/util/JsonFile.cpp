#include "core/util/JsonFile.h"

#include <QFile>
#include <QJsonDocument>

#include "core/runtime/Error.h"
#include "core/util/AtomicFile.h"
#include "core/util/FileChecks.h"

namespace distilbench {

QJsonObject readJsonObject(const std::string& path, bool required) {
    QFile f(QString::fromStdString(path));
    if (!f.exists()) {
        if (required) throw Error(path, "missing");
        return {};
    }
    // A regular file of bounded size: a pipe would block, a huge file would exhaust memory.
    const std::string bytes = readSmallFile(path, kMaxJsonFileBytes);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(path, "not valid JSON: " + error.errorString().toStdString() + " at byte " +
                              std::to_string(error.offset));
    return doc.object();
}

void writeJsonAtomically(const std::string& path, const QJsonObject& object) {
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    writeFileAtomically(path, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

}  // namespace distilbench
