#include "core/weights/SafetensorsReader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

#include "core/runtime/Error.h"
#include "core/util/CheckedMath.h"
#include "core/util/JsonFile.h"
#include "core/util/MappedFile.h"

namespace distilbench {

namespace {

bool parseDType(const QString& s, DType& out) {
    static const std::pair<const char*, DType> table[] = {
        {"F32", DType::F32}, {"F16", DType::F16},  {"BF16", DType::BF16}, {"F64", DType::F64},
        {"I64", DType::I64}, {"I32", DType::I32},  {"I16", DType::I16},   {"I8", DType::I8},
        {"U8", DType::U8},   {"BOOL", DType::Bool}};
    for (const auto& [name, dtype] : table) {
        if (s == QLatin1String(name)) {
            out = dtype;
            return true;
        }
    }
    return false;
}

}  // namespace

SafetensorsReader::Contents SafetensorsReader::read(const std::string& path) {
    auto file = MappedFile::open(path);
    const std::size_t size = file->size();
    if (size < 8)
        throw Error(path, "not a safetensors file: shorter than its 8-byte header length");
    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, file->data(), 8);  // little-endian on every platform we build for
    if (headerLength > size - 8)                  // size >= 8 here: no wrap-around
        throw Error(path, "header length " + std::to_string(headerLength) +
                              " is larger than the file (" + std::to_string(size) +
                              " bytes): the file is truncated or not safetensors");
    if (headerLength > 100u * 1024 * 1024) throw Error(path, "header is larger than 100 MB");
    const QByteArray headerBytes = QByteArray::fromRawData(
        reinterpret_cast<const char*>(file->data() + 8), static_cast<qsizetype>(headerLength));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(headerBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(path, "header is not valid JSON (" + parseError.errorString().toStdString() +
                              " at byte " + std::to_string(parseError.offset) + ")");

    const std::uint64_t dataStart = 8 + headerLength;
    const std::uint64_t dataSize = size - dataStart;
    Contents contents;
    const QJsonObject header = doc.object();
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string name = it.key().toStdString();
        if (it.key() == QLatin1String("__metadata__")) {
            const QJsonObject meta = it.value().toObject();
            for (auto m = meta.begin(); m != meta.end(); ++m)
                contents.metadata[m.key().toStdString()] = m.value().toString().toStdString();
            continue;
        }
        if (!it.value().isObject())
            throw Error(path, "tensor '" + name + "': entry is not an object");
        const QJsonObject entry = it.value().toObject();
        TensorInfo info;
        info.name = name;
        const QString dtype = entry.value("dtype").toString();
        if (!parseDType(dtype, info.dtype))
            throw Error(path, "tensor '" + name + "': unknown dtype '" + dtype.toStdString() + "'");
        const QJsonArray shape = entry.value("shape").toArray();
        std::uint64_t numel = 1;
        for (const auto& d : shape) {
            const double v = d.toDouble(-1);
            if (!d.isDouble() || v < 0 || v > 9007199254740992.0 || v != std::floor(v))
                throw Error(path, "tensor '" + name + "': invalid shape");
            info.shape.push_back(static_cast<std::int64_t>(v));
            if (v > 0 &&
                numel > std::numeric_limits<std::uint64_t>::max() / static_cast<std::uint64_t>(v))
                throw Error(path, "tensor '" + name + "': shape overflows");
            numel *= static_cast<std::uint64_t>(v);
        }
        const QJsonArray offsets = entry.value("data_offsets").toArray();
        if (offsets.size() != 2 || !offsets[0].isDouble() || !offsets[1].isDouble())
            throw Error(path, "tensor '" + name + "': data_offsets must be two numbers");
        const double b = offsets[0].toDouble(), e = offsets[1].toDouble();
        if (b < 0 || e < b)
            throw Error(path, "tensor '" + name + "': data_offsets are reversed or negative");
        // Beyond 2^53 a JSON number is no longer an exact integer (and beyond 2^64 the cast is
        // undefined): no real file is that large.
        if (e > 9007199254740992.0 || b != std::floor(b) || e != std::floor(e))
            throw Error(path, "tensor '" + name + "': data_offsets are not exact byte positions");
        const auto begin = static_cast<std::uint64_t>(b), end = static_cast<std::uint64_t>(e);
        if (end > dataSize)
            throw Error(path,
                        "tensor '" + name + "': data_offsets [" + std::to_string(begin) + ", " +
                            std::to_string(end) + "] point outside the file (data section has " +
                            std::to_string(dataSize) + " bytes); the file is truncated or corrupt");
        const auto expected = checkedMul(numel, static_cast<std::uint64_t>(dtypeSize(info.dtype)));
        if (!expected ||
            numel > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            throw Error(path, "tensor '" + name + "': shape overflows");
        if (end - begin != *expected)
            throw Error(path, "tensor '" + name + "': " + std::to_string(end - begin) +
                                  " bytes do not match shape and dtype (" +
                                  std::to_string(*expected) + " expected)");
        info.dataOffset = dataStart + begin;
        info.byteLength = end - begin;
        info.file = file;
        ranges.emplace_back(begin, end);
        contents.tensors.push_back(std::move(info));
    }
    // Overlapping tensors would alias each other's bytes: the writer was broken.
    std::sort(ranges.begin(), ranges.end());
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first < ranges[i - 1].second && ranges[i].first != ranges[i].second)
            throw Error(path, "tensors overlap in the data section");
    // JSON objects come back sorted by key; keep the file's data order, as the writer laid it out.
    std::sort(contents.tensors.begin(), contents.tensors.end(),
              [](const TensorInfo& a, const TensorInfo& b) { return a.dataOffset < b.dataOffset; });
    return contents;
}

SafetensorsReader::Contents SafetensorsReader::readSharded(const std::string& indexPath) {
    const QJsonObject map = readJsonObject(indexPath).value("weight_map").toObject();
    if (map.isEmpty()) throw Error(indexPath, "has no weight_map");
    std::set<QString> shards;
    for (auto it = map.begin(); it != map.end(); ++it) shards.insert(it.value().toString());
    const QDir dir = QFileInfo(QString::fromStdString(indexPath)).absoluteDir();
    Contents all;
    for (const QString& shard : shards) {
        if (shard.contains(QLatin1String("..")) || shard.startsWith(QLatin1Char('/')))
            throw Error(indexPath, "shard name '" + shard.toStdString() + "' leaves the folder");
        Contents part = read(dir.filePath(shard).toStdString());
        for (auto& t : part.tensors) all.tensors.push_back(std::move(t));
        all.metadata.merge(part.metadata);
    }
    return all;
}

}  // namespace distilbench
