#include "core/export/OnnxExporter.h"

#include <ATen/ATen.h>
#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <QFile>
#include <cmath>
#include <limits>
#include "core/util/AtomicFile.h"

#include "core/models/EncoderModel.h"
#include "core/models/Int8Linear.h"
#include "core/runtime/Error.h"

namespace distilbench {

namespace {

// Builds a graph with unique value names; every helper returns the name of its output.
class GraphBuilder {
public:
    explicit GraphBuilder(onnx::GraphProto* graph) : g_(graph) {}

    std::string initializer(const std::string& name, const at::Tensor& value) {
        const at::Tensor t = value.detach().to(at::kCPU).contiguous();
        onnx::TensorProto* p = g_->add_initializer();
        p->set_name(name);
        for (auto d : t.sizes()) p->add_dims(d);
        const bool exact = t.scalar_type() == at::kLong || t.scalar_type() == at::kChar ||
                           t.scalar_type() == at::kByte;
        p->set_data_type(t.scalar_type() == at::kLong   ? onnx::TensorProto::INT64
                         : t.scalar_type() == at::kChar ? onnx::TensorProto::INT8
                         : t.scalar_type() == at::kByte ? onnx::TensorProto::UINT8
                                                        : onnx::TensorProto::FLOAT);
        const at::Tensor c = exact ? t : t.to(at::kFloat).contiguous();
        p->set_raw_data(c.data_ptr(), static_cast<std::size_t>(c.numel() * c.element_size()));
        return name;
    }
    std::string ints(const std::vector<std::int64_t>& v) {
        return initializer(fresh("const"), at::tensor(v, at::kLong));
    }
    std::string scalar(float v) { return initializer(fresh("const"), at::tensor({v}).reshape({})); }

    std::string node(const std::string& op, const std::vector<std::string>& inputs,
                     const std::string& output = {},
                     const std::function<void(onnx::NodeProto*)>& attributes = {}) {
        onnx::NodeProto* n = g_->add_node();
        n->set_op_type(op);
        n->set_name(fresh(op));
        for (const auto& i : inputs) n->add_input(i);
        const std::string out = output.empty() ? fresh(op + "_out") : output;
        n->add_output(out);
        if (attributes) attributes(n);
        return out;
    }
    static void intAttr(onnx::NodeProto* n, const char* name, std::int64_t v) {
        auto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }
    static void intsAttr(onnx::NodeProto* n, const char* name, const std::vector<std::int64_t>& v) {
        auto* a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (auto x : v) a->add_ints(x);
    }

    // A node with several outputs (DynamicQuantizeLinear's value, scale and zero point).
    std::vector<std::string> nodeOutputs(const std::string& op,
                                         const std::vector<std::string>& inputs, int outputs) {
        onnx::NodeProto* n = g_->add_node();
        n->set_op_type(op);
        n->set_name(fresh(op));
        for (const auto& i : inputs) n->add_input(i);
        std::vector<std::string> out;
        for (int k = 0; k < outputs; ++k) {
            out.push_back(fresh(op + "_out"));
            n->add_output(out.back());
        }
        return out;
    }

    std::string fresh(const std::string& base) { return base + "_" + std::to_string(counter_++); }

private:
    onnx::GraphProto* g_;
    int counter_ = 0;
};

class OnnxWriter {
public:
    OnnxWriter(EncoderModel& model, onnx::GraphProto* graph)
        : m_(model), b_(graph), c_(model.config()) {}

