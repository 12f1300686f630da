#include "core/training/Trainer.h"

#include <ATen/ATen.h>
#include <ATen/autocast_mode.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <set>
#include <thread>

#include "core/distillation/DistillationObjective.h"
#include "core/distillation/DistillationPlan.h"
#include "core/distillation/StudentInitializer.h"
#include "core/distillation/TokenMasker.h"
#include "core/evaluation/Evaluation.h"
#include "core/export/TokenizerFiles.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/training/AdamW.h"
#include "core/training/Batches.h"
#include "core/training/Checkpoint.h"
#include "core/training/DistributedContext.h"
#include "core/training/Objective.h"
#include "core/training/RunDatasets.h"
#include "core/training/RunFolder.h"
#include "core/training/Schedule.h"
#include "core/training/StartingModel.h"
#include "core/training/TensorBoardWriter.h"
#include "core/training/TrainingDynamics.h"
#include "core/training/TrainingOptions.h"
#include "core/util/AtomicFile.h"
#include "core/util/JsonFile.h"
#include "core/weights/WeightLoader.h"
#include "core/weights/WeightWriter.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {

// Data-parallel rank from the torchrun variables: only rank 0 writes the run folder.
bool isWriterRank() {
    const char* rank = std::getenv("RANK");
    return !rank || std::string(rank).empty() || std::string(rank) == "0";
}

class Session {
public:
    Session(TrainingConfig config, std::string runDir, const TrainerCallbacks& cb)
        : cfg_(std::move(config)), dir_(std::move(runDir)), cb_(cb) {}

    // Whether the first training step began (before it, a failed run left nothing worth keeping).
    bool started() const { return started_; }

    TrainingOutcome run(bool resume) {
        const auto start = std::chrono::steady_clock::now();
        sessionStart_ = start;
        setup(resume);
        started_ = true;
        TrainingOutcome out = loop();
        out.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return out;
    }

private:
    void setup(bool resume) {
        dist_ = DistributedContext::fromEnvironment();
        writer_ = !dist_ || dist_->rank() == 0;
        cb_.job.report(0.0, "reading data");
        if (cfg_.distillation.enabled) loadTeacher();
        // Label ids follow the teacher's labels, or those of the model being fine-tuned.
        std::vector<std::string> order, modelLabels;
        bool strict = false;
        if (teacher_ && cfg_.task != Task::MaskedLM) {
            order = teacher_->config().labels;
            strict = true;
        } else if (!cfg_.model.empty() &&
                   (cfg_.task == Task::Classification || cfg_.task == Task::TokenClassification)) {
            std::error_code ec;
            const fs::path config = fs::path(cfg_.model) / "config.json";
            if (fs::is_regular_file(config, ec)) {
                const ModelConfig mc = ModelConfig::load(config.string());
                if (mc.head == Objective::headFor(cfg_.task)) modelLabels = order = mc.labels;
            }
        }
        RunDatasets data = readRunDatasets(cfg_, order, strict);
        train_ = std::move(data.train);
        // A model fine-tuned on data labelled by its ids ("0", "1") keeps its label names.
        if (cfg_.labelDisplayNames.empty() && !modelLabels.empty()) {
            cfg_.labelDisplayNames = keptLabelNames(train_.labels, modelLabels);
            if (!cfg_.labelDisplayNames.empty()) {
                std::string names;
                for (const auto& n : cfg_.labelDisplayNames)
                    names += (names.empty() ? "" : ", ") + n;
                cb_.notice("the data's labels 0-" + std::to_string(train_.labels.size() - 1) +
                           " are taken as the ids of the model's labels (" + names + ")");
            }
        }
        // The run's config.json records the label order it trains with (resume, evaluate).
        if (cfg_.task != Task::Regression && cfg_.task != Task::MaskedLM && cfg_.labels.empty())
            cfg_.labels = train_.labels;
        validation_ = std::move(data.validation);
        test_ = std::move(data.test);
        for (const Dataset* d : {&train_, &validation_, &test_})
            for (const auto& w : d->warnings) cb_.notice(d->source + ": " + w);

        cb_.job.report(0.02, "preparing the model");
        buildModel();
        const int maxLength = std::min(cfg_.maxLength, model_->config().maxPositions);
        trainData_ = encodeDataset(train_, *tokenizer_, maxLength);
        valData_ = encodeDataset(validation_, *tokenizer_, maxLength);
        if (!test_.examples.empty()) testData_ = encodeDataset(test_, *tokenizer_, maxLength);
        if (trainData_.empty()) throw Error(cfg_.trainFile, "has no training examples");
        checkTargets(train_);
        checkTargets(validation_);
        // NaN weights in the starting model would be blamed on the learning rate later.
        if (const std::string bad = Checkpoint::firstNonFinite(model_->encoder().stateDict(false));
            !bad.empty())
            throw Error(cfg_.model.empty() ? cfg_.distillation.student : cfg_.model,
                        "the weight '" + bad + "' holds NaN or infinite values");
        // Only now, with data and model checked, does the run folder get its first files.
        if (writer_) {
            std::error_code ec;
            fs::create_directories(fs::path(dir_) / "checkpoints", ec);
            if (ec) throw Error(dir_, "cannot create the run folder: " + ec.message());
        }

        setupOptimizer();
        // Its weights change every step: pre-packed inference copies would only cost memory.
        model_->encoder().setPackedFloat32(false);
        // --batch-size is per process: a data-parallel step sees batch_size x world_size examples.
        const int globalBatch = cfg_.batchSize * (dist_ ? dist_->worldSize() : 1);
        const int batches = static_cast<int>((trainData_.size() + globalBatch - 1) / globalBatch);
        stepsPerEpoch_ = (batches + cfg_.gradientAccumulation - 1) / cfg_.gradientAccumulation;
        totalSteps_ = cfg_.maxSteps > 0 ? cfg_.maxSteps : stepsPerEpoch_ * cfg_.epochs;
        const int warmup = cfg_.warmupSteps > 0
                               ? cfg_.warmupSteps
                               : static_cast<int>(std::ceil(cfg_.warmupRatio * totalSteps_));
        schedule_ = LearningRateSchedule(cfg_.scheduler, warmup, totalSteps_);
        if (cfg_.metricForBest.empty()) cfg_.metricForBest = cfg_.mainMetric();
        if (cfg_.task == Task::MaskedLM) prepareMasker();
        if (teacher_) {
            distillation_ = std::make_unique<DistillationObjective>(cfg_.distillation, teacher_,
                                                                    cfg_.task, classWeights_,
                                                                    cfg_.labelSmoothing, cfg_.bf16);
            prepareDistillation();
        }

        at::Generator gen = at::globalContext().defaultGenerator(
            c10::DeviceType::CPU);  // a handle to the global one
        {
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_current_seed(cfg_.seed);
        }
        prepareDynamics(resume);
        if (resume)
            loadCheckpoint();
        else if (writer_)
            writeJsonAtomically((fs::path(dir_) / "config.json").string(), cfg_.toJson());
        if (writer_) tensorboard_ = std::make_unique<TensorBoardWriter>(dir_);
    }

