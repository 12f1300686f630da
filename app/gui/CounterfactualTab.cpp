#include "app/gui/CounterfactualTab.h"

#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
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

#include "app/common/JobRunner.h"
#include "app/gui/ExplainPanel.h"
#include "app/gui/Workspace.h"
#include "core/analysis/Counterfactuals.h"
#include "core/inference/Pipeline.h"
#include "widgets/NumericTableItem.h"
#include "widgets/ProbabilityBars.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {
QString str(const std::string& s) {
    return QString::fromStdString(s);
}

struct KindChoice {
    const char* name;  // shown (translated in the constructor)
    Perturbation::Kind kind;
    const char* words;  // a built-in list for swaps
};
const KindChoice kKinds[] = {
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Leave out each word (occlusion)"),
     Perturbation::Kind::DropWord, ""},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Negate (add or remove “not”)"),
     Perturbation::Kind::Negate, ""},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Swap intensifiers (very, slightly, …)"),
     Perturbation::Kind::Swap, "intensifiers"},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Swap first names"), Perturbation::Kind::Swap,
     "first_names"},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Swap pronouns (he, she, they)"),
     Perturbation::Kind::Swap, "pronouns"},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Lower case"), Perturbation::Kind::Lowercase, ""},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Upper case"), Perturbation::Kind::Uppercase, ""},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Change the final punctuation"),
     Perturbation::Kind::Punctuation, ""},
    {QT_TRANSLATE_NOOP("CounterfactualTab", "Typos"), Perturbation::Kind::Typos, ""},
};

}  // namespace

CounterfactualTab::CounterfactualTab(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* grid = new QGridLayout;
    original_ = new QLineEdit(this);
    original_->setObjectName("counterfactualOriginal");
    original_->setPlaceholderText(tr("A sentence, e.g. The film is not good at all."));
    edited_ = new QLineEdit(this);
    edited_->setObjectName("counterfactualEdited");
    edited_->setPlaceholderText(tr("Your edit of it: change a word and watch the prediction"));
    auto* copy = new QPushButton(tr("Copy Original to Edited"), this);
    copy->setToolTip(tr("Start the edit from the original sentence"));
    barsA_ = new ProbabilityBars(this);
    barsB_ = new ProbabilityBars(this);
    explainA_ = new ExplainPanel(workspace_, this);
    explainB_ = new ExplainPanel(workspace_, this);
    auto* explainBoth = new QPushButton(tr("Explain Both"), this);
    explainBoth->setToolTip(
        tr("Token attributions of both sentences, to see which words the edit moved (Ctrl+E)"));
    explainBoth->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    // Two equal columns; the buttons go in a row of their own so that the explanation controls
    // of both sides fit a 1280 px window in every language.
    grid->addWidget(new QLabel(tr("<b>Original</b>"), this), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Edited</b>"), this), 0, 1);
    grid->addWidget(original_, 1, 0);
    grid->addWidget(edited_, 1, 1);
    grid->addWidget(barsA_, 2, 0);
    grid->addWidget(barsB_, 2, 1);
    grid->addWidget(explainA_, 3, 0);
    grid->addWidget(explainB_, 3, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(explainBoth);
    buttons->addStretch(1);
    layout->addLayout(grid);
    layout->addLayout(buttons);
    comparison_ = new QLabel(this);
    comparison_->setObjectName("counterfactualComparison");
    comparison_->setWordWrap(true);
    layout->addWidget(comparison_);

    auto* box = new QGroupBox(tr("Automatic perturbations of the original"), this);
    auto* boxLayout = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    kind_ = new QComboBox(box);
    for (const KindChoice& k : kKinds) kind_->addItem(tr(k.name));
    kind_->setToolTip(
        tr("Occlusion leaves out one word at a time: the words whose absence flips the "
           "prediction are the ones it rests on"));
    auto* run = new QPushButton(tr("Generate"), box);
    run->setObjectName("generateCounterfactuals");
    auto* exportButton = new QPushButton(tr("Export…"), box);
    exportButton->setToolTip(tr("The variants with their predictions as CSV"));
    row->addWidget(kind_, 1);
    row->addWidget(run);
    row->addWidget(exportButton);
    boxLayout->addLayout(row);
    variantsSummary_ = new QLabel(box);
    boxLayout->addWidget(variantsSummary_);
    variants_ = new QTableWidget(0, 5, box);
    variants_->setObjectName("counterfactualVariants");
    variants_->setHorizontalHeaderLabels(
        {tr("Flip"), tr("Variant"), tr("Change"), tr("Prediction"), tr("Δ probability")});
    variants_->horizontalHeaderItem(4)->setToolTip(
        tr("How the probability of the original's prediction moved, in percentage points"));
    variants_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    variants_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    variants_->verticalHeader()->hide();
    variants_->setSelectionBehavior(QAbstractItemView::SelectRows);
    variants_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    variants_->setSortingEnabled(true);
    variants_->setToolTip(tr("Double-click a variant to edit it next to the original"));
    boxLayout->addWidget(variants_, 1);
    layout->addWidget(box, 1);

    connect(original_, &QLineEdit::textChanged, this, [this](const QString& t) {
        explainA_->textChanged(t);
        predict();
    });
    connect(edited_, &QLineEdit::textChanged, this, [this](const QString& t) {
        explainB_->textChanged(t);
        predict();
    });
    connect(copy, &QPushButton::clicked, this, [this] { edited_->setText(original_->text()); });
    connect(explainBoth, &QPushButton::clicked, this, &CounterfactualTab::explainBoth);
    connect(run, &QPushButton::clicked, this, &CounterfactualTab::generate);
    connect(original_, &QLineEdit::returnPressed, this, &CounterfactualTab::generate);
    connect(variants_, &QTableWidget::cellDoubleClicked, this, [this](int r, int) {
        if (QTableWidgetItem* item = variants_->item(r, 1)) edited_->setText(item->text());
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), ViewExport::suggestedPath("counterfactuals.csv"),
            tr("CSV (*.csv)"));
        if (path.isEmpty()) return;
        if (!ViewExport::saveTableCsv(variants_, path))
            QMessageBox::warning(this, tr("Export"), tr("Cannot write %1").arg(path));
        else
            ViewExport::announceSaved(this, {path});
    });
    connect(workspace_, &Workspace::modelChanged, this, [this] {
        explainA_->modelChanged();
        explainB_->modelChanged();
        clear();
        predict();
    });
}