    std::string weight(const std::string& name) {
        auto it = names_.find(name);
        if (it != names_.end()) return it->second;
        return names_[name] = b_.initializer(name, m_.parameter(name));
    }
    // x · Wᵀ + b with Wᵀ stored, so no Transpose node runs per call.
    std::string linear(const std::string& x, const std::string& name) {
        if (!static_.empty() && m_.isInt8Linear(name)) return staticInt8Linear(x, name);
        if (int8_ && m_.isInt8Linear(name)) return int8Linear(x, name, name + ".bias");
        const std::string wt = name + ".weight_transposed";
        if (!names_.count(wt))
            names_[wt] = b_.initializer(wt, m_.parameter(name + ".weight").t().contiguous());
        return b_.node("Add", {b_.node("MatMul", {x, names_[wt]}), weight(name + ".bias")});
    }
    // The dynamic int8 product as DistilBench computes it (EncoderModel::setDynamicInt8): the
    // activations quantized to uint8 over the whole tensor at run time (DynamicQuantizeLinear),
    // the weights the same qint8 integers per output channel, an int32 product (MatMulInteger),
    // then scaled back and the float bias added. ONNX Runtime's quantize_dynamic writes the same
    // pattern.
    std::string int8Linear(const std::string& x, const std::string& layer,
                           const std::string& biasName) {
        const at::Tensor q = m_.quantizedWeight(layer);
        const std::string wq =
            b_.initializer(layer + ".weight_int8_transposed", q.int_repr().t().contiguous());
        const std::string ws =
            b_.initializer(layer + ".weight_scale", q.q_per_channel_scales().to(at::kFloat));
        const auto xq = b_.nodeOutputs("DynamicQuantizeLinear", {x}, 3);
        const std::string product = b_.node(
            "Cast", {b_.node("MatMulInteger", {xq[0], wq, xq[2]})}, {},
            [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "to", onnx::TensorProto::FLOAT); });
        return b_.node("Add",
                       {b_.node("Mul", {product, b_.node("Mul", {xq[1], ws})}), weight(biasName)});
    }
    // Static int8 in QDQ form: the input quantized and dequantized with its calibrated scale,
    // the int8 weight dequantized per output channel, the float product plus bias (ONNX Runtime
    // fuses the pattern into an integer product), as Int8Linear computes it.
    std::string staticInt8Linear(const std::string& x, const std::string& layer) {
        const Int8Range& r = static_.at(layer);
        const auto [scale, zeroPoint] = Int8Linear::inputParameters(r.min, r.max);
        const std::string s = b_.scalar(static_cast<float>(scale));
        const std::string z = b_.initializer(
            b_.fresh("zero_point"),
            at::tensor({static_cast<std::uint8_t>(zeroPoint)}, at::kByte).reshape({}));
        const std::string xd =
            b_.node("DequantizeLinear", {b_.node("QuantizeLinear", {x, s, z}), s, z});
        const at::Tensor q = m_.quantizedWeight(layer);
        const std::string wq =
            b_.initializer(layer + ".weight_int8_transposed", q.int_repr().t().contiguous());
        const std::string ws =
            b_.initializer(layer + ".weight_scale", q.q_per_channel_scales().to(at::kFloat));
        const std::string wz =
            b_.initializer(layer + ".weight_zero_point", at::zeros({q.size(0)}, at::kChar));
        const std::string w = b_.node("DequantizeLinear", {wq, ws, wz}, {}, [](onnx::NodeProto* n) {
            GraphBuilder::intAttr(n, "axis", 1);
        });
        return b_.node("Add", {b_.node("MatMul", {xd, w}), weight(layer + ".bias")});
    }
    std::string layerNorm(const std::string& x, const std::string& name) {
        auto mean = [&](const std::string& v) {
            return b_.node("ReduceMean", {v}, {},
                           [](onnx::NodeProto* n) { GraphBuilder::intsAttr(n, "axes", {-1}); });
        };
        const std::string d = b_.node("Sub", {x, mean(x)});
        const std::string var = mean(b_.node("Mul", {d, d}));
        const std::string norm = b_.node(
            "Div",
            {d, b_.node("Sqrt",
                        {b_.node("Add", {var, b_.scalar(static_cast<float>(c_.layerNormEps))})})});
        return b_.node("Add",
                       {b_.node("Mul", {norm, weight(name + ".weight")}), weight(name + ".bias")});
    }
    // The layers' activation (hidden_act / activation).
    std::string activation(const std::string& x) { return activationNamed(x, c_.activation); }
    // An activation by its transformers name, whatever the layers use (a DeBERTa pooler's
    // pooler_hidden_act, a convolution's conv_act).
    std::string activationNamed(const std::string& x, const std::string& name) {
        if (name == "relu") return b_.node("Relu", {x});
        if (name == "tanh") return b_.node("Tanh", {x});
        if (name == "gelu_new" || name == "gelu_pytorch_tanh") {
            // 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
            const std::string cube = b_.node("Mul", {b_.node("Mul", {x, x}), x});
            const std::string inner =
                b_.node("Mul", {b_.node("Add", {x, b_.node("Mul", {cube, b_.scalar(0.044715f)})}),
                                b_.scalar(static_cast<float>(std::sqrt(2.0 / M_PI)))});
            return b_.node("Mul", {b_.node("Mul", {x, b_.scalar(0.5f)}),
                                   b_.node("Add", {b_.node("Tanh", {inner}), b_.scalar(1.0f)})});
        }
        return gelu(x);
    }
    // Exact GELU: 0.5·x·(1 + erf(x/√2)) (RoBERTa's and ELECTRA's heads use it whatever the
    // layers' activation).
    std::string gelu(const std::string& x) {
        const std::string erf =
            b_.node("Erf", {b_.node("Div", {x, b_.scalar(static_cast<float>(std::sqrt(2.0)))})});
        return b_.node(
            "Mul", {b_.node("Mul", {x, b_.scalar(0.5f)}), b_.node("Add", {erf, b_.scalar(1.0f)})});
    }