    // Regression targets must be numbers: a NaN target makes every loss NaN.
    void checkTargets(const Dataset& d) const {
        if (cfg_.task != Task::Regression) return;
        for (std::size_t i = 0; i < d.examples.size(); ++i)
            if (!std::isfinite(d.examples[i].target))
                throw Error(d.source, "example " + std::to_string(i + 1) +
                                          " has a target that is not a finite number (" +
                                          std::to_string(d.examples[i].target) + ")");
    }

    void buildModel() {
        const HeadType head = Objective::headFor(cfg_.task);
        std::vector<std::string> labels =
            cfg_.task == Task::Regression ? std::vector<std::string>{"LABEL_0"} : train_.labels;
        if (!cfg_.labelDisplayNames.empty()) {
            if (cfg_.labelDisplayNames.size() != labels.size())
                throw Error(std::to_string(cfg_.labelDisplayNames.size()) +
                            " label names given for " + std::to_string(labels.size()) + " labels");
            labels = cfg_.labelDisplayNames;
        }
        std::string tokenizerSource = cfg_.tokenizer;
        if (!cfg_.preset.empty() && !teacher_) {
            if (tokenizerSource.empty()) tokenizerSource = bundledVocabPath();
            if (tokenizerSource.empty())
                throw Error("no tokenizer given and the bundled BERT vocabulary is missing");
            tokenizer_ = Tokenizer::load(tokenizerSource);
            ModelConfig c = ModelConfig::preset(cfg_.preset, head);
            c.vocabSize = static_cast<int>(tokenizer_->vocabSize());
            // The model's padding is the tokenizer's (RoBERTa's positions start after it).
            c.padTokenId = static_cast<int>(tokenizer_->specialTokens().padId);
            if (c.isRobertaLike()) c.maxPositions = std::max(c.maxPositions, c.padTokenId + 2);
            c.labels = labels;
            c.problemType = Objective::problemTypeFor(cfg_.task);
            model_ = Model::create(c, cfg_.seed);
        } else if (teacher_) {
            if (tokenizerSource.empty()) tokenizerSource = teacher_->folder();
            tokenizer_ = Tokenizer::load(tokenizerSource);
            buildStudent(head, labels);
        } else {
            // Training may start from a partly initialised model; it says which weights are new.
            auto base = Model::load(cfg_.model, {}, LoadOptions{.allowMissingWeights = true});
            if (tokenizerSource.empty()) tokenizerSource = base->folder();
            tokenizer_ = Tokenizer::load(tokenizerSource);
            model_ = withHead(*base, head, labels);
        }
        tokenizerSource_ = tokenizerSource;
        model_->encoder().resetCalibrationTemperature();
        if (static_cast<int>(tokenizer_->vocabSize()) > model_->config().vocabSize)
            throw Error(tokenizerSource, "the tokenizer has " +
                                             std::to_string(tokenizer_->vocabSize()) +
                                             " tokens but the model only " +
                                             std::to_string(model_->config().vocabSize));
        EncoderModel& enc = model_->encoder();
        enc.setTraining(true);
        // Frozen parts keep requires_grad off and stay out of the optimizer.
        trainable_ =
            StartingModel::trainableParameters(enc, cfg_.freezeEmbeddings, cfg_.freezeLayers);
        if (cfg_.task != Task::Regression && !cfg_.classWeights.empty())
            classWeights_ =
                at::tensor(Objective::classWeights(train_, cfg_.classWeights), at::kDouble)
                    .to(at::kFloat)
                    .to(enc.device());
    }

