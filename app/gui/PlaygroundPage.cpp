#include "app/gui/PlaygroundPage.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/ExplainPanel.h"
#include "app/gui/TextSpans.h"
#include "app/gui/Workspace.h"
#include "core/data/TableReader.h"
#include "core/inference/Pipeline.h"
#include "core/util/HumanUnits.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/ProbabilityBars.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
enum ResultPage { kClassification, kEntities, kAnswer, kFills, kBase };

}  // namespace

PlaygroundPage::PlaygroundPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    layout->addWidget(pages_);
    empty_ = new EmptyStateWidget(
        tr("Nothing to test yet"),
        tr("Open a model on the Models page (or drop a model folder here); then type "
           "and watch its predictions change as you write."),
        pages_);
    if (Workspace::demoAvailable())
        connect(empty_->addAction(tr("Use the Demo Model")), &QPushButton::clicked, workspace_,
                &Workspace::openDemo);
    pages_->addWidget(empty_);

    auto* tabs = new QTabWidget(pages_);
    tabs_ = tabs;
    pages_->addWidget(tabs);

    // Interactive tab
    auto* interactive = new QWidget(tabs);
    auto* il = new QVBoxLayout(interactive);
    heading_ = new QLabel(interactive);
    il->addWidget(heading_);
    input_ = new QPlainTextEdit(interactive);
    input_->setObjectName("playgroundInput");
    input_->setPlaceholderText(tr("Type a sentence…"));
    input_->setMaximumHeight(120);
    il->addWidget(input_);
    pairMode_ = new QCheckBox(tr("Second text (pair / question-answering context)"), interactive);
    pair_ = new QPlainTextEdit(interactive);
    pair_->setPlaceholderText(
        tr("Second text: for question answering, the context that holds the answer"));
    pair_->setMaximumHeight(120);
    pair_->hide();
    il->addWidget(pairMode_);
    il->addWidget(pair_);
    latency_ = new QLabel(interactive);
    latency_->setToolTip(tr("Time for tokenization and the forward pass"));
    il->addWidget(latency_);
    results_ = new QStackedWidget(interactive);
    bars_ = new ProbabilityBars(results_);
    results_->addWidget(bars_);
    entities_ = new QTreeWidget(results_);
    entities_->setHeaderLabels({tr("Entity"), tr("Type"), tr("Characters"), tr("Score")});
    entities_->setRootIsDecorated(false);
    results_->addWidget(entities_);
    answer_ = new QLabel(results_);
    answer_->setWordWrap(true);
    answer_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    results_->addWidget(answer_);
    fills_ = new QTreeWidget(results_);
    fills_->setHeaderLabels({tr("Fill"), tr("Probability")});
    results_->addWidget(fills_);
    auto* base =
        new QLabel(tr("This is a base model without a task head: it computes hidden states only. "
                      "Fine-tune it on the Train page to get predictions."),
                   results_);
    base->setWordWrap(true);
    results_->addWidget(base);
    il->addWidget(results_, 1);
    auto* explainButton = new QPushButton(tr("Explain"), interactive);
    explainButton->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    explainButton->setToolTip(tr("Which tokens drive this prediction? (Ctrl+E)"));
    il->addWidget(explainButton, 0, Qt::AlignLeft);
    explain_ = new ExplainPanel(workspace_, interactive);
    il->addWidget(explain_, 1);
    connect(explainButton, &QPushButton::clicked, this, &PlaygroundPage::explainCurrent);
    tabs->addTab(interactive, tr("Interactive"));

    // Batch tab
    auto* batch = new QWidget(tabs);
    auto* bl = new QVBoxLayout(batch);
    auto* buttons = new QHBoxLayout;
    auto* openFile = new QPushButton(tr("Open File…"), batch);
    openFile->setToolTip(
        tr("A text file with one input per line, or a CSV/TSV with a 'sentence' or 'text' column"));
    auto* run = new QPushButton(tr("Run"), batch);
    run->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    run->setToolTip(tr("Predict every line (Ctrl+Enter)"));
    auto* exportCsv = new QPushButton(tr("Export CSV…"), batch);
    buttons->addWidget(openFile);
    buttons->addWidget(run);
    buttons->addStretch(1);
    buttons->addWidget(exportCsv);
    bl->addLayout(buttons);
    auto* split = new QSplitter(Qt::Vertical, batch);
    batchInput_ = new QPlainTextEdit(split);
    batchInput_->setPlaceholderText(tr("Paste one input per line"));
    batchTable_ = new QTableWidget(split);
    batchTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    batchTable_->setSortingEnabled(true);
    bl->addWidget(split, 1);
    tabs->addTab(batch, tr("Batch"));

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &PlaygroundPage::runNow);
    connect(input_, &QPlainTextEdit::textChanged, this, &PlaygroundPage::schedule);
    connect(pair_, &QPlainTextEdit::textChanged, this, &PlaygroundPage::schedule);
    // Attributions belong to the text they were computed for.
    for (QPlainTextEdit* edit : {input_, pair_})
        connect(edit, &QPlainTextEdit::textChanged, this, [this] {
            explain_->textChanged(input_->toPlainText(),
                                  pairMode_->isChecked() ? pair_->toPlainText() : QString());
        });
    connect(pairMode_, &QCheckBox::toggled, this, [this](bool on) {
        pair_->setVisible(on);
        schedule();
    });
    connect(workspace_, &Workspace::modelChanged, this, &PlaygroundPage::modelChanged);
    connect(run, &QPushButton::clicked, this,
            [this] { runBatch(batchInput_->toPlainText().split('\n', Qt::SkipEmptyParts)); });
    connect(openFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Inputs"), {}, tr("Text or tables (*.txt *.csv *.tsv);;All files (*)"));
        if (path.isEmpty()) return;
        // A big file is parsed off the GUI thread, like all file parsing.
        auto lines = std::make_shared<QStringList>();
        workspace_->runner()->start(
            tr("Reading %1").arg(QFileInfo(path).fileName()),
            [path, lines](const JobCallbacks&) {
                if (path.endsWith(".csv") || path.endsWith(".tsv")) {
                    const Table t = TableReader::read(path.toStdString());
                    std::size_t col = 0;
                    for (std::size_t i = 0; i < t.header.size(); ++i)
                        if (t.header[i] == "sentence" || t.header[i] == "text") col = i;
                    for (const auto& r : t.rows) *lines << QString::fromStdString(r[col]);
                } else {
                    QFile f(path);
                    if (!f.open(QIODevice::ReadOnly))
                        throw std::runtime_error((path + ": cannot open").toStdString());
                    *lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
                }
            },
            [this, lines] { batchInput_->setPlainText(lines->join('\n')); });
    });
    connect(exportCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export predictions"), ViewExport::suggestedPath("predictions.csv"),
            tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        if (!exportBatchCsv(path))
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
    modelChanged();
}

