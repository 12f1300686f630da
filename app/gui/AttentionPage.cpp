#include "app/gui/AttentionPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/common/AttentionConversion.h"
#include "app/common/JobRunner.h"
#include "app/gui/ExplainPanel.h"
#include "app/gui/Workspace.h"
#include "core/explain/AttentionAnalysis.h"
#include "core/inference/Pipeline.h"
#include "core/util/HumanUnits.h"
#include "widgets/AttentionHeatmap.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/HeadView.h"
#include "widgets/ModelView.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
enum Tab { kHeatmap, kHeadView, kModelView, kRollout, kStatistics, kAttribution };
constexpr int kFitTokens = 40;

QWidget* sideBySide(QWidget* parent, QWidget* a, QWidget* b) {
    auto* split = new QSplitter(Qt::Horizontal, parent);
    split->addWidget(a);
    split->addWidget(b);
    b->hide();
    return split;
}
}  // namespace

AttentionPage::AttentionPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* outer = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    outer->addWidget(pages_);
    empty_ = new EmptyStateWidget(
        tr("No model to look into"),
        tr("Open a model on the Models page; then type a sentence here to see where each "
           "layer and head attends, and which tokens drive the prediction."),
        pages_);
    pages_->addWidget(empty_);
    auto* page = new QWidget(pages_);
    pages_->addWidget(page);
    auto* layout = new QVBoxLayout(page);

    input_ = new QPlainTextEdit(page);
    input_->setObjectName("attentionInput");
    input_->setPlaceholderText(tr("Type a sentence to look inside the model"));
    input_->setMaximumHeight(80);
    layout->addWidget(input_);
    pairMode_ = new QCheckBox(tr("Pair (segment B)"), page);
    pair_ = new QPlainTextEdit(page);
    pair_->setMaximumHeight(60);
    pair_->hide();

    auto* controls = new QHBoxLayout;
    controls->addWidget(pairMode_);
    layer_ = new QSpinBox(page);
    layer_->setPrefix(tr("layer "));
    head_ = new QComboBox(page);
    head_->setToolTip(tr("One head, or the mean of all heads of the layer"));
    hidePunctuation_ = new QCheckBox(tr("Hide punctuation"), page);
    hidePunctuation_->setToolTip(
        tr("Punctuation often soaks up attention as well; hiding it shows the words"));
    hideSpecial_ = new QCheckBox(tr("Hide special tokens"), page);
    hideSpecial_->setToolTip(
        tr("[CLS] and [SEP] often soak up attention; hiding them shows the rest"));
    normalise_ = new QCheckBox(tr("Normalise rows"), page);
    normalise_->setToolTip(tr("Rescale each query row to sum to 1 after filtering"));
    topMass_ = new QSlider(Qt::Horizontal, page);
    topMass_->setRange(10, 100);
    topMass_->setValue(100);
    topMass_->setMaximumWidth(140);
    topMass_->setToolTip(
        tr("Show only the largest attention weights that hold this share of each row's mass"));
    auto* topLabel = new QLabel(tr("top 100% of mass"), page);
    segments_ = new QComboBox(page);
    segments_->addItem(tr("All tokens"), int(SegmentFilter::All));
    segments_->addItem(tr("A → B"), int(SegmentFilter::AToB));
    segments_->addItem(tr("B → A"), int(SegmentFilter::BToA));
    segments_->setToolTip(tr("For pairs: queries of one segment attending to keys of the other"));
    auto* compare = new QPushButton(tr("Compare With…"), page);
    compare->setToolTip(
        tr("Open a second model (for example the student of a teacher) to see side by side"));
    auto* exportView = new QPushButton(tr("Export View…"), page);
    exportView->setToolTip(tr("Save the current view as PNG, SVG or PDF"));
    auto* exportJsonButton = new QPushButton(tr("Export JSON…"), page);
    exportJsonButton->setToolTip(
        tr("Save the raw attention tensor [layer][head][query][key] with the tokens"));
    for (QWidget* w : std::initializer_list<QWidget*>{layer_, head_, hideSpecial_, hidePunctuation_,
                                                      normalise_, topMass_, topLabel})
        controls->addWidget(w);
    controls->addStretch(1);
    layout->addLayout(controls);
    // The segment filter and the actions on a second row: in one row they did not fit 1280 px
    // (German needed 1338; the screens test checks it).
    auto* actions = new QHBoxLayout;
    actions->addWidget(segments_);
    actions->addStretch(1);
    actions->addWidget(compare);
    actions->addWidget(exportView);
    actions->addWidget(exportJsonButton);
    layout->addLayout(actions);
    layout->addWidget(pair_);
    info_ = new QLabel(page);
    info_->setWordWrap(true);
    layout->addWidget(info_);

    tabs_ = new QTabWidget(page);
    heatmap_ = new AttentionHeatmap;
    compareHeatmap_ = new AttentionHeatmap;
    // Long inputs: the heatmap keeps readable cells and scrolls (Ctrl + wheel zooms).
    auto* heatmapScroll = new QScrollArea(tabs_);
    heatmapScroll->setObjectName("heatmapScroll");
    heatmapScroll->setWidgetResizable(true);
    heatmapScroll->setWidget(heatmap_);
    heatmap_->setToolTip(tr("Ctrl + wheel zooms; long inputs scroll"));
    tabs_->addTab(sideBySide(tabs_, heatmapScroll, compareHeatmap_), tr("Heatmap"));
    headView_ = new HeadView;
    auto* headPage = new QWidget(tabs_);
    auto* headLayout = new QVBoxLayout(headPage);
    headLayout->setContentsMargins(0, 0, 0, 0);
    // The colour legend of the heads, as toggles: which heads the lines show.
    headLegend_ = new QWidget(headPage);
    headLegend_->setObjectName("headLegend");
    new QHBoxLayout(headLegend_);
    headLayout->addWidget(headLegend_);
    auto* headScroll = new QScrollArea(headPage);
    headScroll->setWidgetResizable(true);
    headScroll->setWidget(headView_);
    headLayout->addWidget(headScroll, 1);
    tabs_->addTab(headPage, tr("Head view"));
    modelView_ = new ModelView;
    compareModelView_ = new ModelView;
    tabs_->addTab(sideBySide(tabs_, modelView_, compareModelView_), tr("Model view"));
    rollout_ = new AttentionHeatmap;
    rollout_->setToolTip(tr(
        "Attention rollout: attention multiplied through the layers (with the residual "
        "connection), an estimate of how much each token's final state draws on each input token"));
    tabs_->addTab(rollout_, tr("Rollout"));
    stats_ = new QTableWidget(tabs_);
    stats_->setColumnCount(7);
    stats_->setHorizontalHeaderLabels({tr("Layer"), tr("Head"), tr("Entropy"), tr("On [CLS]"),
                                       tr("On [SEP]"), tr("On punctuation"), tr("Mean distance")});
    stats_->horizontalHeaderItem(2)->setToolTip(
        tr("Low entropy: the head focuses on few tokens; high: it spreads out"));
    stats_->horizontalHeaderItem(6)->setToolTip(tr("How far, in tokens, a head looks on average"));
    stats_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    stats_->setSortingEnabled(true);
    tabs_->addTab(stats_, tr("Head statistics"));
    explain_ = new ExplainPanel(workspace_, tabs_);
    auto* explainPage = new QWidget(tabs_);
    auto* el = new QVBoxLayout(explainPage);
    auto* explainButton = new QPushButton(tr("Explain"), explainPage);
    explainButton->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    explainButton->setToolTip(tr("Compute token attributions for the text above (Ctrl+E)"));
    el->addWidget(explainButton, 0, Qt::AlignLeft);
    el->addWidget(explain_, 1);
    tabs_->addTab(explainPage, tr("Attribution"));
    layout->addWidget(tabs_, 1);

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(debounce_, &QTimer::timeout, this, &AttentionPage::run);
    connect(input_, &QPlainTextEdit::textChanged, this, &AttentionPage::schedule);
    connect(pair_, &QPlainTextEdit::textChanged, this, &AttentionPage::schedule);
    connect(pairMode_, &QCheckBox::toggled, this, [this](bool on) {
        pair_->setVisible(on);
        schedule();
    });
    for (QCheckBox* c : {hideSpecial_, hidePunctuation_, normalise_})
        connect(c, &QCheckBox::toggled, this, &AttentionPage::refreshViews);
    connect(layer_, &QSpinBox::valueChanged, this, &AttentionPage::refreshViews);
    connect(head_, &QComboBox::currentIndexChanged, this, &AttentionPage::refreshViews);
    connect(segments_, &QComboBox::currentIndexChanged, this, &AttentionPage::refreshViews);
    connect(topMass_, &QSlider::valueChanged, this, [this, topLabel](int v) {
        topLabel->setText(tr("top %1% of mass").arg(v));
        refreshViews();
    });
    connect(modelView_, &ModelView::headClicked, this, [this](int layer, int head) {
        setLayerHead(layer, head);
        tabs_->setCurrentIndex(kHeatmap);
    });
    connect(explainButton, &QPushButton::clicked, this, [this] {
        explain_->explain(input_->toPlainText(),
                          pairMode_->isChecked() ? pair_->toPlainText() : QString());
    });
    connect(compare, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model to compare"));
        if (dir.isEmpty()) return;
        auto loaded = std::make_shared<std::shared_ptr<Pipeline>>();
        const std::string p = dir.toStdString();
        workspace_->runner()->start(
            tr("Loading %1 for comparison").arg(QFileInfo(dir).fileName()),
            [p, loaded](const JobCallbacks& cb) { *loaded = Pipeline::open(p, cb); },
            [this, loaded, dir] { setCompareModel(*loaded, QFileInfo(dir).fileName()); });
    });
    connect(exportView, &QPushButton::clicked, this, [this] {
        QWidget* view = tabs_->currentIndex() == kHeatmap     ? static_cast<QWidget*>(heatmap_)
                        : tabs_->currentIndex() == kHeadView  ? static_cast<QWidget*>(headView_)
                        : tabs_->currentIndex() == kModelView ? static_cast<QWidget*>(modelView_)
                        : tabs_->currentIndex() == kRollout   ? static_cast<QWidget*>(rollout_)
                                                              : tabs_->currentWidget();
        ViewExport::saveWithDialog(view, QStringLiteral("attention.svg"));
    });
    connect(exportJsonButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export attention"), ViewExport::suggestedPath("attention.json"),
            tr("JSON (*.json)"));
        if (path.isEmpty()) return;
        if (!this->exportJson(path))
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
    connect(workspace_, &Workspace::modelChanged, this, &AttentionPage::modelChanged);
    modelChanged();
}

