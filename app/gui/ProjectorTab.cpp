#include "app/gui/ProjectorTab.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/analysis/Embeddings.h"
#include "core/analysis/Projection.h"
#include "core/analysis/Slices.h"
#include "core/inference/Pipeline.h"
#include "widgets/ScatterPlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QString str(const std::string& s) {
    return QString::fromStdString(s);
}
const QColor kPalette[] = {
    QColor("#1f77b4"), QColor("#ff7f0e"), QColor("#2ca02c"), QColor("#d62728"), QColor("#9467bd"),
    QColor("#8c564b"), QColor("#e377c2"), QColor("#7f7f7f"), QColor("#bcbd22"), QColor("#17becf")};
// Five steps of a continuous value, light to dark (a sequential palette that reads in both
// themes).
const QColor kRamp[] = {QColor("#fde725"), QColor("#5ec962"), QColor("#21918c"), QColor("#3b528b"),
                        QColor("#440154")};
}  // namespace

ProjectorTab::ProjectorTab(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* row1 = new QHBoxLayout;
    data_ = new QLineEdit(this);
    data_->setObjectName("projectorData");
    data_->setPlaceholderText(tr("Texts: labelled data (CSV, TSV, JSONL) or a .txt file"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    compare_ = new QLineEdit(this);
    compare_->setPlaceholderText(tr("optional: a second model beside it"));
    compare_->setToolTip(
        tr("A second model (the student of a teacher) drawn beside the open one; a selection "
           "in either shows in both"));
    auto* browseModel = new QPushButton(tr("Browse…"), this);
    row1->addWidget(data_, 3);
    row1->addWidget(browse);
    row1->addWidget(compare_, 2);
    row1->addWidget(browseModel);
    layout->addLayout(row1);
    auto* row2 = new QHBoxLayout;
    layer_ = new QSpinBox(this);
    layer_->setRange(-1, 64);
    layer_->setValue(-1);
    layer_->setSpecialValueText(tr("last layer"));
    layer_->setPrefix(tr("layer "));
    layer_->setToolTip(tr("0 = the embeddings, 1… = a layer's output"));
    pooling_ = new QComboBox(this);
    pooling_->addItem(tr("[CLS] vector"));
    pooling_->addItem(tr("Mean of tokens"));
    pooling_->setToolTip(
        tr("What stands for a text: the first token's vector (what the classifier reads) or "
           "the mean over its tokens"));
    method_ = new QComboBox(this);
    method_->addItem(tr("PCA"));
    method_->addItem(tr("t-SNE"));
    method_->setToolTip(
        tr("PCA: a linear view of every text, at once. t-SNE: neighbourhoods "
           "kept, distances between clusters not; a sample of up to 3000 texts"));
    colour_ = new QComboBox(this);
    for (const char* c : {QT_TR_NOOP("Colour by label"), QT_TR_NOOP("Colour by prediction"),
                          QT_TR_NOOP("Colour by correctness"), QT_TR_NOOP("Colour by confidence"),
                          QT_TR_NOOP("Colour by loss"), QT_TR_NOOP("Colour by length"),
                          QT_TR_NOOP("Colour by slice")})
        colour_->addItem(tr(c));
    slice_ = new QLineEdit(this);
    slice_->setPlaceholderText(tr("slice, e.g. keyword:not"));
    slice_->setEnabled(false);
    auto* run = new QPushButton(tr("Project"), this);
    run->setObjectName("project");
    run->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("The plot as PNG, SVG or PDF, or the points as CSV"));
    for (QWidget* w : std::initializer_list<QWidget*>{layer_, pooling_, method_, colour_, slice_,
                                                      run, exportButton})
        row2->addWidget(w, w == slice_ ? 1 : 0);
    layout->addLayout(row2);
    auto* row3 = new QHBoxLayout;
    summary_ = new QLabel(
        tr("Each text becomes a point: texts the model represents alike lie close together. "
           "Pick a file and press Project."),
        this);
    summary_->setWordWrap(true);
    makeSlice_ = new QPushButton(tr("Make Slice from Selection"), this);
    makeSlice_->setEnabled(false);
    makeSlice_->setToolTip(
        tr("Shift+drag on the plot selects points; the selection becomes a "
           "slice on the Slices tab"));
    row3->addWidget(summary_, 1);
    row3->addWidget(makeSlice_);
    layout->addLayout(row3);
    auto* split = new QSplitter(Qt::Horizontal, this);
    plotA_ = new ScatterPlot(tr("Open model"), split);
    plotB_ = new ScatterPlot(tr("Second model"), split);
    plotB_->hide();
    split->addWidget(plotA_);
    split->addWidget(plotB_);
    layout->addWidget(split, 1);

    auto hover = [this](const View* view) {
        return [this, view](int id) -> QString {
            const auto& s = view->set;
            if (!s || id < 0 || id >= static_cast<int>(s->rows)) return {};
            const auto i = static_cast<std::size_t>(id);
            auto name = [&](int l) {
                return l >= 0 && l < static_cast<int>(s->labels.size())
                           ? str(s->labels[static_cast<std::size_t>(l)])
                           : QString("–");
            };
            QString t = "<b>" + str(s->texts[i]).toHtmlEscaped() + "</b>";
            if (s->predicted[i] >= 0)
                t += "<br>" + tr("label %1 · predicted %2 (%3%)")
                                  .arg(name(s->gold[i]), name(s->predicted[i]))
                                  .arg(100.0 * s->confidence[i], 0, 'f', 1);
            return t;
        };
    };
    plotA_->setHoverText(hover(&a_));
    plotB_->setHoverText(hover(&b_));
    for (ScatterPlot* p : {plotA_, plotB_}) {
        connect(p, &ScatterPlot::selected, this, &ProjectorTab::select);
        connect(p, &ScatterPlot::activated, this, [this](int id) {
            if (a_.set && id >= 0 && id < static_cast<int>(a_.set->rows))
                Q_EMIT openInPlayground(str(a_.set->texts[static_cast<std::size_t>(id)]));
        });
    }
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(
            this, tr("Texts"), {}, tr("Data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)"));
        if (!f.isEmpty()) data_->setText(f);
    });
    connect(browseModel, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Model folder"));
        if (!d.isEmpty()) compare_->setText(d);
    });
    connect(run, &QPushButton::clicked, this, [this] { compute(data_->text()); });
    connect(colour_, &QComboBox::currentIndexChanged, this, [this](int i) {
        slice_->setEnabled(i == static_cast<int>(ColourBy::Slice));
        draw();
    });
    connect(slice_, &QLineEdit::editingFinished, this, &ProjectorTab::draw);
    connect(makeSlice_, &QPushButton::clicked, this, [this] {
        std::vector<std::size_t> indices(selection_.begin(), selection_.end());
        Q_EMIT sliceRequested(data_->text(), tr("projector selection (%1)").arg(indices.size()),
                              indices);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        if (!a_.projection) return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), ViewExport::suggestedPath("projection.csv"),
            tr("Points (*.csv);;") + ViewExport::filter());
        if (path.isEmpty()) return;
        const bool ok =
            path.endsWith(".csv") ? exportCsv(path) : ViewExport::save(plotA_, path).isEmpty();
        if (!ok)
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
    connect(workspace_, &Workspace::modelChanged, this, [this] {
        a_ = {};
        b_ = {};
        selection_.clear();
        plotA_->clear();
        plotB_->clear();
    });
}

