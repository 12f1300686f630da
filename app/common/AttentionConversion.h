#pragma once

#include "widgets/AttentionData.h"

namespace distilbench {
struct AttentionAnalysis;
}

// Core's attention analysis as the plain data the attention widgets draw (GUI and CLI).
AttentionData toAttentionData(const distilbench::AttentionAnalysis& analysis);