    std::shared_ptr<Model> withHead(Model& base, HeadType head,
                                    const std::vector<std::string>& labels) const {
        return StartingModel::withHead(base, head, labels, cfg_.task, cfg_.seed,
                                       [this](const std::string& m) { cb_.notice(m); });
    }

    void loadTeacher() {
        const DistillationSettings& ds = cfg_.distillation;
        if (ds.teacher.empty()) throw Error("distillation needs a teacher model folder");
        teacher_ = Model::load(ds.teacher);
        // Every rule of a valid setup (task, teacher head, student shape, vocabulary, widths,
        // loss weights) is checked here, before any data is read.
        plan_ = planStudent(ds, teacher_->config(), cfg_.task);
        plan_.require();
        teacher_->encoder().setTraining(false);
        teacher_->encoder().setRequiresGrad(false);
    }

    void buildStudent(HeadType head, std::vector<std::string> labels) {
        const DistillationSettings& ds = cfg_.distillation;
        const ModelConfig& tc = teacher_->config();
        if (head != HeadType::MaskedLM && cfg_.labelDisplayNames.empty())
            labels = tc.labels;  // the teacher's names
        switch (ds.studentSource) {
            case DistillationSettings::StudentSource::Preset: {
                ModelConfig c = plan_.student;
                if (head != HeadType::MaskedLM) c.labels = labels;
                model_ = Model::create(c, cfg_.seed);
                break;
            }
            case DistillationSettings::StudentSource::Model: {
                auto base = Model::load(ds.student, {}, LoadOptions{.allowMissingWeights = true});
                if (!base->summary().tokenizerFiles.empty())
                    StudentInitializer::checkSameVocabulary(*tokenizer_, tokenizerSourceName(),
                                                            *Tokenizer::load(base->folder()),
                                                            ds.student);
                model_ = withHead(*base, head, labels);
                break;
            }
            case DistillationSettings::StudentSource::FromTeacher: {
                auto encoder = StudentInitializer::fromTeacher(
                    teacher_->encoder(), plan_.teacherLayers, head, ds.teacher, cfg_.seed);
                if (head != HeadType::MaskedLM) {
                    encoder->mutableConfig().labels = labels;
                    encoder->mutableConfig().problemType = Objective::problemTypeFor(cfg_.task);
                }
                model_ = Model::adopt(std::move(encoder));
                break;
            }
        }
    }

    void prepareMasker() {
        const DistillationSettings& ds = cfg_.distillation;
        const int V = model_->config().vocabSize;
        const SpecialTokens& st = tokenizer_->specialTokens();
        std::vector<double> counts;
        if (ds.frequencySmoothing) {
            counts.assign(V, 0.0);
            for (const auto& e : trainData_)
                for (auto id : e.ids)
                    if (id >= 0 && id < V) counts[id] += 1;
        }
        masker_ = std::make_unique<TokenMasker>(
            ds, V, st.maskId,
            std::vector<std::int64_t>{st.padId, st.clsId, st.sepId, st.unkId, st.maskId}, counts);
    }

    // Dynamic masking with the global generator, so a resumed run continues the same sequence.
    void applyMask(Batch& b) const {
        // ATen's random operators lock the generator themselves.
        const MaskedBatch m = masker_->mask(
            b.ids, b.mask, at::globalContext().defaultGenerator(c10::DeviceType::CPU));
        b.ids = m.inputIds;
        b.labels = m.labels;
    }

    std::string tokenizerSourceName() const {
        return cfg_.tokenizer.empty() ? teacher_->folder() : cfg_.tokenizer;
    }

    // After the data and the student exist: the masker, the checks that need both models, and the
    // teacher's validation scores (the reference the student is measured against).
    void prepareDistillation() {
        if (!valData_.empty()) {
            cb_.job.report(0.03, "scoring the teacher");
            const auto report =
                evaluateEncoded(teacher_->encoder(), valData_, validation_, cfg_.evalBatchSize,
                                tokenizer_->specialTokens().padId, cfg_.multiLabelThreshold,
                                cb_.job, masker_.get());
            teacherMetrics_ = report.metrics;
            QJsonObject json{{"split", "teacher"}, {"step", 0}};
            for (const auto& [k, v] : report.metrics)
                json["teacher_eval_" + QString::fromStdString(k)] = v;
            teacherRecord_ = json;
            if (cb_.onEvaluation)
                cb_.onEvaluation(EvaluationRecord{0, 0, report.loss, report.metrics, true});
        }
    }

    void setupOptimizer() {
        EncoderModel& enc = model_->encoder();
        optimizer_ = AdamW({cfg_.adamBeta1, cfg_.adamBeta2, cfg_.adamEpsilon, cfg_.weightDecay});
        for (const auto& name : trainable_) optimizer_.addParameter(name, enc.parameter(name));
    }