    // DeBERTa-v2/v3: embeddings (projected, padding zeroed), then layers whose scores add the
    // content->position and position->content terms. The bucketed relative positions and the
    // position projections of the (normalised) relative embeddings do not depend on the input:
    // they are computed here, for the longest input, and sliced to the input's length.
    std::string debertaEncoder(const OnnxExportOptions& options,
                               std::vector<std::string>& attentionOutputs) {
        const DebertaSettings& d = c_.deberta;
        const std::string p = c_.head == HeadType::Base ? "" : c_.basePrefix() + ".";
        const std::string e = p + "embeddings.";
        const std::int64_t H = c_.numHeads, dh = c_.headDim(), D = c_.hiddenSize;
        auto constant = [&](std::int64_t v) {
            return b_.initializer(b_.fresh("const"), at::tensor(v).reshape({1}));
        };
        std::string x = b_.node("Gather", {weight(e + "word_embeddings.weight"), "input_ids"});
        const std::string shape = b_.node("Shape", {"input_ids"});
        auto dim = [&](std::int64_t axis) {
            return b_.node("Slice", {shape, constant(axis), constant(axis + 1)});
        };
        const std::string batch = dim(0), length = dim(1);
        if (d.positionBiasedInput) {
            at::Tensor table =
                m_.parameter(e + "position_embeddings.weight").detach().to(at::kFloat);
            if (c_.hasTokenTypes())
                table = table + m_.parameter(e + "token_type_embeddings.weight")[0].to(at::kFloat);
            const std::string positions = b_.node(
                "Range",
                {b_.initializer(b_.fresh("zero"), at::tensor(std::int64_t(0)).reshape({})),
                 b_.node("Squeeze", {length, constant(0)}),
                 b_.initializer(b_.fresh("step"), at::tensor(std::int64_t(1)).reshape({}))});
            x = b_.node(
                "Add",
                {x, b_.node("Gather", {b_.initializer(b_.fresh("positions"), table), positions})});
        } else if (c_.hasTokenTypes()) {
            x = b_.node(
                "Add",
                {x, b_.initializer(b_.fresh("type0"),
                                   m_.parameter(e + "token_type_embeddings.weight")[0].detach().to(
                                       at::kFloat))});
        }
        if (m_.hasParameter(e + "embed_proj.weight"))
            x = b_.node("MatMul", {x, b_.initializer(
                                          e + "embed_proj.weight_transposed",
                                          m_.parameter(e + "embed_proj.weight").t().contiguous())});
        x = layerNorm(x, e + "LayerNorm");
        const std::string maskFloat = b_.node(
            "Cast", {"attention_mask"}, {},
            [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "to", onnx::TensorProto::FLOAT); });
        const std::string tokenMask = b_.node("Unsqueeze", {maskFloat, b_.ints({2})});
        x = b_.node("Mul", {x, tokenMask});
        const std::string embedded = x;
        const std::string keyBias =
            b_.node("Unsqueeze", {b_.node("Mul", {b_.node("Sub", {b_.scalar(1.0f), maskFloat}),
                                                  b_.scalar(std::numeric_limits<float>::lowest())}),
                                  b_.ints({1, 2})});
        const std::string queryMask = b_.node("Unsqueeze", {maskFloat, b_.ints({1, 3})});

