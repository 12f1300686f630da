#include "widgets/ModelView.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace {
constexpr int kLabel = 56, kHeader = 22, kGap = 4;
}

ModelView::ModelView(QWidget* parent) : QWidget(parent) {}

std::vector<QImage> ModelView::thumbnails(const AttentionData& d, bool dark) {
    std::vector<QImage> out;
    if (d.isEmpty()) return out;
    const int n = std::min(kThumb, d.length);
    const double scale = double(d.length) / n;
    std::vector<int> bin(d.length);
    for (int i = 0; i < d.length; ++i) bin[i] = std::min(n - 1, int(i / scale));
    QRgb lut[256];
    for (int i = 0; i < 256; ++i) lut[i] = heatColor(i / 255.0, dark).rgb();
    std::vector<float> cell(static_cast<std::size_t>(n) * n);
    for (int l = 0; l < d.layers; ++l)
        for (int h = 0; h < d.heads; ++h) {
            std::fill(cell.begin(), cell.end(), 0.0f);
            const float* base =
                d.values.data() + (static_cast<std::size_t>(l) * d.heads + h) * d.length * d.length;
            for (int q = 0; q < d.length; ++q) {
                const float* row = base + static_cast<std::size_t>(q) * d.length;
                float* out = cell.data() + static_cast<std::size_t>(bin[q]) * n;
                for (int k = 0; k < d.length; ++k) out[bin[k]] += row[k];
            }
            const float scaleToLut =
                255.0f / std::max(1e-9f, *std::max_element(cell.begin(), cell.end()));
            QImage img(n, n, QImage::Format_RGB32);
            for (int y = 0; y < n; ++y) {
                auto* line = reinterpret_cast<QRgb*>(img.scanLine(y));
                const float* src = cell.data() + static_cast<std::size_t>(y) * n;
                for (int x = 0; x < n; ++x)
                    line[x] = lut[std::clamp(int(src[x] * scaleToLut + 0.5f), 0, 255)];
            }
            out.push_back(std::move(img));
        }
    return out;
}

void ModelView::setData(const AttentionData& data) {
    layers_ = data.layers;
    heads_ = data.heads;
    thumbs_ = thumbnails(data, palette().color(QPalette::Window).lightness() < 128);
    updateGeometry();
    update();
}

QSize ModelView::sizeHint() const {
    return {kLabel + heads_ * (72 + kGap), kHeader + layers_ * (72 + kGap)};
}

void ModelView::render(QPainter& p, const QSize& size, const std::vector<QImage>& thumbs,
                       int layers, int heads, bool dark) {
    p.fillRect(QRect(QPoint(0, 0), size), dark ? QColor(37, 37, 38) : Qt::white);
    if (layers == 0 || heads == 0) return;
    const int cell = std::max(
        8, std::min((size.width() - kLabel) / heads, (size.height() - kHeader) / layers) - kGap);
    p.setPen(dark ? QColor(230, 230, 230) : QColor(20, 20, 20));
    QFont f = p.font();
    f.setPixelSize(11);
    p.setFont(f);
    for (int h = 0; h < heads; ++h)
        p.drawText(QRect(kLabel + h * (cell + kGap), 0, cell, kHeader), Qt::AlignCenter,
                   QObject::tr("head %1").arg(h));
    for (int l = 0; l < layers; ++l) {
        p.drawText(QRect(0, kHeader + l * (cell + kGap), kLabel - 6, cell),
                   Qt::AlignRight | Qt::AlignVCenter, QObject::tr("layer %1").arg(l));
        for (int h = 0; h < heads; ++h) {
            const std::size_t i = static_cast<std::size_t>(l) * heads + h;
            if (i < thumbs.size())
                p.drawImage(
                    QRect(kLabel + h * (cell + kGap), kHeader + l * (cell + kGap), cell, cell),
                    thumbs[i]);
        }
    }
}

void ModelView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    render(p, size(), thumbs_, layers_, heads_,
           palette().color(QPalette::Window).lightness() < 128);
}

void ModelView::mousePressEvent(QMouseEvent* event) {
    if (layers_ == 0 || heads_ == 0) return;
    const int cell =
        std::max(8, std::min((width() - kLabel) / heads_, (height() - kHeader) / layers_) - kGap);
    const int h = int((event->position().x() - kLabel) / (cell + kGap));
    const int l = int((event->position().y() - kHeader) / (cell + kGap));
    if (event->position().x() >= kLabel && event->position().y() >= kHeader && h < heads_ &&
        l < layers_)
        Q_EMIT headClicked(l, h);
}
