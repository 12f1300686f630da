#pragma once

#include <QImage>
#include <QWidget>
#include <vector>

#include "widgets/AttentionData.h"

// bertviz's model view: a grid of layers x heads, each a small heatmap. Thumbnails are built once
// when data arrives (averaged down to at most kThumb pixels), so a 512-token input with 72 heads
// paints quickly. Clicking a cell emits headClicked.
class ModelView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kThumb = 96;
    explicit ModelView(QWidget* parent = nullptr);
    void setData(const AttentionData& data);
    static std::vector<QImage> thumbnails(const AttentionData& data, bool dark);
    static void render(QPainter& painter, const QSize& size, const std::vector<QImage>& thumbs,
                       int layers, int heads, bool dark);
    QSize sizeHint() const override;
    int thumbnailCount() const { return static_cast<int>(thumbs_.size()); }

Q_SIGNALS:
    void headClicked(int layer, int head);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    std::vector<QImage> thumbs_;
    int layers_ = 0, heads_ = 0;
};
