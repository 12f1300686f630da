// #19: the projector's numbers — embeddings against a plain forward of each text, PCA against
// LibTorch's SVD, t-SNE keeping separated clusters apart, deterministically; `embed` CLI.
#include <ATen/ATen.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <random>

#include "CliRunner.h"
#include "core/analysis/Embeddings.h"
#include "core/analysis/Projection.h"
#include "core/inference/Pipeline.h"
#include "core/models/EncoderModel.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/tokenizers/Tokenizer.h"

using namespace distilbench;

namespace {
EmbeddingSet fromTensor(const at::Tensor& t) {
    EmbeddingSet s;
    s.rows = static_cast<std::size_t>(t.size(0));
    s.dim = static_cast<std::size_t>(t.size(1));
    const at::Tensor f = t.to(at::kFloat).contiguous();
    s.vectors.assign(f.data_ptr<float>(), f.data_ptr<float>() + f.numel());
    return s;
}
}  // namespace

class ProjectionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Runtime::initialize(0); }

    // Batched, padded and sorted by length, each text's vector is what a forward of that text
    // alone gives; predictions are the Pipeline's.
    void embeddingsMatchAPlainForward_data() {
        QTest::addColumn<int>("layer");
        QTest::addColumn<bool>("mean");
        QTest::newRow("last, cls") << -1 << false;
        QTest::newRow("last, mean") << -1 << true;
        QTest::newRow("embeddings, cls") << 0 << false;
        QTest::newRow("layer 1, mean") << 1 << true;
    }
    void embeddingsMatchAPlainForward() {
        QFETCH(int, layer);
        QFETCH(bool, mean);
        const auto pipeline = Pipeline::open(demoModelPath());
        Dataset d;
        d.labels = pipeline->model()->config().labels;
        for (const char* t : {"a fine film", "the plot is a mess from start to finish and beyond",
                              "ok", "not my cup of tea at all"}) {
            Example e;
            e.text = t;
            e.label = 1;
            d.examples.push_back(e);
        }
        EmbeddingOptions o;
        o.layer = layer;
        o.pooling = mean ? Pooling::Mean : Pooling::Cls;
        o.batchSize = 3;
        const EmbeddingSet s = computeEmbeddings(*pipeline, d, o);
        QCOMPARE(s.rows, std::size_t(4));
        QCOMPARE(s.dim, std::size_t(pipeline->model()->config().hiddenSize));
        EncoderModel& enc = pipeline->model()->encoder();
        at::NoGradGuard g;
        for (std::size_t i = 0; i < s.rows; ++i) {
            const Encoding e = pipeline->tokenizer()->encode(d.examples[i].text);
            ModelInputs in;
            in.inputIds = at::tensor(e.ids, at::kLong).unsqueeze(0);
            ForwardOptions fo;
            fo.hiddenStates = true;
            const ModelOutputs out = enc.forward(in, fo);
            const at::Tensor h =
                out.hiddenStates.at(layer < 0 ? out.hiddenStates.size() - 1 : layer)[0];
            const at::Tensor want = mean ? h.mean(0) : h[0];
            const at::Tensor got = at::from_blob(const_cast<float*>(s.vectors.data() + i * s.dim),
                                                 {static_cast<std::int64_t>(s.dim)}, at::kFloat);
            QVERIFY2((got - want).abs().max().item<double>() < 1e-4,
                     qPrintable(QString::number((got - want).abs().max().item<double>())));
            QCOMPARE(s.tokens[i], static_cast<int>(e.ids.size()));
        }
        const PipelineResult p = pipeline->predict({"a fine film"});
        QCOMPARE(s.labels[static_cast<std::size_t>(s.predicted[0])], p.predictions[0].label);
        float best = 0;
        for (const auto& sc : p.predictions[0].scores) best = std::max(best, sc.probability);
        QVERIFY(std::abs(s.confidence[0] - best) < 1e-5);
        QVERIFY(std::abs(s.loss[0] + std::log(p.predictions[0].scores[1].probability)) < 1e-4);
    }

    void layerOutOfRange() {
        const auto pipeline = Pipeline::open(demoModelPath());
        Dataset d;
        Example e;
        e.text = "x";
        d.examples.push_back(e);
        EmbeddingOptions o;
        o.layer = 99;
        QVERIFY_THROWS_EXCEPTION(Error, computeEmbeddings(*pipeline, d, o));
    }

    // PCA's coordinates are the SVD's U·S of the centred data (up to each axis's sign), and
    // its variance shares S² / ΣS².
    void pcaAgainstSvd() {
        at::manual_seed(7);
        // Correlated data: a few strong directions.
        const at::Tensor base = at::randn({500, 3}, at::kDouble);
        const at::Tensor mix = at::randn({3, 24}, at::kDouble);
        const at::Tensor x =
            base.matmul(mix) * at::tensor({5.0, 2.0, 1.0}, at::kDouble).repeat({8});
        const at::Tensor noisy = x + 0.01 * at::randn({500, 24}, at::kDouble) + 3.0;
        const EmbeddingSet s = fromTensor(noisy);
        const Projection p = projectPca(s);
        const at::Tensor c = noisy.to(at::kFloat).to(at::kDouble) -
                             noisy.to(at::kFloat).to(at::kDouble).mean(0, true);
        auto [u, sv, vh] = at::linalg_svd(c, false);
        for (int axis = 0; axis < 2; ++axis) {
            const at::Tensor want = u.select(1, axis) * sv[axis];
            at::Tensor got = at::tensor(axis == 0 ? p.x : p.y, at::kFloat).to(at::kDouble);
            if ((got * want).sum().item<double>() < 0) got = -got;
            const double err =
                (got - want).abs().max().item<double>() / want.abs().max().item<double>();
            QVERIFY2(err < 1e-4, qPrintable(QString::number(err)));
        }
        const at::Tensor share = sv.pow(2) / sv.pow(2).sum();
        QVERIFY(std::abs(p.explained[0] - share[0].item<double>()) < 1e-6);
        QVERIFY(std::abs(p.explained[1] - share[1].item<double>()) < 1e-6);
    }

    // Two clusters far apart in 20 dimensions stay apart: each point's nearest neighbour in the
    // map is of its own cluster. The same seed gives the same map.
    void tsneKeepsClustersApart() {
        std::mt19937 rng(3);
        std::normal_distribution<double> noise(0, 1);
        at::Tensor x = at::empty({160, 20}, at::kDouble);
        for (int i = 0; i < 160; ++i)
            for (int j = 0; j < 20; ++j)
                x[i][j] = noise(rng) + (i < 80 ? 0.0 : (j < 5 ? 12.0 : 0.0));
        const EmbeddingSet s = fromTensor(x);
        TsneOptions o;
        o.iterations = 400;
        o.perplexity = 20;
        const Projection a = projectTsne(s, o);
        QCOMPARE(a.rows.size(), std::size_t(160));
        int agree = 0;
        for (std::size_t i = 0; i < 160; ++i) {
            double best = 1e300;
            std::size_t nearest = 0;
            for (std::size_t j = 0; j < 160; ++j) {
                if (i == j) continue;
                const double d = std::pow(a.x[i] - a.x[j], 2) + std::pow(a.y[i] - a.y[j], 2);
                if (d < best) {
                    best = d;
                    nearest = j;
                }
            }
            agree += (i < 80) == (nearest < 80);
        }
        QVERIFY2(agree >= 158, qPrintable(QString::number(agree)));
        const Projection b = projectTsne(s, o);
        QCOMPARE(a.x, b.x);
        // More rows than the sample: a fixed sample of maxPoints.
        o.maxPoints = 50;
        o.iterations = 50;
        const Projection sample = projectTsne(s, o);
        QCOMPARE(sample.rows.size(), std::size_t(50));
        QVERIFY(std::is_sorted(sample.rows.begin(), sample.rows.end()));
    }

    void cli() {
        QTemporaryDir dir;
        auto r =
            runCli({"embed", QString::fromStdString(demoModelPath()), "--data",
                    DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv", "--out",
                    dir.filePath("p.csv"), "--vectors", dir.filePath("vectors.tsv"), "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o["examples"].toInt(), 80);
        QCOMPARE(o["points"].toInt(), 80);
        QFile points(dir.filePath("p.csv"));
        QVERIFY(points.open(QIODevice::ReadOnly));
        QCOMPARE(points.readAll().count('\n'), 81);
        QFile meta(dir.filePath("metadata.tsv"));
        QVERIFY(meta.open(QIODevice::ReadOnly));
        QCOMPARE(meta.readAll().count('\n'), 81);
        r = runCli({"embed", QString::fromStdString(demoModelPath()), "--data",
                    DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv", "--pooling", "max"});
        QCOMPARE(r.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(ProjectionTest)
#include "test_projection.moc"