void AttentionPage::modelChanged() {
    const auto pipeline = workspace_->pipeline();
    pages_->setCurrentIndex(pipeline && pipeline->tokenizer() ? 1 : 0);
    if (!pipeline) return;
    const ModelConfig& c = pipeline->model()->config();
    layer_->setRange(0, c.numLayers - 1);
    head_->blockSignals(true);
    head_->clear();
    head_->addItem(tr("all heads (mean)"), -1);
    for (int h = 0; h < c.numHeads; ++h) head_->addItem(tr("head %1").arg(h), h);
    head_->blockSignals(false);
    if (input_->toPlainText().trimmed().isEmpty()) clearViews();
    schedule();
}

void AttentionPage::setText(const QString& text, const QString& pair) {
    if (!pair.isEmpty()) {
        pairMode_->setChecked(true);
        pair_->setPlainText(pair);
    }
    input_->setPlainText(text);
}

void AttentionPage::setCompareModel(std::shared_ptr<Pipeline> pipeline, const QString& name) {
    compare_ = std::move(pipeline);
    compareName_ = name;
    schedule();
}

void AttentionPage::setLayerHead(int layer, int head) {
    layer_->setValue(layer);
    head_->setCurrentIndex(std::max(0, head_->findData(head)));
    refreshViews();
}

