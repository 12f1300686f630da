// Text in, predictions out: classification, fill-mask, entity grouping and answer spans.
#include <QTemporaryDir>
#include <QtTest>

#include "TestModels.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/tokenizers/Tokenizer.h"

using namespace distilbench;

class PipelineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Runtime::initialize(0); }

    void classificationFromText() {
        QTemporaryDir dir;
        auto pipeline = Pipeline::open(makeTextModel(dir.path()).toStdString());
        QVERIFY(pipeline->tokenizer());
        const auto r = pipeline->predict({"the movie was great", "a bad film"});
        QCOMPARE(r.predictions.size(), std::size_t(2));
        for (const auto& p : r.predictions) {
            QCOMPARE(p.scores.size(), std::size_t(2));
            QVERIFY(std::abs(p.scores[0].probability + p.scores[1].probability - 1.0f) < 1e-5);
            QVERIFY(p.label == "LABEL_0" || p.label == "LABEL_1");
        }
        // The padded batch equals each sentence run alone.
        const auto single = pipeline->predict({"a bad film"});
        QVERIFY(std::abs(single.predictions[0].logits[0] - r.predictions[1].logits[0]) < 1e-5);
    }

    // Inputs longer than the model's limit were cut in silence: the prediction says how long the
    // input was, so the pages can say what the model read.
    void truncationIsReported_data() {
        QTest::addColumn<int>("words");
        QTest::addColumn<bool>("cut");
        QTest::newRow("short") << 5 << false;
        QTest::newRow("longer than the limit") << 200 << true;
    }
    void truncationIsReported() {
        QFETCH(int, words);
        QFETCH(bool, cut);
        QTemporaryDir dir;
        auto pipeline = Pipeline::open(makeTextModel(dir.path()).toStdString());
        std::string text;
        for (int i = 0; i < words; ++i) text += "the movie was great ";
        const TextPrediction p = pipeline->predict({text}, {}).predictions.front();
        QCOMPARE(p.fullLength > p.encoding.size(), cut);
        if (cut) {
            QCOMPARE(p.fullLength, std::size_t(words * 4 + 2));
            QCOMPARE(static_cast<int>(p.encoding.size()), pipeline->model()->config().maxPositions);
        } else {
            QCOMPARE(p.fullLength, p.encoding.size());
        }
    }

    void fillMask() {
        QTemporaryDir dir;
        auto pipeline = Pipeline::open(makeTextModel(dir.path(), "distilbert_mlm").toStdString());
        PipelineOptions opt;
        opt.topK = 3;
        const auto r = pipeline->predict({"the [MASK] was great"}, {}, opt);
        const auto& fills = r.predictions[0].fills;
        QCOMPARE(fills.size(), std::size_t(1));
        QCOMPARE(fills[0].position, 2);
        QCOMPARE(fills[0].candidates.size(), std::size_t(3));
        QVERIFY(fills[0].candidates[0].second >= fills[0].candidates[1].second);
    }

    void entitiesGroupWordsAndTags() {
        auto tok = Tokenizer::load(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt");
        const std::string text = "John Smithson visited New York";
        const Encoding e = tok->encode(text);
        // [CLS] john smith ##son visited new york [SEP]
        QCOMPARE(e.tokens[3], std::string("##son"));
        const std::vector<std::string> labels{"O", "B-PER", "I-PER", "O",
                                              "O", "B-LOC", "I-LOC", "O"};
        const std::vector<float> probs{1, 0.9f, 0.8f, 0.1f, 1, 0.6f, 0.8f, 1};
        const auto entities = groupEntities(e, labels, probs, text);
        QCOMPARE(entities.size(), std::size_t(2));
        QCOMPARE(entities[0].label, std::string("PER"));
        QCOMPARE(entities[0].text, std::string("John Smithson"));  // "##son" follows its word
        QVERIFY(std::abs(entities[0].score - 0.85f) < 1e-6);
        QCOMPARE(entities[1].text, std::string("New York"));
        QCOMPARE(entities[1].begin, 22);
        // A new B- tag starts a new entity even with the same type.
        const auto split =
            groupEntities(e, {"O", "B-PER", "B-PER", "O", "O", "O", "O", "O"}, probs, text);
        QCOMPARE(split.size(), std::size_t(2));
    }

    void answerSpanStaysInContext() {
        auto tok = Tokenizer::load(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-vocab.txt");
        const std::string question = "where is it", context = "it is in Zürich today";
        const Encoding e = tok->encode(question, std::string_view(context), EncodeOptions{});
        std::vector<float> start(e.size(), 0), end(e.size(), 0);
        start[1] = 50;  // a strong start in the question must be ignored
        const auto zurich =
            std::find(e.tokens.begin(), e.tokens.end(), std::string("zurich")) - e.tokens.begin();
        start[zurich] = 10;
        end[zurich] = 10;
        const AnswerSpan a = bestAnswerSpan(e, start, end, 1, 30, context);
        QCOMPARE(a.text, std::string("Zürich"));
        QCOMPARE(a.begin, 9);
        QCOMPARE(a.end, 15);
    }

    void substringCountsCodePoints() {
        QCOMPARE(substringByCodePoints("naïve café", 6, 10), std::string("café"));
        QCOMPARE(substringByCodePoints("😀 ok", 2, 4), std::string("ok"));
        QCOMPARE(substringByCodePoints("abc", 5, 6), std::string());
    }

    void deviceSelection() {
        QTemporaryDir dir;
        auto pipeline = Pipeline::open(makeTextModel(dir.path()).toStdString());
        pipeline->model()->setDevice("cpu");
        QCOMPARE(pipeline->model()->device(), std::string("cpu"));
        if (!Runtime::cudaAvailable())
            QVERIFY_THROWS_EXCEPTION(Error, pipeline->model()->setDevice("cuda:0"));
        QVERIFY_THROWS_EXCEPTION(Error, pipeline->model()->setDevice("tpu"));
    }

    void shippedDemoModel() {
        const std::string path = demoModelPath();
        QVERIFY2(!path.empty(), "resources/demo/sst2-distilbert-tiny is missing");
        auto pipeline = Pipeline::open(path);
        QCOMPARE(pipeline->model()->config().labels,
                 (std::vector<std::string>{"negative", "positive"}));
        QVERIFY(pipeline->model()->summary().missingKeys.empty());
        const auto r = pipeline->predict(
            {"a gorgeous , witty , seductive movie .", "the film is a dull , tedious mess ."});
        QCOMPARE(r.predictions[0].label, std::string("positive"));
        QCOMPARE(r.predictions[1].label, std::string("negative"));
    }

    void longInputIsTruncatedToTheModel() {
        QTemporaryDir dir;
        auto pipeline = Pipeline::open(makeTextModel(dir.path()).toStdString());
        std::string text;
        for (int i = 0; i < 500; ++i) text += "great ";
        const auto r = pipeline->predict({text});
        QCOMPARE(int(r.predictions[0].encoding.size()), pipeline->model()->config().maxPositions);
    }
};

QTEST_GUILESS_MAIN(PipelineTest)
#include "test_pipeline.moc"
