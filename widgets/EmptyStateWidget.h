#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

// What a page shows before it has anything to show: a title, a sentence saying what to do next,
// and buttons for those next steps.
class EmptyStateWidget : public QWidget {
    Q_OBJECT
public:
    explicit EmptyStateWidget(const QString& title, const QString& explanation,
                              QWidget* parent = nullptr);
    // Adds a button; returns it so the caller can connect it.
    class QPushButton* addAction(const QString& text, const QString& toolTip = {});
    void setExplanation(const QString& explanation);

private:
    QLabel* title_;
    QLabel* explanation_;
    QWidget* buttons_;
};