void CounterfactualTab::setOriginal(const QString& text) {
    original_->setText(text);
}
void CounterfactualTab::setEdited(const QString& text) {
    edited_->setText(text);
}
void CounterfactualTab::explainBoth() {
    explainA_->explain(original_->text());
    explainB_->explain(edited_->text());
}

void CounterfactualTab::setKind(int index) {
    kind_->setCurrentIndex(index);
}
QString CounterfactualTab::comparisonText() const {
    return comparison_->text();
}

void CounterfactualTab::clear() {
    variants_->setRowCount(0);
    variantsSummary_->clear();
}

void CounterfactualTab::predict() {
    const auto pipeline = workspace_->pipeline();
    const std::string a = original_->text().toStdString(), b = edited_->text().toStdString();
    const quint64 generation = ++generation_;
    if (!pipeline || !pipeline->tokenizer() || (a.empty() && b.empty())) {
        barsA_->clear();
        barsB_->clear();
        comparison_->clear();
        return;
    }
    auto result = std::make_shared<PipelineResult>();
    auto error = std::make_shared<std::string>();
    workspace_->runner()->start(
        tr("Prediction"),
        [pipeline, a, b, result, error](const JobCallbacks&) {
            try {
                std::vector<std::string> texts;
                for (const std::string& t : {a, b})
                    if (!t.empty()) texts.push_back(t);
                *result = pipeline->predict(texts);
            } catch (const std::exception& e) {
                *error = e.what();
            }
        },
        [this, generation, result, error, pipeline, a, b] {
            // Only the newest request is shown; a result for another model never is.
            if (generation != generation_ || pipeline != workspace_->pipeline()) return;
            if (!error->empty()) {
                comparison_->setText(QString::fromStdString(*error));
                return;
            }
            QStringList labels;
            for (const auto& l : pipeline->model()->config().labels) labels << str(l);
            std::size_t k = 0;
            const TextPrediction* pa = nullptr;
            const TextPrediction* pb = nullptr;
            if (!a.empty()) pa = &result->predictions[k++];
            if (!b.empty()) pb = &result->predictions[k++];
            auto probs = [](const TextPrediction* p) {
                std::vector<float> v;
                for (const auto& s : p->scores) v.push_back(s.probability);
                return v;
            };
            if (pa)
                barsA_->setValues(labels, probs(pa));
            else
                barsA_->clear();
            if (pb)
                barsB_->setValues(labels, probs(pb));
            else
                barsB_->clear();
            if (pa && pb) {
                const std::vector<float> va = probs(pa), vb = probs(pb);
                const auto i =
                    static_cast<std::size_t>(std::max_element(va.begin(), va.end()) - va.begin());
                const double delta = 100.0 * (vb[i] - va[i]);
                comparison_->setText(
                    pa->label == pb->label
                        ? tr("Both are <b>%1</b>; the edit moves its probability by %2 points.")
                              .arg(str(pa->label).toHtmlEscaped())
                              .arg(QString::asprintf("%+.1f", delta))
                        : tr("<b>The edit flips the prediction</b>: %1 → %2 (%3 points for %1).")
                              .arg(str(pa->label).toHtmlEscaped(), str(pb->label).toHtmlEscaped())
                              .arg(QString::asprintf("%+.1f", delta)));
            } else {
                comparison_->setText(tr("Type an edited sentence on the right to compare."));
            }
            Q_EMIT predicted();
        },
        JobRunner::Visibility::Interactive);
}

