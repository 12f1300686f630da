#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace distilbench {
class Pipeline;
class Tokenizer;
struct ModelConfig;
}  // namespace distilbench
class JobRunner;

// What the user has open: the current model with its tokenizer (a Pipeline), and the tokenizer
// on its own when only a tokenizer file was opened. Loading runs on the job runner.
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(JobRunner* runner, QObject* parent = nullptr);

    std::shared_ptr<distilbench::Pipeline> pipeline() const { return pipeline_; }
    std::shared_ptr<distilbench::Tokenizer> tokenizer() const;
    QString modelName() const { return modelName_; }
    QString modelPath() const { return modelPath_; }
    JobRunner* runner() const { return runner_; }

    // A model folder or weights file, or a tokenizer file (tokenizer.json, vocab.txt, .model).
    // Returns the job id.
    int open(const QString& path);
    // A new, randomly initialised model from a preset shape, with the given tokenizer folder or
    // file.
    int createFromPreset(const QString& preset, int head, int numLabels,
                         const QString& tokenizerPath);
    void setPipeline(std::shared_ptr<distilbench::Pipeline> pipeline, const QString& name,
                     const QString& path);
    // Moves the open model to the device chosen in Settings (on the job runner).
    void applyDeviceSetting();
    static bool isTokenizerFile(const QString& path);
    // Opens the built-in SST-2 demo model; returns -1 when it is not installed.
    int openDemo();
    static bool demoAvailable();

Q_SIGNALS:
    void modelChanged();
    void tokenizerChanged();
    // A model folder or tokenizer file opened successfully (what Open Recent lists).
    void opened(const QString& path);

private:
    JobRunner* runner_;
    std::shared_ptr<distilbench::Pipeline> pipeline_;
    std::shared_ptr<distilbench::Tokenizer> tokenizerOnly_;
    QString modelName_, modelPath_;
};
