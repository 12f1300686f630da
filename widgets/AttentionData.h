#pragma once

#include <QColor>
#include <QStringList>
#include <vector>

// Attention of one input as the views need it: plain floats, no LibTorch types.
struct AttentionData {
    QStringList tokens;
    std::vector<bool> special;  // [CLS], [SEP], [PAD]…
    std::vector<int> segment;   // 0 = A, 1 = B
    int layers = 0, heads = 0, length = 0;
    std::vector<float> values;  // [layer][head][query][key]

    bool isEmpty() const { return length == 0 || layers == 0; }
    float at(int layer, int head, int query, int key) const {
        return values[((static_cast<std::size_t>(layer) * heads + head) * length + query) * length +
                      key];
    }
};

// A square matrix with row and column labels, the unit every heatmap draws.
struct LabelledMatrix {
    QStringList rowLabels, columnLabels;
    int rows = 0, columns = 0;
    std::vector<float> values;  // row-major
    float at(int r, int c) const { return values[static_cast<std::size_t>(r) * columns + c]; }
};

enum class SegmentFilter { All, AToB, BToA };

struct HeatmapOptions {
    bool hideSpecialTokens = false;
    // Tokens of punctuation and symbols only ("." "," "!" "##," "Ġ."): often attention sinks.
    bool hidePunctuation = false;
    bool normaliseRows = false;
    double topMass = 1.0;  // per row, keep the largest cells holding this fraction of the mass
    SegmentFilter segments = SegmentFilter::All;
};

// The matrix of one head (or the mean over heads when head < 0), filtered and transformed by the
// options. Cells dropped by the top-mass threshold become 0.
LabelledMatrix headMatrix(const AttentionData& data, int layer, int head,
                          const HeatmapOptions& options);
LabelledMatrix applyOptions(const LabelledMatrix& m, const std::vector<bool>& special,
                            const std::vector<int>& segment, const HeatmapOptions& options);

// Whether a token is punctuation or symbols only, after the sub-word markers ("##", "Ġ", "▁").
bool isPunctuationToken(const QString& token);

// Sequential colour map from background to full intensity; t in [0, 1].
QColor heatColor(double t, bool dark);
// Diverging colour for attributions: t in [-1, 1], red against the label, green for it.
QColor attributionColor(double t, bool dark);
// Distinct colours for heads in the head view.
QColor headColor(int head);
// WCAG 2 contrast ratio of two colours (1 = none, 21 = black on white); text wants 4.5 or more.
double contrastRatio(const QColor& a, const QColor& b);
