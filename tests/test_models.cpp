// Parity with Hugging Face transformers 4.36: the fixtures' refs.json hold its logits, every
// attention and hidden state, the loss and every parameter's gradient norm.
#include <ATen/ATen.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <thread>

#include "core/models/EncoderModel.h"
#include "core/models/Int8Linear.h"
#include "core/models/Model.h"
#include "core/models/ModelDiscovery.h"
#include "core/models/OneDnn.h"
#include "core/models/PackedLinear.h"
#include "core/models/TrainingLinear.h"
#include "core/models/TrainingMatmul.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"

using namespace distilbench;

namespace {

// `fixture`: a folder of tests/data/hf, or "hf-families/<name>".
QString fixtureFolder(const QString& fixture) {
    return QStringLiteral(DISTILBENCH_TEST_DATA "/") +
           (fixture.contains('/') ? fixture : "hf/" + fixture);
}

QJsonObject readRefs(const QString& fixture) {
    QFile f(fixtureFolder(fixture) + "/refs.json");
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot open refs.json of %s", qPrintable(fixture));
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Nested JSON arrays of numbers -> a float tensor.
at::Tensor jsonToTensor(const QJsonValue& v, at::ScalarType type = at::kFloat) {
    std::vector<std::int64_t> shape;
    QJsonValue cur = v;
    while (cur.isArray()) {
        shape.push_back(cur.toArray().size());
        cur = cur.toArray().isEmpty() ? QJsonValue() : cur.toArray().first();
    }
    std::vector<double> flat;
    std::function<void(const QJsonValue&)> walk = [&](const QJsonValue& x) {
        if (x.isArray())
            for (const auto& y : x.toArray()) walk(y);
        else
            flat.push_back(x.toDouble());
    };
    walk(v);
    return at::tensor(flat, at::kDouble).view(shape).to(type);
}

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b) {
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        Runtime::initialize(0);
        // The bf16 paths are exercised on every CPU, emulated where it lacks native bf16.
        qputenv("DISTILBENCH_BF16", "allow");
    }

