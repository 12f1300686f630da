#include "app/gui/DataMapTab.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <filesystem>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/analysis/DataMap.h"
#include "core/runtime/Error.h"
#include "core/training/RunFolder.h"
#include "core/training/TrainingConfig.h"
#include "core/training/TrainingDynamics.h"
#include "core/util/JsonFile.h"
#include "widgets/NumericTableItem.h"
#include "widgets/ScatterPlot.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QString str(const std::string& s) {
    return QString::fromStdString(s);
}

// Correctness in the paper's six steps (0, 0.2, …, 1 for five epochs), red to blue.
struct CorrectnessBand {
    double upTo;
    const char* name;
    QColor color;
};
const CorrectnessBand kBands[] = {
    {0.2, QT_TRANSLATE_NOOP("DataMapTab", "correct ≤ 20%"), QColor("#d62728")},
    {0.4, QT_TRANSLATE_NOOP("DataMapTab", "≤ 40%"), QColor("#ff7f0e")},
    {0.6, QT_TRANSLATE_NOOP("DataMapTab", "≤ 60%"), QColor("#bcbd22")},
    {0.8, QT_TRANSLATE_NOOP("DataMapTab", "≤ 80%"), QColor("#17becf")},
    {1.01, QT_TRANSLATE_NOOP("DataMapTab", "> 80%"), QColor("#1f77b4")},
};
}  // namespace

DataMapTab::DataMapTab(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    run_ = new QLineEdit(this);
    run_->setObjectName("dataMapRun");
    run_->setPlaceholderText(tr("A fine-tuning run folder (its training recorded a data map)"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* load = new QPushButton(tr("Show Data Map"), this);
    auto* exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("The map as PNG, SVG or PDF, or every example's figures as CSV"));
    top->addWidget(run_, 1);
    top->addWidget(browse);
    top->addWidget(load);
    top->addWidget(exportButton);
    layout->addLayout(top);
    summary_ = new QLabel(
        tr("A data map places each training example by how confidently the model gave it its "
           "label during training (mean over epochs) and how much that varied: examples it "
           "never learns (low confidence, low variability) are often mislabelled."),
        this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    plot_ = new ScatterPlot(tr("Data map"), split);
    plot_->setAxisLabels(tr("variability"), tr("confidence"));
    auto* right = new QWidget(split);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    mode_ = new QComboBox(right);
    mode_->addItem(tr("Likely label errors (hard to learn)"));
    mode_->addItem(tr("Ambiguous examples"));
    mode_->addItem(tr("Every example, highest loss first"));
    rl->addWidget(mode_);
    list_ = new QTableWidget(0, 5, right);
    list_->setObjectName("dataMapList");
    list_->setHorizontalHeaderLabels(
        {tr("Text"), tr("Label"), tr("Confidence"), tr("Variability"), tr("Correct")});
    list_->horizontalHeaderItem(0)->setToolTip(tr("Checked examples are left out of the copy"));
    list_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->verticalHeader()->hide();
    list_->setSelectionBehavior(QAbstractItemView::SelectRows);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setSortingEnabled(true);
    rl->addWidget(list_, 1);
    auto* writeButton = new QPushButton(tr("Save Training Data Without Checked…"), right);
    writeButton->setObjectName("writeWithout");
    writeButton->setToolTip(
        tr("A copy of the run's training file without the checked examples, for the next run; "
           "the original file is not changed"));
    rl->addWidget(writeButton);
    split->addWidget(plot_);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({620, 420});  // the map gets the larger part from the start
    layout->addWidget(split, 1);

    plot_->setHoverText([this](int id) -> QString {
        if (!map_ || id < 0 || id >= static_cast<int>(map_->texts.size())) return {};
        for (const DataMapPoint& p : map_->points)
            if (static_cast<int>(p.index) == id)
                return QStringLiteral(
                           "<b>%1</b><br>%2 · confidence %3 · variability %4 · "
                           "correct %5%")
                    .arg(str(map_->texts[p.index]).toHtmlEscaped(), str(map_->labelOf(p.index)))
                    .arg(p.confidence, 0, 'f', 3)
                    .arg(p.variability, 0, 'f', 3)
                    .arg(100 * p.correctness, 0, 'f', 0);
        return {};
    });
    connect(plot_, &ScatterPlot::activated, this, [this](int id) {
        if (map_ && id >= 0 && id < static_cast<int>(map_->texts.size()))
            Q_EMIT openInPlayground(str(map_->texts[static_cast<std::size_t>(id)]));
    });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("Run folder"));
        if (!d.isEmpty()) this->load(d);
    });
    connect(load, &QPushButton::clicked, this, [this] { this->load(run_->text()); });
    connect(run_, &QLineEdit::returnPressed, this, [this] { this->load(run_->text()); });
    connect(mode_, &QComboBox::currentIndexChanged, this, &DataMapTab::fillList);
    connect(list_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (QTableWidgetItem* item = list_->item(row, 0)) Q_EMIT openInPlayground(item->text());
    });
    connect(writeButton, &QPushButton::clicked, this, [this] {
        if (!map_ || !config_) return;
        const QFileInfo source(str(config_->trainFile));
        const QString suggested =
            source.dir().filePath(source.completeBaseName() + "-cleaned." + source.suffix());
        const QString target =
            QFileDialog::getSaveFileName(this, tr("Training data without the checked examples"),
                                         suggested, tr("Data (*.%1)").arg(source.suffix()));
        if (!target.isEmpty()) writeWithoutChecked(target);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        if (!map_) return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), ViewExport::suggestedPath("data-map.csv"),
            tr("Examples (*.csv);;") + ViewExport::filter());
        if (path.isEmpty()) return;
        const bool ok =
            path.endsWith(".csv") ? exportCsv(path) : ViewExport::save(plot_, path).isEmpty();
        if (!ok)
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
}