    TrainingOutcome loop() {
        EncoderModel& enc = model_->encoder();
        const std::int64_t padId = tokenizer_->specialTokens().padId;
        EtaEstimator eta;
        eta.start();
        auto windowStart = std::chrono::steady_clock::now();
        std::size_t windowExamples = 0;
        bool stop = false;
        TrainingOutcome out;
        out.totalSteps = totalSteps_;
        const auto runStart = std::chrono::steady_clock::now();
        std::size_t examplesSeen = 0;
        // With max_steps the run ends when the step count is reached, however many epochs that
        // takes.
        for (int epoch = epoch_; !stop && (cfg_.maxSteps > 0 || epoch < cfg_.epochs); ++epoch) {
            std::vector<std::size_t> globalCounts;
            const int world = dist_ ? dist_->worldSize() : 1;
            const auto batches =
                epochBatches(trainData_,
                             BatchOrder{cfg_.seed, cfg_.batchSize, cfg_.groupByLength, world,
                                        dist_ ? dist_->rank() : 0},
                             epoch, &globalCounts);
            const int groups = (static_cast<int>(batches.size()) + cfg_.gradientAccumulation - 1) /
                               cfg_.gradientAccumulation;
            for (int g = group_; g < groups && !stop; ++g) {
                // The position a checkpoint taken now resumes from: this group, not yet run.
                epoch_ = epoch;
                group_ = g;
                if (cb_.job.aborted()) {
                    writeMetrics();  // small: written first, should the disk be nearly full
                    saveCheckpoint();
                    throw JobCancelled();
                }
                while (cb_.isPaused && cb_.isPaused()) {
                    if (cb_.job.aborted()) break;
                    std::this_thread::sleep_for(std::chrono::milliseconds(50));
                }
                const int first = g * cfg_.gradientAccumulation;
                const int count =
                    std::min(cfg_.gradientAccumulation, static_cast<int>(batches.size()) - first);
                for (const auto& name : trainable_)
                    enc.parameter(name).mutable_grad() = at::Tensor();
                double stepLoss = 0;
                for (int m = 0; m < count; ++m) {
                    if (batches[first + m].empty()) continue;  // a short last global batch
                    Batch b = collateBatch(trainData_, batches[first + m], cfg_.task, padId,
                                           enc.device());
                    if (masker_) applyMask(b);
                    at::Tensor loss;
                    // This process's part of the global batch's mean (its slice can be
                    // smaller or larger than the others').
                    const double share = dataParallelShare(batches[first + m].size(),
                                                           globalCounts[first + m], world);
                    if (distillation_) {
                        DistillationLossParts parts =
                            distillation_->loss(enc, b, batches[first + m]);
                        loss = share == 1.0 ? parts.total / count : parts.total * (share / count);
                        for (const auto& [k, v] : parts.values)
                            windowParts_[k] += v * share / count;
                    } else {
                        ForwardOptions options;
                        options.firstTokenOnly = true;  // the loss reads the logits only
                        const at::Tensor logits =
                            Objective::forward(enc, modelInputs(b), cfg_.bf16, options).logits;
                        loss = Objective::taskLoss(logits, b.labels, cfg_.task, classWeights_,
                                                   cfg_.labelSmoothing);
                        loss = share == 1.0 ? loss / count : loss * (share / count);
                        dynamics_.record(epoch, batches[first + m], logits, b.labels);
                    }
                    const double value = loss.item<double>();
                    if (!std::isfinite(value))
                        throw Error("the loss became " +
                                    std::string(std::isnan(value) ? "NaN" : "infinite") +
                                    " at step " + std::to_string(step_ + 1) +
                                    "; training stopped. " +
                                    (lastCheckpoint_.empty()
                                         ? std::string("No checkpoint was saved yet.")
                                         : "The last good checkpoint is " + lastCheckpoint_ + ".") +
                                    " The data, the class weights and the starting weights were "
                                    "checked and are finite: try a lower learning rate.");
                    loss.backward();
                    stepLoss += value;
                    windowExamples += batches[first + m].size();
                    examplesSeen += batches[first + m].size();
                }
                if (dist_) stepLoss = dist_->allReduceMean(stepLoss);
                const double gradNorm = optimizerStep();
                ++step_;
                windowLoss_ += stepLoss;
                ++windowSteps_;
                const double epochFloat = epoch + double(g + 1) / groups;
                if (step_ % std::max(1, cfg_.loggingSteps) == 0 || step_ == totalSteps_) {
                    const double seconds = std::chrono::duration<double>(
                                               std::chrono::steady_clock::now() - windowStart)
                                               .count();
                    // Examples of every process: data-parallel speed is the whole group's.
                    const double windowAll = allProcesses(double(windowExamples));
                    TrainingLogRecord rec{step_,
                                          epochFloat,
                                          windowLoss_ / windowSteps_,
                                          cfg_.learningRate * schedule_.factor(step_ - 1),
                                          gradNorm,
                                          seconds > 0 ? windowAll / seconds : 0,
                                          {}};
                    for (const auto& [k, v] : windowParts_)
                        rec.parts[k] = (dist_ ? dist_->allReduceMean(v) : v) / windowSteps_;
                    rec.seconds = elapsedSeconds();
                    rec.windowExamples = windowAll;
                    log(rec);
                    windowParts_.clear();
                    windowLoss_ = 0;
                    windowSteps_ = 0;
                    windowExamples = 0;
                    windowStart = std::chrono::steady_clock::now();
                }
                const double fraction = double(step_) / totalSteps_;
                cb_.job.report(fraction,
                               "step " + std::to_string(step_) + " of " +
                                   std::to_string(totalSteps_) + ", epoch " +
                                   std::to_string(epoch + 1),
                               eta.update(fraction));
                const bool endOfEpoch = g + 1 == groups;
                if (step_ >= totalSteps_) stop = true;
                if ((cfg_.evalSteps > 0 && step_ % cfg_.evalSteps == 0) || endOfEpoch || stop) {
                    group_ = g + 1;
                    epoch_ = epoch;
                    if (endOfEpoch) {
                        group_ = 0;
                        epoch_ = epoch + 1;
                    }
                    if (evaluateAndCheckpoint(epochFloat)) {
                        out.earlyStopped = true;
                        stop = true;
                    }
                }
            }
            group_ = 0;
        }
        writeMetrics();
        if (dist_) dist_->barrier();
        out.steps = step_;
        out.epochs = double(step_) / std::max(1, stepsPerEpoch_);
        out.bestModel = (fs::path(dir_) / "best").string();
        out.bestMetrics = bestMetrics_;
        out.teacherMetrics = teacherMetrics_;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - runStart).count();
        const double examplesAll = allProcesses(double(examplesSeen));
        out.examplesPerSecond = seconds > 0 ? examplesAll / seconds : 0;
        if (writer_ && !testData_.empty() &&
            fs::exists(fs::path(dir_) / "best" / "model.safetensors")) {
            // The test set is scored once, with the best model.
            auto best = Model::load((fs::path(dir_) / "best").string());
            const auto report =
                evaluateEncoded(best->encoder(), testData_, test_, cfg_.evalBatchSize, padId,
                                cfg_.multiLabelThreshold, {}, masker_.get());
            out.testMetrics = report.metrics;
            QJsonObject rec{{"split", "test"}, {"step", step_}};
            for (const auto& [k, v] : report.metrics) rec["test_" + QString::fromStdString(k)] = v;
            records_.push_back(rec);
            writeMetrics();
        }
        if (writer_) {
            // What the run history lists: total time across resumes, steps and the best scores.
            RunFolder::RunSummary summary;
            summary.seconds = elapsedSeconds();
            summary.steps = step_;
            summary.epochs = out.epochs;
            summary.earlyStopped = out.earlyStopped;
            summary.examplesPerSecond = out.examplesPerSecond;
            summary.bestMetrics = bestMetrics_;
            summary.metricForBest = cfg_.metricForBest;
            RunFolder::writeSummary(dir_, summary);
        }
        return out;
    }

    // The sum of a count over every process (the count itself without data parallelism).
    double allProcesses(double count) { return dist_ ? dist_->allReduceSum(count) : count; }

    // Averages gradients across processes, clips them and updates the weights; returns the
    // gradient norm before clipping.
    double optimizerStep() {
        EncoderModel& enc = model_->encoder();
        at::NoGradGuard noGrad;
        std::vector<at::Tensor> grads;
        std::vector<std::pair<std::string, at::Tensor*>> params;
        for (const auto& name : trainable_) {
            at::Tensor& p = enc.parameter(name);
            params.emplace_back(name, &p);
            if (!p.grad().defined()) {
                if (!dist_) continue;
                p.mutable_grad() = at::zeros_like(p);  // every process must contribute every tensor
            }
            grads.push_back(p.grad());
        }
        double scale = 1.0;
        if (dist_) {
            // Summed, not averaged: the optimizer divides by the number of processes in its
            // own pass over each gradient instead of a pass of its own.
            std::vector<bool> rowSparse;
            for (const auto& [name, p] : params)
                rowSparse.push_back(name.ends_with("word_embeddings.weight"));
            dist_->allReduceSum(grads, rowSparse);
            for (std::size_t i = 0; i < grads.size(); ++i)
                params[i].second->mutable_grad() = grads[i];
            scale = 1.0 / dist_->worldSize();
        }
        // Clipping's coefficient is applied inside the optimizer's pass over each gradient
        // rather than by a pass of its own.
        const double total = gradientNorm(grads) * scale;
        optimizer_.step(params, cfg_.learningRate * schedule_.factor(step_), step_ + 1,
                        clipCoefficient(total, cfg_.maxGradNorm) * scale);
        return total;
    }

    void log(const TrainingLogRecord& r) {
        if (!writer_) return;
        QJsonObject json{{"step", r.step},
                         {"epoch", r.epoch},
                         {"loss", r.loss},
                         {"learning_rate", r.learningRate},
                         {"grad_norm", r.gradNorm},
                         {"examples_per_second", r.examplesPerSecond},
                         {"window_examples", r.windowExamples},
                         {"elapsed_seconds", r.seconds}};
        for (const auto& [k, v] : r.parts) {
            json[QString::fromStdString(k)] = v;
            tensorboard_->scalar("train/" + k, v, r.step);
        }
        records_.push_back(json);
        tensorboard_->scalar("train/loss", r.loss, r.step);
        tensorboard_->scalar("train/learning_rate", r.learningRate, r.step);
        tensorboard_->scalar("train/grad_norm", r.gradNorm, r.step);
        tensorboard_->flush();
        if (cb_.onLog) cb_.onLog(r);
    }

    // Returns true when early stopping says to stop.
    bool evaluateAndCheckpoint(double epoch) {
        EncoderModel& enc = model_->encoder();
        bool stopNow = false;
        if (!valData_.empty()) {
            const auto report = evaluateEncoded(enc, valData_, validation_, cfg_.evalBatchSize,
                                                tokenizer_->specialTokens().padId,
                                                cfg_.multiLabelThreshold, {}, masker_.get());
            EvaluationRecord rec{step_, epoch, report.loss, report.metrics};
            rec.seconds = elapsedSeconds();
            QJsonObject json{{"step", step_},
                             {"epoch", epoch},
                             {"eval_loss", report.loss},
                             {"elapsed_seconds", rec.seconds}};
            for (const auto& [k, v] : report.metrics) {
                json["eval_" + QString::fromStdString(k)] = v;
                if (writer_) tensorboard_->scalar("eval/" + k, v, step_);
            }
            records_.push_back(json);
            if (writer_) {
                tensorboard_->flush();
                RunFolder::writePredictions(dir_, report);
            }
            if (cb_.onEvaluation) cb_.onEvaluation(rec);
            const auto it = report.metrics.find(cfg_.metricForBest);
            if (it == report.metrics.end())
                throw Error("metric '" + cfg_.metricForBest + "' is not computed for this task");
            const bool greater = greaterIsBetter(cfg_.metricForBest);
            if (bestStep_ < 0 || (greater ? it->second > bestValue_ : it->second < bestValue_)) {
                bestValue_ = it->second;
                bestStep_ = step_;
                bestMetrics_ = report.metrics;
                saveBest();
            }
            if (cfg_.earlyStoppingPatience > 0) {
                const std::string metric = cfg_.earlyStoppingMetric.empty()
                                               ? cfg_.metricForBest
                                               : cfg_.earlyStoppingMetric;
                const auto m = report.metrics.find(metric);
                if (m == report.metrics.end())
                    throw Error("early-stopping metric '" + metric +
                                "' is not computed for this task");
                const bool better = earlyBest_ < -1e300 ||
                                    (greaterIsBetter(metric)
                                         ? m->second > earlyBest_ + cfg_.earlyStoppingThreshold
                                         : m->second < earlyBest_ - cfg_.earlyStoppingThreshold);
                if (better) {
                    earlyBest_ = m->second;
                    badEvaluations_ = 0;
                } else if (++badEvaluations_ >= cfg_.earlyStoppingPatience) {
                    stopNow = true;
                }
            }
        } else {
            saveBest();  // without validation data the latest model is the one to keep
        }
        writeMetrics();  // small: written first, should the disk be nearly full
        saveCheckpoint();
        return stopNow;
    }

    void saveBest() {
        if (!writer_) return;
        Checkpoint::writeFolderAtomically(
            (fs::path(dir_) / RunFolder::kBestFolder).string(), [&](const std::string& tmp) {
                const EncoderModel& enc = model_->encoder();
                Checkpoint::writeModelFiles(tmp, enc.stateDict(false), enc.config());
                writeTokenizerFiles(*tokenizer_, tokenizerSource_, tmp, enc.config().modelType());
            });
    }

    void saveCheckpoint() {
        if (step_ == 0 || !writer_) return;
        const EncoderModel& enc = model_->encoder();
        const NamedTensors weights = enc.stateDict(false);
        // A checkpoint of NaN weights is no checkpoint to resume from: say so and keep the last
        // good one.
        if (const std::string bad = Checkpoint::firstNonFinite(weights); !bad.empty())
            throw Error("the weights became NaN or infinite by step " + std::to_string(step_) +
                        " ('" + bad + "'); no checkpoint was written. " +
                        (lastCheckpoint_.empty()
                             ? std::string("No earlier checkpoint exists.")
                             : "The last good checkpoint is " + lastCheckpoint_ + ".") +
                        " Try a lower learning rate or stronger clipping.");
        const std::string final = (fs::path(dir_) / RunFolder::kCheckpointsFolder /
                                   ("checkpoint-" + std::to_string(step_)))
                                      .string();
        Checkpoint::writeFolderAtomically(final, [&](const std::string& tmp) {
            Checkpoint::writeFiles(tmp, weights, enc.config(), optimizer_.state(), state());
        });
        lastCheckpoint_ = final;
        RunFolder::pruneCheckpoints(dir_, cfg_.saveTotalLimit);
    }

    TrainerState state() const {
        TrainerState t;
        t.globalStep = step_;
        t.epoch = epoch_;
        t.groupInEpoch = group_;
        at::Generator gen = at::globalContext().defaultGenerator(c10::DeviceType::CPU);
        {
            std::lock_guard<std::mutex> lock(gen.mutex());
            t.rngState = gen.get_state();
        }
        t.bestValue = bestValue_;
        t.bestStep = bestStep_;
        t.bestMetrics = bestMetrics_;
        t.earlyBest = earlyBest_;
        t.badEvaluations = badEvaluations_;
        t.windowLoss = windowLoss_;
        t.windowSteps = windowSteps_;
        t.totalSteps = totalSteps_;
        t.elapsedSeconds = elapsedSeconds();
        return t;
    }

    // Reads one checkpoint and checks that it fits this model and optimizer; touches nothing.
    CheckpointContents readCheckpoint(const std::string& path, int step) const {
        const RunShape shape{totalSteps_,
                             cfg_.maxSteps > 0 ? totalSteps_ : std::max(1, cfg_.epochs),
                             stepsPerEpoch_};
        CheckpointContents d = Checkpoint::read(path, step, shape);
        const std::string weightsPath = (fs::path(path) / "model.safetensors").string();
        EncoderModel& enc = model_->encoder();
        std::set<std::string> seen;
        for (const auto& [name, t] : d.weights) {
            if (!enc.hasParameter(name)) continue;
            if (!t.sizes().equals(enc.parameter(name).sizes()))
                throw Error(weightsPath, "tensor '" + name + "' does not match the model's shape");
            seen.insert(name);
        }
        for (const auto& name : trainable_)
            if (!seen.count(name)) throw Error(weightsPath, "lacks '" + name + "'");
        optimizer_.checkState(d.optimizer, (fs::path(path) / "optimizer.safetensors").string());
        return d;
    }

    void loadCheckpoint() {
        auto all = RunFolder::listCheckpoints(dir_);
        if (all.empty()) throw Error(dir_, "has no checkpoint to resume from");
        std::reverse(all.begin(), all.end());  // newest first
        // The newest checkpoint that verifies; damaged newer ones are named, never used.
        CheckpointContents data;
        std::string path, skipped;
        for (const auto& [step, candidate] : all) {
            try {
                data = readCheckpoint(candidate, step);
                path = candidate;
                break;
            } catch (const Error& e) {
                skipped += (skipped.empty() ? "" : "; ") + std::string(e.what());
            }
        }
        if (path.empty()) throw Error(dir_, "no checkpoint can be resumed from: " + skipped);
        if (!skipped.empty())
            cb_.notice("skipped damaged checkpoints (" + skipped + "); resuming from " +
                       fs::path(path).filename().string());
        EncoderModel& enc = model_->encoder();
        {
            at::NoGradGuard g;
            for (const auto& [name, t] : data.weights)
                if (enc.hasParameter(name)) enc.parameter(name).copy_(t);
            optimizer_.loadState(data.optimizer);
        }
        const TrainerState& s = data.state;
        step_ = s.globalStep;
        epoch_ = s.epoch;
        group_ = s.groupInEpoch;
        bestValue_ = s.bestValue;
        bestStep_ = s.bestStep;
        bestMetrics_ = s.bestMetrics;
        earlyBest_ = s.earlyBest;
        badEvaluations_ = s.badEvaluations;
        windowLoss_ = s.windowLoss;
        windowSteps_ = s.windowSteps;
        elapsedBefore_ = s.elapsedSeconds;
        at::Generator gen = at::globalContext().defaultGenerator(c10::DeviceType::CPU);
        try {
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(s.rngState);
        } catch (const c10::Error&) {
            throw Error((fs::path(path) / "trainer_state.json").string(),
                        "holds a random-number state of the wrong size");
        }
        lastCheckpoint_ = path;
        // Metrics logged after the checkpoint are replayed by the resumed run.
        for (const QJsonObject& o : RunFolder::readMetricRecords(dir_))
            if (o["step"].toInt() <= step_ && !o.contains("split")) records_.push_back(o);
    }

    // The data map's records: fine-tuning a single-label classifier (a distillation's logits are
    // the student's against the teacher, not the data's). A resumed run continues its file.
    void prepareDynamics(bool resume) {
        const bool tokens = cfg_.task == Task::TokenClassification;
        if ((cfg_.task != Task::Classification && !tokens) || teacher_ || !cfg_.recordDataMap)
            return;
        const fs::path file = fs::path(dir_) / RunFolder::kTrainingDynamicsFile;
        std::error_code ec;
        if (resume && fs::is_regular_file(file, ec)) {
            try {
                TrainingDynamics loaded = TrainingDynamics::load(file.string());
                if (loaded.texts().size() == train_.examples.size()) {
                    dynamics_ = std::move(loaded);
                    return;
                }
            } catch (const Error& e) {
                cb_.notice(std::string(e.what()) + "; the data map starts again");
            }
        }
        std::vector<std::string> texts, pairs;
        std::vector<int> gold;
        for (const Example& e : train_.examples) {
            std::string text = e.text;  // a tagged sentence: its words
            for (const auto& w : e.words) text += (text.empty() ? "" : " ") + w;
            texts.push_back(text);
            pairs.push_back(e.pair);
            gold.push_back(tokens ? -1 : e.label);  // a sentence has no single label
        }
        if (tokens)
            dynamics_.reset(std::move(texts), std::move(pairs), std::move(gold), {}, {});
        else
            dynamics_.reset(std::move(texts), std::move(pairs), std::move(gold),
                            cfg_.labelDisplayNames.empty() ? train_.labels : cfg_.labelDisplayNames,
                            train_.labels);
    }

    void writeMetrics() {
        if (!writer_) return;
        if (!dynamics_.empty())
            dynamics_.save((fs::path(dir_) / RunFolder::kTrainingDynamicsFile).string());
        std::vector<QJsonObject> all;
        if (!teacherRecord_.isEmpty()) all.push_back(teacherRecord_);
        all.insert(all.end(), records_.begin(), records_.end());
        RunFolder::writeMetricRecords(dir_, all);
    }

    TrainingConfig cfg_;
    bool started_ = false;
    std::string dir_;
    TrainerCallbacks cb_;
    Dataset train_, validation_, test_;
    std::vector<EncodedExample> trainData_, valData_, testData_;
    std::shared_ptr<Model> model_;
    std::shared_ptr<Model> teacher_;  // distillation runs
    DistillationPlan plan_;
    std::unique_ptr<TokenMasker> masker_;  // masked-LM distillation
    std::unique_ptr<DistillationObjective> distillation_;
    TrainingDynamics dynamics_;
    std::map<std::string, double> windowParts_;
    MetricMap teacherMetrics_;
    QJsonObject teacherRecord_;
    std::unique_ptr<Tokenizer> tokenizer_;
    std::string tokenizerSource_;
    std::vector<std::string> trainable_;
    AdamW optimizer_;
    LearningRateSchedule schedule_;
    at::Tensor classWeights_;
    std::unique_ptr<TensorBoardWriter> tensorboard_;
    std::unique_ptr<DistributedContext> dist_;
    bool writer_ = true;  // rank 0 writes the run folder
    std::vector<QJsonObject> records_;
    int step_ = 0, epoch_ = 0, group_ = 0, stepsPerEpoch_ = 0, totalSteps_ = 0;
    double windowLoss_ = 0;
    int windowSteps_ = 0;
    double bestValue_ = 0;
    int bestStep_ = -1;
    MetricMap bestMetrics_;
    double earlyBest_ = -1e308;
    int badEvaluations_ = 0;
    std::string lastCheckpoint_;
    std::chrono::steady_clock::time_point sessionStart_ = std::chrono::steady_clock::now();
    double elapsedBefore_ = 0;  // seconds trained before a resume

    double elapsedSeconds() const {
        return elapsedBefore_ +
               std::chrono::duration<double>(std::chrono::steady_clock::now() - sessionStart_)
                   .count();
    }
};

}  // namespace

