// #19: behavioural tests (CheckList style) — perturbations, template expansion, suite files,
// the runner on the demo model, and `distilbench-cli check`.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <set>

#include "CliRunner.h"
#include "core/analysis/BehaviourCheck.h"
#include "core/analysis/BehaviourSuite.h"
#include "core/analysis/Perturbation.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/runtime/Resources.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingConfig.h"

using namespace distilbench;

namespace {
QStringList variantsOf(const Perturbation& p, const std::string& text) {
    QStringList out;
    for (const PerturbedText& v : p.apply(text)) out << QString::fromStdString(v.text);
    return out;
}
std::string writeSuite(QTemporaryDir& dir, const QByteArray& json) {
    const QString path = dir.filePath("suite.json");
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(json);
    return path.toStdString();
}
}  // namespace

class BehaviourCheckTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        Runtime::initialize(0);
        pipeline_ = Pipeline::open(demoModelPath());
    }

    void perturbations_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("swap whole words only")
            << "swap" << QStringList{"is", "is not"} << "This is good."
            << QStringList{"This is not good."};
        QTest::newRow("swap longest first")
            << "swap" << QStringList{"York", "New York", "Paris"} << "I live in New York."
            << QStringList{"I live in York.", "I live in Paris."};
        QTest::newRow("swap nothing to swap")
            << "swap" << QStringList{"cat", "dog"} << "A concatenation." << QStringList{};
        QTest::newRow("lowercase")
            << "lowercase" << QStringList{} << "Great FILM" << QStringList{"great film"};
        QTest::newRow("lowercase unchanged")
            << "lowercase" << QStringList{} << "ok" << QStringList{};
        QTest::newRow("uppercase unicode")
            << "uppercase" << QStringList{} << "très bien" << QStringList{"TRÈS BIEN"};
        QTest::newRow("punctuation ended") << "punctuation" << QStringList{} << "Good film."
                                           << QStringList{"Good film", "Good film!"};
        QTest::newRow("punctuation none") << "punctuation" << QStringList{} << "Good film"
                                          << QStringList{"Good film.", "Good film!"};
        QTest::newRow("append") << "append" << QStringList{"Nice.", "Bad."} << "Film."
                                << QStringList{"Film. Nice.", "Film. Bad."};
        QTest::newRow("prepend") << "prepend" << QStringList{"Well,"} << "it works."
                                 << QStringList{"Well, it works."};
        QTest::newRow("drop-word")
            << "drop-word" << QStringList{} << "This is not good."
            << QStringList{"is not good.", "This not good.", "This is good.", "This is not."};
        QTest::newRow("negate adds")
            << "negate" << QStringList{} << "It was good." << QStringList{"It was not good."};
        QTest::newRow("negate removes")
            << "negate" << QStringList{} << "It is not good, I can't lie."
            << QStringList{"It is good, I can't lie.", "It is not good, I can lie."};
        QTest::newRow("negate won't")
            << "negate" << QStringList{} << "Won't work" << QStringList{"Will work"};
    }
    void perturbations() {
        QFETCH(QString, kind);
        QFETCH(QStringList, words);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        Perturbation p;
        QVERIFY(Perturbation::parseKind(kind.toStdString(), p.kind));
        for (const QString& w : words)
            (kind == "append" || kind == "prepend" ? p.phrases : p.words)
                .push_back(w.toStdString());
        p.variants = 5;
        QStringList got = variantsOf(p, text.toStdString());
        if (kind == "swap") {  // shuffled order
            got.sort();
            expected.sort();
        }
        QCOMPARE(got, expected);
    }

    // Occlusion of a long text stops at kMaxVariants copies.
    void variantsAreBounded() {
        std::string text;
        for (int i = 0; i < 1000; ++i) text += "word" + std::to_string(i) + " ";
        Perturbation p;
        p.kind = Perturbation::Kind::DropWord;
        QCOMPARE(p.apply(text).size(), Perturbation::kMaxVariants);
    }

    // A typo swaps two neighbouring letters inside one word; the same text gives the same typos.
    void typosAreDeterministic() {
        Perturbation p;
        p.kind = Perturbation::Kind::Typos;
        p.variants = 2;
        const std::string text = "The acting is fantastic.";
        const auto a = p.apply(text), b = p.apply(text);
        QCOMPARE(a.size(), std::size_t(2));
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].text, b[i].text);
            QCOMPARE(a[i].text.size(), text.size());
            int differing = 0;
            for (std::size_t k = 0; k < text.size(); ++k) differing += a[i].text[k] != text[k];
            QCOMPARE(differing, 2);
            std::string sortedA = a[i].text, sortedT = text;
            std::sort(sortedA.begin(), sortedA.end());
            std::sort(sortedT.begin(), sortedT.end());
            QCOMPARE(sortedA, sortedT);
        }
    }

    void templates() {
        const std::map<std::string, std::vector<std::string>> lex{{"adj", {"good", "bad"}},
                                                                  {"name", {"Ann", "Bo", "Cy"}}};
        // Every combination; the same slot twice takes the same word.
        QCOMPARE(expandTemplate("{adj} and {adj}", lex, 0),
                 (std::vector<std::string>{"good and good", "bad and bad"}));
        // {name1} is a second slot of `name`: distinct people.
        const auto pairs = expandTemplate("{name} met {name1}", lex, 0);
        QCOMPARE(pairs.size(), std::size_t(6));
        for (const auto& p : pairs) {
            const auto space = p.find(' ');
            QVERIFY(p.substr(0, space) != p.substr(p.rfind(' ') + 1));
        }
        // Braces doubled are literal.
        QCOMPARE(expandTemplate("{{x}} {adj}", lex, 0),
                 (std::vector<std::string>{"{x} good", "{x} bad"}));
        // More combinations than wanted: a fixed sample of distinct ones.
        const auto some = expandTemplate("{name} {adj} {name1}", lex, 4);
        QCOMPARE(some.size(), std::size_t(4));
        QCOMPARE(std::set<std::string>(some.begin(), some.end()).size(), std::size_t(4));
        QCOMPARE(expandTemplate("{name} {adj} {name1}", lex, 4), some);
        QVERIFY_THROWS_EXCEPTION(Error, expandTemplate("{colour}", lex, 0));
        QVERIFY_THROWS_EXCEPTION(Error, expandTemplate("{adj", lex, 0));
    }

    // Every problem of a suite file is one line naming the file and the test.
    void badSuites_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no tests") << QByteArray(R"({"name":"x"})") << "has no tests";
        QTest::newRow("bad type") << QByteArray(
                                         R"({"tests":[{"name":"t","type":"XYZ","texts":["a"]}]})")
                                  << "(t): \"type\" must be MFT, INV or DIR";
        QTest::newRow("mft without expect")
            << QByteArray(R"({"tests":[{"name":"t","type":"MFT","texts":["a"]}]})")
            << "needs \"expect\"";
        QTest::newRow("no examples")
            << QByteArray(R"({"tests":[{"name":"t","type":"MFT","expect":"x"}]})")
            << "neither \"templates\" nor \"texts\"";
        QTest::newRow("unknown slot")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"MFT","expect":"x","templates":["{nope}"]}]})")
            << "{nope} names no lexicon";
        QTest::newRow("bad kind")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"INV","texts":["a"],"perturb":{"kind":"shout"}}]})")
            << "needs a \"kind\"";
        QTest::newRow("swap of one")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"INV","texts":["a"],"perturb":{"kind":"swap","words":["a"]}}]})")
            << "two or more";
        QTest::newRow("dir without direction")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"DIR","texts":["a"],"perturb":{"kind":"lowercase"}}]})")
            << "needs \"direction\"";
        QTest::newRow("duplicate names")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"MFT","expect":"x","texts":["a"]},{"name":"t","type":"MFT","expect":"x","texts":["a"]}]})")
            << "used twice";
        QTest::newRow("max_examples")
            << QByteArray(
                   R"({"max_examples":0,"tests":[{"name":"t","type":"MFT","expect":"x","texts":["a"]}]})")
            << "between 1 and 100000";
        QTest::newRow("variants")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"INV","texts":["a"],"perturb":{"kind":"typos","variants":1000}}]})")
            << "between 1 and 100";
        QTest::newRow("rate")
            << QByteArray(
                   R"({"tests":[{"name":"t","type":"MFT","expect":"x","texts":["a"],"min_pass_rate":2}]})")
            << "between 0 and 1";
    }
    void badSuites() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string path = writeSuite(dir, json);
        try {
            BehaviourSuite::read(path);
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path)), e.what());
            QVERIFY2(QString(e.what()).contains(message), e.what());
            QVERIFY(!QString(e.what()).contains('\n'));
        }
    }

    // The runner on the demo model (labels negative/positive, uncased): results that follow from
    // the model's outputs.
    void runsATinySuite() {
        QTemporaryDir dir;
        const std::string path = writeSuite(dir, R"({
          "name": "tiny", "label_aliases": {"good": ["positive"]},
          "lexicons": {"adj": ["great", "wonderful"], "thing": ["film", "story"]},
          "tests": [
            {"name": "right", "type": "MFT", "templates": ["The {thing} is {adj}."], "expect": "good"},
            {"name": "wrong", "type": "MFT", "templates": ["The {thing} is {adj}."], "expect": "NEGATIVE", "min_pass_rate": 0.5},
            {"name": "case", "type": "INV", "templates": ["The {thing} is {adj}."], "perturb": {"kind": "uppercase"}},
            {"name": "nothing", "type": "INV", "texts": ["ok"], "perturb": {"kind": "swap", "words": ["dog", "cat"]}},
            {"name": "more praise", "type": "DIR", "templates": ["The {thing} is {adj}."],
             "perturb": {"kind": "append", "phrases": ["I loved it."]},
             "direction": {"label": "positive", "change": "up", "tolerance": 0.05}}
          ]})");
        const BehaviourSuite suite = BehaviourSuite::read(path);
        QCOMPARE(suite.examplesOf(suite.tests[0]).size(), std::size_t(4));
        const BehaviourReport r = runBehaviourSuite(*pipeline_, suite, 3);
        QCOMPARE(r.tests.size(), std::size_t(5));
        QCOMPARE(r.labels.at("good"), std::string("positive"));
        QCOMPARE(r.labels.at("NEGATIVE"), std::string("negative"));  // case-insensitive
        // The model calls these positive: "right" passes, "wrong" fails every example.
        const PipelineResult direct = pipeline_->predict({"The film is great."});
        QCOMPARE(direct.predictions[0].label, std::string("positive"));
        QVERIFY(r.tests[0].passed);
        QCOMPARE(r.tests[0].examples, 4);
        QCOMPARE(r.tests[1].failures, 4);
        QVERIFY(!r.tests[1].passed);
        QCOMPARE(r.tests[1].failing.size(), std::size_t(4));
        QCOMPARE(r.tests[1].failing[0].predicted, std::string("positive"));
        QVERIFY(r.tests[1].failing[0].before < 0.5);  // the expected label's probability
        // Upper case is the same input to an uncased tokenizer: invariant by construction.
        QVERIFY(r.tests[2].passed);
        QCOMPARE(r.tests[2].examples, 4);
        // A perturbation that changes nothing tests nothing: failed, with the reason.
        QVERIFY(!r.tests[3].passed);
        QCOMPARE(r.tests[3].examples, 0);
        QVERIFY(!r.tests[3].note.empty());
        QCOMPARE(r.tests[4].examples, 4);
        QVERIFY(!r.passed());
        QCOMPARE(r.failedTests(), 2);
        const QJsonObject json = r.toJson();
        QCOMPARE(json["failed_tests"].toInt(), 2);
        QCOMPARE(json["tests"].toArray()[1].toObject()["failing"].toArray().size(), 4);
    }

    void unknownLabelNamesTheModelsLabels() {
        QTemporaryDir dir;
        const std::string path = writeSuite(
            dir, R"({"tests":[{"name":"t","type":"MFT","texts":["a"],"expect":"toxic"}]})");
        try {
            runBehaviourSuite(*pipeline_, BehaviourSuite::read(path));
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("negative, positive"), e.what());
            QVERIFY2(QString(e.what()).contains("label_aliases"), e.what());
        }
    }

    // The built-in suite has at least ten tests, every type, and runs on the demo model.
    void builtInSuite() {
        const BehaviourSuite suite = BehaviourSuite::read(BehaviourSuite::builtInSentimentPath());
        QVERIFY(suite.tests.size() >= 10);
        std::set<BehaviourTestType> types;
        for (const auto& t : suite.tests) types.insert(t.type);
        QCOMPARE(types.size(), std::size_t(3));
        const BehaviourReport r = runBehaviourSuite(*pipeline_, suite);
        for (const auto& t : r.tests) QVERIFY2(t.examples > 0, t.name.c_str());
    }

    // `check` gates: exit 0 when every test passes, 1 when one falls under its rate.
    void cliCheck() {
        QTemporaryDir dir;
        const std::string passing = writeSuite(
            dir,
            R"({"tests":[{"name":"t","type":"MFT","texts":["The film is great."],"expect":"positive"}]})");
        const QString model = QString::fromStdString(demoModelPath());
        auto r = runCli({"check", model, QString::fromStdString(passing)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("1 of 1 tests passed"));
        r = runCli({"check", model, "--json"});  // the built-in suite: the demo fails some
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY(report["tests"].toArray().size() >= 10);
        QCOMPARE(report["passed"].toBool(), false);
        r = runCli({"check", model, dir.filePath("missing.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing.json"), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    // Token classifiers: typed slots are MFT expectations, INV compares entity-type sequences,
    // DIR is refused; the built-in NER suite runs on one.
    void tokenClassification() {
        QTemporaryDir dir;
        TrainingConfig c = TrainingConfig::defaultsFor(Task::TokenClassification, true);
        c.preset = "distilbert-tiny";
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/conll_sample.txt";
        c.maxSteps = 4;
        c.maxLength = 64;
        c.validationSplit = 0;
        Trainer::train(c, dir.filePath("ner").toStdString());
        const auto tagger = Pipeline::open(dir.filePath("ner/best").toStdString());
        const std::string path = writeSuite(dir, R"({
          "lexicons": {"person": ["Ann Lee", "Bo Chan"], "city": ["Oslo", "Rome"]},
          "entity_types": {"person": "person", "city": "LOC"},
          "label_aliases": {"person": ["PER"]},
          "tests": [
            {"name": "typed", "type": "MFT", "templates": ["{person} lives in {city}."]},
            {"name": "swap", "type": "INV", "templates": ["{person} lives in {city}."],
             "perturb": {"kind": "swap", "lexicon": "city"}}
          ]})");
        const BehaviourReport r = runBehaviourSuite(*tagger, BehaviourSuite::read(path));
        QVERIFY(r.tokenClassification);
        QCOMPARE(r.labels.at("person"), std::string("PER"));
        QCOMPARE(r.tests[0].examples, 4);
        // Whatever the barely trained tagger finds, a failure says what was expected.
        for (const auto& f : r.tests[0].failing)
            QVERIFY2(QString::fromStdString(f.expected).contains("PER: ") &&
                         QString::fromStdString(f.expected).contains("LOC: "),
                     f.expected.c_str());
        QCOMPARE(r.tests[0].failures, static_cast<int>(r.tests[0].failing.size()));
        QCOMPARE(r.tests[1].examples, 4);
        // DIR has no meaning for a tagger.
        const std::string dirSuite = writeSuite(dir, R"({"lexicons": {"x": ["a", "b"]}, "tests": [
            {"name": "d", "type": "DIR", "texts": ["a b"], "perturb": {"kind": "lowercase"},
             "direction": {"label": "PER", "change": "up"}}]})");
        try {
            runBehaviourSuite(*tagger, BehaviourSuite::read(dirSuite));
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("DIR"), e.what());
        }
        // The built-in NER suite: every test has examples.
        const BehaviourSuite ner =
            BehaviourSuite::read(BehaviourSuite::builtInPathFor(Task::TokenClassification));
        QVERIFY(ner.tests.size() >= 10);
        const BehaviourReport all = runBehaviourSuite(*tagger, ner);
        for (const auto& t : all.tests) QVERIFY2(t.examples > 0, t.name.c_str());
        // `check` picks the NER suite for a tagger.
        const auto cli = runCli({"check", dir.filePath("ner/best"), "--json"});
        QCOMPARE(QJsonDocument::fromJson(cli.out).object()["task"].toString(),
                 QString("token-classification"));
    }

private:
    std::shared_ptr<Pipeline> pipeline_;
};

QTEST_GUILESS_MAIN(BehaviourCheckTest)
#include "test_behaviour.moc"