QString ProjectorTab::summaryText() const {
    return summary_->text();
}
QString ProjectorTab::dataPath() const {
    return data_->text();
}
void ProjectorTab::setLayer(int layer) {
    layer_->setValue(layer);
}
void ProjectorTab::setMethod(int method) {
    method_->setCurrentIndex(method);
}
void ProjectorTab::setColourBy(ColourBy c) {
    colour_->setCurrentIndex(static_cast<int>(c));
}
void ProjectorTab::setSliceSpec(const QString& spec) {
    slice_->setText(spec);
    draw();
}
void ProjectorTab::setCompareModel(const QString& folder) {
    compare_->setText(folder);
}

QString ProjectorTab::cacheKey(const QString& model, int method) const {
    const QFileInfo data(data_->text());
    return QStringList{model,
                       data.absoluteFilePath(),
                       data.lastModified().toString(Qt::ISODateWithMs),
                       QString::number(layer_->value()),
                       QString::number(pooling_->currentIndex()),
                       QString::number(method)}
        .join('|');
}

int ProjectorTab::compute(const QString& dataPath) {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || dataPath.isEmpty()) return -1;
    data_->setText(dataPath);
    const int method = method_->currentIndex();
    const QString compareFolder = compare_->text();
    const QString keyA = cacheKey(workspace_->modelPath(), method);
    const QString keyB = compareFolder.isEmpty() ? QString() : cacheKey(compareFolder, method);
    selection_.clear();
    makeSlice_->setEnabled(false);
    if (cache_.contains(keyA) && (keyB.isEmpty() || cache_.contains(keyB))) {
        a_ = cache_.value(keyA);
        b_ = keyB.isEmpty() ? View{} : cache_.value(keyB);
        draw();
        Q_EMIT computed();
        return 0;
    }
    EmbeddingOptions options;
    options.layer = layer_->value();
    options.pooling = pooling_->currentIndex() == 0 ? Pooling::Cls : Pooling::Mean;
    const std::string path = dataPath.toStdString(), other = compareFolder.toStdString();
    auto viewA = std::make_shared<View>(), viewB = std::make_shared<View>();
    summary_->setText(tr("Computing embeddings of %1…").arg(QFileInfo(dataPath).fileName()));
    return workspace_->runner()->start(
        tr("Projecting %1").arg(QFileInfo(dataPath).fileName()),
        [pipeline, path, other, options, method, viewA, viewB](const JobCallbacks& cb) {
            auto one = [&](const Pipeline& p, View& v, double from, double to) {
                JobCallbacks part = cb;
                part.progress = [&](const ProgressReport& r) {
                    cb.report(from + (to - from) * 0.6 * r.fraction, r.message);
                };
                const Dataset data = readProjectorData(path, p);
                v.set = std::make_shared<EmbeddingSet>(computeEmbeddings(p, data, options, part));
                part.progress = [&](const ProgressReport& r) {
                    cb.report(from + (to - from) * (0.6 + 0.4 * r.fraction), r.message);
                };
                v.projection = std::make_shared<Projection>(
                    method == 0 ? projectPca(*v.set) : projectTsne(*v.set, {}, part));
            };
            one(*pipeline, *viewA, 0.0, other.empty() ? 1.0 : 0.5);
            if (!other.empty()) one(*Pipeline::open(other), *viewB, 0.5, 1.0);
        },
        [this, viewA, viewB, keyA, keyB, pipeline] {
            if (pipeline != workspace_->pipeline()) return;
            cache_.insert(keyA, *viewA);
            if (!keyB.isEmpty()) cache_.insert(keyB, *viewB);
            a_ = *viewA;
            b_ = keyB.isEmpty() ? View{} : *viewB;
            draw();
            Q_EMIT computed();
        });
}

