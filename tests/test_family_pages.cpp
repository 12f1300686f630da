// #16: every page works on a model of each family. The text-level fixture of each family (its
// own tokenizer) is opened in the application at 1280×800; the Tokenizer, Playground,
// Attention, Evaluate, Train and Distill pages are used as a user would, and screenshots are
// saved under BUILD/screenshots/families/.
#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include "GuiTestSupport.h"
#include "app/gui/AttentionPage.h"
#include "app/gui/DistillPage.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ModelsPage.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/TokenizerPage.h"
#include "app/gui/TrainPage.h"
#include "app/gui/Workspace.h"
#include "core/inference/Pipeline.h"
#include "core/models/Model.h"
#include "widgets/AttentionData.h"
#include "widgets/TokenChips.h"

class FamilyPagesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchFamilyPagesTest"); }

    void everyPageOnEachFamily_data() {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<bool>("classifier");
        QTest::newRow("roberta") << "roberta_text" << true;
        QTest::newRow("xlm-roberta question answering") << "xlmr_text" << false;
        QTest::newRow("electra") << "electra_text" << true;
        QTest::newRow("albert") << "albert_text" << true;
        QTest::newRow("deberta-v3") << "debertav2_text" << true;
    }
    void everyPageOnEachFamily() {
        QFETCH(QString, fixture);
        QFETCH(bool, classifier);
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(QStringLiteral(DISTILBENCH_TEST_DATA "/hf-families/") + fixture);
        QVERIFY(changed.wait(20000));
        QVERIFY(pages.workspace->pipeline());
        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots/families");
        QDir().mkpath(shots);
        auto shot = [&](const QString& page) {
            QCoreApplication::processEvents();
            window.grab().save(QStringLiteral("%1/%2-%3.png").arg(shots, fixture, page));
            QVERIFY2(window.width() <= 1280, qPrintable(page));
        };
        const QString text = "The movie's ending was wonderful, not dull.";

        // Tokenizer: chips read as text (no byte-level "Ġ"), with ids and offsets.
        window.showPage(pages.tokenizer);
        {
            QSignalSpy tokenized(pages.tokenizer, &TokenizerPage::tokenized);
            pages.tokenizer->input()->setPlainText(text);
            QVERIFY(tokenized.wait(10000));
            const TokenChips* chips = pages.tokenizer->chips();
            QVERIFY(chips && chips->tokens().size() > 4);
            for (const auto& chip : chips->tokens())
                QVERIFY2(!chip.text.contains(QChar(0x120)), qPrintable(chip.text));
        }
        shot("tokenizer");

        // Playground: a prediction for the text (a question and its context for QA).
        window.showPage(pages.playground);
        {
            QSignalSpy shown(pages.playground, &PlaygroundPage::predictionShown);
            if (classifier)
                pages.playground->setText(text);
            else
                pages.playground->setText("what was wonderful ?", text);
            QVERIFY(shown.wait(10000));
        }
        shot("playground");

        // Attention: every layer and head, labels readable.
        window.showPage(pages.attention);
        {
            QSignalSpy shown(pages.attention, &AttentionPage::attentionShown);
            pages.attention->setText(text);
            QVERIFY(shown.wait(10000));
            const AttentionData& d = pages.attention->data();
            QCOMPARE(d.layers, pages.workspace->pipeline()->model()->config().numLayers);
            for (const QString& t : d.tokens) QVERIFY2(!t.contains(QChar(0x120)), qPrintable(t));
        }
        shot("attention");

        // Evaluate: a report on labelled sentences (classifiers).
        if (classifier) {
            window.showPage(pages.evaluate);
            QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
            QSignalSpy mapping(pages.evaluate, &EvaluatePage::labelMappingNeeded);
            QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >=
                    0);
            QTRY_VERIFY_WITH_TIMEOUT(evaluated.count() + mapping.count() > 0, 30000);
            if (evaluated.count() > 0) QVERIFY(pages.evaluate->metricsTable()->rowCount() > 0);
            shot("evaluate");
        }

        // Train: the data's columns and the open model as the starting point.
        window.showPage(pages.train);
        {
            QSignalSpy inspected(pages.train, &TrainPage::dataInspected);
            pages.train->setTrainFile(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
            QVERIFY(inspected.wait(20000));
            QVERIFY(pages.train->preview()->rowCount() > 0);
        }
        shot("train");

        // Distill: a classifier teacher of any family plans a student of its family; the QA
        // checkpoint is refused for classification with the reason, before anything starts.
        window.showPage(pages.distill);
        pages.distill->setTeacher(QStringLiteral(DISTILBENCH_TEST_DATA "/hf-families/") + fixture);
        if (classifier) {
            QCoreApplication::processEvents();
            QVERIFY2(pages.distill->planProblems().isEmpty(),
                     qPrintable(pages.distill->planProblems()));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(pages.distill->planProblems().contains("fine-tuned"), 10000);
        }
        shot("distill");
        window.showPage(pages.models);
        shot("models");
    }
};

QTEST_MAIN(FamilyPagesTest)
#include "test_family_pages.moc"
