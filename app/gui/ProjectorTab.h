#pragma once

#include <QHash>
#include <QWidget>
#include <memory>
#include <vector>

class Workspace;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class ScatterPlot;
namespace distilbench {
struct EmbeddingSet;
struct Projection;
}  // namespace distilbench

// The embedding projector (Analyse page): a layer's [CLS] or mean-pooled vectors of every text
// of a file, projected by PCA (all of them) or t-SNE (a sample), drawn as a scatter coloured by
// label, prediction, correctness, confidence, loss, length or a slice; hovering shows the text;
// Shift+drag selects, and a selection becomes a slice. A second model (a teacher's student)
// can be drawn beside the first with the selection linked. Embeddings and projections are
// computed on the job runner and cached per model, data, layer and pooling.
class ProjectorTab : public QWidget {
    Q_OBJECT
public:
    explicit ProjectorTab(Workspace* workspace, QWidget* parent = nullptr);

    enum class ColourBy { Label, Prediction, Correctness, Confidence, Loss, Length, Slice };
    // Computes (or takes from the cache) and draws; the job id, or 0 when cached, -1 on error.
    int compute(const QString& dataPath);
    void setLayer(int layer);    // -1 = last
    void setMethod(int method);  // 0 = PCA, 1 = t-SNE
    void setColourBy(ColourBy c);
    void setSliceSpec(const QString& spec);
    void setCompareModel(const QString& folder);
    // Selects the points inside a data rectangle of the first plot (as Shift+drag does).
    void selectRectangle(double x1, double y1, double x2, double y2);
    ScatterPlot* plot() const { return plotA_; }
    ScatterPlot* comparePlot() const { return plotB_; }
    const std::vector<int>& selection() const { return selection_; }
    QString summaryText() const;
    QString dataPath() const;
    int cacheSize() const { return cache_.size(); }
    bool exportCsv(const QString& path) const;

Q_SIGNALS:
    void computed();
    void sliceRequested(const QString& dataPath, const QString& name,
                        const std::vector<std::size_t>& indices);
    void openInPlayground(const QString& text);

private:
    struct View {
        std::shared_ptr<distilbench::EmbeddingSet> set;
        std::shared_ptr<distilbench::Projection> projection;
    };
    QString cacheKey(const QString& model, int method) const;
    void draw();
    void drawOne(ScatterPlot* plot, const View& view);
    void select(const std::vector<int>& ids);

    Workspace* workspace_;
    QLineEdit* data_;
    QLineEdit* compare_;
    QSpinBox* layer_;
    QComboBox* pooling_;
    QComboBox* method_;
    QComboBox* colour_;
    QLineEdit* slice_;
    QLabel* summary_;
    QPushButton* makeSlice_;
    ScatterPlot* plotA_;
    ScatterPlot* plotB_;
    View a_, b_;
    QHash<QString, View> cache_;
    std::vector<int> selection_;
};
