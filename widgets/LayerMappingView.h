#pragma once

#include <QString>
#include <QWidget>
#include <vector>

// Which teacher layer initialises which student layer: the teacher's stack on the left, the
// student's on the right, a line from each source layer to its student layer. Embeddings sit at
// the bottom of both stacks, as in the papers' figures.
class LayerMappingView : public QWidget {
    Q_OBJECT
public:
    explicit LayerMappingView(QWidget* parent = nullptr);

    // mapping[i] = teacher layer of student layer i; an empty mapping draws the student without
    // links (a preset or an existing checkpoint).
    void setMapping(int teacherLayers, const std::vector<int>& mapping, int studentLayers = -1);
    const std::vector<int>& mapping() const { return mapping_; }
    int teacherLayers() const { return teacherLayers_; }
    int studentLayers() const { return studentLayers_; }
    // The line text a screen reader and the tooltip use: "student 0 ← teacher 0, …".
    QString description() const;

    QSize sizeHint() const override { return {320, 260}; }
    void paint(QPainter& painter, const QSize& size) const;

protected:
    void paintEvent(QPaintEvent*) override;

private:
    int teacherLayers_ = 0, studentLayers_ = 0;
    std::vector<int> mapping_;
};