QString DataMapTab::summaryText() const {
    return summary_->text();
}
void DataMapTab::setListMode(int mode) {
    mode_->setCurrentIndex(mode);
}

int DataMapTab::load(const QString& runDirectory) {
    if (runDirectory.isEmpty()) return -1;
    run_->setText(runDirectory);
    const std::string dir = runDirectory.toStdString();
    auto map = std::make_shared<DataMap>();
    auto config = std::make_shared<TrainingConfig>();
    return workspace_->runner()->start(
        tr("Data map of %1").arg(QFileInfo(runDirectory).fileName()),
        [dir, map, config](const JobCallbacks& cb) {
            const std::string file =
                (std::filesystem::path(dir) / RunFolder::kTrainingDynamicsFile).string();
            if (!std::filesystem::exists(file))
                throw Error(dir,
                            "has no data map: runs that fine-tune a classifier record one "
                            "(unless \"Record a data map\" was off)");
            cb.report(0.1, "reading the training dynamics");
            *map = computeDataMap(TrainingDynamics::load(file));
            *config = TrainingConfig::fromJson(
                readJsonObject((std::filesystem::path(dir) / RunFolder::kConfigFile).string()));
        },
        [this, map, config] {
            map_ = map;
            config_ = config;
            show();
            Q_EMIT loaded();
        });
}

void DataMapTab::show() {
    const DataMap& m = *map_;
    std::vector<ScatterGroup> groups;
    for (const CorrectnessBand& b : kBands) groups.push_back({tr(b.name), b.color, {}, {}, {}});
    int counts[3] = {0, 0, 0};
    for (const DataMapPoint& p : m.points) {
        std::size_t band = 0;
        while (band + 1 < std::size(kBands) && p.correctness > kBands[band].upTo - 1e-9) ++band;
        groups[band].x.push_back(p.variability);
        groups[band].y.push_back(p.confidence);
        groups[band].ids.push_back(static_cast<int>(p.index));
        ++counts[static_cast<int>(DataMap::regionOf(p))];
    }
    std::erase_if(groups, [](const ScatterGroup& g) { return g.x.empty(); });
    plot_->clearReferenceLines();
    plot_->setGroups(std::move(groups));
    // The regions' borders.
    plot_->addReferenceLine(DataMap::kAmbiguousVariability, 0, DataMap::kAmbiguousVariability, 1,
                            tr("ambiguous →"));
    plot_->addReferenceLine(0, DataMap::kHardConfidence, DataMap::kAmbiguousVariability,
                            DataMap::kHardConfidence, tr("hard to learn ↓"));
    summary_->setText(
        tr("%1 training examples over %2 epochs: <b>%3 easy to learn</b>, %4 ambiguous, "
           "<b>%5 hard to learn</b> (likely label errors, listed on the right)")
            .arg(m.points.size())
            .arg(m.epochs)
            .arg(counts[static_cast<int>(DataMapRegion::EasyToLearn)])
            .arg(counts[static_cast<int>(DataMapRegion::Ambiguous)])
            .arg(counts[static_cast<int>(DataMapRegion::HardToLearn)]) +
        (m.epochs < 2 ? " · " + tr("one epoch: variability needs two or more") : QString()));
    fillList();
}