int CounterfactualTab::generate() {
    const auto pipeline = workspace_->pipeline();
    const std::string text = original_->text().toStdString();
    if (!pipeline || text.empty()) return -1;
    const KindChoice& choice = kKinds[std::max(0, kind_->currentIndex())];
    Perturbation perturbation;
    perturbation.kind = choice.kind;
    perturbation.words = builtInWordList(choice.words);
    perturbation.variants = 8;
    auto set = std::make_shared<CounterfactualSet>();
    return workspace_->runner()->start(
        tr("Counterfactuals"),
        [pipeline, text, perturbation, set](const JobCallbacks& cb) {
            *set = findCounterfactuals(*pipeline, text, perturbation, cb);
        },
        [this, set, pipeline] {
            if (pipeline != workspace_->pipeline()) return;
            showVariants(*set);
            Q_EMIT generated();
        });
}

void CounterfactualTab::showVariants(const CounterfactualSet& set) {
    variants_->setSortingEnabled(false);
    variants_->setRowCount(static_cast<int>(set.variants.size()));
    int flips = 0;
    for (int r = 0; r < static_cast<int>(set.variants.size()); ++r) {
        const Counterfactual& c = set.variants[static_cast<std::size_t>(r)];
        flips += c.flipped;
        // Sorted descending: flips first, then by how far the probability moved.
        auto* flip = new NumericTableItem((c.flipped ? 10.0 : 0.0) + std::fabs(c.delta),
                                          c.flipped ? tr("✗ flips") : QString(), false);
        if (c.flipped) flip->setForeground(QColor(0xb0, 0x2a, 0x37));
        variants_->setItem(r, 0, flip);
        variants_->setItem(r, 1, new QTableWidgetItem(str(c.text)));
        variants_->setItem(r, 2, new QTableWidgetItem(str(c.change)));
        const float best = *std::max_element(c.probabilities.begin(), c.probabilities.end());
        variants_->setItem(
            r, 3,
            new QTableWidgetItem(QString("%1 %2%").arg(str(c.label)).arg(100.0 * best, 0, 'f', 1)));
        variants_->setItem(
            r, 4,
            new NumericTableItem(std::fabs(c.delta), QString::asprintf("%+.1f", 100.0 * c.delta)));
    }
    variants_->horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
    variants_->setSortingEnabled(true);
    variantsSummary_->setText(set.variants.empty()
                                  ? tr("This perturbation does not change the sentence.")
                                  : tr("%1 of %2 variants flip the prediction (%3).")
                                        .arg(flips)
                                        .arg(set.variants.size())
                                        .arg(str(set.label).toHtmlEscaped()));
}
