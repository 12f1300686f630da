#include "app/gui/ExplainPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "app/common/JobRunner.h"
#include "app/gui/Workspace.h"
#include "core/explain/Attribution.h"
#include "core/inference/Pipeline.h"
#include "core/tokenizers/Tokenizer.h"
#include "widgets/AttentionData.h"
#include "widgets/TokenChips.h"

using namespace distilbench;

ExplainPanel::ExplainPanel(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    method_ = new QComboBox(this);
    method_->addItem(tr("Integrated gradients"), int(AttributionMethod::IntegratedGradients));
    method_->addItem(tr("Gradient × input"), int(AttributionMethod::GradientTimesInput));
    method_->setToolTip(tr(
        "Integrated gradients averages gradients along a path from a [PAD] baseline to the input; "
        "its attributions add up to the change in the label's score. Gradient × input is one "
        "backward pass: fast but rougher."));
    steps_ = new QSpinBox(this);
    steps_->setRange(1, 1000);
    steps_->setValue(50);
    steps_->setPrefix(tr("steps "));
    steps_->setToolTip(tr("Points on the integration path: more is more accurate and slower"));
    label_ = new QComboBox(this);
    label_->setToolTip(tr("The label to explain; the predicted one by default"));
    row->addWidget(new QLabel(tr("Explain:"), this));
    row->addWidget(method_);
    row->addWidget(steps_);
    row->addWidget(label_);
    row->addStretch(1);
    layout->addLayout(row);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    layout->addWidget(summary_);
    chips_ = new TokenChips;
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(chips_);
    layout->addWidget(scroll, 1);
    connect(method_, &QComboBox::currentIndexChanged, this, [this] {
        steps_->setEnabled(method_->currentData().toInt() ==
                           int(AttributionMethod::IntegratedGradients));
    });
    connect(workspace_, &Workspace::modelChanged, this, &ExplainPanel::modelChanged);
    modelChanged();
}

void ExplainPanel::modelChanged() {
    label_->clear();
    label_->addItem(tr("predicted label"), QString());
    const auto pipeline = workspace_->pipeline();
    const bool usable =
        pipeline && pipeline->model()->config().head == HeadType::SequenceClassification;
    setEnabled(usable);
    if (!usable) {
        summary_->setText(tr("Attributions are available for sequence-classification models."));
        return;
    }
    for (const auto& l : pipeline->model()->config().labels)
        label_->addItem(QString::fromStdString(l), QString::fromStdString(l));
    summary_->clear();
}

QString ExplainPanel::summary() const {
    return summary_->text();
}

void ExplainPanel::textChanged(const QString& text, const QString& pair) {
    const QString key = text + QChar(0x1f) + pair;
    if (!pendingText_.isNull() && key != pendingText_) pendingText_ = QString();
    if (explainedText_.isNull() || key == explainedText_) return;
    explainedText_ = QString();
    chips_->setTokens({});
    summary_->setText(tr("The text changed: press Explain for its attributions."));
}

void ExplainPanel::explain(const QString& text, const QString& pair) {
    const auto pipeline = workspace_->pipeline();
    if (!pipeline || !isEnabled() || text.trimmed().isEmpty()) return;
    AttributionOptions options;
    options.method = static_cast<AttributionMethod>(method_->currentData().toInt());
    options.steps = steps_->value();
    options.label = label_->currentData().toString().toStdString();
    auto result = std::make_shared<AttributionResult>();
    const std::string t = text.toStdString(), p = pair.toStdString();
    pendingText_ = text + QChar(0x1f) + pair;
    workspace_->runner()->start(
        tr("Explaining the prediction"),
        [pipeline, t, p, options, result](const JobCallbacks& cb) {
            *result = distilbench::explain(*pipeline, t, p, options, cb);
        },
        [this, result, key = pendingText_] {
            // The text changed while this ran: its attributions belong to no text on screen.
            if (key != pendingText_) return;
            explainedText_ = key;
            show(*result);
        });
}

void ExplainPanel::show(const AttributionResult& r) {
    float maxAbs = 1e-9f;
    for (float s : r.scores) maxAbs = std::max(maxAbs, std::abs(s));
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    const auto pipeline = workspace_->pipeline();
    const Tokenizer* tokenizer = pipeline ? pipeline->tokenizer().get() : nullptr;
    std::vector<TokenChip> chips;
    for (std::size_t i = 0; i < r.encoding.size(); ++i) {
        TokenChip c;
        c.text = QString::fromStdString(tokenizer ? tokenizer->displayToken(r.encoding.tokens[i])
                                                  : r.encoding.tokens[i]);
        c.id = r.encoding.ids[i];
        c.begin = r.encoding.offsets[i].first;
        c.end = r.encoding.offsets[i].second;
        c.word = r.encoding.wordIds[i];
        c.segment = r.encoding.sequenceIds[i] == 1 ? 1 : 0;
        c.special = r.encoding.specialTokensMask[i] != 0;
        c.fill = attributionColor(r.scores[i] / maxAbs, dark);
        c.note = tr("attribution %1").arg(r.scores[i], 0, 'f', 4);
        chips.push_back(c);
    }
    chips_->setTokens(std::move(chips));
    QString text =
        tr("Explaining <b>%1</b> (score %2). Green tokens push towards it, red ones away.")
            .arg(QString::fromStdString(r.label).toHtmlEscaped())
            .arg(r.targetLogit, 0, 'f', 3);
    if (method_->currentData().toInt() == int(AttributionMethod::IntegratedGradients))
        text += tr(" Completeness: attributions sum to %1; f(x) − f(baseline) = %2 (gap %3).")
                    .arg(r.attributionSum, 0, 'f', 4)
                    .arg(r.targetLogit - r.baselineLogit, 0, 'f', 4)
                    .arg(r.completenessGap, 0, 'g', 3);
    summary_->setText(text);
    Q_EMIT explained();
}
