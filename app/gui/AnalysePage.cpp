#include "app/gui/AnalysePage.h"

#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/gui/BehaviourTab.h"
#include "app/gui/CounterfactualTab.h"
#include "app/gui/DataMapTab.h"
#include "app/gui/ProjectorTab.h"
#include "app/gui/SlicesTab.h"
#include "app/gui/Workspace.h"
#include "core/inference/Pipeline.h"
#include "widgets/EmptyStateWidget.h"

using namespace distilbench;

AnalysePage::AnalysePage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    layout->addWidget(pages_);
    empty_ = new EmptyStateWidget(
        tr("Nothing to analyse yet"),
        tr("Open a classification model with its tokenizer on the Models page (or use the "
           "demo): then test its behaviour with a suite and edit sentences to see what flips "
           "its prediction."),
        pages_);
    if (Workspace::demoAvailable())
        connect(empty_->addAction(tr("Use the Demo Model")), &QPushButton::clicked, workspace_,
                &Workspace::openDemo);
    pages_->addWidget(empty_);
    tabs_ = new QTabWidget(pages_);
    behaviour_ = new BehaviourTab(workspace_, tabs_);
    counterfactuals_ = new CounterfactualTab(workspace_, tabs_);
    tabs_->addTab(behaviour_, tr("Behaviour"));
    tabs_->setTabToolTip(0,
                         tr("Behavioural tests: does the model handle negation, names, typos…?"));
    tabs_->addTab(counterfactuals_, tr("Counterfactuals"));
    tabs_->setTabToolTip(1, tr("Edit a sentence and see what flips the prediction"));
    slices_ = new SlicesTab(workspace_, tabs_);
    tabs_->addTab(slices_, tr("Slices"));
    tabs_->setTabToolTip(2, tr("Accuracy on parts of the data: where is the model weaker?"));
    projector_ = new ProjectorTab(workspace_, tabs_);
    tabs_->addTab(projector_, tr("Projector"));
    tabs_->setTabToolTip(3, tr("Every text as a point: clusters, outliers, where errors gather"));
    dataMap_ = new DataMapTab(workspace_, tabs_);
    tabs_->addTab(dataMap_, tr("Data Map"));
    tabs_->setTabToolTip(4, tr("Training dynamics of a run: which training examples are likely "
                               "mislabelled?"));
    pages_->addWidget(tabs_);
    for (int i = 0; i < tabs_->count(); ++i)
        tabTips_.insert(tabs_->widget(i), tabs_->tabToolTip(i));
    connect(behaviour_, &BehaviourTab::openInPlayground, this, &AnalysePage::openInPlayground);
    connect(slices_, &SlicesTab::openInPlayground, this, &AnalysePage::openInPlayground);
    connect(dataMap_, &DataMapTab::openInPlayground, this, &AnalysePage::openInPlayground);
    connect(projector_, &ProjectorTab::openInPlayground, this, &AnalysePage::openInPlayground);
    // A projector selection becomes a slice of the same data (evaluated first when the Slices
    // tab has not scored that file yet).
    connect(projector_, &ProjectorTab::sliceRequested, this,
            [this](const QString& data, const QString& name, const std::vector<std::size_t>& ids) {
                tabs_->setCurrentWidget(slices_);
                if (slices_->dataPath() == data && slices_->hasReport()) {
                    slices_->addSelection(name, ids);
                    return;
                }
                connect(
                    slices_, &SlicesTab::computed, this,
                    [this, name, ids] { slices_->addSelection(name, ids); },
                    Qt::SingleShotConnection);
                slices_->compute(data);
            });
    connect(workspace_, &Workspace::modelChanged, this, &AnalysePage::modelChanged);
    modelChanged();
}

void AnalysePage::modelChanged() {
    const auto p = workspace_->pipeline();
    const bool usable = p && p->tokenizer();
    const HeadType head = p ? p->model()->config().head : HeadType::Base;
    const bool classifier = head == HeadType::SequenceClassification;
    const bool tagger = head == HeadType::TokenClassification;
    behaviour_->clear();
    slices_->clear();
    pages_->setCurrentIndex(usable ? 1 : 0);
    if (p && !usable)
        empty_->setExplanation(
            tr("The open model has no tokenizer: the analyses read text. Open a model folder "
               "with its tokenizer files."));
    // Each tab where it makes sense; a disabled one says why.
    const QString classifiersOnly = tr("Needs a text classification model");
    const struct {
        QWidget* tab;
        bool enabled;
        QString why;
    } tabs[] = {
        {behaviour_, classifier || tagger,
         tr("Needs a classification or token "
            "classification model")},
        {counterfactuals_, classifier, classifiersOnly},
        {slices_, classifier || tagger, tr("Needs a classification or token classification model")},
        {projector_, true, QString()},
        {dataMap_, true, QString()}};
    for (const auto& t : tabs) {
        const int i = tabs_->indexOf(t.tab);
        tabs_->setTabEnabled(i, t.enabled);
        tabs_->setTabToolTip(i, t.enabled ? tabTips_.value(t.tab) : t.why);
    }
    if (!tabs_->isTabEnabled(tabs_->currentIndex())) tabs_->setCurrentWidget(projector_);
}

void AnalysePage::editCounterfactual(const QString& text) {
    tabs_->setCurrentWidget(counterfactuals_);
    counterfactuals_->setOriginal(text);
}