void AttentionPage::setOptions(const HeatmapOptions& o) {
    hideSpecial_->setChecked(o.hideSpecialTokens);
    hidePunctuation_->setChecked(o.hidePunctuation);
    normalise_->setChecked(o.normaliseRows);
    topMass_->setValue(static_cast<int>(o.topMass * 100));
    segments_->setCurrentIndex(std::max(0, segments_->findData(int(o.segments))));
    refreshViews();
}

HeatmapOptions AttentionPage::currentOptions() const {
    HeatmapOptions o;
    o.hideSpecialTokens = hideSpecial_->isChecked();
    o.hidePunctuation = hidePunctuation_->isChecked();
    o.normaliseRows = normalise_->isChecked();
    o.topMass = topMass_->value() / 100.0;
    o.segments = static_cast<SegmentFilter>(segments_->currentData().toInt());
    return o;
}

void AttentionPage::schedule() {
    ++generation_;
    debounce_->start();
}

void AttentionPage::run() {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || !pipeline->tokenizer()) return;
    if (input_->toPlainText().trimmed().isEmpty()) {
        clearViews();
        return;
    }
    if (inFlight_) {
        debounce_->start();
        return;
    }
    inFlight_ = true;
    const quint64 generation = generation_;
    const std::string text = input_->toPlainText().toStdString();
    const std::string pair =
        pairMode_->isChecked() ? pair_->toPlainText().toStdString() : std::string();
    const auto other = compare_;
    auto result = std::make_shared<std::pair<AttentionAnalysis, AttentionAnalysis>>();
    auto views = std::make_shared<std::pair<AttentionData, AttentionData>>();
    workspace_->runner()->start(
        tr("Computing attention"),
        [pipeline, other, text, pair, result, views](const JobCallbacks& cb) {
            result->first = analyseAttention(*pipeline, text, pair);
            // the big copy happens here, not in the GUI
            views->first = toAttentionData(result->first, pipeline->tokenizer().get());
            cb.report(0.5, "attention computed");
            if (other && other->tokenizer()) {
                result->second = analyseAttention(*other, text, pair);
                views->second = toAttentionData(result->second, other->tokenizer().get());
            }
        },
        [this, generation, result, views, other, pipeline] {
            inFlight_ = false;
            if (generation != generation_ || pipeline != workspace_->pipeline()) return;
            data_ = std::move(views->first);
            compareData_ = std::move(views->second);
            analysis_ = std::make_shared<AttentionAnalysis>(std::move(result->first));
            show(*analysis_, other ? &result->second : nullptr);
        });
}

