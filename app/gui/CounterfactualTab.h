#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class ProbabilityBars;
class ExplainPanel;
namespace distilbench {
struct CounterfactualSet;
}

// The counterfactual editor (Analyse page): a sentence and an edited copy side by side, each
// with its prediction as it is typed and its token attributions on request; automatic
// perturbations of the sentence (occlusion, negation, swaps, case, punctuation, typos) list
// every variant's prediction, flips first. A variant double-clicked becomes the edited copy.
class CounterfactualTab : public QWidget {
    Q_OBJECT
public:
    explicit CounterfactualTab(Workspace* workspace, QWidget* parent = nullptr);

    void setOriginal(const QString& text);
    void setEdited(const QString& text);
    // Perturbs the original with the chosen kind; the job id, -1 without a model.
    int generate();
    void setKind(int index);
    // Token attributions of both sentences (the Explain Both button).
    void explainBoth();
    ExplainPanel* originalExplanation() const { return explainA_; }
    ExplainPanel* editedExplanation() const { return explainB_; }
    QLineEdit* original() const { return original_; }
    QLineEdit* edited() const { return edited_; }
    ProbabilityBars* originalBars() const { return barsA_; }
    ProbabilityBars* editedBars() const { return barsB_; }
    QTableWidget* variants() const { return variants_; }
    QString comparisonText() const;
    void clear();

Q_SIGNALS:
    void predicted();
    void generated();

private:
    void predict();
    void showVariants(const distilbench::CounterfactualSet& set);

    Workspace* workspace_;
    QLineEdit* original_;
    QLineEdit* edited_;
    ProbabilityBars* barsA_;
    ProbabilityBars* barsB_;
    ExplainPanel* explainA_;
    ExplainPanel* explainB_;
    QLabel* comparison_;
    QComboBox* kind_;
    QTableWidget* variants_;
    QLabel* variantsSummary_;
    quint64 generation_ = 0;
};
