#pragma once

#include <QWidget>
#include <set>

#include "widgets/AttentionData.h"

// bertviz's head view, natively: tokens in two columns, a line from each query token to each key
// token weighted by attention, one colour per selected head. Hovering a token shows only its
// lines.
class HeadView : public QWidget {
    Q_OBJECT
public:
    explicit HeadView(QWidget* parent = nullptr);
    void setData(const AttentionData* data, int layer, std::set<int> heads);
    static void render(QPainter& painter, const QSize& size, const AttentionData& data, int layer,
                       const std::set<int>& heads, int focusToken, bool dark);
    int hoveredToken() const { return hover_; }
    const std::set<int>& heads() const { return heads_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    const AttentionData* data_ = nullptr;
    int layer_ = 0;
    std::set<int> heads_;
    int hover_ = -1;
};