void ProjectorTab::draw() {
    if (!a_.set) return;
    drawOne(plotA_, a_);
    plotB_->setVisible(static_cast<bool>(b_.set));
    if (b_.set) drawOne(plotB_, b_);
    const auto& s = *a_.set;
    QString text =
        tr("%1 texts · layer %2 · %3-dimensional vectors").arg(s.rows).arg(s.layer).arg(s.dim);
    if (a_.projection->explained.size() >= 2)
        text += " · " + tr("PCA keeps %1% of the variance")
                            .arg(100 * (a_.projection->explained[0] + a_.projection->explained[1]),
                                 0, 'f', 1);
    else if (a_.projection->rows.size() < s.rows)
        text += " · " + tr("t-SNE of a sample of %1").arg(a_.projection->rows.size());
    summary_->setText(text);
    plotA_->setHighlighted(selection_);
    plotB_->setHighlighted(selection_);
}

void ProjectorTab::drawOne(ScatterPlot* plot, const View& view) {
    const EmbeddingSet& s = *view.set;
    const Projection& p = *view.projection;
    const auto by = static_cast<ColourBy>(colour_->currentIndex());
    std::vector<ScatterGroup> groups;
    auto group = [&](const QString& name, const QColor& c) -> ScatterGroup& {
        for (auto& g : groups)
            if (g.name == name) return g;
        groups.push_back({name, c, {}, {}, {}});
        return groups.back();
    };
    auto labelName = [&](int l) {
        return l >= 0 && l < static_cast<int>(s.labels.size())
                   ? str(s.labels[static_cast<std::size_t>(l)])
                   : tr("no label");
    };
    // Continuous values in five quantile bins.
    std::vector<double> values;
    if (by == ColourBy::Confidence || by == ColourBy::Loss || by == ColourBy::Length) {
        for (std::size_t i = 0; i < s.rows; ++i)
            values.push_back(by == ColourBy::Confidence ? s.confidence[i]
                             : by == ColourBy::Loss     ? s.loss[i]
                                                        : s.tokens[i]);
    }
    std::vector<double> edges;
    if (!values.empty()) {
        std::vector<double> sorted;
        for (double v : values)
            if (!std::isnan(v)) sorted.push_back(v);
        std::sort(sorted.begin(), sorted.end());
        for (int k = 1; k < 5 && !sorted.empty(); ++k)
            edges.push_back(sorted[sorted.size() * k / 5]);
    }
    std::vector<std::size_t> inSlice;
    if (by == ColourBy::Slice && !slice_->text().trimmed().isEmpty()) {
        try {
            inSlice = sliceMembers(SliceDefinition::parse(slice_->text().trimmed().toStdString()),
                                   s.texts, s.gold, s.predicted, s.labels);
        } catch (const std::exception& e) {
            summary_->setText(QString::fromUtf8(e.what()).toHtmlEscaped());
        }
    }
    for (std::size_t k = 0; k < p.rows.size(); ++k) {
        const std::size_t i = p.rows[k];
        ScatterGroup* g = nullptr;
        switch (by) {
            case ColourBy::Label: {
                const int l = s.gold[i];
                g = &group(labelName(l), l < 0 ? QColor("#7f7f7f") : kPalette[l % 10]);
                break;
            }
            case ColourBy::Prediction: {
                const int l = s.predicted[i];
                g = &group(labelName(l), l < 0 ? QColor("#7f7f7f") : kPalette[l % 10]);
                break;
            }
            case ColourBy::Correctness:
                if (s.gold[i] < 0 || s.predicted[i] < 0)
                    g = &group(tr("unknown"), QColor("#7f7f7f"));
                else if (s.gold[i] == s.predicted[i])
                    g = &group(tr("right"), QColor("#1f77b4"));
                else
                    g = &group(tr("wrong"), QColor("#d62728"));
                break;
            case ColourBy::Confidence:
            case ColourBy::Loss:
            case ColourBy::Length: {
                const double v = values[i];
                if (std::isnan(v)) {
                    g = &group(tr("unknown"), QColor("#7f7f7f"));
                    break;
                }
                std::size_t bin = 0;
                while (bin < edges.size() && v >= edges[bin]) ++bin;
                const QString lo =
                    bin == 0 ? QString("min") : QString::number(edges[bin - 1], 'g', 3);
                const QString hi =
                    bin == edges.size() ? QString("max") : QString::number(edges[bin], 'g', 3);
                g = &group(QStringLiteral("%1–%2").arg(lo, hi),
                           kRamp[std::min<std::size_t>(bin, 4)]);
                break;
            }
            case ColourBy::Slice:
                g = std::binary_search(inSlice.begin(), inSlice.end(), i)
                        ? &group(tr("in the slice"), QColor("#d62728"))
                        : &group(tr("rest"), QColor("#9e9e9e"));
                break;
        }
        g->x.push_back(p.x[k]);
        g->y.push_back(p.y[k]);
        g->ids.push_back(static_cast<int>(i));
    }
    if (!values.empty())  // bins in order of their values
        std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
            return a.color.name() > b.color.name();
        });
    plot->setGroups(std::move(groups));
    plot->setAxisLabels(
        method_->currentIndex() == 0 ? tr("first principal component") : "t-SNE 1",
        method_->currentIndex() == 0 ? tr("second principal component") : "t-SNE 2");
}

