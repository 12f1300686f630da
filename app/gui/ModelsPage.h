#pragma once

#include <QWidget>

class MainWindow;
class Workspace;
class QStackedWidget;
class QTreeWidget;
class QLabel;
class QListWidget;
class EmptyStateWidget;

// Open a model folder, browse the local Hugging Face cache and recent models, create a new
// model from a preset, and read the loaded model's summary.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    ModelsPage(MainWindow* window, Workspace* workspace);
    void refreshCache();
    QTreeWidget* cacheView() const { return cache_; }
    QTreeWidget* summaryView() const { return summary_; }

private:
    void showModel();
    void newFromPreset();
    void refreshRecent();

    MainWindow* window_;
    Workspace* workspace_;
    QStackedWidget* stack_;
    EmptyStateWidget* empty_;
    QLabel* title_;
    QTreeWidget* summary_;
    QTreeWidget* cache_;
    QListWidget* recent_;
};
