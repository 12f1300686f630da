#include "core/weights/TorchCheckpointReader.h"

#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <variant>

#include "core/runtime/Error.h"
#include "core/util/CheckedMath.h"
#include "core/util/MappedFile.h"
#include "core/weights/ZipArchive.h"

namespace distilbench {

namespace {

// A minimal value model for the subset of pickle that torch.save produces for state dicts.
// Values live in the Unpickler's arena and point at each other with plain pointers: freeing a
// million nested lists is then one flat loop, never a recursion that overflows the stack.
struct Value;
using ValuePtr = Value*;
struct Global {
    std::string module, name;
};
struct Storage {
    std::string key;
    DType dtype;
    std::int64_t numel;
};
struct TensorRef {
    Storage storage;
    std::int64_t offset;
    std::vector<std::int64_t> size, stride;
};
struct Mark {};
struct None {};
struct List {
    std::vector<ValuePtr> items;
};
struct Tuple {
    std::vector<ValuePtr> items;
};
struct Dict {
    std::vector<std::pair<ValuePtr, ValuePtr>> items;
};

struct Value {
    std::variant<None, bool, std::int64_t, double, std::string, Global, Storage, TensorRef, Mark,
                 List, Tuple, Dict>
        v;
};

// Caps on what a pickle may build. A state dict of a large encoder needs a few thousand values;
// these stop a small crafted file from exhausting memory.
constexpr std::size_t kMaxPickleValues = 4'000'000;
constexpr std::size_t kMaxPickleStack = 1'000'000;

const std::map<std::string, DType>& storageTypes() {
    static const std::map<std::string, DType> types = {
        {"FloatStorage", DType::F32},     {"HalfStorage", DType::F16},
        {"BFloat16Storage", DType::BF16}, {"DoubleStorage", DType::F64},
        {"LongStorage", DType::I64},      {"IntStorage", DType::I32},
        {"ShortStorage", DType::I16},     {"CharStorage", DType::I8},
        {"ByteStorage", DType::U8},       {"BoolStorage", DType::Bool}};
    return types;
}

class Unpickler {
public:
    Unpickler(const std::string& file, const std::uint8_t* data, std::size_t size)
        : file_(file), p_(data), end_(data + size) {}

    ValuePtr make(auto x) {
        if (arena_.size() >= kMaxPickleValues)
            fail("the pickle builds more than " + std::to_string(kMaxPickleValues) +
                 " objects: not a state dict");
        arena_.emplace_back();
        arena_.back().v = std::move(x);
        return &arena_.back();
    }