void ProjectorTab::select(const std::vector<int>& ids) {
    selection_ = ids;
    plotA_->setHighlighted(ids);
    plotB_->setHighlighted(ids);
    makeSlice_->setEnabled(!ids.empty());
    if (a_.set && !ids.empty()) {
        int wrong = 0, labelled = 0;
        for (int id : ids) {
            const auto i = static_cast<std::size_t>(id);
            if (a_.set->gold[i] >= 0 && a_.set->predicted[i] >= 0) {
                ++labelled;
                wrong += a_.set->gold[i] != a_.set->predicted[i];
            }
        }
        summary_->setText(labelled ? tr("%1 selected: %2 wrong (%3%)")
                                         .arg(ids.size())
                                         .arg(wrong)
                                         .arg(100.0 * wrong / labelled, 0, 'f', 1)
                                   : tr("%1 selected").arg(ids.size()));
    }
}

void ProjectorTab::selectRectangle(double x1, double y1, double x2, double y2) {
    select(plotA_->idsIn(x1, y1, x2, y2));
}

bool ProjectorTab::exportCsv(const QString& path) const {
    if (!a_.set || !a_.projection) return false;
    const EmbeddingSet& s = *a_.set;
    auto name = [&](int l) {
        return l >= 0 && l < static_cast<int>(s.labels.size())
                   ? str(s.labels[static_cast<std::size_t>(l)])
                   : QString();
    };
    QList<QStringList> rows{
        {"index", "x", "y", "text", "label", "predicted", "confidence", "loss", "tokens"}};
    for (std::size_t k = 0; k < a_.projection->rows.size(); ++k) {
        const std::size_t i = a_.projection->rows[k];
        rows << QStringList{
            QString::number(i),
            QString::number(a_.projection->x[k], 'g', 7),
            QString::number(a_.projection->y[k], 'g', 7),
            str(s.texts[i]),
            name(s.gold[i]),
            name(s.predicted[i]),
            std::isnan(s.confidence[i]) ? QString() : QString::number(s.confidence[i], 'g', 6),
            std::isnan(s.loss[i]) ? QString() : QString::number(s.loss[i], 'g', 6),
            QString::number(s.tokens[i])};
    }
    return ViewExport::saveCsv(path, rows);
}
