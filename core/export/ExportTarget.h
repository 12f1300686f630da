#pragma once

#include <string>

namespace distilbench {

// What lies at an export's target path, and whether writing there is allowed. The app never
// deletes or replaces anything it did not create: a folder is written only when it is new,
// empty, or holds nothing but a previous export (and the user asked for replacement).
struct ExportTarget {
    enum class State {
        New,               // nothing there: created
        EmptyFolder,       // an empty folder: filled
        PreviousExport,    // only export files (config, weights, card): replaced on request
        ExistingOnnxFile,  // a .onnx file: replaced on request
        Refused,           // a file, a folder with other files, the model's own folder
    };
    State state = State::New;
    std::string path;     // absolute, normalised
    std::string problem;  // for Refused, and the reason replacement must be confirmed

    bool needsConfirmation() const {
        return state == State::PreviousExport || state == State::ExistingOnnxFile;
    }
};

// singleOnnxFile: the target is a .onnx file rather than a folder.
ExportTarget inspectExportTarget(const std::string& out, const std::string& modelFolder,
                                 bool singleOnnxFile);

// The names an export writes; a folder holding only these is a previous export.
bool isExportFileName(const std::string& name);

}  // namespace distilbench
