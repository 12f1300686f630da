#pragma once

#include <QWidget>

class MainWindow;
class EmptyStateWidget;

// First page: what DistilBench does, what to do next, and the runtime it found.
class StartPage : public QWidget {
    Q_OBJECT
public:
    StartPage(MainWindow* window, class Workspace* workspace);

private:
    EmptyStateWidget* empty_;
};