void PlaygroundPage::modelChanged() {
    const auto pipeline = workspace_->pipeline();
    pages_->setCurrentIndex(pipeline ? 1 : 0);
    if (!pipeline) return;
    const ModelConfig& c = pipeline->model()->config();
    heading_->setText(
        tr("<b>%1</b> — %2").arg(workspace_->modelName().toHtmlEscaped(), qs(c.architecture())));
    if (!pipeline->tokenizer())
        heading_->setText(heading_->text() +
                          tr(" — <i>no tokenizer in the model folder: open one to type text</i>"));
    const bool qa = c.head == HeadType::QuestionAnswering;
    if (qa) {
        pairMode_->setChecked(true);
        input_->setPlaceholderText(tr("Question…"));
    } else {
        input_->setPlaceholderText(c.head == HeadType::MaskedLM
                                       ? tr("Type a sentence with [MASK] in it…")
                                       : tr("Type a sentence…"));
    }
    results_->setCurrentIndex(c.head == HeadType::SequenceClassification ? kClassification
                              : c.head == HeadType::TokenClassification  ? kEntities
                              : qa                                       ? kAnswer
                              : c.head == HeadType::MaskedLM             ? kFills
                                                                         : kBase);
    bars_->clear();
    schedule();
}

void PlaygroundPage::explainCurrent() {
    explain_->explain(input_->toPlainText(),
                      pairMode_->isChecked() ? pair_->toPlainText() : QString());
}

