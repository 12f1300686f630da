#pragma once

#include <QHash>
#include <QWidget>

class QVBoxLayout;
class QProgressBar;
class QLabel;

// Lists running jobs, each with a progress bar, message, ETA and a Cancel button. Plain data in,
// a cancelRequested(id) signal out: it knows nothing about how jobs run.
class JobProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressPanel(QWidget* parent = nullptr);

    void addJob(int id, const QString& name);
    void updateJob(int id, double fraction, const QString& message, double etaSeconds);
    void removeJob(int id);
    int jobCount() const { return rows_.size(); }

Q_SIGNALS:
    void cancelRequested(int id);

private:
    struct Row {
        QWidget* widget;
        QProgressBar* bar;
        QLabel* label;
        QString name;
    };
    QVBoxLayout* layout_;
    QHash<int, Row> rows_;
};
