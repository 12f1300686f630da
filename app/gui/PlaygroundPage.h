#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QPlainTextEdit;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTableWidget;
class QTimer;
class QCheckBox;
class ProbabilityBars;
class EmptyStateWidget;
class ExplainPanel;
namespace distilbench {
struct PipelineResult;
}

// Interactive testing: predictions update as the user types (debounced, stale requests
// dropped), with probability bars, entities, answer spans or mask fills depending on the head;
// batch mode runs many lines and exports CSV.
class PlaygroundPage : public QWidget {
    Q_OBJECT
public:
    explicit PlaygroundPage(Workspace* workspace, QWidget* parent = nullptr);

    void setText(const QString& text, const QString& pair = {});
    QPlainTextEdit* input() const { return input_; }
    ProbabilityBars* bars() const { return bars_; }
    QTableWidget* batchTable() const { return batchTable_; }
    ExplainPanel* explainPanel() const { return explain_; }
    void explainCurrent();
    QString latencyText() const;
    // 0: the interactive tab, 1: batch.
    int currentTab() const;
    int shownPredictions() const { return shown_; }
    // The model's time for the prediction shown last (the forward pass, in seconds): what a
    // keystroke's latency is compared with (packaging/bench).
    double lastModelSeconds() const { return lastModelSeconds_; }
    void runBatch(const QStringList& lines);
    bool exportBatchCsv(const QString& path) const;

    // Edits within one turn of the event loop (a paste, a programmatic change) make one request;
    // a keystroke's prediction is not delayed beyond that. While one runs, only the newest text
    // waits (runNow), so fast typing on a slow model never queues requests.
    static constexpr int kDebounceMs = 0;

Q_SIGNALS:
    void predictionShown();
    void batchFinished();

private:
    void modelChanged();
    void schedule();
    void runNow();
    void showResult(const distilbench::PipelineResult& result);

    Workspace* workspace_;
    QStackedWidget* pages_;
    class QTabWidget* tabs_ = nullptr;
    EmptyStateWidget* empty_;
    QPlainTextEdit* input_;
    QPlainTextEdit* pair_;
    QCheckBox* pairMode_;
    QLabel* heading_;
    QLabel* latency_;
    QStackedWidget* results_;
    ProbabilityBars* bars_;
    QTreeWidget* entities_;
    QLabel* answer_;
    QTreeWidget* fills_;
    ExplainPanel* explain_;
    QPlainTextEdit* batchInput_;
    QTableWidget* batchTable_;
    QTimer* debounce_;
    quint64 generation_ = 0;
    bool inFlight_ = false;
    bool pending_ = false;
    int shown_ = 0;
    double lastModelSeconds_ = 0;
};
