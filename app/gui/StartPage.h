#pragma once

#include <QWidget>

class MainWindow;
class EmptyStateWidget;

// First page: what DistilBench does, what to do next, and the runtime it found.
class StartPage : public QWidget {
    Q_OBJECT
public:
    StartPage(MainWindow* window, class Workspace* workspace);

Q_SIGNALS:
    // "Use the Demo Model": the workspace opens it and the window shows the Playground.
    void demoRequested();

private:
    EmptyStateWidget* empty_;
};
