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
class OptionForm;
class RunView;
namespace distilbench {
struct TrainingConfig;
struct DistillationSettings;
}  // namespace distilbench
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
    // Core's student sources: "from-teacher" (with `layers`), "preset" (with a preset name) or
    // "model" (with a folder).
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

    LivePlot* lossPlot() const;
    LivePlot* metricPlot() const;
    OptionForm* lossOptions() const { return lossOptions_; }
    QSpinBox* studentLayersBox() const { return studentLayers_; }
    // The run the form describes (what Start would distil).
    distilbench::TrainingConfig configFromForm() const;
    LayerMappingView* mappingView() const { return mapping_; }
    QTableWidget* comparison() const { return comparison_; }
    QTextBrowser* report() const { return report_; }
    QPushButton* compareButton() const { return compare_; }
    QString statusText() const;
    // What the plan preview says cannot work (empty when the setup is fine).
    QString planProblems() const;
    QLineEdit* layersEdit() const { return layers_; }

Q_SIGNALS:
    void runFinished(const QString& runDirectory, bool cancelled);
    // "Compare on the Evaluate page": teacher and student on the run's validation data.
    void compareRequested(const QString& teacherFolder, const QString& runDirectory);

private:
    void refreshSummary();
    void followTeacher();
    void applyTaskDefaults();
    distilbench::DistillationSettings studentSettings() const;
    void finished(bool cancelled);
    int launch(const QString& runDirectory, const distilbench::TrainingConfig& config, bool resume);
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
    OptionForm* dataOptions_;
    OptionForm* lossOptions_;
    OptionForm* basic_;
    class QGroupBox* advanced_;
    OptionForm* advancedOptions_;
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* cancelButton_;
    QLabel* problem_;
    QStackedWidget* right_;
    RunView* runView_;
    QTextBrowser* report_;
    QPushButton* exportReport_;
    QPushButton* compare_;
    QString runsFolder_;
    QString currentRun_;
};
