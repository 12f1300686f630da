#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A coloured strip above the page content for conditions the user should fix (for example the
// slow reference BLAS). It can be dismissed.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);
    void showMessage(const QString& text, Level level = Level::Warning);
    QString text() const;

private:
    QLabel* label_;
    QToolButton* close_;
};