    ValuePtr run() {
        for (;;) {
            if (stack_.size() > kMaxPickleStack)
                fail("the pickle stack grows beyond " + std::to_string(kMaxPickleStack) +
                     " entries: not a state dict");
            const std::uint8_t op = byte();
            switch (op) {
                case 0x80:
                    byte();
                    break;  // PROTO
                case 0x95:
                    skip(8);
                    break;  // FRAME
                case '.':
                    return pop();  // STOP
                case '(':
                    stack_.push_back(make(Mark{}));
                    break;  // MARK
                case '}':
                    stack_.push_back(make(Dict{}));
                    break;
                case ']':
                    stack_.push_back(make(List{}));
                    break;
                case ')':
                    stack_.push_back(make(Tuple{}));
                    break;
                case 'N':
                    stack_.push_back(make(None{}));
                    break;
                case 0x88:
                    stack_.push_back(make(true));
                    break;
                case 0x89:
                    stack_.push_back(make(false));
                    break;
                case 'J': {
                    std::int32_t v;
                    read(&v, 4);
                    stack_.push_back(make(std::int64_t(v)));
                    break;
                }
                case 'K':
                    stack_.push_back(make(std::int64_t(byte())));
                    break;
                case 'M': {
                    std::uint16_t v;
                    read(&v, 2);
                    stack_.push_back(make(std::int64_t(v)));
                    break;
                }
                case 0x8a: {  // LONG1
                    const std::uint8_t n = byte();
                    if (n > 8) fail("integer too large");
                    std::int64_t v = 0;
                    std::uint8_t buf[8] = {};
                    read(buf, n);
                    std::memcpy(&v, buf, 8);
                    if (n > 0 && n < 8 && (buf[n - 1] & 0x80)) v -= std::int64_t(1) << (8 * n);
                    stack_.push_back(make(v));
                    break;
                }
                case 'G': {  // BINFLOAT, big-endian
                    std::uint8_t b[8];
                    read(b, 8);
                    std::uint64_t u = 0;
                    for (int i = 0; i < 8; ++i) u = (u << 8) | b[i];
                    double d;
                    std::memcpy(&d, &u, 8);
                    stack_.push_back(make(d));
                    break;
                }
                case 'X': {
                    std::uint32_t n;
                    read(&n, 4);
                    stack_.push_back(make(str(n)));
                    break;
                }
                case 0x8c: {
                    const std::uint8_t n = byte();
                    stack_.push_back(make(str(n)));
                    break;
                }
                case 'T': {
                    std::uint32_t n;
                    read(&n, 4);
                    stack_.push_back(make(str(n)));
                    break;
                }
                case 'U': {
                    const std::uint8_t n = byte();
                    stack_.push_back(make(str(n)));
                    break;
                }
                case 'c': {  // GLOBAL "module\nname\n"
                    const std::string module = line(), name = line();
                    stack_.push_back(global(module, name));
                    break;
                }
                case 0x93: {  // STACK_GLOBAL
                    const std::string name = asString(pop()), module = asString(pop());
                    stack_.push_back(global(module, name));
                    break;
                }
                case 'q': {
                    memo_[byte()] = top();
                    break;
                }
                case 'r': {
                    std::uint32_t i;
                    read(&i, 4);
                    memo_[i] = top();
                    break;
                }
                case 0x94: {
                    const auto i = memo_.size();
                    memo_[i] = top();
                    break;
                }
                case 'h': {
                    stack_.push_back(memoGet(byte()));
                    break;
                }
                case 'j': {
                    std::uint32_t i;
                    read(&i, 4);
                    stack_.push_back(memoGet(i));
                    break;
                }
                case 't': {
                    Tuple t;
                    t.items = popToMark();
                    stack_.push_back(make(std::move(t)));
                    break;
                }
                case 0x85: {
                    Tuple t;
                    t.items = {pop()};
                    stack_.push_back(make(std::move(t)));
                    break;
                }
                case 0x86: {
                    auto b = pop(), a = pop();
                    stack_.push_back(make(Tuple{{a, b}}));
                    break;
                }
                case 0x87: {
                    auto c = pop(), b = pop(), a = pop();
                    stack_.push_back(make(Tuple{{a, b, c}}));
                    break;
                }
                case 'l': {
                    List l;
                    l.items = popToMark();
                    stack_.push_back(make(std::move(l)));
                    break;
                }
                case 'a': {
                    auto v = pop();
                    asList(top()).items.push_back(v);
                    break;
                }
                case 'e': {
                    auto items = popToMark();
                    auto& l = asList(top());
                    l.items.insert(l.items.end(), items.begin(), items.end());
                    break;
                }
                case 's': {
                    auto v = pop(), k = pop();
                    asDict(top()).items.emplace_back(k, v);
                    break;
                }
                case 'u': {
                    auto items = popToMark();
                    if (items.size() % 2) fail("odd SETITEMS");
                    auto& d = asDict(top());
                    for (std::size_t i = 0; i < items.size(); i += 2)
                        d.items.emplace_back(items[i], items[i + 1]);
                    break;
                }
                case 'd': {
                    auto items = popToMark();
                    Dict d;
                    for (std::size_t i = 0; i + 1 < items.size(); i += 2)
                        d.items.emplace_back(items[i], items[i + 1]);
                    stack_.push_back(make(std::move(d)));
                    break;
                }
                case 'b':
                    pop();
                    break;  // BUILD: state such as _metadata is irrelevant to weights
                case 'Q':
                    stack_.push_back(persistent(pop()));
                    break;
                case 'R': {
                    auto args = pop();
                    auto fn = pop();
                    stack_.push_back(reduce(fn, args));
                    break;
                }
                case 0x81: {  // NEWOBJ cls args: only OrderedDict is allowed as a class
                    auto args = pop();
                    stack_.push_back(reduce(pop(), args));
                    break;
                }
                default: {
                    char buf[64];
                    std::snprintf(buf, sizeof(buf), "unsupported pickle opcode 0x%02x", op);
                    fail(buf);
                }
            }
        }
    }

private:
    [[noreturn]] void fail(const std::string& what) const { throw Error(file_, what); }
    std::uint8_t byte() {
        if (p_ >= end_) fail("pickle data ends early (truncated file)");
        return *p_++;
    }
    void read(void* out, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n)
            fail("pickle data ends early (truncated file)");
        std::memcpy(out, p_, n);
        p_ += n;
    }
    void skip(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n)
            fail("pickle data ends early (truncated file)");
        p_ += n;
    }
    std::string str(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n)
            fail("pickle data ends early (truncated file)");
        std::string s(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        return s;
    }
    std::string line() {
        std::string s;
        for (char c; (c = static_cast<char>(byte())) != '\n';) s.push_back(c);
        return s;
    }
    ValuePtr pop() {
        if (stack_.empty()) fail("corrupt pickle (stack underflow)");
        auto v = stack_.back();
        stack_.pop_back();
        return v;
    }
    ValuePtr top() {
        if (stack_.empty()) fail("corrupt pickle (stack underflow)");
        return stack_.back();
    }
    ValuePtr memoGet(std::uint32_t i) {
        auto it = memo_.find(i);
        if (it == memo_.end()) fail("corrupt pickle (unknown memo entry)");
        return it->second;
    }
    std::vector<ValuePtr> popToMark() {
        std::vector<ValuePtr> items;
        for (;;) {
            auto v = pop();
            if (std::holds_alternative<Mark>(v->v)) break;
            items.push_back(v);
        }
        return {items.rbegin(), items.rend()};
    }
    std::string asString(const ValuePtr& v) {
        if (auto s = std::get_if<std::string>(&v->v)) return *s;
        fail("corrupt pickle (expected a string)");
    }
    std::int64_t asInt(const ValuePtr& v) {
        if (auto i = std::get_if<std::int64_t>(&v->v)) return *i;
        fail("corrupt pickle (expected an integer)");
    }
    List& asList(const ValuePtr& v) {
        if (auto l = std::get_if<List>(&v->v)) return *l;
        fail("corrupt pickle (expected a list)");
    }
    Dict& asDict(const ValuePtr& v) {
        if (auto d = std::get_if<Dict>(&v->v)) return *d;
        fail("corrupt pickle (expected a dict)");
    }
    const std::vector<ValuePtr>& asTuple(const ValuePtr& v) {
        if (auto t = std::get_if<Tuple>(&v->v)) return t->items;
        fail("corrupt pickle (expected a tuple)");
    }
    std::vector<std::int64_t> intTuple(const ValuePtr& v) {
        std::vector<std::int64_t> out;
        for (const auto& x : asTuple(v)) out.push_back(asInt(x));
        return out;
    }

