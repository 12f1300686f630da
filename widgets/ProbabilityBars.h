#pragma once

#include <QStringList>
#include <QWidget>
#include <vector>

// One horizontal bar per label with its probability; the best label is emphasised.
class ProbabilityBars : public QWidget {
    Q_OBJECT
public:
    explicit ProbabilityBars(QWidget* parent = nullptr);
    void setValues(const QStringList& labels, const std::vector<float>& probabilities);
    void clear();
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    const QStringList& labels() const { return labels_; }
    const std::vector<float>& values() const { return values_; }
    // Labels too long for the label column at the current width (drawn elided).
    QStringList elidedLabels() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int fullLabelWidth() const;
    int labelWidth() const;
    int valueWidth() const;
    QStringList labels_;
    std::vector<float> values_;
};
