#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QComboBox;
class QSpinBox;
class QLabel;
class QPushButton;
class TokenChips;
namespace distilbench {
struct AttributionResult;
}

// Token attributions for a chosen label: the text's tokens shaded by how much each pushed the
// prediction towards (green) or away from (red) the label, with the completeness check.
class ExplainPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExplainPanel(Workspace* workspace, QWidget* parent = nullptr);
    // Explains this text (and pair) with the current settings, on the job runner.
    void explain(const QString& text, const QString& pair = {});
    TokenChips* chips() const { return chips_; }
    QString summary() const;
    void modelChanged();

Q_SIGNALS:
    void explained();

private:
    void show(const distilbench::AttributionResult& result);

    Workspace* workspace_;
    QComboBox* method_;
    QSpinBox* steps_;
    QComboBox* label_;
    QLabel* summary_;
    TokenChips* chips_;
};
