#include "core/export/ExportTarget.h"

#include <filesystem>

namespace distilbench {
namespace fs = std::filesystem;

bool isExportFileName(const std::string& name) {
    static const char* const kNames[] = {"config.json",
                                         "model.safetensors",
                                         "model.safetensors.index.json",
                                         "pytorch_model.bin",
                                         "pytorch_model.bin.index.json",
                                         "model.onnx",
                                         "tokenizer.json",
                                         "vocab.txt",
                                         "tokenizer_config.json",
                                         "special_tokens_map.json",
                                         "spiece.model",
                                         "sentencepiece.bpe.model",
                                         "spm.model",
                                         "vocab.json",
                                         "merges.txt",
                                         "added_tokens.json",
                                         "README.md"};
    for (const char* n : kNames)
        if (name == n) return true;
    // Shards: model-00001-of-00002.safetensors
    return name.rfind("model-", 0) == 0 && name.ends_with(".safetensors");
}

ExportTarget inspectExportTarget(const std::string& out, const std::string& modelFolder,
                                 bool singleOnnxFile) {
    ExportTarget t;
    std::error_code ec;
    fs::path target = fs::absolute(fs::path(out), ec).lexically_normal();
    // "--out existing/" and "--out ." name the folder itself.
    while (!target.has_filename() && target.has_parent_path() && target != target.root_path())
        target = target.parent_path();
    t.path = target.string();
    auto refuse = [&](const std::string& why) {
        t.state = ExportTarget::State::Refused;
        t.problem = why;
        return t;
    };
    if (target == target.root_path()) return refuse("the root folder cannot be an export target");

    const fs::path model = fs::weakly_canonical(fs::absolute(fs::path(modelFolder), ec), ec);
    const fs::path canonicalTarget = fs::weakly_canonical(target, ec);
    if (!model.empty() && canonicalTarget == model)
        return refuse("is the folder of the model being exported; choose another folder");
    if (!model.empty()) {
        // A target that contains the model would take the model with it when replaced.
        const auto rel = model.lexically_relative(canonicalTarget);
        if (!rel.empty() && *rel.begin() != "..")
            return refuse("contains the model being exported; choose another folder");
    }

    const fs::file_status st = fs::symlink_status(target, ec);
    if (!fs::exists(st)) return t;  // New
    if (fs::is_symlink(st)) return refuse("is a symbolic link; give the real folder or a new name");
    if (singleOnnxFile) {
        if (!fs::is_regular_file(st)) return refuse("exists and is not a file");
        t.state = ExportTarget::State::ExistingOnnxFile;
        t.problem = "exists; replace it (--overwrite) or choose another name";
        return t;
    }
    if (!fs::is_directory(st))
        return refuse("is a file; an export is a folder (or a path ending in .onnx)");
    std::string foreign;
    bool any = false;
    for (const auto& e : fs::directory_iterator(target, ec)) {
        any = true;
        const std::string name = e.path().filename().string();
        std::error_code ec2;
        if (!e.is_regular_file(ec2) || e.is_symlink(ec2) || !isExportFileName(name)) {
            foreign = name;
            break;
        }
    }
    if (ec) return refuse("cannot be read: " + ec.message());
    if (!foreign.empty())
        return refuse("is not empty and holds '" + foreign +
                      "', which is not part of an export; choose a new or empty folder");
    if (!any) {
        t.state = ExportTarget::State::EmptyFolder;
        return t;
    }
    t.state = ExportTarget::State::PreviousExport;
    t.problem = "holds a previous export; replace it (--overwrite) or choose another folder";
    return t;
}

}  // namespace distilbench
