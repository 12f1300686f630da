#pragma once

#include <QWidget>
#include <memory>

class Workspace;
class QPlainTextEdit;
class QLabel;
class QCheckBox;
class QSpinBox;
class QLineEdit;
class QTableView;
class QStackedWidget;
class QTimer;
class QSortFilterProxyModel;
class TokenChips;
class EmptyStateWidget;
class VocabularyModel;
namespace distilbench {
class Tokenizer;
struct Encoding;
}  // namespace distilbench

// Shows how a tokenizer cuts text: chips per token, statistics, pair mode, a second tokenizer
// side by side, and a searchable vocabulary.
class TokenizerPage : public QWidget {
    Q_OBJECT
public:
    explicit TokenizerPage(Workspace* workspace, QWidget* parent = nullptr);

    QPlainTextEdit* input() const { return input_; }
    TokenChips* chips() const { return chips_; }
    TokenChips* compareChips() const { return compareChips_; }
    QString statsText() const;
    void setCompareTokenizer(std::shared_ptr<distilbench::Tokenizer> tokenizer,
                             const QString& name);
    void setVocabularyFilter(const QString& text);
    int vocabularyRows() const;

Q_SIGNALS:
    void tokenized();

private:
    struct Panel;
    void tokenizerChanged();
    void schedule();
    void run();
    void chipClicked(int index);
    void textCursorMoved();

    Workspace* workspace_;
    QStackedWidget* pages_;
    EmptyStateWidget* empty_;
    QLabel* source_;
    QPlainTextEdit* input_;
    QPlainTextEdit* pair_;
    QCheckBox* pairMode_;
    QSpinBox* maxLength_;
    QLabel* stats_;
    TokenChips* chips_;
    QLabel* compareTitle_;
    QLabel* compareStats_;
    TokenChips* compareChips_;
    QWidget* comparePanel_;
    QLineEdit* vocabSearch_;
    QTableView* vocabView_;
    VocabularyModel* vocabModel_;
    QSortFilterProxyModel* vocabProxy_;
    QTimer* debounce_;
    std::shared_ptr<distilbench::Tokenizer> compare_;
    quint64 generation_ = 0;
    bool inFlight_ = false;
};