void AttentionPage::clearViews() {
    // No text: no views of an earlier one (and a result still computing for it is dropped).
    ++generation_;
    data_ = {};
    compareData_ = {};
    analysis_.reset();
    rolloutValues_.clear();
    heatmap_->setMatrix({});
    compareHeatmap_->setMatrix({});
    rollout_->setMatrix({});
    headView_->setData(nullptr, 0, {});
    modelView_->setData(data_);
    compareModelView_->setData(data_);
    stats_->setRowCount(0);
    info_->setText(
        tr("Type a sentence above: its attention appears here as you type "
           "(heatmap, head lines, all layers, rollout and per-head statistics)."));
}

void AttentionPage::show(const AttentionAnalysis& a, const AttentionAnalysis* compare) {
    // Up to kFitTokens tokens the heatmap fits the view; longer inputs keep readable labels and
    // scroll.
    heatmap_->setCellSize(
        static_cast<int>(a.encoding.size()) > kFitTokens ? heatmap_->readableCellSize() : 0);
    rolloutValues_ = a.rollout;
    modelView_->setData(data_);
    compareModelView_->setVisible(compare != nullptr);
    compareHeatmap_->setVisible(compare != nullptr);
    if (compare) compareModelView_->setData(compareData_);
    QString info = tr("%1 tokens · %2 layers × %3 heads · %4")
                       .arg(data_.length)
                       .arg(data_.layers)
                       .arg(data_.heads)
                       .arg(QString::fromStdString(formatDuration(a.seconds)));
    if (a.fullLength > a.encoding.size())
        info += tr(" · <b>the input has %1 tokens; only the first %2 (the model's limit) are "
                   "shown</b>")
                    .arg(a.fullLength)
                    .arg(a.encoding.size());
    info_->setText(info);
    stats_->setSortingEnabled(false);
    stats_->setRowCount(static_cast<int>(a.statistics.size()));
    for (int i = 0; i < static_cast<int>(a.statistics.size()); ++i) {
        const auto& s = a.statistics[i];
        const double values[] = {double(s.layer), double(s.head),    s.entropy,     s.clsMass,
                                 s.sepMass,       s.punctuationMass, s.meanDistance};
        for (int c = 0; c < 7; ++c) {
            auto* item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, c < 2 ? QVariant(int(values[c]))
                                                 : QVariant(std::round(values[c] * 1000) / 1000));
            stats_->setItem(i, c, item);
        }
    }
    stats_->setSortingEnabled(true);
    refreshViews();
    Q_EMIT attentionShown();
}