    ValuePtr global(const std::string& module, const std::string& name) {
        if (!TorchCheckpointReader::isAllowedGlobal(module, name))
            fail("refused to load: the pickle references the global '" + module + "." + name +
                 "', which is not needed for weights (only tensor-rebuild globals are allowed, as "
                 "with "
                 "torch.load(weights_only=True))");
        return make(Global{module, name});
    }

    ValuePtr persistent(const ValuePtr& pid) {
        const auto& t = asTuple(pid);
        if (t.size() < 5 || asString(t[0]) != "storage") fail("unsupported persistent id");
        const auto* type = std::get_if<Global>(&t[1]->v);
        if (!type) fail("unsupported storage type");
        const auto it = storageTypes().find(type->name);
        if (it == storageTypes().end()) fail("unsupported storage type " + type->name);
        return make(Storage{asString(t[2]), it->second, asInt(t[4])});
    }

    ValuePtr reduce(const ValuePtr& fnValue, const ValuePtr& args) {
        const auto* fn = std::get_if<Global>(&fnValue->v);
        if (!fn) fail("corrupt pickle (REDUCE on a non-callable)");
        const auto& a = asTuple(args);
        if (fn->name == "OrderedDict") return make(Dict{});
        if (fn->name == "_rebuild_tensor_v2") {
            if (a.size() < 4) fail("corrupt tensor record");
            const auto* storage = std::get_if<Storage>(&a[0]->v);
            if (!storage) fail("corrupt tensor record (no storage)");
            return make(TensorRef{*storage, asInt(a[1]), intTuple(a[2]), intTuple(a[3])});
        }
        if (fn->name == "_rebuild_parameter" || fn->name == "_rebuild_parameter_with_state") {
            if (a.empty()) fail("corrupt parameter record");
            return a[0];
        }
        fail("global " + fn->module + "." + fn->name + " cannot be called here");
    }

    std::string file_;
    std::deque<Value> arena_;  // owns every value; deque: pointers stay valid as it grows
    const std::uint8_t* p_;
    const std::uint8_t* end_;
    std::vector<ValuePtr> stack_;
    std::map<std::uint32_t, ValuePtr> memo_;
};

}  // namespace

