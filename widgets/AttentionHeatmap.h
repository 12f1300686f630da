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
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Pixels per token (0: the matrix fits the widget). With a cell size the widget asks for the
    // room its cells need, so that in a scroll area long inputs scroll with readable labels;
    // Ctrl + wheel zooms.
    void setCellSize(int pixels);
    int cellSize() const { return cellSize_; }
    // The cell size at which token labels are readable (the font's height).
    int readableCellSize() const;

Q_SIGNALS:
    void cellSizeChanged(int pixels);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    LabelledMatrix matrix_;
    QString title_;
    int cellSize_ = 0;
};