void DataMapTab::fillList() {
    list_->setSortingEnabled(false);
    list_->setRowCount(0);
    if (!map_) return;
    std::vector<DataMapPoint> rows;
    switch (mode_->currentIndex()) {
        case 0:
            rows = map_->likelyLabelErrors();
            break;
        case 1:
            for (const DataMapPoint& p : map_->points)
                if (DataMap::regionOf(p) == DataMapRegion::Ambiguous) rows.push_back(p);
            break;
        default:
            rows = map_->byLoss();
            break;
    }
    constexpr std::size_t kShown = 5000;
    if (rows.size() > kShown) rows.resize(kShown);
    list_->setRowCount(static_cast<int>(rows.size()));
    const bool checked = mode_->currentIndex() == 0;  // likely errors start checked
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const DataMapPoint& p = rows[static_cast<std::size_t>(r)];
        auto* text = new QTableWidgetItem(str(map_->texts[p.index]));
        text->setFlags(text->flags() | Qt::ItemIsUserCheckable);
        text->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
        text->setData(Qt::UserRole, static_cast<qulonglong>(p.index));
        text->setToolTip(str(map_->texts[p.index]));
        list_->setItem(r, 0, text);
        list_->setItem(r, 1, new QTableWidgetItem(str(map_->labelOf(p.index))));
        list_->setItem(r, 2,
                       new NumericTableItem(p.confidence, QString::number(p.confidence, 'f', 3)));
        list_->setItem(r, 3,
                       new NumericTableItem(p.variability, QString::number(p.variability, 'f', 3)));
        list_->setItem(r, 4,
                       new NumericTableItem(p.correctness,
                                            QString::number(100 * p.correctness, 'f', 0) + "%"));
    }
    list_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    list_->setSortingEnabled(true);
}

int DataMapTab::writeWithoutChecked(const QString& target) {
    if (!map_ || !config_) return -1;
    std::vector<Example> remove;
    for (int r = 0; r < list_->rowCount(); ++r) {
        QTableWidgetItem* item = list_->item(r, 0);
        if (!item || item->checkState() != Qt::Checked) continue;
        const auto i = static_cast<std::size_t>(item->data(Qt::UserRole).toULongLong());
        Example e;
        e.text = map_->texts[i];
        e.pair = map_->pairs[i];
        e.label = map_->gold[i];
        remove.push_back(e);
    }
    if (remove.empty()) return -1;
    const auto map = map_;
    const auto config = config_;
    const std::string out = target.toStdString();
    auto removed = std::make_shared<std::size_t>(0);
    return workspace_->runner()->start(
        tr("Writing %1").arg(QFileInfo(target).fileName()),
        [map, config, remove, out, removed](const JobCallbacks&) {
            *removed = writeDataWithout(config->trainFile, config->task, config->columns,
                                        map->dataLabels, remove, out);
        },
        [this, target, removed] {
            summary_->setText(tr("Wrote %1 without %2 rows; the original is unchanged.")
                                  .arg(target)
                                  .arg(*removed));
            ViewExport::announceSaved(this, {target});
            Q_EMIT written(target);
        });
}

bool DataMapTab::exportCsv(const QString& path) const {
    if (!map_) return false;
    QList<QStringList> rows{
        {"index", "text", "label", "confidence", "variability", "correctness", "region"}};
    for (const DataMapPoint& p : map_->points)
        rows << QStringList{QString::number(p.index),
                            str(map_->texts[p.index]),
                            str(map_->labelOf(p.index)),
                            QString::number(p.confidence, 'g', 6),
                            QString::number(p.variability, 'g', 6),
                            QString::number(p.correctness, 'g', 6),
                            str(DataMap::regionName(DataMap::regionOf(p)))};
    return ViewExport::saveCsv(path, rows);
}