        const std::int64_t span = d.span(c_.maxPositions);
        const at::Tensor rel = m_.debertaRelativePositions(c_.maxPositions).to(at::kCPU);
        const std::string sliceEnds =
            b_.node("Concat", {length, length}, {},
                    [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "axis", 0); });
        const std::string fullShape =
            b_.node("Concat", {batch, constant(H), length, length}, {},
                    [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "axis", 0); });
        auto indexFor = [&](const at::Tensor& table) {
            const std::string sliced =
                b_.node("Slice", {b_.initializer(b_.fresh("relative_index"), table),
                                  b_.ints({0, 0}), sliceEnds, b_.ints({0, 1})});
            return b_.node("Expand", {sliced, fullShape});
        };
        std::string c2pIndex, p2cIndex;
        if (d.relativeAttention && d.contentToPosition)
            c2pIndex = indexFor(at::clamp(rel + span, 0, 2 * span - 1));
        if (d.relativeAttention && d.positionToContent)
            p2cIndex = indexFor(at::clamp(-rel + span, 0, 2 * span - 1));
        at::Tensor relEmb;
        if (d.relativeAttention) {
            relEmb = m_.parameter(p + "encoder.rel_embeddings.weight").detach().to(at::kFloat);
            if (d.normaliseRelativeEmbeddings)
                relEmb = at::layer_norm(
                    relEmb, {D}, m_.parameter(p + "encoder.LayerNorm.weight").to(at::kFloat),
                    m_.parameter(p + "encoder.LayerNorm.bias").to(at::kFloat), c_.layerNormEps);
            relEmb = relEmb.slice(0, 0, 2 * span);
        }
        // A projection of the relative embeddings as [1, H, Dh, 2·span] (keys' layout).
        auto positionHeads = [&](const std::string& projection) {
            const at::Tensor projected =
                at::linear(relEmb, m_.parameter(projection + ".weight").to(at::kFloat),
                           m_.parameter(projection + ".bias").to(at::kFloat));
            return b_.initializer(
                b_.fresh("position_heads"),
                projected.view({2 * span, H, dh}).permute({1, 2, 0}).unsqueeze(0).contiguous());
        };
        const int scaleFactor = 1 + (d.relativeAttention && d.contentToPosition ? 1 : 0) +
                                (d.relativeAttention && d.positionToContent ? 1 : 0);
        const std::string scale =
            b_.scalar(static_cast<float>(1.0 / std::sqrt(static_cast<double>(dh) * scaleFactor)));
        const std::string headsShape = b_.ints({0, 0, H, dh}), mergedShape = b_.ints({0, 0, D});
        auto perm = [](std::vector<std::int64_t> v) {
            return [v](onnx::NodeProto* n) { GraphBuilder::intsAttr(n, "perm", v); };
        };
        auto lastAxis = [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "axis", -1); };
        for (int i = 0; i < c_.numLayers; ++i) {
            const std::string l = p + "encoder.layer." + std::to_string(i) + ".";
            const std::string a = l + "attention.self.";
            auto split = [&](const std::string& projection, std::vector<std::int64_t> order) {
                return b_.node("Transpose",
                               {b_.node("Reshape", {linear(x, a + projection), headsShape})}, {},
                               perm(order));
            };
            const std::string qh = split("query_proj", {0, 2, 1, 3});
            const std::string kh = split("key_proj", {0, 2, 1, 3});
            const std::string vh = split("value_proj", {0, 2, 1, 3});
            std::string scores =
                b_.node("MatMul", {qh, b_.node("Transpose", {kh}, {}, perm({0, 1, 3, 2}))});
            if (!c2pIndex.empty()) {
                const std::string posKey =
                    positionHeads(a + (d.shareAttentionKey ? "key_proj" : "pos_key_proj"));
                scores = b_.node(
                    "Add",
                    {scores, b_.node("GatherElements", {b_.node("MatMul", {qh, posKey}), c2pIndex},
                                     {}, lastAxis)});
            }
            if (!p2cIndex.empty()) {
                const std::string posQuery =
                    positionHeads(a + (d.shareAttentionKey ? "query_proj" : "pos_query_proj"));
                const std::string gathered = b_.node(
                    "GatherElements", {b_.node("MatMul", {kh, posQuery}), p2cIndex}, {}, lastAxis);
                scores = b_.node(
                    "Add", {scores, b_.node("Transpose", {gathered}, {}, perm({0, 1, 3, 2}))});
            }
            scores = b_.node("Add", {b_.node("Mul", {scores, scale}), keyBias});
            // XSoftmax: padded queries get no attention at all.
            const std::string probs =
                b_.node("Mul", {b_.node("Softmax", {scores}, {}, lastAxis), queryMask},
                        options.attentions ? "attentions." + std::to_string(i) : std::string());
            attentionOutputs.push_back(probs);
            const std::string context = b_.node(
                "Reshape",
                {b_.node("Transpose", {b_.node("MatMul", {probs, vh})}, {}, perm({0, 2, 1, 3})),
                 mergedShape});
            x = layerNorm(b_.node("Add", {linear(context, l + "attention.output.dense"), x}),
                          l + "attention.output.LayerNorm");
            x = layerNorm(b_.node("Add", {linear(activation(linear(x, l + "intermediate.dense")),
                                                 l + "output.dense"),
                                          x}),
                          l + "output.LayerNorm");
            if (i == 0 && d.convKernelSize > 0) {
                // ConvLayer: a convolution over the embeddings, padding zeroed, its activation,
                // added to the first layer's output and normalised.
                const std::string cv = p + "encoder.conv.";
                const std::int64_t k = d.convKernelSize, groups = d.convGroups;
                std::string conv =
                    b_.node("Conv",
                            {b_.node("Transpose", {embedded}, {}, perm({0, 2, 1})),
                             weight(cv + "conv.weight"), weight(cv + "conv.bias")},
                            {}, [k, groups](onnx::NodeProto* n) {
                                GraphBuilder::intsAttr(n, "kernel_shape", {k});
                                GraphBuilder::intsAttr(n, "pads", {(k - 1) / 2, (k - 1) / 2});
                                GraphBuilder::intAttr(n, "group", groups);
                            });
                conv =
                    b_.node("Mul", {b_.node("Transpose", {conv}, {}, perm({0, 2, 1})), tokenMask});
                conv = activationNamed(conv, d.convActivation);
                x = b_.node("Mul",
                            {layerNorm(b_.node("Add", {x, conv}), cv + "LayerNorm"), tokenMask});
            }
        }
        return x;
    }

    void build(const OnnxExportOptions& options, onnx::GraphProto* graph) {
        int8_ = options.dynamicInt8;
        static_ = options.staticInt8;
        const bool deberta = c_.family == ModelFamily::DebertaV2;
        const bool distil = c_.family == ModelFamily::DistilBert;
        const bool albert = c_.family == ModelFamily::Albert;
        const bool electra = c_.family == ModelFamily::Electra;
        const bool roberta = c_.isRobertaLike();
        const std::string p = c_.head == HeadType::Base ? "" : c_.basePrefix() + ".";
        const std::string e = p + "embeddings.";
        const std::int64_t H = c_.numHeads, dh = c_.headDim(), D = c_.hiddenSize;

        std::string x;
        std::vector<std::string> attentionOutputs;
        if (deberta) {
            x = debertaEncoder(options, attentionOutputs);
        } else {
            x = b_.node("Gather", {weight(e + "word_embeddings.weight"), "input_ids"});
            std::string positions;
            if (roberta) {
                // create_position_ids_from_input_ids: tokens count from pad_token_id + 1, padding
                // keeps pad_token_id.
                const std::string real = b_.node(
                    "Cast",
                    {b_.node("Not", {b_.node("Equal",
                                             {"input_ids",
                                              b_.initializer(b_.fresh("pad"),
                                                             at::tensor(std::int64_t(c_.padTokenId))
                                                                 .reshape({}))})})},
                    {}, [](onnx::NodeProto* n) {
                        GraphBuilder::intAttr(n, "to", onnx::TensorProto::INT64);
                    });
                const std::string counted = b_.node(
                    "CumSum", {real, b_.initializer(b_.fresh("axis"),
                                                    at::tensor(std::int64_t(1)).reshape({}))});
                positions = b_.node(
                    "Add", {b_.node("Mul", {counted, real}),
                            b_.initializer(b_.fresh("pad"),
                                           at::tensor(std::int64_t(c_.padTokenId)).reshape({}))});
            } else {
                const std::string length = b_.node(
                    "Gather",
                    {b_.node("Shape", {"input_ids"}),
                     b_.initializer(b_.fresh("one"), at::tensor(std::int64_t(1)).reshape({}))},
                    {}, [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "axis", 0); });
                positions = b_.node(
                    "Range",
                    {b_.initializer(b_.fresh("zero"), at::tensor(std::int64_t(0)).reshape({})),
                     length,
                     b_.initializer(b_.fresh("step"), at::tensor(std::int64_t(1)).reshape({}))});
            }
            // Token type 0 (the graph's only one) folded into the position table.
            at::Tensor positionTable =
                m_.parameter(e + "position_embeddings.weight").detach().to(at::kFloat);
            if (c_.hasTokenTypes())
                positionTable =
                    positionTable +
                    m_.parameter(e + "token_type_embeddings.weight")[0].detach().to(at::kFloat);
            const std::string table =
                b_.initializer(e + "position_embeddings.weight_with_type", positionTable);
            x = b_.node("Add", {x, b_.node("Gather", {table, positions})});
            x = layerNorm(x, e + "LayerNorm");
            if (electra && m_.hasParameter(p + "embeddings_project.weight"))
                x = linear(x, p + "embeddings_project");
            if (albert) x = linear(x, p + "encoder.embedding_hidden_mapping_in");

            // [B, L] mask -> additive [B, 1, 1, L]: 0 to attend, the lowest float for padding.
            const std::string maskFloat =
                b_.node("Cast", {"attention_mask"}, {}, [](onnx::NodeProto* n) {
                    GraphBuilder::intAttr(n, "to", onnx::TensorProto::FLOAT);
                });
            const std::string bias =
                b_.node("Mul", {b_.node("Sub", {b_.scalar(1.0f), maskFloat}),
                                b_.scalar(std::numeric_limits<float>::lowest())});
            const std::string maskBias = b_.node("Unsqueeze", {bias, b_.ints({1, 2})});
            const std::string headsShape = b_.ints({0, 0, H, dh}), mergedShape = b_.ints({0, 0, D});
            const std::string scale =
                b_.scalar(static_cast<float>(1.0 / std::sqrt(static_cast<double>(dh))));
            auto perm = [](std::vector<std::int64_t> v) {
                return [v](onnx::NodeProto* n) { GraphBuilder::intsAttr(n, "perm", v); };
            };
            // ALBERT applies each group's shared layers in turn; the weights are one initializer.
            struct LayerNames {
                std::string q, k, v, o, ln1, f1, f2, ln2;
            };
            std::vector<LayerNames> layers;
            for (int i = 0; i < c_.numLayers; ++i) {
                if (albert) {
                    const int group = i / (c_.numLayers / c_.numHiddenGroups);
                    for (int inner = 0; inner < c_.innerGroupNum; ++inner) {
                        const std::string l = p + "encoder.albert_layer_groups." +
                                              std::to_string(group) + ".albert_layers." +
                                              std::to_string(inner) + ".";
                        layers.push_back({l + "attention.query", l + "attention.key",
                                          l + "attention.value", l + "attention.dense",
                                          l + "attention.LayerNorm", l + "ffn", l + "ffn_output",
                                          l + "full_layer_layer_norm"});
                    }
                } else if (!distil) {
                    const std::string l = p + "encoder.layer." + std::to_string(i) + ".";
                    layers.push_back({l + "attention.self.query", l + "attention.self.key",
                                      l + "attention.self.value", l + "attention.output.dense",
                                      l + "attention.output.LayerNorm", l + "intermediate.dense",
                                      l + "output.dense", l + "output.LayerNorm"});
                } else {
                    const std::string l = p + "transformer.layer." + std::to_string(i) + ".";
                    layers.push_back({l + "attention.q_lin", l + "attention.k_lin",
                                      l + "attention.v_lin", l + "attention.out_lin",
                                      l + "sa_layer_norm", l + "ffn.lin1", l + "ffn.lin2",
                                      l + "output_layer_norm"});
                }
            }
            for (std::size_t i = 0; i < layers.size(); ++i) {
                const auto& [q, k, v, o, ln1, f1, f2, ln2] = layers[i];
                const std::string qh =
                    b_.node("Transpose", {b_.node("Reshape", {linear(x, q), headsShape})}, {},
                            perm({0, 2, 1, 3}));
                const std::string kh =
                    b_.node("Transpose", {b_.node("Reshape", {linear(x, k), headsShape})}, {},
                            perm({0, 2, 3, 1}));
                const std::string vh =
                    b_.node("Transpose", {b_.node("Reshape", {linear(x, v), headsShape})}, {},
                            perm({0, 2, 1, 3}));
                const std::string scores = b_.node(
                    "Add", {b_.node("Mul", {b_.node("MatMul", {qh, kh}), scale}), maskBias});
                const std::string probs =
                    b_.node("Softmax", {scores},
                            options.attentions ? "attentions." + std::to_string(i) : std::string(),
                            [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "axis", -1); });
                attentionOutputs.push_back(probs);
                const std::string context = b_.node(
                    "Reshape",
                    {b_.node("Transpose", {b_.node("MatMul", {probs, vh})}, {}, perm({0, 2, 1, 3})),
                     mergedShape});
                x = layerNorm(b_.node("Add", {linear(context, o), x}), ln1);
                x = layerNorm(b_.node("Add", {linear(activation(linear(x, f1)), f2), x}), ln2);
            }
        }
        std::string logits;
        const std::string first =
            b_.initializer(b_.fresh("index0"), at::tensor(std::int64_t(0)).reshape({}));
        auto cls = [&] {
            return b_.node("Gather", {x, first}, {},
                           [](onnx::NodeProto* n) { GraphBuilder::intAttr(n, "axis", 1); });
        };
        switch (c_.head) {
            case HeadType::SequenceClassification:
                if (deberta)  // ContextPooler: dense and its activation, then the classifier
                    logits = linear(
                        activationNamed(linear(cls(), "pooler.dense"), c_.deberta.poolerActivation),
                        "classifier");
                else if (roberta)  // dense -> tanh -> out_proj on <s>
                    logits = linear(b_.node("Tanh", {linear(cls(), "classifier.dense")}),
                                    "classifier.out_proj");
                else if (electra)  // dense -> gelu -> out_proj
                    logits = linear(gelu(linear(cls(), "classifier.dense")), "classifier.out_proj");
                else if (!distil)  // BERT's and ALBERT's pooler
                    logits = linear(
                        b_.node("Tanh", {linear(cls(), p + (albert ? "pooler" : "pooler.dense"))}),
                        "classifier");
                else
                    logits =
                        linear(b_.node("Relu", {linear(cls(), "pre_classifier")}), "classifier");
                break;
            case HeadType::TokenClassification:
                logits = linear(x, "classifier");
                break;
            case HeadType::QuestionAnswering:
                logits = linear(x, "qa_outputs");
                break;
            case HeadType::MaskedLM: {
                // Each family's transform (dense, activation, norm) and its decoder, tied to the
                // word embeddings, with the head's own bias.
                std::string dense, norm, decoder, biasName;
                bool exactGelu = false;
                if (c_.family == ModelFamily::Bert || deberta) {
                    dense = "cls.predictions.transform.dense";
                    norm = "cls.predictions.transform.LayerNorm";
                    decoder = "cls.predictions.decoder.weight";
                    biasName = "cls.predictions.bias";
                } else if (roberta) {
                    dense = "lm_head.dense";
                    norm = "lm_head.layer_norm";
                    decoder = "lm_head.decoder.weight";
                    biasName = "lm_head.bias";
                    exactGelu = true;
                } else if (electra) {
                    dense = "generator_predictions.dense";
                    norm = "generator_predictions.LayerNorm";
                    decoder = "generator_lm_head.weight";
                    biasName = "generator_lm_head.bias";
                    exactGelu = true;
                } else if (albert) {
                    dense = "predictions.dense";
                    norm = "predictions.LayerNorm";
                    decoder = "predictions.decoder.weight";
                    biasName = "predictions.bias";
                } else {
                    dense = "vocab_transform";
                    norm = "vocab_layer_norm";
                    decoder = "vocab_projector.weight";
                    biasName = "vocab_projector.bias";
                }
                const std::string transformed = linear(x, dense);
                const std::string h =
                    layerNorm(exactGelu ? gelu(transformed) : activation(transformed), norm);
                const std::string wt =
                    b_.initializer(decoder + "_transposed", m_.parameter(decoder).t().contiguous());
                logits = b_.node("Add", {b_.node("MatMul", {h, wt}), weight(biasName)});
                break;
            }
            case HeadType::ReplacedTokenDetection:
                // One logit per token: [B, L, 1] -> [B, L].
                logits = b_.node("Reshape",
                                 {linear(activation(linear(x, "discriminator_predictions.dense")),
                                         "discriminator_predictions.dense_prediction"),
                                  b_.ints({0, 0})});
                break;
            case HeadType::Base:
                logits = x;
                break;
            case HeadType::MultipleChoice:
                throw Error(
                    "multiple-choice models have no ONNX export yet (their inputs are 3-D)");
        }
        b_.node("Identity", {logits}, "logits");

        auto declare = [](onnx::ValueInfoProto* v, const std::string& name, int type,
                          const std::vector<std::string>& dims) {
            v->set_name(name);
            auto* t = v->mutable_type()->mutable_tensor_type();
            t->set_elem_type(type);
            for (const auto& d : dims) {
                auto* dim = t->mutable_shape()->add_dim();
                if (d.front() >= '0' && d.front() <= '9')
                    dim->set_dim_value(std::stoll(d));
                else
                    dim->set_dim_param(d);
            }
        };
        declare(graph->add_input(), "input_ids", onnx::TensorProto::INT64, {"batch", "sequence"});
        declare(graph->add_input(), "attention_mask", onnx::TensorProto::INT64,
                {"batch", "sequence"});
        const int n = std::max(1, c_.head == HeadType::MaskedLM ? c_.vocabSize : c_.numLabels());
        switch (c_.head) {
            case HeadType::SequenceClassification:
                declare(graph->add_output(), "logits", onnx::TensorProto::FLOAT,
                        {"batch", std::to_string(n)});
                break;
            case HeadType::Base:
                declare(graph->add_output(), "logits", onnx::TensorProto::FLOAT,
                        {"batch", "sequence", std::to_string(D)});
                break;
            case HeadType::ReplacedTokenDetection:
                declare(graph->add_output(), "logits", onnx::TensorProto::FLOAT,
                        {"batch", "sequence"});
                break;
            case HeadType::QuestionAnswering:
                declare(graph->add_output(), "logits", onnx::TensorProto::FLOAT,
                        {"batch", "sequence", "2"});
                break;
            default:
                declare(graph->add_output(), "logits", onnx::TensorProto::FLOAT,
                        {"batch", "sequence", std::to_string(n)});
        }
        if (options.attentions)
            for (const auto& a : attentionOutputs)
                declare(graph->add_output(), a, onnx::TensorProto::FLOAT,
                        {"batch", std::to_string(H), "sequence", "sequence"});
    }