void AttentionPage::refreshViews() {
    if (data_.isEmpty()) return;
    const int layer = std::min(layer_->value(), data_.layers - 1);
    const int head = head_->currentData().isValid() ? head_->currentData().toInt() : -1;
    const HeatmapOptions options = currentOptions();
    const QString title = head < 0 ? tr("layer %1, mean of heads").arg(layer)
                                   : tr("layer %1, head %2").arg(layer).arg(head);
    heatmap_->setMatrix(headMatrix(data_, layer, head, options),
                        workspace_->modelName() + " — " + title);
    if (!compareData_.isEmpty()) {
        const int l = std::min(layer, compareData_.layers - 1),
                  h = std::min(head, compareData_.heads - 1);
        compareHeatmap_->setMatrix(headMatrix(compareData_, l, h, options),
                                   compareName_ + " — " + title);
    }
    // One head chosen above: that head; the mean: the heads toggled on in the legend.
    if (headToggles_.size() != static_cast<std::size_t>(data_.heads)) rebuildHeadToggles();
    std::set<int> heads;
    if (head < 0) {
        for (int h = 0; h < data_.heads; ++h)
            if (headToggles_[h]->isChecked()) heads.insert(h);
    } else {
        heads.insert(head);
    }
    for (int h = 0; h < static_cast<int>(headToggles_.size()); ++h)
        headToggles_[h]->setEnabled(head < 0 || h == head);
    headView_->setData(&data_, layer, heads);
    LabelledMatrix rollout;
    rollout.rows = rollout.columns = data_.length;
    rollout.rowLabels = rollout.columnLabels = data_.tokens;
    rollout.values = rolloutValues_;
    rollout_->setMatrix(applyOptions(rollout, data_.special, data_.segment, options),
                        tr("attention rollout"));
}

bool AttentionPage::exportJson(const QString& path) const {
    if (!analysis_) return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write(QJsonDocument(attentionToJson(*analysis_)).toJson(QJsonDocument::Compact));
    return file.commit();
}

void AttentionPage::rebuildHeadToggles() {
    auto* layout = static_cast<QHBoxLayout*>(headLegend_->layout());
    for (QToolButton* b : headToggles_) delete b;
    headToggles_.clear();
    while (QLayoutItem* item = layout->takeAt(0)) delete item;
    layout->addWidget(new QLabel(tr("Heads:"), headLegend_));
    for (int h = 0; h < data_.heads; ++h) {
        auto* b = new QToolButton(headLegend_);
        b->setText(QString::number(h));
        b->setCheckable(true);
        b->setChecked(true);
        b->setToolTip(tr("Show or hide the lines of head %1").arg(h));
        const QColor c = headColor(h);
        b->setStyleSheet(QStringLiteral("QToolButton { border: 2px solid %1; padding: 1px 6px; }"
                                        "QToolButton:checked { background: %1; color: %2; }")
                             .arg(c.name(), c.lightness() > 140 ? "black" : "white"));
        connect(b, &QToolButton::toggled, this, &AttentionPage::refreshViews);
        layout->addWidget(b);
        headToggles_.push_back(b);
    }
    layout->addStretch(1);
}