    void parity_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("subfolder");
        for (const char* f : {"distilbert_seqcls", "distilbert_mlm", "bert_seqcls",
                              "hf-families/roberta_seqcls", "hf-families/albert_seqcls",
                              "hf-families/electra_seqcls", "hf-families/debertav2_seqcls"}) {
            QTest::newRow((QString(f) + " safetensors").toUtf8()) << QString(f) << QString();
            QTest::newRow((QString(f) + " pytorch_model.bin").toUtf8())
                << QString(f) << QString("bin");
        }
        // #16: every family and head, as transformers 4.36 computes them.
        for (const char* f : {"roberta_mlm", "roberta_tokcls", "xlmr_qa", "electra_pretrain",
                              "electra_mlm", "albert_mlm", "debertav2_mlm", "debertav2_tokcls"})
            QTest::newRow((QString(f) + " safetensors").toUtf8())
                << QString("hf-families/") + f << QString();
    }

    void parity() {
        QFETCH(QString, fixture);
        QFETCH(QString, subfolder);
        const QJsonObject refs = readRefs(fixture);
        const QString folder = fixtureFolder(fixture) + "/" + subfolder;
        auto model = Model::load(folder.toStdString());
        QVERIFY(model->summary().unexpectedKeys.empty());
        QVERIFY2(
            model->summary().missingKeys.empty(),
            model->summary().missingKeys.empty() ? "" : model->summary().missingKeys[0].c_str());
        if (fixture == "distilbert_mlm" && subfolder.isEmpty()) {
            // The safetensors file lacks the tied projector; it must be restored from the
            // embeddings.
            QCOMPARE(model->summary().tiedRestored,
                     std::vector<std::string>{"vocab_projector.weight"});
        }

        EncoderModel& enc = model->encoder();
        enc.setTraining(false);
        ModelInputs in;
        in.inputIds = jsonToTensor(refs["input_ids"], at::kLong);
        in.attentionMask = jsonToTensor(refs["attention_mask"], at::kLong);
        ForwardOptions opt;
        opt.attentions = true;
        opt.hiddenStates = true;
        ModelOutputs out;
        {
            at::NoGradGuard g;
            out = enc.forward(in, opt);
        }
        // Question answering: start and end logits apart ([B, L] each); ours are [B, L, 2].
        const bool qa = refs.contains("start_logits");
        const double logitsErr =
            qa ? std::max(maxAbsDiff(out.logits.select(-1, 0), jsonToTensor(refs["start_logits"])),
                          maxAbsDiff(out.logits.select(-1, 1), jsonToTensor(refs["end_logits"])))
               : maxAbsDiff(out.logits, jsonToTensor(refs["logits"]));
        QVERIFY2(logitsErr < 1e-5, qPrintable(QString("logits differ by %1").arg(logitsErr)));
        const QJsonArray attentions = refs["attentions"].toArray();
        QCOMPARE(out.attentions.size(), std::size_t(attentions.size()));
        for (int l = 0; l < attentions.size(); ++l) {
            const double err = maxAbsDiff(out.attentions[l], jsonToTensor(attentions[l]));
            QVERIFY2(err < 1e-5, qPrintable(QString("attention %1 differs by %2").arg(l).arg(err)));
        }
        const QJsonArray hidden = refs["hidden_states"].toArray();
        QCOMPARE(out.hiddenStates.size(), std::size_t(hidden.size()));
        for (int l = 0; l < hidden.size(); ++l) {
            const double err = maxAbsDiff(out.hiddenStates[l], jsonToTensor(hidden[l]));
            QVERIFY2(err < 1e-5,
                     qPrintable(QString("hidden state %1 differs by %2").arg(l).arg(err)));
        }

        // The fused attention path gives the same logits.
        {
            at::NoGradGuard g;
            const ModelOutputs fused = enc.forward(in, ForwardOptions{});
            QVERIFY(maxAbsDiff(fused.logits, out.logits) < 1e-5);
            // So does a classifier's last layer computed for the first token alone.
            ForwardOptions first;
            first.firstTokenOnly = true;
            const ModelOutputs trimmed = enc.forward(in, first);
            const double err = maxAbsDiff(trimmed.logits, out.logits);
            QVERIFY2(err < 1e-5,
                     qPrintable(QString("first-token-only logits differ by %1").arg(err)));
            const ModelConfig& c = model->config();
            const bool trims = c.head == HeadType::SequenceClassification &&
                               c.family != ModelFamily::Albert &&
                               c.family != ModelFamily::DebertaV2;
            QCOMPARE(trimmed.lastHidden.size(1), trims ? 1 : out.lastHidden.size(1));
            QVERIFY(maxAbsDiff(trimmed.lastHidden.select(1, 0), out.lastHidden.select(1, 0)) <
                    1e-5);
        }

        // Loss and gradient norms (eval mode, as the fixture was made).
        enc.setRequiresGrad(true);
        if (qa) {  // labels = [start positions, end positions]
            const at::Tensor positions = jsonToTensor(refs["labels"], at::kLong);
            in.startPositions = positions[0];
            in.endPositions = positions[1];
        } else {
            in.labels = jsonToTensor(refs["labels"], at::kLong);
        }
        // The trainer's forward (first token only where it applies): every gradient as
        // transformers computes it over the whole last layer.
        ForwardOptions trainOptions;
        trainOptions.firstTokenOnly = true;
        ModelOutputs train = enc.forward(in, trainOptions);
        const double refLoss = refs["loss"].toDouble();
        QVERIFY2(std::abs(train.loss.item<double>() - refLoss) <= 1e-4 * std::abs(refLoss),
                 qPrintable(QString("loss %1 vs %2").arg(train.loss.item<double>()).arg(refLoss)));
        train.loss.backward();
        const QJsonObject norms = refs["grad_norms"].toObject();
        QCOMPARE(std::size_t(norms.size()), enc.parameterNames().size());
        for (auto it = norms.begin(); it != norms.end(); ++it) {
            const at::Tensor& param = enc.parameter(it.key().toStdString());
            QVERIFY2(param.grad().defined(), qPrintable(it.key()));
            const double ours = param.grad().norm().item<double>();
            const double ref = it.value().toDouble();
            const double rel = std::abs(ours - ref) / std::max(std::abs(ref), 1e-12);
            // A gradient that is 0 in exact arithmetic (a QA head's bias: each softmax minus
            // its one-hot sums to 0) is float32 rounding alone, as large as the kernels make it
            // (3e-8 against transformers' 1.5e-8 with oneDNN held to SSE4.1).
            QVERIFY2(
                rel <= 1e-4 || std::abs(ours - ref) < 1e-7,
                qPrintable(QString("%1: grad norm %2 vs %3").arg(it.key()).arg(ours).arg(ref)));
        }
    }

    // The pre-packed oneDNN path against ATen's linear: any number of rows (none, one, many,
    // a 3-D batch), with and without bias, with GELU in the same pass.
    void packedLinearMatchesAtLinear_data() {
        QTest::addColumn<QList<qint64>>("inputShape");
        QTest::addColumn<qint64>("outFeatures");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<int>("activation");
        const int none = int(PackedLinear::Activation::None);
        QTest::newRow("one row") << QList<qint64>{1, 48} << qint64(40) << true << none;
        QTest::newRow("3-D batch") << QList<qint64>{3, 7, 48} << qint64(96) << true << none;
        QTest::newRow("no bias") << QList<qint64>{130, 48} << qint64(17) << false << none;
        QTest::newRow("no rows") << QList<qint64>{0, 48} << qint64(8) << true << none;
        QTest::newRow("gelu") << QList<qint64>{2, 9, 48} << qint64(64) << true
                              << int(PackedLinear::Activation::GeluErf);
        QTest::newRow("gelu tanh, no bias") << QList<qint64>{5, 48} << qint64(33) << false
                                            << int(PackedLinear::Activation::GeluTanh);
    }

    void packedLinearMatchesAtLinear() {
        QFETCH(QList<qint64>, inputShape);
        QFETCH(qint64, outFeatures);
        QFETCH(bool, withBias);
        QFETCH(int, activation);
        if (!PackedLinear::enabled()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(1);
        const std::vector<std::int64_t> shape(inputShape.begin(), inputShape.end());
        const at::Tensor x = at::randn(shape);
        const at::Tensor w = at::randn({outFeatures, 48});
        const at::Tensor b = withBias ? at::randn({outFeatures}) : at::Tensor();
        QVERIFY(PackedLinear::applies(x, w, b));
        const auto act = PackedLinear::Activation(activation);
        const PackedLinear packed(w, b, act);
        at::Tensor reference = at::linear(x, w, b);
        if (act == PackedLinear::Activation::GeluErf) reference = at::gelu(reference);
        if (act == PackedLinear::Activation::GeluTanh) reference = at::gelu(reference, "tanh");
        const at::Tensor ours = packed.forward(x);
        QCOMPARE(ours.sizes().vec(), reference.sizes().vec());
        if (ours.numel() > 0) QVERIFY((ours - reference).abs().max().item<double>() < 1e-4);
        QVERIFY(packed.matches(w, b));
        at::Tensor changed = w.clone();
        QVERIFY(!packed.matches(changed, b));  // other memory
        {
            at::NoGradGuard g;
            w.mul_(2);  // same memory, changed in place
        }
        QVERIFY(!packed.matches(w, b));
    }

    // With AVX-512 each number of rows has a primitive of its own, kept among the thread's
    // recent ones: one layer asked for more row counts than are kept (so they are made again),
    // a layer of another width with the same row counts in between, and two threads at once
    // making and running primitives while ATen works beside them (with one table for the
    // process this gave wrong numbers in about 3% of runs), each answer against ATen's.
    void packedLinearAnyNumberOfRows() {
        if (!PackedLinear::enabled()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(2);
        const at::Tensor w = at::randn({40, 48}), b = at::randn({40});
        const at::Tensor w2 = at::randn({24, 48});
        const PackedLinear packed(w, b), other(w2, at::Tensor());
        auto check = [&](std::int64_t rows) {
            const at::Tensor x = at::randn({rows, 48});
            return (packed.forward(x) - at::linear(x, w, b)).abs().max().item<double>() < 1e-4 &&
                   (other.forward(x) - at::linear(x, w2)).abs().max().item<double>() < 1e-4;
        };
        for (std::int64_t rows : {1, 2, 3, 1, 129, 2, 1})
            QVERIFY2(check(rows), qPrintable(QString("%1 rows").arg(rows)));
        for (std::int64_t rows = 1; rows <= 80; ++rows)
            QVERIFY2(check(rows), qPrintable(QString("%1 rows").arg(rows)));
        QVERIFY(check(1));                               // made again after 80 others
        for (const std::int64_t width : {56, 64, 72}) {  // shapes no thread has made yet
            const at::Tensor wk = at::randn({40, width}), bk = at::randn({40});
            const PackedLinear layer(wk, bk);
            std::atomic<int> wrong{0};
            auto worker = [&](std::int64_t first) {
                for (std::int64_t rows = first; rows < first + 40; ++rows) {
                    const at::Tensor x = at::randn({rows, width});
                    if ((layer.forward(x) - at::linear(x, wk, bk)).abs().max().item<double>() >=
                        1e-4)
                        ++wrong;
                }
            };
            std::thread a(worker, 1), c(worker, 21);
            a.join();
            c.join();
            QCOMPARE(wrong.load(), 0);
        }
    }

    // Int8Linear against its definition, computed here with ATen: the input quantized to uint8
    // (its own range for dynamic, a fixed one for static; x / scale rounded half to even, plus
    // the zero point, saturated), both operands dequantized, the float product, then GELU.
    void int8LinearMatchesItsDefinition_data() {
        QTest::addColumn<QList<qint64>>("inputShape");
        QTest::addColumn<bool>("dynamic");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<int>("activation");
        const int none = int(LinearActivation::None), erf = int(LinearActivation::GeluErf),
                  tanh = int(LinearActivation::GeluTanh);
        QTest::newRow("dynamic, 3-D") << QList<qint64>{2, 7, 48} << true << true << none;
        QTest::newRow("dynamic, one row, gelu") << QList<qint64>{1, 48} << true << true << erf;
        QTest::newRow("dynamic, no bias, gelu tanh")
            << QList<qint64>{9, 48} << true << false << tanh;
        // 1,600 rows of 48: the range is taken in pieces of 65,536 values, and a tail.
        QTest::newRow("dynamic, several pieces") << QList<qint64>{1600, 48} << true << true << erf;
        QTest::newRow("dynamic, no rows") << QList<qint64>{0, 48} << true << true << none;
        QTest::newRow("static") << QList<qint64>{3, 5, 48} << false << true << none;
        QTest::newRow("static, gelu") << QList<qint64>{4, 48} << false << true << erf;
    }

    void int8LinearMatchesItsDefinition() {
        QFETCH(QList<qint64>, inputShape);
        QFETCH(bool, dynamic);
        QFETCH(bool, withBias);
        QFETCH(int, activation);
        if (!Int8Linear::available()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(3);
        const std::vector<std::int64_t> shape(inputShape.begin(), inputShape.end());
        const at::Tensor x = at::randn(shape) * 2 + 0.5;
        const at::Tensor w = at::randn({40, 48}) * 0.1;
        const at::Tensor b = withBias ? at::randn({40}) : at::Tensor();
        const at::Tensor qw = Int8Linear::quantizeWeight(w);
        // Static: a calibrated range a little narrower than the data, so some values saturate.
        const auto [fixedScale, fixedZero] = Int8Linear::inputParameters(-3.0f, 4.0f);
        const Int8Linear layer =
            dynamic ? Int8Linear(qw, b) : Int8Linear(qw, b, fixedScale, fixedZero);
        QCOMPARE(layer.isDynamic(), dynamic);
        const auto act = LinearActivation(activation);
        const at::Tensor ours = layer.forward(x, act);
        std::vector<std::int64_t> outShape = shape;
        outShape.back() = 40;
        QCOMPARE(ours.sizes().vec(), outShape);
        if (x.numel() == 0) return;

        const auto [scale, zero] =
            dynamic ? Int8Linear::inputParameters(x.min().item<float>(), x.max().item<float>())
                    : std::pair<double, std::int64_t>(fixedScale, fixedZero);
        const float s = static_cast<float>(scale);
        const at::Tensor xq = at::clamp(at::round(x / s) + double(zero), 0, 255);
        const at::Tensor xd = (xq - double(zero)) * s;
        at::Tensor reference = at::linear(xd, qw.dequantize(), b);
        if (act == LinearActivation::GeluErf) reference = at::gelu(reference);
        if (act == LinearActivation::GeluTanh) reference = at::gelu(reference, "tanh");
        const double worst = (ours - reference).abs().max().item<double>();
        const double size = reference.abs().max().item<double>();
        QVERIFY2(worst <= 1e-5 * std::max(1.0, size),
                 qPrintable(QString("%1 off (outputs up to %2)").arg(worst).arg(size)));
        if (!dynamic) return;  // the static range saturates on purpose
        // And near the float32 product: the quantization error only.
        at::Tensor exact = at::linear(x, w, b);
        if (act == LinearActivation::GeluErf) exact = at::gelu(exact);
        if (act == LinearActivation::GeluTanh) exact = at::gelu(exact, "tanh");
        QVERIFY((ours - exact).abs().max().item<double>() < 0.2 * std::max(1.0, size));
    }

    // One quantized input serves every layer that quantizes like the one that made it (the
    // attention's query, key and value): the same numbers as each layer quantizing x itself.
    // An input made by a layer that quantizes otherwise is refused, not misread.
    void int8LinearSharesAQuantizedInput() {
        if (!Int8Linear::available()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(6);
        const at::Tensor x = at::randn({2, 5, 32}) * 3;
        const Int8Linear a(Int8Linear::quantizeWeight(at::randn({24, 32})), at::randn({24}));
        const Int8Linear b(Int8Linear::quantizeWeight(at::randn({40, 32})), at::Tensor());
        const Int8Linear fixed(Int8Linear::quantizeWeight(at::randn({24, 32})), at::randn({24}),
                               0.05, 128);
        const Int8Linear otherFixed(Int8Linear::quantizeWeight(at::randn({24, 32})), at::Tensor(),
                                    0.04, 128);
        const Int8Linear wider(Int8Linear::quantizeWeight(at::randn({24, 48})), at::Tensor());
        QVERIFY(a.quantizesLike(b) && b.quantizesLike(a));
        QVERIFY(!a.quantizesLike(fixed) && !fixed.quantizesLike(otherFixed));
        QVERIFY(!a.quantizesLike(wider));
        const Int8Linear::QuantizedInput xq = a.quantize(x);
        QCOMPARE(xq.sizes, x.sizes().vec());
        QVERIFY(at::equal(a.forward(xq), a.forward(x)));
        QVERIFY(at::equal(b.forward(xq, LinearActivation::GeluErf),
                          b.forward(x, LinearActivation::GeluErf)));
        QVERIFY(at::equal(fixed.forward(fixed.quantize(x)), fixed.forward(x)));
        QVERIFY_THROWS_EXCEPTION(distilbench::Error, fixed.forward(xq));
        QVERIFY_THROWS_EXCEPTION(distilbench::Error, otherFixed.forward(fixed.quantize(x)));
        QVERIFY_THROWS_EXCEPTION(distilbench::Error, wider.forward(xq));
        QVERIFY_THROWS_EXCEPTION(distilbench::Error, wider.quantize(x));
        // No rows, and a NaN: the shapes and answers of forward(x).
        const Int8Linear::QuantizedInput empty = a.quantize(at::zeros({0, 32}));
        QCOMPARE(b.forward(empty).sizes().vec(), (std::vector<std::int64_t>{0, 40}));
        at::Tensor bad = x.clone();
        bad[1][2][3] = std::nan("");
        QVERIFY(b.forward(a.quantize(bad)).isnan().all().item<bool>());
    }

    // The worst case of the int8 product: inputs that quantize to 0 and 255 and weights at the
    // largest integer Int8Linear::quantizeWeight gives, of one sign or mixed, in pairs (the
    // unit a CPU without VNNI adds in 16 bits). Exact in int32 arithmetic, so the answer must be
    // the float32 product of the same integers. 8-bit weights on such a CPU come out at about
    // half (each pair's 64770 clipped to 32767): ONEDNN_MAX_CPU_ISA=AVX2 shows it on any x86
    // CPU (the test_models_int8_avx2 run).
    void int8ProductsDoNotOverflow_data() {
        QTest::addColumn<bool>("dynamic");
        QTest::addColumn<QString>("weights");
        for (const bool dynamic : {true, false})
            for (const char* weights : {"positive", "negative", "mixed"})
                QTest::newRow(qPrintable(
                    QString("%1, %2 weights").arg(dynamic ? "dynamic" : "static", weights)))
                    << dynamic << QString(weights);
    }

    void int8ProductsDoNotOverflow() {
        QFETCH(bool, dynamic);
        QFETCH(QString, weights);
        if (!Int8Linear::available()) QSKIP("oneDNN is not usable on this CPU");
        const QByteArray expectedBits = qgetenv("DISTILBENCH_EXPECT_INT8_WEIGHT_BITS");
        if (!expectedBits.isEmpty()) QCOMPARE(Int8Linear::weightBits(), expectedBits.toInt());
        QVERIFY(Int8Linear::weightBits() == 8 || Int8Linear::weightBits() == 7);
        QCOMPARE(Int8Linear::weightLevels(), (1 << (Int8Linear::weightBits() - 1)) - 1);
        constexpr std::int64_t kN = 16, kK = 768;
        at::manual_seed(5);
        // Every |w| equal in its row, so every integer is ± the largest one.
        at::Tensor w = at::ones({kN, kK}) * (at::rand({kN, 1}) + 0.5);
        if (weights == "negative") w = -w;
        if (weights == "mixed") w = w * (at::randint(0, 2, {kN, kK}) * 2 - 1);
        const at::Tensor qw = Int8Linear::quantizeWeight(w);
        QCOMPARE(qw.int_repr().abs().max().item<int>(), Int8Linear::weightLevels());
        QCOMPARE(qw.int_repr().abs().min().item<int>(), Int8Linear::weightLevels());
        // Rows of all 255, all 0 and 0/255 pairs (range [0, 2]: zero point 0, 2 -> 255).
        at::Tensor x = at::full({4, kK}, 2.0);
        x[1].zero_();
        x[2].slice(0, 0, kK, 4).zero_();
        x[2].slice(0, 1, kK, 4).zero_();
        x[3].slice(0, 0, kK, 2).zero_();
        const Int8Linear layer =
            dynamic ? Int8Linear(qw, at::Tensor()) : Int8Linear(qw, at::Tensor(), 2.0 / 255.0, 0);
        const at::Tensor ours = layer.forward(x);
        const at::Tensor xd = at::round(x / (2.0 / 255.0)) * (2.0 / 255.0);
        const at::Tensor reference =
            at::linear(xd.to(at::kDouble), qw.dequantize().to(at::kDouble));
        const double worst = (ours.to(at::kDouble) - reference).abs().max().item<double>();
        const double size = reference.abs().max().item<double>();
        QVERIFY2(worst <= 1e-5 * size,
                 qPrintable(QString("%1 off (outputs up to %2) with %3-bit weights")
                                .arg(worst)
                                .arg(size)
                                .arg(Int8Linear::weightBits())));
    }

    // Dynamic int8 of an input without a usable range: all zeros gives the bias (no division
    // by a zero scale); a NaN or an infinity gives NaN, as the float32 product would, not a
    // number quantized from a meaningless range. Two threads asking for the fused GELU at once
    // share the primitive made for it.
    void int8LinearEdgeCases() {
        if (!Int8Linear::available()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(4);
        const at::Tensor w = at::randn({24, 32});
        const at::Tensor b = at::randn({24});
        const at::Tensor qw = Int8Linear::quantizeWeight(w);
        const Int8Linear layer(qw, b);
        const at::Tensor zeros = layer.forward(at::zeros({3, 32}));
        QVERIFY((zeros - b.expand({3, 24})).abs().max().item<double>() < 1e-6);
        for (const double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
            at::Tensor x = at::randn({5, 32});
            x[2][7] = bad;
            const at::Tensor out = layer.forward(x, LinearActivation::GeluErf);
            QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{5, 24}));
            QVERIFY(out.isnan().all().item<bool>());
        }
        // Fresh layers (their GELU primitive not made yet) run by two threads at once on inputs
        // of their own, ATen working beside them, against the answers of another layer of the
        // same weights on this thread.
        std::vector<at::Tensor> inputs, expected;
        for (std::int64_t rows = 1; rows <= 30; ++rows) {
            inputs.push_back(at::randn({rows, 32}));
            expected.push_back(layer.forward(inputs.back(), LinearActivation::GeluTanh));
        }
        for (int fresh = 0; fresh < 3; ++fresh) {
            const Int8Linear shared(qw, b);
            std::atomic<int> wrong{0};
            auto worker = [&](std::size_t first) {
                for (std::size_t n = 0; n < inputs.size(); ++n) {
                    const std::size_t i = (first + n) % inputs.size();
                    const at::Tensor mine = inputs[i].clone();
                    const at::Tensor busy = at::linear(mine, w);  // ATen alongside
                    if (!at::equal(shared.forward(mine, LinearActivation::GeluTanh), expected[i]) ||
                        busy.size(0) != mine.size(0))
                        ++wrong;
                }
            };
            std::thread one(worker, 0), two(worker, 15);
            one.join();
            two.join();
            QCOMPARE(wrong.load(), 0);
        }
    }

    // TrainingLinear's forward and all three gradients against at::linear's, for the shapes a
    // model gives it (3-D batches, the pooler's strided first-token rows, no rows) and with
    // only some gradients wanted (a frozen weight, an input that needs none).
    void trainingLinearMatchesAtLinear_data() {
        QTest::addColumn<QList<qint64>>("inputShape");
        QTest::addColumn<qint64>("outFeatures");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<bool>("strided");
        QTest::addColumn<bool>("inputGrad");
        QTest::addColumn<bool>("weightGrad");
        QTest::newRow("3-D batch")
            << QList<qint64>{3, 7, 48} << qint64(96) << true << false << true << true;
        QTest::newRow("strided rows")
            << QList<qint64>{5, 4, 48} << qint64(40) << true << true << true << true;
        QTest::newRow("no bias") << QList<qint64>{130, 48} << qint64(17) << false << false << true
                                 << true;
        QTest::newRow("frozen weight")
            << QList<qint64>{9, 48} << qint64(32) << true << false << true << false;
        QTest::newRow("input needs none")
            << QList<qint64>{9, 48} << qint64(32) << true << false << false << true;
        QTest::newRow("no rows") << QList<qint64>{0, 48} << qint64(8) << true << false << true
                                 << true;
    }

    void trainingLinearMatchesAtLinear() {
        QFETCH(QList<qint64>, inputShape);
        QFETCH(qint64, outFeatures);
        QFETCH(bool, withBias);
        QFETCH(bool, strided);
        QFETCH(bool, inputGrad);
        QFETCH(bool, weightGrad);
        if (!TrainingLinear::oneDnnOn()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(2);
        const std::vector<std::int64_t> shape(inputShape.begin(), inputShape.end());
        auto leaf = [](const at::Tensor& t, bool grad) {
            return t.defined() ? t.clone().set_requires_grad(grad) : t;
        };
        const at::Tensor x0 = at::randn(shape), w0 = at::randn({outFeatures, 48});
        const at::Tensor b0 = withBias ? at::randn({outFeatures}) : at::Tensor();
        at::Tensor results[2][4];  // [ours, reference][y, dx, dw, db]
        for (int r = 0; r < 2; ++r) {
            const at::Tensor x = leaf(x0, inputGrad), w = leaf(w0, weightGrad);
            const at::Tensor b = leaf(b0, weightGrad);
            // The pooler's input: the first token of each sequence, a strided view.
            const at::Tensor in = strided ? x.select(1, 0) : x;
            QVERIFY(TrainingLinear::applies(in, w, b));
            const at::Tensor y = r == 0 ? TrainingLinear::forward(in, w, b) : at::linear(in, w, b);
            // A loss whose gradient differs for every output.
            (y * at::arange(y.numel(), y.options()).view(y.sizes()).cos()).sum().backward();
            results[r][0] = y.detach();
            results[r][1] = x.grad();
            results[r][2] = w.grad();
            results[r][3] = b.defined() ? b.grad() : at::Tensor();
        }
        for (int i = 0; i < 4; ++i) {
            const at::Tensor &ours = results[0][i], &reference = results[1][i];
            QCOMPARE(ours.defined(), reference.defined());
            if (!ours.defined()) continue;
            QCOMPARE(ours.sizes().vec(), reference.sizes().vec());
            if (ours.numel() > 0)
                QVERIFY2((ours - reference).abs().max().item<double>() < 1e-4,
                         qPrintable(QString("result %1").arg(i)));
        }
    }

    // TrainingMatmul (attention's products in training) against at::matmul: forward and both
    // gradients, for the heads as transposed views, the context laid out interleaved, and a
    // gradient that arrives expanded (stride 0), which oneDNN cannot read in place.
    void trainingMatmulMatchesAtMatmul_data() {
        QTest::addColumn<bool>("transposedB");
        QTest::addColumn<bool>("interleaved");
        QTest::addColumn<bool>("expandedGrad");
        QTest::addColumn<qint64>("queries");
        QTest::newRow("scores q·kᵀ") << true << false << false << qint64(6);
        QTest::newRow("context p·v interleaved") << false << true << false << qint64(6);
        QTest::newRow("one query") << true << false << false << qint64(1);
        QTest::newRow("expanded gradient") << false << true << true << qint64(6);
    }

    void trainingMatmulMatchesAtMatmul() {
        QFETCH(bool, transposedB);
        QFETCH(bool, interleaved);
        QFETCH(bool, expandedGrad);
        QFETCH(qint64, queries);
        if (!TrainingLinear::oneDnnOn()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(3);
        const std::int64_t B = 2, L = 6, H = 3, D = 8;
        // The projections as a Linear layer gives them, [B, L, H·D], and their heads as views.
        const at::Tensor a0 = at::randn({B, queries, H * D});
        const at::Tensor b0 = at::randn({B, L, H * D});
        const at::Tensor p0 = at::randn({B, H, queries, L});
        at::Tensor results[2][3];
        for (int r = 0; r < 2; ++r) {
            const at::Tensor aLeaf = (transposedB ? a0 : p0).clone().set_requires_grad(true);
            const at::Tensor bLeaf = b0.clone().set_requires_grad(true);
            auto heads = [&](const at::Tensor& t) {
                return t.view({B, t.size(1), H, D}).transpose(1, 2);
            };
            const at::Tensor a = transposedB ? heads(aLeaf) : aLeaf;
            const at::Tensor b = transposedB ? heads(bLeaf).transpose(-1, -2) : heads(bLeaf);
            QVERIFY(TrainingMatmul::applies(a, b));
            const at::Tensor y =
                r == 0 ? TrainingMatmul::forward(a, b, interleaved) : at::matmul(a, b);
            if (r == 0 && interleaved) QVERIFY(y.transpose(1, 2).is_contiguous());
            if (expandedGrad)
                y.sum().backward();  // its gradient is ones expanded: stride 0
            else
                (y * at::arange(y.numel(), y.options()).view(y.sizes()).sin()).sum().backward();
            results[r][0] = y.detach();
            results[r][1] = aLeaf.grad();
            results[r][2] = bLeaf.grad();
        }
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(results[0][i].sizes().vec(), results[1][i].sizes().vec());
            QVERIFY2((results[0][i] - results[1][i]).abs().max().item<double>() < 1e-4,
                     qPrintable(QString("result %1").arg(i)));
        }
    }

    // stridedMatmul reads and writes through strides: a destination written by columns goes
    // through its transpose, and one oneDNN has no fast kernel for (every other column)
    // through LibTorch's product; every way gives at::matmul's numbers.
    void stridedMatmulFollowsStrides_data() {
        QTest::addColumn<int>("layout");
        QTest::newRow("rows") << 0;
        QTest::newRow("columns") << 1;
        QTest::newRow("every other column") << 2;
        QTest::newRow("with bias") << 3;
    }

    void stridedMatmulFollowsStrides() {
        QFETCH(int, layout);
        if (!TrainingLinear::oneDnnOn()) QSKIP("oneDNN is not usable on this CPU");
        at::manual_seed(4);
        const at::Tensor a = at::randn({2, 5, 12}), b = at::randn({2, 7, 12}).transpose(1, 2);
        const at::Tensor bias = at::randn({1, 7});
        at::Tensor storage, dst;
        switch (layout) {
            case 1:
                storage = at::full({2, 7, 5}, 99.0f);
                dst = storage.transpose(1, 2);
                break;
            case 2:
                storage = at::full({2, 5, 14}, 99.0f);
                dst = storage.narrow(2, 0, 13).slice(2, 0, 13, 2);
                break;
            default:
                storage = at::full({2, 5, 7}, 99.0f);
                dst = storage;
        }
        QCOMPARE(dst.sizes().vec(), (std::vector<std::int64_t>{2, 5, 7}));
        stridedMatmul(a, b, layout == 3 ? &bias : nullptr, dst);
        const at::Tensor reference = layout == 3 ? at::matmul(a, b) + bias : at::matmul(a, b);
        QVERIFY((dst - reference).abs().max().item<double>() < 1e-4);
        if (layout == 2)  // the columns between were left alone
            QCOMPARE(storage.slice(2, 1, 13, 2).eq(99.0f).all().item<bool>(), true);
    }

    // Empty products: no rows leaves dst alone, no inner dimension gives the bias (or zeros),
    // as at::linear does.
    void stridedMatmulOfNothing() {
        if (!TrainingLinear::oneDnnOn()) QSKIP("oneDNN is not usable on this CPU");
        const at::Tensor bias = at::arange(7, at::kFloat).view({1, 7});
        at::Tensor dst = at::full({5, 7}, 99.0f);
        stridedMatmul(at::empty({5, 0}), at::empty({0, 7}), &bias, dst);
        QVERIFY(dst.equal(bias.expand({5, 7})));
        stridedMatmul(at::empty({5, 0}), at::empty({0, 7}), nullptr, dst);
        QVERIFY(dst.equal(at::zeros({5, 7})));
        at::Tensor none = at::empty({0, 7});
        stridedMatmul(at::empty({0, 3}), at::ones({3, 7}), &bias, none);
        QCOMPARE(none.numel(), 0);
    }

    // A model used for inference, then changed in place (as a training step changes it), then
    // used again: the second answer is the new weights', never the packed copy of the old ones.
    void inferenceSeesWeightsChangedInPlace() {
        auto model = Model::load(fixtureFolder("distilbert_seqcls").toStdString());
        EncoderModel& enc = model->encoder();
        enc.setTraining(false);
        at::NoGradGuard g;
        ModelInputs in;
        in.inputIds = at::tensor({2, 7, 9, 3}, at::kLong).view({1, 4});
        const at::Tensor before = enc.forward(in).logits.clone();
        enc.parameter("distilbert.transformer.layer.0.ffn.lin1.weight").mul_(3);
        const at::Tensor after = enc.forward(in).logits;
        enc.setPackedFloat32(false);
        const at::Tensor plain = enc.forward(in).logits;
        QVERIFY((after - before).abs().max().item<double>() > 1e-4);
        QVERIFY((after - plain).abs().max().item<double>() < 1e-5);
        // New tensors (to another type and back, as the device and bf16 settings do): the
        // packed copies are dropped and made again from them.
        enc.setPackedFloat32(true);
        enc.forward(in);
        enc.to(c10::Device(c10::kCPU), at::kDouble);
        enc.to(c10::Device(c10::kCPU), at::kFloat);
        enc.parameter("distilbert.transformer.layer.0.ffn.lin1.weight").mul_(0.5);
        const at::Tensor again = enc.forward(in).logits;
        enc.setPackedFloat32(false);
        QVERIFY((again - enc.forward(in).logits).abs().max().item<double>() < 1e-5);
    }

    void facadeRunPadsAndMasks() {
        auto model = Model::load(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls");
        const QJsonObject refs = readRefs("distilbert_seqcls");
        InferenceRequest req;
        // Row 0 of the fixture is padded after 7 tokens: give it ragged and let run() pad it.
        const QJsonArray ids = refs["input_ids"].toArray();
        for (int b = 0; b < ids.size(); ++b) {
            std::vector<std::int64_t> row;
            const QJsonArray r = ids[b].toArray();
            const QJsonArray m = refs["attention_mask"].toArray()[b].toArray();
            for (int i = 0; i < r.size(); ++i)
                if (m[i].toInt()) row.push_back(r[i].toInt());
            req.inputIds.push_back(row);
        }
        req.attentions = true;
        const InferenceResult res = model->run(req);
        QCOMPARE(res.logits.shape, (std::vector<std::int64_t>{2, 2}));
        const QJsonArray logits = refs["logits"].toArray();
        for (int b = 0; b < 2; ++b)
            for (int j = 0; j < 2; ++j)
                QVERIFY(std::abs(res.logits.at({b, j}) - logits[b].toArray()[j].toDouble()) < 1e-5);
        QCOMPARE(res.attentions.size(), std::size_t(2));
        QCOMPARE(res.attentionMask[0][7], std::int64_t(0));
        QCOMPARE(res.attentions[0].at({0, 0, 0, 8}), 0.0f);  // padded keys get no attention
    }

    void bf16IsClose() {
        // LibTorch's bf16 products throw from oneDNN when its ISA is limited below bf16 (the
        // AVX2 measurement's switch); every user path refuses bf16 there (Runtime::bf16Usable).
        if (std::getenv("ONEDNN_MAX_CPU_ISA") || std::getenv("DNNL_MAX_CPU_ISA"))
            QSKIP("oneDNN's ISA is limited by the environment");
        auto model = Model::load(DISTILBENCH_TEST_DATA "/hf/bert_seqcls");
        InferenceRequest req;
        req.inputIds = {{101, 7, 42, 99, 500, 13, 102}};
        const auto f32 = model->run(req);
        model->setComputeDType(ComputeDType::BFloat16);
        const auto bf16 = model->run(req);
        for (std::size_t i = 0; i < f32.logits.values.size(); ++i)
            QVERIFY(std::abs(f32.logits.values[i] - bf16.logits.values[i]) < 0.05);
    }

    void headsAndPresets_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("head");
        QTest::addColumn<QList<qint64>>("logitsShape");
        const QList<qint64> cls{2, 2}, tok{2, 5, 2}, qa{2, 5, 2}, mlm{2, 5, 30522};
        QTest::newRow("distilbert seqcls")
            << "distilbert-tiny" << int(HeadType::SequenceClassification) << cls;
        QTest::newRow("distilbert token")
            << "distilbert-tiny" << int(HeadType::TokenClassification) << tok;
        QTest::newRow("distilbert qa")
            << "distilbert-tiny" << int(HeadType::QuestionAnswering) << qa;
        QTest::newRow("distilbert mlm") << "distilbert-tiny" << int(HeadType::MaskedLM) << mlm;
        QTest::newRow("bert seqcls")
            << "bert-small" << int(HeadType::SequenceClassification) << cls;
        QTest::newRow("bert token") << "bert-small" << int(HeadType::TokenClassification) << tok;
        QTest::newRow("bert qa") << "bert-small" << int(HeadType::QuestionAnswering) << qa;
        QTest::newRow("bert mlm") << "bert-small" << int(HeadType::MaskedLM) << mlm;
        // #16: the other families from their presets.
        for (const auto& [preset, vocab] :
             {std::pair{"roberta-tiny", 50265}, {"electra-tiny", 30522}, {"albert-tiny", 30000}}) {
            const QString p = preset;
            QTest::newRow((p + " seqcls").toUtf8())
                << p << int(HeadType::SequenceClassification) << cls;
            QTest::newRow((p + " token").toUtf8())
                << p << int(HeadType::TokenClassification) << tok;
            QTest::newRow((p + " qa").toUtf8()) << p << int(HeadType::QuestionAnswering) << qa;
            QTest::newRow((p + " mlm").toUtf8())
                << p << int(HeadType::MaskedLM) << QList<qint64>{2, 5, vocab};
            QTest::newRow((p + " base").toUtf8())
                << p << int(HeadType::Base) << QList<qint64>{2, 5, 128};
        }
        for (int head : {int(HeadType::SequenceClassification), int(HeadType::MaskedLM),
                         int(HeadType::QuestionAnswering)})
            QTest::newRow(qPrintable(QString("deberta-v3-tiny head %1").arg(head)))
                << "deberta-v3-tiny" << head
                << (head == int(HeadType::SequenceClassification) ? cls
                    : head == int(HeadType::MaskedLM)             ? QList<qint64>{2, 5, 128100}
                                                                  : qa);
        QTest::newRow("electra-tiny discriminator")
            << "electra-tiny" << int(HeadType::ReplacedTokenDetection) << QList<qint64>{2, 5};
    }

    void headsAndPresets() {
        QFETCH(QString, preset);
        QFETCH(int, head);
        QFETCH(QList<qint64>, logitsShape);
        auto model = Model::create(ModelConfig::preset(preset.toStdString(), HeadType(head)));
        InferenceRequest req;
        req.inputIds = {{101, 2023, 2003, 1037, 102}, {101, 7592, 102}};
        const auto res = model->run(req);
        QCOMPARE(QList<qint64>(res.logits.shape.begin(), res.logits.shape.end()), logitsShape);
        for (float v : res.logits.values) QVERIFY(std::isfinite(v));
        // The count the forms and the distillation plan show without building a model.
        QCOMPARE(model->encoder().config().parameterCount(), model->encoder().parameterCount());
        // A config round trip keeps the family, the head and the shapes.
        const ModelConfig back = ModelConfig::fromJson(model->encoder().config().toJson());
        QCOMPARE(back.toJson(), model->encoder().config().toJson());
    }

    // DeBERTa-v2's optional pieces (the convolution after the first layer, separate position
    // projections, absolute positions, no buckets) build, run and count their parameters.
    void debertaVariants_data() {
        QTest::addColumn<int>("conv");
        QTest::addColumn<bool>("shareKey");
        QTest::addColumn<int>("buckets");
        QTest::addColumn<bool>("absolute");
        QTest::newRow("v2 with conv, own position projections") << 3 << false << 0 << true;
        QTest::newRow("v3") << 0 << true << 256 << false;
        QTest::newRow("few buckets, grouped conv") << 3 << true << 4 << false;
    }
    void debertaVariants() {
        QFETCH(int, conv);
        QFETCH(bool, shareKey);
        QFETCH(int, buckets);
        QFETCH(bool, absolute);
        ModelConfig c = ModelConfig::preset("deberta-v3-tiny");
        c.vocabSize = 300;
        c.deberta.convKernelSize = conv;
        c.deberta.convGroups = buckets == 4 ? 2 : 1;
        c.deberta.shareAttentionKey = shareKey;
        c.deberta.positionBuckets = buckets;
        c.deberta.positionBiasedInput = absolute;
        const ModelConfig back = ModelConfig::fromJson(c.toJson());
        QCOMPARE(back.toJson(), c.toJson());
        EncoderModel enc(back);
        QCOMPARE(back.parameterCount(), enc.parameterCount());
        ModelInputs in;
        in.inputIds = at::randint(300, {2, 9}, at::kLong);
        in.attentionMask = at::ones({2, 9}, at::kLong);
        in.attentionMask[1].slice(0, 6).fill_(0);
        ForwardOptions opt;
        opt.attentions = true;
        const ModelOutputs out = enc.forward(in, opt);
        QVERIFY(at::isfinite(out.logits).all().item<bool>());
        // Padding neither attends nor is attended to.
        QCOMPARE(out.attentions[0][1][0][7].abs().sum().item<double>(), 0.0);
        QCOMPARE(out.attentions[0][1][0][2].slice(0, 6).abs().sum().item<double>(), 0.0);
    }

    // The Models page's list of the Hugging Face cache: every family the config reader accepts
    // is openable; anything else carries the reader's reason.
    void cacheScanUsesTheConfigReader() {
        QTemporaryDir cache;
        auto add = [&](const QString& repo, const QByteArray& config) {
            const QString dir = cache.path() + "/models--" + repo + "/snapshots/abc123";
            QVERIFY(QDir().mkpath(dir));
            QFile f(dir + "/config.json");
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(config);
        };
        add("FacebookAI--roberta-base",
            R"({"model_type": "roberta", "architectures": ["RobertaForMaskedLM"]})");
        add("microsoft--deberta-v3-base", R"({"model_type": "deberta-v2"})");
        add("openai-community--gpt2", R"({"model_type": "gpt2"})");
        std::map<std::string, CachedModel> found;
        for (const auto& m : scanHuggingFaceCache({cache.path().toStdString()}))
            found[m.repoId] = m;
        QCOMPARE(found.size(), std::size_t(3));
        QVERIFY(found["FacebookAI/roberta-base"].supported);
        QVERIFY(found["microsoft/deberta-v3-base"].supported);
        QVERIFY(!found["openai-community/gpt2"].supported);
        QVERIFY(QString::fromStdString(found["openai-community/gpt2"].problem).contains("gpt2"));
    }

    void multipleChoice() {
        auto cfg = ModelConfig::preset("distilbert-tiny", HeadType::MultipleChoice);
        EncoderModel enc(cfg);
        ModelInputs in;
        in.inputIds = at::randint(1000, {2, 3, 6}, at::kLong);
        in.labels = at::tensor(std::vector<std::int64_t>{0, 2});
        const auto out = enc.forward(in);
        QCOMPARE(out.logits.sizes().vec(), (std::vector<std::int64_t>{2, 3}));
        QVERIFY(out.loss.defined());
    }

    void initialisationFollowsTransformers() {
        const auto cfg = ModelConfig::preset("distilbert-small");
        EncoderModel a(cfg, 7), b(cfg, 7);
        for (const auto& name : a.parameterNames())
            QVERIFY2(at::equal(a.parameter(name), b.parameter(name)),
                     name.c_str());  // same seed, same weights
        const at::Tensor& w = a.parameter("distilbert.transformer.layer.0.ffn.lin1.weight");
        QVERIFY(std::abs(w.std().item<double>() - 0.02) < 0.001);
        QCOMPARE(a.parameter("distilbert.embeddings.LayerNorm.weight").min().item<float>(), 1.0f);
        QCOMPARE(a.parameter("classifier.bias").abs().max().item<float>(), 0.0f);
        QCOMPARE(a.parameter("distilbert.embeddings.word_embeddings.weight")[0]
                     .abs()
                     .max()
                     .item<float>(),
                 0.0f);
        // embeddings 7,945,216 + 4 layers x 789,760 + pre_classifier 65,792 + classifier 514
        QCOMPARE(a.parameterCount(), std::int64_t(11'170'562));
    }

    void baseShapesHaveTheRightSize_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<qint64>("parameters");
        // Figures transformers reports for these architectures.
        QTest::newRow("distilbert-base-uncased seqcls")
            << "distilbert-base-uncased" << qint64(66955010);
        QTest::newRow("bert-base-uncased seqcls") << "bert-base-uncased" << qint64(109483778);
    }
    void baseShapesHaveTheRightSize() {
        QFETCH(QString, preset);
        QFETCH(qint64, parameters);
        EncoderModel enc(ModelConfig::preset(preset.toStdString()));
        QCOMPARE(qint64(enc.parameterCount()), parameters);
        QCOMPARE(qint64(enc.config().parameterCount()), parameters);
    }

    void parameterCountWithoutBuilding() {
        // The count from the configuration alone equals the built model's, for every head.
        for (const char* preset : {"distilbert-tiny", "bert-small"})
            for (HeadType head : {HeadType::Base, HeadType::MaskedLM,
                                  HeadType::SequenceClassification, HeadType::TokenClassification,
                                  HeadType::QuestionAnswering, HeadType::MultipleChoice}) {
                ModelConfig c = ModelConfig::preset(preset, head);
                if (head == HeadType::TokenClassification) c.setNumLabels(9);
                EncoderModel enc(c);
                QCOMPARE(c.parameterCount(), enc.parameterCount());
            }
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "test_models.moc"