private:
    EncoderModel& m_;
    GraphBuilder b_;
    const ModelConfig& c_;
    std::map<std::string, std::string> names_;
    bool int8_ = false;
    Int8Ranges static_;
};

}  // namespace

void exportOnnx(EncoderModel& model, const std::string& path, const OnnxExportOptions& options) {
    if (options.opset < 14) throw Error("ONNX export needs opset 14 or newer");
    if (options.opset > 17)
        throw Error("ONNX export writes opsets 14 to 17 (ReduceMean changed in 18)");
    onnx::ModelProto proto;
    proto.set_ir_version(8);
    proto.set_producer_name("DistilBench");
    proto.set_producer_version(DISTILBENCH_VERSION);
    proto.set_model_version(1);
    if (options.dynamicInt8 || !options.staticInt8.empty()) {
        // The int8 weights' bits, for whoever reads the file later.
        auto* bits = proto.add_metadata_props();
        bits->set_key("distilbench_int8_weight_bits");
        bits->set_value(std::to_string(model.int8WeightBits()));
    }
    auto* opset = proto.add_opset_import();
    opset->set_domain("");
    opset->set_version(options.opset);
    onnx::GraphProto* graph = proto.mutable_graph();
    graph->set_name(model.config().architecture());
    at::NoGradGuard noGrad;
    OnnxWriter(model, graph).build(options, graph);
    try {
        onnx::checker::check_model(proto);
    } catch (const std::exception& e) {
        throw Error(path, std::string("the ONNX checker rejected the graph: ") + e.what());
    }
    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw Error(path, "the ONNX model is too large for one protobuf (2 GiB)");
    writeFileAtomically(path, bytes);
}

}  // namespace distilbench
