#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "widgets/AttentionData.h"

class Workspace;
class QPlainTextEdit;
class QCheckBox;
class QSpinBox;
class QComboBox;
class QSlider;
class QLabel;
class QTabWidget;
class QTableWidget;
class QStackedWidget;
class QTimer;
class AttentionHeatmap;
class HeadView;
class ModelView;
class ExplainPanel;
class EmptyStateWidget;
namespace distilbench {
struct AttentionAnalysis;
class Pipeline;
}  // namespace distilbench

// Inside the model: heatmaps, bertviz-style head and model views, rollout, per-head statistics
// and attributions, with a second model side by side and vector export.
class AttentionPage : public QWidget {
    Q_OBJECT
public:
    explicit AttentionPage(Workspace* workspace, QWidget* parent = nullptr);

    void setText(const QString& text, const QString& pair = {});
    void setCompareModel(std::shared_ptr<distilbench::Pipeline> pipeline, const QString& name);
    const AttentionData& data() const { return data_; }
    AttentionHeatmap* heatmap() const { return heatmap_; }
    AttentionHeatmap* compareHeatmap() const { return compareHeatmap_; }
    ModelView* modelView() const { return modelView_; }
    QTableWidget* statisticsTable() const { return stats_; }
    QTabWidget* views() const { return tabs_; }
    ExplainPanel* explainPanel() const { return explain_; }
    void setLayerHead(int layer, int head);
    HeadView* headView() const { return headView_; }
    void setOptions(const HeatmapOptions& options);
    bool exportJson(const QString& path) const;

Q_SIGNALS:
    void attentionShown();

private:
    void rebuildHeadToggles();
    void modelChanged();
    void schedule();
    void clearViews();
    void run();
    void show(const distilbench::AttentionAnalysis& a,
              const distilbench::AttentionAnalysis* compare);
    void refreshViews();
    HeatmapOptions currentOptions() const;

    Workspace* workspace_;
    QStackedWidget* pages_;
    EmptyStateWidget* empty_;
    QPlainTextEdit* input_;
    QPlainTextEdit* pair_;
    QCheckBox* pairMode_;
    QSpinBox* layer_;
    QComboBox* head_;
    QCheckBox* hideSpecial_;
    QCheckBox* hidePunctuation_;
    QCheckBox* normalise_;
    QSlider* topMass_;
    QComboBox* segments_;
    QLabel* info_;
    QTabWidget* tabs_;
    AttentionHeatmap* heatmap_;
    AttentionHeatmap* compareHeatmap_;
    HeadView* headView_;
    QWidget* headLegend_ = nullptr;
    std::vector<class QToolButton*> headToggles_;
    ModelView* modelView_;
    ModelView* compareModelView_;
    AttentionHeatmap* rollout_;
    QTableWidget* stats_;
    ExplainPanel* explain_;
    QTimer* debounce_;
    AttentionData data_, compareData_;
    std::vector<float> rolloutValues_;
    std::shared_ptr<distilbench::AttentionAnalysis> analysis_;
    std::shared_ptr<distilbench::Pipeline> compare_;
    QString compareName_;
    quint64 generation_ = 0;
    bool inFlight_ = false;
};
