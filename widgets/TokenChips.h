#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

// A token as the chips view shows it: plain data, no tokenizer types.
struct TokenChip {
    QString text;
    qint64 id = 0;
    int begin = 0, end = 0;  // code points in the source text
    int word = -1;
    int segment = 0;  // 0 = A, 1 = B (pair mode)
    bool special = false;
    bool unknown = false;
    bool continuation = false;  // "##" piece
    QColor fill;                // overrides the colour (attributions); invalid = by kind
    QString note;               // extra tooltip line
};

// Tokens as chips, grouped by word (pieces of one word touch), [UNK] in red, special tokens
// styled apart. Hover shows id, piece and offsets; clicking a chip emits its index; chips can be
// highlighted from outside (for example from a click in the text).
class TokenChips : public QWidget {
    Q_OBJECT
public:
    explicit TokenChips(QWidget* parent = nullptr);
    void setTokens(std::vector<TokenChip> tokens, int truncateAt = -1);
    const std::vector<TokenChip>& tokens() const { return tokens_; }
    void setHighlighted(std::vector<int> indices);
    const std::vector<int>& highlighted() const { return highlighted_; }
    int chipAt(const QPoint& pos) const;
    QRect chipRect(int index) const;
    // The colours chip `index` is drawn in: a fill by kind (or the chip's own) and the text colour
    // that reads best on it, so strong attribution colours stay readable in both themes.
    struct Colors {
        QColor fill, text;
    };
    Colors colorsOf(int index) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    void tokenClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int layoutChips(int width, std::vector<QRect>* rects) const;
    std::vector<TokenChip> tokens_;
    std::vector<QRect> rects_;
    std::vector<int> highlighted_;
    int truncateAt_ = -1;
};
