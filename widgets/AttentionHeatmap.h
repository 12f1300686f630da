#pragma once

#include <QWidget>

#include "widgets/AttentionData.h"

// A labelled heatmap with a colour legend; hovering a cell shows its value.
class AttentionHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit AttentionHeatmap(QWidget* parent = nullptr);
    void setMatrix(LabelledMatrix matrix, const QString& title = {});
    const LabelledMatrix& matrix() const { return matrix_; }
    // Draws into any painter (screen, image, SVG, PDF): the CLI renders without a window.
    static void render(QPainter& painter, const QSize& size, const LabelledMatrix& m,
                       const QString& title, bool dark);
    // The cell under a point for the given size, or (-1, -1).
    static QPoint cellAt(const QSize& size, const LabelledMatrix& m, const QPoint& pos,
                         const QFont& font, bool hasTitle);
    QSize sizeHint() const override { return {640, 560}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    LabelledMatrix matrix_;
    QString title_;
};
