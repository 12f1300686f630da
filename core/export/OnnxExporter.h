#pragma once

#include <string>

#include "core/models/Int8Ranges.h"

namespace distilbench {

class EncoderModel;

struct OnnxExportOptions {
    int opset = 14;
    bool attentions = false;  // also output every layer's attention weights ("attentions.N")
    // The Linear layers int8 covers as DynamicQuantizeLinear + MatMulInteger with the int8
    // weights DistilBench's own int8 inference uses (a quarter of their float32 size).
    bool dynamicInt8 = false;
    // Static int8 instead (non-empty): each int8 Linear's input through QuantizeLinear/
    // DequantizeLinear with its calibrated scale and the weight through DequantizeLinear (the
    // QDQ form ONNX Runtime fuses into integer products), as EncoderModel::setStaticInt8.
    Int8Ranges staticInt8;
};

// Writes the model as an ONNX graph built node by node with libonnx: inputs input_ids and
// attention_mask ([batch, sequence], both int64, dynamic axes), output logits. LayerNorm and GELU
// are spelled out in opset-14 operators, BERT's token-type embedding 0 is folded into the
// positions (inputs carry no token types). The model is validated with the ONNX checker before
// the file is renamed into place. Throws Error for heads without an ONNX form.
void exportOnnx(EncoderModel& model, const std::string& path,
                const OnnxExportOptions& options = {});

}  // namespace distilbench