void PlaygroundPage::setText(const QString& text, const QString& pair) {
    // An example opened from elsewhere (the Evaluate page) is shown where it is predicted.
    tabs_->setCurrentIndex(0);
    input_->setPlainText(text);
    if (!pair.isEmpty()) {
        pairMode_->setChecked(true);
        pair_->setPlainText(pair);
    }
}

int PlaygroundPage::currentTab() const {
    return tabs_->currentIndex();
}

QString PlaygroundPage::latencyText() const {
    return latency_->text();
}

void PlaygroundPage::schedule() {
    ++generation_;
    debounce_->start();
}

void PlaygroundPage::runNow() {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || !pipeline->tokenizer() || input_->toPlainText().trimmed().isEmpty()) return;
    if (inFlight_) {  // one request at a time; the newest text runs next, older ones are dropped
        pending_ = true;
        return;
    }
    inFlight_ = true;
    pending_ = false;
    const quint64 generation = generation_;
    const std::string text = input_->toPlainText().toStdString();
    const std::string pair =
        pairMode_->isChecked() ? pair_->toPlainText().toStdString() : std::string();
    auto result = std::make_shared<PipelineResult>();
    auto error = std::make_shared<std::string>();
    workspace_->runner()->start(
        tr("Prediction"),
        [pipeline, text, pair, result, error](const JobCallbacks&) {
            try {
                *result = pipeline->predict({text}, pair.empty() ? std::vector<std::string>{}
                                                                 : std::vector<std::string>{pair});
            } catch (const std::exception& e) {
                *error = e.what();  // shown inline: a half-typed input is not worth a dialog
            }
        },
        [this, generation, result, error, pipeline] {
            inFlight_ = false;
            if (pipeline == workspace_->pipeline() && generation == generation_) {
                if (error->empty())
                    showResult(*result);
                else
                    latency_->setText(tr("<span style='color:#b02a37'>%1</span>")
                                          .arg(qs(*error).toHtmlEscaped()));
            }
            if (pending_ || generation != generation_) runNow();
        },
        JobRunner::Visibility::Interactive);
}

void PlaygroundPage::showResult(const PipelineResult& r) {
    if (r.predictions.empty()) return;
    const TextPrediction& p = r.predictions.front();
    const ModelConfig& c = workspace_->pipeline()->model()->config();
    lastModelSeconds_ = r.raw.seconds;
    QString latency =
        tr("%1 tokens · %2").arg(p.encoding.size()).arg(qs(formatDuration(r.raw.seconds)));
    // Never a prediction on part of the text in silence.
    if (p.fullLength > p.encoding.size())
        latency += tr(" · <b>the input has %1 tokens; the model reads the first %2 (its limit)</b>")
                       .arg(p.fullLength)
                       .arg(p.encoding.size());
    latency_->setText(latency);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    switch (c.head) {
        case HeadType::SequenceClassification: {
            QStringList labels;
            std::vector<float> probs;
            for (const auto& s : p.scores) {
                labels << qs(s.label);
                probs.push_back(s.probability);
            }
            bars_->setValues(labels, probs);
            break;
        }
        case HeadType::TokenClassification: {
            entities_->clear();
            std::vector<TextSpan> spans;
            for (const auto& e : p.entities) {
                auto* item = new QTreeWidgetItem(entities_);
                item->setText(0, qs(e.text));
                item->setText(1, qs(e.label));
                item->setText(2, QStringLiteral("%1–%2").arg(e.begin).arg(e.end));
                item->setText(3, QString::number(e.score, 'f', 3));
                spans.push_back({e.begin, e.end, colorForLabel(qs(e.label), dark), qs(e.label)});
            }
            highlightSpans(input_, spans);
            break;
        }
        case HeadType::QuestionAnswering: {
            answer_->setText(
                p.answer.text.empty()
                    ? tr("No answer found in the context.")
                    : tr("<h3>%1</h3><p>score %2 · characters %3–%4 of the context</p>")
                          .arg(qs(p.answer.text).toHtmlEscaped())
                          .arg(p.answer.score, 0, 'f', 3)
                          .arg(p.answer.begin)
                          .arg(p.answer.end));
            if (pairMode_->isChecked())
                highlightSpans(pair_, {{p.answer.begin, p.answer.end, colorForLabel("answer", dark),
                                        tr("answer")}});
            break;
        }
        case HeadType::MaskedLM: {
            fills_->clear();
            if (p.fills.empty())
                new QTreeWidgetItem(
                    fills_, QStringList{tr("Type [MASK] where a word should be predicted")});
            for (const auto& f : p.fills) {
                auto* top = new QTreeWidgetItem(
                    fills_, QStringList{tr("[MASK] at token %1").arg(f.position)});
                for (const auto& [token, prob] : f.candidates)
                    new QTreeWidgetItem(
                        top, QStringList{qs(token), QString::number(prob * 100, 'f', 1) + '%'});
                top->setExpanded(true);
            }
            break;
        }
        default:
            break;
    }
    ++shown_;
    Q_EMIT predictionShown();
}

