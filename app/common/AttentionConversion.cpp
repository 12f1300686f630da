#include "app/common/AttentionConversion.h"

#include "core/explain/AttentionAnalysis.h"
#include "core/tokenizers/Tokenizer.h"

AttentionData toAttentionData(const distilbench::AttentionAnalysis& a,
                              const distilbench::Tokenizer* tokenizer) {
    AttentionData d;
    d.length = static_cast<int>(a.encoding.size());
    d.layers = static_cast<int>(a.layers.size());
    d.heads = a.layers.empty() ? 0 : a.layers.front().heads;
    for (std::size_t i = 0; i < a.encoding.size(); ++i) {
        // Byte-level pieces as text ("Ġthe" reads "▁the").
        d.tokens << QString::fromStdString(tokenizer ? tokenizer->displayToken(a.encoding.tokens[i])
                                                     : a.encoding.tokens[i]);
        d.special.push_back(a.encoding.specialTokensMask[i] != 0);
        d.segment.push_back(a.encoding.sequenceIds[i] == 1 || a.encoding.typeIds[i] == 1 ? 1 : 0);
    }
    d.values.reserve(static_cast<std::size_t>(d.layers) * d.heads * d.length * d.length);
    for (const auto& l : a.layers)
        d.values.insert(d.values.end(), l.values.begin(), l.values.end());
    return d;
}
