#include "widgets/AttentionData.h"

#include <algorithm>
#include <cmath>
#include <numeric>

bool isPunctuationToken(const QString& token) {
    QString t = token;
    if (t.startsWith(QStringLiteral("##"))) t = t.mid(2);
    while (!t.isEmpty() && (t.front() == QChar(0x0120) || t.front() == QChar(0x2581))) t = t.mid(1);
    if (t.isEmpty()) return false;
    return std::all_of(t.begin(), t.end(), [](QChar c) { return c.isPunct() || c.isSymbol(); });
}

LabelledMatrix applyOptions(const LabelledMatrix& m, const std::vector<bool>& special,
                            const std::vector<int>& segment, const HeatmapOptions& options) {
    std::vector<int> rows, cols;
    auto keep = [&](int i, bool isRow) {
        if (options.hideSpecialTokens && i < static_cast<int>(special.size()) && special[i])
            return false;
        if (options.hidePunctuation &&
            isPunctuationToken(isRow ? m.rowLabels.value(i) : m.columnLabels.value(i)))
            return false;
        const int seg = i < static_cast<int>(segment.size()) ? segment[i] : 0;
        if (options.segments == SegmentFilter::AToB) return isRow ? seg == 0 : seg == 1;
        if (options.segments == SegmentFilter::BToA) return isRow ? seg == 1 : seg == 0;
        return true;
    };
    for (int r = 0; r < m.rows; ++r)
        if (keep(r, true)) rows.push_back(r);
    for (int c = 0; c < m.columns; ++c)
        if (keep(c, false)) cols.push_back(c);
    LabelledMatrix out;
    out.rows = static_cast<int>(rows.size());
    out.columns = static_cast<int>(cols.size());
    for (int r : rows) out.rowLabels << m.rowLabels.value(r);
    for (int c : cols) out.columnLabels << m.columnLabels.value(c);
    out.values.resize(static_cast<std::size_t>(out.rows) * out.columns);
    std::vector<float> row(out.columns);
    std::vector<int> order(out.columns);
    for (int i = 0; i < out.rows; ++i) {
        for (int j = 0; j < out.columns; ++j) row[j] = m.at(rows[i], cols[j]);
        if (options.normaliseRows) {
            const double sum = std::accumulate(row.begin(), row.end(), 0.0);
            if (sum > 0)
                for (auto& v : row) v = static_cast<float>(v / sum);
        }
        if (options.topMass < 1.0) {
            std::iota(order.begin(), order.end(), 0);
            std::sort(order.begin(), order.end(), [&](int a, int b) { return row[a] > row[b]; });
            const double total = std::accumulate(row.begin(), row.end(), 0.0);
            double kept = 0;
            std::vector<bool> visible(out.columns, false);
            for (int j : order) {
                if (kept >= options.topMass * total) break;
                visible[j] = true;
                kept += row[j];
            }
            for (int j = 0; j < out.columns; ++j)
                if (!visible[j]) row[j] = 0;
        }
        std::copy(row.begin(), row.end(),
                  out.values.begin() + static_cast<std::ptrdiff_t>(i) * out.columns);
    }
    return out;
}

LabelledMatrix headMatrix(const AttentionData& data, int layer, int head,
                          const HeatmapOptions& options) {
    LabelledMatrix m;
    m.rows = m.columns = data.length;
    m.rowLabels = m.columnLabels = data.tokens;
    m.values.assign(static_cast<std::size_t>(data.length) * data.length, 0.0f);
    const int h0 = head < 0 ? 0 : head, h1 = head < 0 ? data.heads : head + 1;
    for (int h = h0; h < h1; ++h)
        for (int q = 0; q < data.length; ++q)
            for (int k = 0; k < data.length; ++k)
                m.values[static_cast<std::size_t>(q) * data.length + k] +=
                    data.at(layer, h, q, k) / float(h1 - h0);
    return applyOptions(m, data.special, data.segment, options);
}

QColor heatColor(double t, bool dark) {
    t = std::clamp(t, 0.0, 1.0);
    // Light: white -> deep blue. Dark: near-black -> light blue -> white.
    const QColor a = dark ? QColor(30, 30, 30) : QColor(255, 255, 255);
    const QColor b = dark ? QColor(66, 146, 198) : QColor(66, 146, 198);
    const QColor c = dark ? QColor(235, 245, 255) : QColor(8, 48, 107);
    auto mix = [](const QColor& x, const QColor& y, double s) {
        return QColor::fromRgbF(x.redF() + (y.redF() - x.redF()) * s,
                                x.greenF() + (y.greenF() - x.greenF()) * s,
                                x.blueF() + (y.blueF() - x.blueF()) * s);
    };
    return t < 0.5 ? mix(a, b, t * 2) : mix(b, c, (t - 0.5) * 2);
}

double contrastRatio(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) {
            return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor headColor(int head) {
    static const QColor palette[] = {QColor("#1f77b4"), QColor("#ff7f0e"), QColor("#2ca02c"),
                                     QColor("#d62728"), QColor("#9467bd"), QColor("#8c564b"),
                                     QColor("#e377c2"), QColor("#7f7f7f"), QColor("#bcbd22"),
                                     QColor("#17becf"), QColor("#393b79"), QColor("#637939")};
    return palette[head % 12];
}

QColor attributionColor(double t, bool dark) {
    t = std::clamp(t, -1.0, 1.0);
    const QColor base = dark ? QColor(45, 45, 45) : QColor(255, 255, 255);
    const QColor end = t >= 0 ? QColor(26, 152, 80) : QColor(215, 48, 39);
    const double s = std::abs(t);
    return QColor::fromRgbF(base.redF() + (end.redF() - base.redF()) * s,
                            base.greenF() + (end.greenF() - base.greenF()) * s,
                            base.blueF() + (end.blueF() - base.blueF()) * s);
}