void PlaygroundPage::runBatch(const QStringList& lines) {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || !pipeline->tokenizer() || lines.isEmpty()) return;
    std::vector<std::string> texts;
    for (const auto& l : lines) texts.push_back(l.toStdString());
    auto results = std::make_shared<std::vector<TextPrediction>>();
    workspace_->runner()->start(
        tr("Batch prediction (%n inputs)", nullptr, lines.size()),
        [pipeline, texts, results](const JobCallbacks& cb) {
            constexpr std::size_t kChunk = 32;
            EtaEstimator eta;
            eta.start();
            for (std::size_t i = 0; i < texts.size(); i += kChunk) {
                cb.checkAbort();
                std::vector<std::string> chunk(texts.begin() + i,
                                               texts.begin() + std::min(texts.size(), i + kChunk));
                auto r = pipeline->predict(chunk);
                for (auto& p : r.predictions) results->push_back(std::move(p));
                const double f = double(results->size()) / texts.size();
                cb.report(f,
                          std::to_string(results->size()) + " of " + std::to_string(texts.size()),
                          eta.update(f));
            }
        },
        [this, results, lines, pipeline] {
            const ModelConfig& c = pipeline->model()->config();
            batchTable_->setSortingEnabled(false);
            batchTable_->clear();
            QStringList headers{tr("Text"), tr("Prediction")};
            if (c.head == HeadType::SequenceClassification)
                for (const auto& l : c.labels) headers << qs(l);
            batchTable_->setColumnCount(headers.size());
            batchTable_->setHorizontalHeaderLabels(headers);
            batchTable_->setRowCount(static_cast<int>(results->size()));
            for (int i = 0; i < static_cast<int>(results->size()); ++i) {
                const auto& p = (*results)[i];
                batchTable_->setItem(i, 0, new QTableWidgetItem(lines[i]));
                QString prediction = qs(p.label);
                if (c.head == HeadType::TokenClassification) {
                    QStringList ents;
                    for (const auto& e : p.entities) ents << qs(e.label) + ": " + qs(e.text);
                    prediction = ents.join("; ");
                } else if (c.head == HeadType::QuestionAnswering) {
                    prediction = qs(p.answer.text);
                } else if (c.head == HeadType::MaskedLM && !p.fills.empty() &&
                           !p.fills[0].candidates.empty()) {
                    prediction = qs(p.fills[0].candidates[0].first);
                }
                batchTable_->setItem(i, 1, new QTableWidgetItem(prediction));
                for (std::size_t j = 0; j < p.scores.size(); ++j) {
                    auto* item = new QTableWidgetItem;
                    item->setData(Qt::DisplayRole, double(p.scores[j].probability));
                    batchTable_->setItem(i, 2 + static_cast<int>(j), item);
                }
            }
            batchTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
            batchTable_->setSortingEnabled(true);
            Q_EMIT batchFinished();
        });
}

bool PlaygroundPage::exportBatchCsv(const QString& path) const {
    return ViewExport::saveTableCsv(batchTable_, path);
}
