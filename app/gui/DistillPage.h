#pragma once

#include <QWidget>
#include <atomic>
#include <memory>

class Workspace;
class QLineEdit;
class QComboBox;
class QSpinBox;
class QDoubleSpinBox;
class QCheckBox;
class QPushButton;
class QProgressBar;
class QLabel;
class QTableWidget;
class QTextBrowser;
class QStackedWidget;
class LivePlot;
class LayerMappingView;

// Point-and-click distillation: teacher and student side by side, the student's initialisation
// with the picture of which teacher layer feeds which student layer, loss weights, live plots
// of every loss component and of the student's validation metric against the teacher's, and the
// final report. The engine is the one `distilbench-cli distill` runs.
class DistillPage : public QWidget {
    Q_OBJECT
public:
    explicit DistillPage(Workspace* workspace, QWidget* parent = nullptr);

    void setTeacher(const QString& folder);
    void setTrainFile(const QString& path);
    void setValidationFile(const QString& path);
    // "teacher" (with `layers`), "preset" (with a preset name) or "model" (with a folder).
    void setStudent(const QString& source, const QString& value = {});
    void setTask(
        int taskIndex);  // 0 classification, 1 token classification, 2 masked-LM pre-training
    void setRunsFolder(const QString& path);
    void setEpochs(int epochs);
    void setMaxLength(int tokens);

    int start();
    int resumeRun(const QString& runDirectory);
    void togglePause();
    void cancel();
    bool isRunning() const;

    LivePlot* lossPlot() const { return loss_; }
    LivePlot* metricPlot() const { return metrics_; }
    LayerMappingView* mappingView() const { return mapping_; }
    QTableWidget* comparison() const { return comparison_; }
    QTextBrowser* report() const { return report_; }
    QPushButton* compareButton() const { return compare_; }
    QString statusText() const;
    QLineEdit* layersEdit() const { return layers_; }

Q_SIGNALS:
    void runFinished(const QString& runDirectory, bool cancelled);
    // "Compare on the Evaluate page": teacher and student on the run's validation data.
    void compareRequested(const QString& teacherFolder, const QString& runDirectory);

private:
    void refreshSummary();
    void applyTaskDefaults();
    void finished(bool cancelled);
    int launch(const QString& runDirectory, bool resume);
    void showReport(const QString& runDirectory);
    bool exportReport();

    Workspace* workspace_;
    QLineEdit* teacher_;
    QComboBox* studentSource_;
    QComboBox* preset_;
    QLineEdit* studentFolder_;
    QLineEdit* layers_;
    QSpinBox* studentLayers_;
    LayerMappingView* mapping_;
    QTableWidget* comparison_;
    QComboBox* task_;
    QLineEdit* train_;
    QLineEdit* validation_;
    QDoubleSpinBox* temperature_;
    QDoubleSpinBox* alphaCe_;
    QDoubleSpinBox* alphaHard_;
    QDoubleSpinBox* alphaMlm_;
    QDoubleSpinBox* alphaCos_;
    QDoubleSpinBox* alphaMse_;
    QCheckBox* cache_;
    QSpinBox* epochs_;
    QDoubleSpinBox* lr_;
    QSpinBox* batch_;
    QSpinBox* maxLength_;
    QDoubleSpinBox* warmup_;
    QDoubleSpinBox* clip_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* status_;
    // Notices from the engine that do not stop the run (new weights, a stale lock, a damaged
    // checkpoint skipped): shown as a banner until the next run starts.
    QLabel* notice_ = nullptr;
    QLabel* problem_;
    QStackedWidget* right_;
    LivePlot* loss_;
    LivePlot* metrics_;
    QTextBrowser* report_;
    QPushButton* exportReport_;
    QPushButton* compare_;
    QString runsFolder_;
    QString currentRun_;
    QString mainMetric_;
    class RunController* run_;
};