TrainingOutcome Trainer::train(const TrainingConfig& config, const std::string& runDirectory,
                               const TrainerCallbacks& callbacks) {
    // Options a run cannot start with, named before any data or model is read.
    requireValidTrainingConfig(config);
    const TrainingConfig& checked = config;
    if (checked.bf16 && !Runtime::bf16Usable()) Runtime::requireBf16("bf16 autocast training");
    // Rank 0 writes the run folder; the other data-parallel ranks only train.
    std::unique_ptr<RunFolderLock> lock;
    std::error_code ec;
    const bool existed = fs::exists(runDirectory, ec);
    if (isWriterRank()) {
        RunFolder::checkNewRun(runDirectory);
        lock = std::make_unique<RunFolderLock>(runDirectory);
        if (!lock->staleNotice().empty()) callbacks.notice(lock->staleNotice());
    }
    Session session(checked, runDirectory, callbacks);
    try {
        return session.run(false);
    } catch (...) {
        // A run that failed before its first step leaves no run folder behind: everything in
        // it is ours (checkNewRun saw it new or empty).
        if (lock && !session.started()) {
            lock.reset();
            for (const auto& e : fs::directory_iterator(runDirectory, ec))
                fs::remove_all(e.path(), ec);
            if (!existed) fs::remove(runDirectory, ec);
        }
        throw;
    }
}

TrainingOutcome Trainer::resume(const std::string& runDirectory,
                                const TrainerCallbacks& callbacks) {
    const std::string configPath = (fs::path(runDirectory) / "config.json").string();
    std::error_code ec;
    if (!fs::is_regular_file(configPath, ec))
        throw Error(configPath, "missing: " + runDirectory + " is not a run folder");
    std::unique_ptr<RunFolderLock> lock;
    if (isWriterRank()) {
        lock = std::make_unique<RunFolderLock>(runDirectory);
        if (!lock->staleNotice().empty()) callbacks.notice(lock->staleNotice());
    }
    TrainingConfig config =
        TrainingConfig::fromJson(readJsonObject((fs::path(runDirectory) / "config.json").string()));
    if (config.bf16 && !Runtime::bf16Usable()) {
        config.bf16 = false;
        callbacks.notice(
            "this run used bf16 autocast, which this CPU lacks natively; it continues in float32");
    }
    requireValidTrainingConfig(config);
    Session session(config, runDirectory, callbacks);
    return session.run(true);
}

}  // namespace distilbench