bool TorchCheckpointReader::isAllowedGlobal(const std::string& module, const std::string& name) {
    if (module == "collections" && name == "OrderedDict") return true;
    if (module == "torch._utils" && (name == "_rebuild_tensor_v2" || name == "_rebuild_parameter" ||
                                     name == "_rebuild_parameter_with_state"))
        return true;
    if (module == "torch" && storageTypes().count(name)) return true;
    return false;
}

namespace {

// A tensor view (offset, sizes, strides) must stay inside its storage, and the storage inside
// its zip entry. Every product and sum is overflow-checked; negative sizes and strides are
// refused (torch.save never writes them), so LibTorch never sees a view it would reject.
void checkView(const std::string& path, const std::string& key, const TensorRef& ref,
               std::uint64_t entryBytes) {
    auto bad = [&](const std::string& why) { throw Error(path, "tensor '" + key + "': " + why); };
    if (ref.storage.numel < 0) bad("negative storage size");
    const auto storageBytes = checkedMul(static_cast<std::uint64_t>(ref.storage.numel),
                                         static_cast<std::uint64_t>(dtypeSize(ref.storage.dtype)));
    if (!storageBytes) bad("storage size overflows");
    if (entryBytes < *storageBytes) bad("storage is shorter than declared (truncated?)");
    if (ref.size.size() != ref.stride.size()) bad("sizes and strides differ in length");
    if (ref.size.size() > 64) bad("more than 64 dimensions");
    if (ref.offset < 0) bad("negative storage offset");
    std::int64_t last = ref.offset, numel = 1;
    bool empty = false;
    for (std::size_t i = 0; i < ref.size.size(); ++i) {
        if (ref.size[i] < 0) bad("negative size");
        if (ref.stride[i] < 0) bad("negative stride");
        if (ref.size[i] == 0) empty = true;
        const auto n = checkedMul(numel, ref.size[i]);
        if (!n) bad("element count overflows");
        numel = *n;
    }
    if (empty) return;
    for (std::size_t i = 0; i < ref.size.size(); ++i) {
        const auto reach = checkedMul(ref.size[i] - 1, ref.stride[i]);
        const auto sum = reach ? checkedAdd(last, *reach) : std::nullopt;
        if (!sum) bad("view lies outside its storage (offset overflows)");
        last = *sum;
    }
    if (last >= ref.storage.numel) bad("view lies outside its storage");
}

}  // namespace

std::vector<TensorInfo> TorchCheckpointReader::read(const std::string& path) {
    if (!ZipArchive::looksLikeZip(path))
        throw Error(
            path, "not a zip-format torch.save file (the legacy pre-1.6 format is not supported)");
    ZipArchive zip(path);
    const ZipArchive::Entry* pickle = nullptr;
    for (const auto& e : zip.entries()) {
        const auto slash = e.name.find('/');
        if (slash != std::string::npos && e.name.substr(slash + 1) == "data.pkl") {
            pickle = &e;
            break;
        }
    }
    if (!pickle) throw Error(path, "no data.pkl inside: not a torch.save checkpoint");
    const std::string prefix = pickle->name.substr(0, pickle->name.find('/') + 1);
    Unpickler unpickler(path, zip.data(*pickle), pickle->size);
    const ValuePtr root = unpickler.run();
    const auto* dict = std::get_if<Dict>(&root->v);
    if (!dict)
        throw Error(path, "the checkpoint is not a state dict (its top level is not a dict)");

    std::vector<TensorInfo> tensors;
    for (const auto& [k, v] : dict->items) {
        const auto* key = std::get_if<std::string>(&k->v);
        const auto* ref = std::get_if<TensorRef>(&v->v);
        if (!key || !ref) continue;  // non-tensor entries (rare) carry no weights
        const std::string entryName = prefix + "data/" + ref->storage.key;
        const auto* entry = zip.find(entryName);
        if (!entry)
            throw Error(path, "tensor '" + *key + "': storage " + entryName + " is missing");
        if (!entry->stored) throw Error(path, "tensor '" + *key + "': storage is compressed");
        checkView(path, *key, *ref, entry->size);
        TensorInfo info;
        info.name = *key;
        info.dtype = ref->storage.dtype;
        info.shape = ref->size;
        info.strides = ref->stride;
        info.storageOffset = ref->offset;
        info.dataOffset = entry->dataOffset;
        info.byteLength = entry->size;
        info.file = zip.file();
        tensors.push_back(std::move(info));
    }
    return tensors;
}

}  // namespace distilbench
