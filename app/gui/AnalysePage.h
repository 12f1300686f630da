#pragma once

#include <QHash>
#include <QWidget>

class Workspace;
class QStackedWidget;
class QTabWidget;
class EmptyStateWidget;
class BehaviourTab;
class CounterfactualTab;
class SlicesTab;
class DataMapTab;
class ProjectorTab;

// Where a model is wrong, and why: behavioural tests (CheckList), the counterfactual editor and
// per-slice metrics, each a tab working on the open classification model.
class AnalysePage : public QWidget {
    Q_OBJECT
public:
    explicit AnalysePage(Workspace* workspace, QWidget* parent = nullptr);

    BehaviourTab* behaviour() const { return behaviour_; }
    CounterfactualTab* counterfactuals() const { return counterfactuals_; }
    SlicesTab* slices() const { return slices_; }
    DataMapTab* dataMap() const { return dataMap_; }
    ProjectorTab* projector() const { return projector_; }
    QTabWidget* tabs() const { return tabs_; }
    // Opens the counterfactual editor on a sentence (from the Playground or a failing test).
    void editCounterfactual(const QString& text);

Q_SIGNALS:
    void openInPlayground(const QString& text);

private:
    void modelChanged();

    Workspace* workspace_;
    QStackedWidget* pages_;
    EmptyStateWidget* empty_;
    QTabWidget* tabs_;
    BehaviourTab* behaviour_;
    CounterfactualTab* counterfactuals_;
    SlicesTab* slices_;
    DataMapTab* dataMap_;
    ProjectorTab* projector_;
    QHash<QWidget*, QString> tabTips_;
};
