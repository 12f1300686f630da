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
    // The text changed: attributions of the old text are removed (and a result still being
    // computed for it is dropped), so that they never sit under another sentence.
    void textChanged(const QString& text, const QString& pair = {});
    bool showsAttributions() const { return !explainedText_.isNull(); }

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
    QString explainedText_;  // null: nothing shown
    QString pendingText_;    // the text a running explanation is for
};
