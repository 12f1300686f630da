#include "core/weights/WeightWriter.h"

#include <ATen/ATen.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstring>
#include <unordered_map>

#include "core/runtime/Error.h"
#include "core/util/AtomicFile.h"
#include "core/weights/ZipWriter.h"

namespace distilbench {

namespace {

const char* safetensorsDType(at::ScalarType t, const std::string& name, const std::string& path) {
    switch (t) {
        case at::kFloat:
            return "F32";
        case at::kHalf:
            return "F16";
        case at::kBFloat16:
            return "BF16";
        case at::kDouble:
            return "F64";
        case at::kLong:
            return "I64";
        case at::kInt:
            return "I32";
        case at::kShort:
            return "I16";
        case at::kChar:
            return "I8";
        case at::kByte:
            return "U8";
        case at::kBool:
            return "BOOL";
        default:
            throw Error(path, "tensor '" + name + "' has a dtype safetensors cannot store");
    }
}

const char* storageName(at::ScalarType t) {
    switch (t) {
        case at::kFloat:
            return "FloatStorage";
        case at::kHalf:
            return "HalfStorage";
        case at::kBFloat16:
            return "BFloat16Storage";
        case at::kDouble:
            return "DoubleStorage";
        case at::kLong:
            return "LongStorage";
        case at::kInt:
            return "IntStorage";
        case at::kShort:
            return "ShortStorage";
        case at::kChar:
            return "CharStorage";
        case at::kByte:
            return "ByteStorage";
        case at::kBool:
            return "BoolStorage";
        default:
            return nullptr;
    }
}

// Protocol-2 pickle opcodes, just enough for a state dict.
class PickleWriter {
public:
    void proto() { out_ += "\x80\x02"; }
    void global(const std::string& module, const std::string& name) {
        out_ += 'c' + module + '\n' + name + '\n';
    }
    void mark() { out_ += '('; }
    void tuple() { out_ += 't'; }
    void emptyTuple() { out_ += ')'; }
    void reduce() { out_ += 'R'; }
    void setItems() { out_ += 'u'; }
    void persistentId() { out_ += 'Q'; }
    void newFalse() { out_ += '\x89'; }
    void stop() { out_ += '.'; }
    void string(const std::string& s) {
        out_ += 'X';
        const auto n = static_cast<std::uint32_t>(s.size());
        out_.append(reinterpret_cast<const char*>(&n), 4);
        out_ += s;
    }
    void integer(std::int64_t v) {
        if (v >= 0 && v < 256) {
            out_ += 'K';
            out_ += static_cast<char>(v);
        } else if (v >= INT32_MIN && v <= INT32_MAX) {
            out_ += 'J';
            const auto i = static_cast<std::int32_t>(v);
            out_.append(reinterpret_cast<const char*>(&i), 4);
        } else {
            out_ += "\x8a\x08";
            out_.append(reinterpret_cast<const char*>(&v), 8);
        }
    }
    void intTuple(at::IntArrayRef values) {
        mark();
        for (auto v : values) integer(v);
        tuple();
    }
    const std::string& bytes() const { return out_; }

private:
    std::string out_;
};

}  // namespace

void writeSafetensors(const std::string& path, const NamedTensors& tensors,
                      const std::map<std::string, std::string>& metadata) {
    QJsonObject header;
    if (!metadata.empty()) {
        QJsonObject meta;
        for (const auto& [k, v] : metadata)
            meta[QString::fromStdString(k)] = QString::fromStdString(v);
        header["__metadata__"] = meta;
    }
    std::vector<at::Tensor> data;
    std::uint64_t offset = 0;
    for (const auto& [name, tensor] : tensors) {
        const at::Tensor t = tensor.detach().to(at::kCPU).contiguous();
        QJsonArray shape;
        for (auto d : t.sizes()) shape.append(static_cast<qint64>(d));
        const std::uint64_t bytes = t.numel() * t.element_size();
        header[QString::fromStdString(name)] = QJsonObject{
            {"dtype", safetensorsDType(t.scalar_type(), name, path)},
            {"shape", shape},
            {"data_offsets",
             QJsonArray{static_cast<qint64>(offset), static_cast<qint64>(offset + bytes)}}};
        offset += bytes;
        data.push_back(t);
    }
    QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
    while (json.size() % 8) json.append(' ');
    AtomicFile file(path);
    const std::uint64_t n = static_cast<std::uint64_t>(json.size());
    file.write(&n, 8);
    file.write(json.constData(), static_cast<std::size_t>(json.size()));
    for (const auto& t : data)
        file.write(t.data_ptr(), static_cast<std::size_t>(t.numel() * t.element_size()));
    file.commit();
}

void writeTorchCheckpoint(const std::string& path, const NamedTensors& tensors) {
    const std::string root = "archive/";
    PickleWriter pk;
    pk.proto();
    pk.global("collections", "OrderedDict");
    pk.emptyTuple();
    pk.reduce();
    pk.mark();
    std::unordered_map<const void*, std::string> storageKeys;
    std::vector<std::pair<std::string, at::Tensor>> storages;
    for (const auto& [name, tensor] : tensors) {
        at::Tensor t = tensor.detach().to(at::kCPU);
        const char* type = storageName(t.scalar_type());
        if (!type)
            throw Error(path,
                        "tensor '" + name + "' has a dtype torch.save storages cannot hold here");
        const void* storage = t.storage().unsafeGetStorageImpl();
        auto it = storageKeys.find(storage);
        if (it == storageKeys.end()) {
            it = storageKeys.emplace(storage, std::to_string(storages.size())).first;
            storages.emplace_back(it->second, t);
        }
        const std::int64_t storageNumel =
            static_cast<std::int64_t>(t.storage().nbytes()) / t.element_size();
        pk.string(name);
        pk.global("torch._utils", "_rebuild_tensor_v2");
        pk.mark();
        pk.mark();
        pk.string("storage");
        pk.global("torch", type);
        pk.string(it->second);
        pk.string("cpu");
        pk.integer(storageNumel);
        pk.tuple();
        pk.persistentId();
        pk.integer(t.storage_offset());
        pk.intTuple(t.sizes());
        pk.intTuple(t.strides());
        pk.newFalse();
        pk.global("collections", "OrderedDict");
        pk.emptyTuple();
        pk.reduce();
        pk.tuple();
        pk.reduce();
    }
    pk.setItems();
    pk.stop();

    ZipWriter zip(path);
    zip.add(root + "data.pkl", pk.bytes().data(), pk.bytes().size());
    zip.add(root + "byteorder", "little", 6);
    for (const auto& [key, t] : storages) {
        const at::Storage& s = t.storage();
        zip.add(root + "data/" + key, s.data(), s.nbytes());
    }
    zip.add(root + "version", "3\n", 2);
    zip.finish();
}

}  // namespace distilbench
