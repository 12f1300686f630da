// Attention analysis and attributions: exact attentions (as transformers computes them), head
// statistics, rollout, integrated gradients' completeness.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "TestModels.h"
#include "core/explain/AttentionAnalysis.h"
#include "core/explain/Attribution.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"

using namespace distilbench;

namespace {
QJsonObject refs(const QString& fixture) {
    QFile f(QStringLiteral(DISTILBENCH_TEST_DATA "/hf/") + fixture + "/refs.json");
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}
}  // namespace

class ExplainTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Runtime::initialize(0); }

    void attentionJsonEqualsTransformers_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("row");
        for (const char* f : {"distilbert_seqcls", "bert_seqcls", "distilbert_mlm"})
            for (int row : {0, 1})
                QTest::newRow(qPrintable(QString("%1 row %2").arg(f).arg(row)))
                    << QString(f) << row;
    }
    void attentionJsonEqualsTransformers() {
        QFETCH(QString, fixture);
        QFETCH(int, row);
        const QJsonObject ref = refs(fixture);
        // The fixture's row 0 is padded: give only its real tokens; attention among them is the
        // same.
        const QJsonArray idsJson = ref["input_ids"].toArray()[row].toArray();
        const QJsonArray mask = ref["attention_mask"].toArray()[row].toArray();
        std::vector<std::int64_t> ids;
        for (int i = 0; i < idsJson.size(); ++i)
            if (mask[i].toInt()) ids.push_back(idsJson[i].toInt());
        auto pipeline = Pipeline::open(DISTILBENCH_TEST_DATA "/hf/" + fixture.toStdString());
        const AttentionAnalysis a = analyseAttention(*pipeline, {}, {}, ids);
        const QJsonObject json = attentionToJson(a);
        const QJsonArray ours = json["attentions"].toArray();
        const QJsonArray theirs = ref["attentions"].toArray();
        QCOMPARE(ours.size(), theirs.size());
        double worst = 0;
        for (int l = 0; l < ours.size(); ++l)
            for (int h = 0; h < ours[l].toArray().size(); ++h)
                for (int q = 0; q < int(ids.size()); ++q)
                    for (int k = 0; k < int(ids.size()); ++k)
                        worst = std::max(worst, std::abs(ours[l][h][q][k].toDouble() -
                                                         theirs[l][row][h][q][k].toDouble()));
        QVERIFY2(worst < 1e-5, qPrintable(QString::number(worst)));
        QCOMPARE(json["tokens"].toArray().size(), int(ids.size()));
    }

    void statisticsAndRollout() {
        LayerAttention uniform;
        uniform.heads = 1;
        uniform.length = 4;
        uniform.values.assign(16, 0.25f);
        LayerAttention diagonal = uniform;
        std::fill(diagonal.values.begin(), diagonal.values.end(), 0.0f);
        for (int i = 0; i < 4; ++i) diagonal.values[i * 4 + i] = 1.0f;
        const auto stats = headStatistics({uniform, diagonal}, {false, false, false, true},
                                          {false, true, false, false});
        QCOMPARE(stats.size(), std::size_t(2));
        QVERIFY(std::abs(stats[0].entropy - std::log(4.0)) < 1e-6);  // uniform over 4 keys
        QVERIFY(std::abs(stats[0].clsMass - 0.25) < 1e-6);
        QVERIFY(std::abs(stats[0].sepMass - 0.25) < 1e-6);
        QVERIFY(std::abs(stats[0].punctuationMass - 0.25) < 1e-6);
        QVERIFY(std::abs(stats[0].meanDistance - 1.25) < 1e-6);  // mean |q-k| over a 4x4 grid
        QCOMPARE(stats[1].entropy, 0.0);
        QCOMPARE(stats[1].meanDistance, 0.0);
        // Rollout of the identity is the identity; rows always sum to one.
        const auto rolled = attentionRollout({diagonal, diagonal});
        for (int q = 0; q < 4; ++q)
            for (int k = 0; k < 4; ++k)
                QVERIFY(std::abs(rolled[q * 4 + k] - (q == k ? 1.0f : 0.0f)) < 1e-6);
        const auto mixed = attentionRollout({uniform, diagonal});
        for (int q = 0; q < 4; ++q) {
            double sum = 0;
            for (int k = 0; k < 4; ++k) sum += mixed[q * 4 + k];
            QVERIFY(std::abs(sum - 1.0) < 1e-6);
        }
        QVERIFY(std::abs(mixed[0] - (0.5 * 0.25 + 0.5)) < 1e-6);
    }

    void integratedGradientsAreComplete_data() {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("distilbert") << "distilbert_seqcls";
        QTest::newRow("bert") << "bert_seqcls";
    }
    void integratedGradientsAreComplete() {
        QFETCH(QString, fixture);
        QTemporaryDir dir;
        auto pipeline = Pipeline::open(makeTextModel(dir.path(), fixture).toStdString());
        AttributionOptions options;
        options.steps = 32;
        options.internalBatch = 5;  // several passes, uneven last one
        options.label = "LABEL_1";
        const AttributionResult r =
            explain(*pipeline, "the movie was great and the plot was bad", "", options);
        QCOMPARE(r.label, std::string("LABEL_1"));
        QCOMPARE(r.labelIndex, 1);
        QCOMPARE(r.scores.size(), r.encoding.size());
        const float expected = r.targetLogit - r.baselineLogit;
        QVERIFY2(r.completenessGap <= 1e-3f * std::max(1e-3f, std::abs(expected)) + 1e-6f,
                 qPrintable(QString("sum %1 vs %2").arg(r.attributionSum).arg(expected)));
        QCOMPARE(r.scores.front(), 0.0f);  // [CLS] equals its baseline
        QCOMPARE(r.scores.back(), 0.0f);

        options.method = AttributionMethod::GradientTimesInput;
        const AttributionResult g = explain(*pipeline, "the movie was great", "", options);
        QCOMPARE(g.scores.size(), g.encoding.size());
        options.label = "NOPE";
        QVERIFY_THROWS_EXCEPTION(Error, explain(*pipeline, "the movie", "", options));
    }
};

QTEST_GUILESS_MAIN(ExplainTest)
#include "test_explain.moc"
