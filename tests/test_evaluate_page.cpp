// The Evaluate page driven offscreen: metrics, the confusion matrix's drill-down, thresholds,
// label mapping, token classification, and the example lists.
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <filesystem>
#include "core/inference/Pipeline.h"
#include "core/runtime/Resources.h"

#include "GuiTestSupport.h"
#include "TestRuns.h"
#include "app/common/JobRunner.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/Workspace.h"
#include "core/training/Trainer.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/LivePlot.h"

using namespace distilbench;

class EvaluatePageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchEvaluateTest"); }

    // "Read in chunks": the same confusion matrix and accuracy in bounded memory, with what is
    // left out said on the page; the example list stays empty and the threshold is fixed.
    void evaluatePageStreams() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1300, 900);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QVERIFY(pages.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(10000));
        window.showPage(pages.evaluate);
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >= 0);
        QVERIFY(evaluated.wait(20000));
        QStringList inMemory;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) inMemory << pages.evaluate->confusion()->cellText(r, c);
        const QString summary = pages.evaluate->summaryText();
        QTemporaryDir dir;
        const QString predictions = dir.filePath("predictions.csv");
        pages.evaluate->setStreaming(true, predictions);
        QVERIFY(pages.evaluate->findChild<QLineEdit*>("streamPredictions")->isVisible());
        QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >= 0);
        QVERIFY(evaluated.wait(20000));
        QFile written(predictions);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll().count('\n'), 81);  // the header and one line per example
        QStringList streamed;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) streamed << pages.evaluate->confusion()->cellText(r, c);
        QCOMPARE(streamed, inMemory);
        const QString streamedSummary = pages.evaluate->summaryText();
        QVERIFY2(streamedSummary.startsWith(summary.section(" · ROC", 0, 0)),
                 qPrintable(streamedSummary));
        QVERIFY(
            pages.evaluate->findChild<QLabel*>("streamNote")->text().contains("Read in chunks"));
        QTest::mouseClick(pages.evaluate->confusion(), Qt::LeftButton, {},
                          pages.evaluate->confusion()->cellRect(1, 0).center());
        QCOMPARE(pages.evaluate->examples()->topLevelItemCount(), 0);
        QVERIFY(pages.evaluate->calibrationPlot()->pointCount("accuracy per confidence bin") > 0);
        QCOMPARE(pages.evaluate->rocPlot()->pointCount("ROC"), 0);
        pages.evaluate->setStreaming(false);
    }

    void evaluatePageDrillsDown() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1300, 900);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QVERIFY(pages.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(10000));
        window.showPage(pages.evaluate);
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >= 0);
        QVERIFY(evaluated.wait(20000));
        QCOMPARE(pages.evaluate->metricsTable()->rowCount(),
                 2 + 3);  // two labels and three averages
        QCOMPARE(pages.evaluate->metricsTable()->item(0, 0)->text(), QString("negative"));
        int total = 0, cell = 0;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c)
                total += pages.evaluate->confusion()->cellText(r, c).toInt();
        QCOMPARE(total, 80);
        cell = pages.evaluate->confusion()->cellText(1, 0).toInt();  // positives predicted negative
        QTest::mouseClick(pages.evaluate->confusion(), Qt::LeftButton, {},
                          pages.evaluate->confusion()->cellRect(1, 0).center());
        QCOMPARE(pages.evaluate->examples()->topLevelItemCount(), cell);
        // Errors list the most confident first, with their loss and length; a filter narrows
        // them by text.
        QTreeWidget* list = pages.evaluate->examples();
        QCOMPARE(list->columnCount(), 6);
        for (int i = 1; i < list->topLevelItemCount(); ++i)
            QVERIFY(list->topLevelItem(i - 1)->data(3, Qt::UserRole).toDouble() >=
                    list->topLevelItem(i)->data(3, Qt::UserRole).toDouble());
        if (list->topLevelItemCount() > 0) {
            QVERIFY(list->topLevelItem(0)->text(3).endsWith('%'));  // probabilities as percentages
            auto* filter = pages.evaluate->findChild<QLineEdit*>("exampleFilter");
            QVERIFY(filter);
            const QString word = list->topLevelItem(0)->text(0).section(' ', 0, 0);
            filter->setText(word);
            for (int i = 0; i < list->topLevelItemCount(); ++i)
                QCOMPARE(list->topLevelItem(i)->isHidden(),
                         !list->topLevelItem(i)->text(0).contains(word, Qt::CaseInsensitive));
            filter->clear();
        }
        QVERIFY(pages.evaluate->rocPlot()->pointCount("ROC") > 2);
        // Calibration: the reliability diagram has a point per non-empty bin and the summary
        // the fitted temperature.
        QVERIFY(pages.evaluate->calibrationPlot()->pointCount("accuracy per confidence bin") > 0);
        // The confidence histogram (a point per non-empty bin) and the diagram after scaling.
        QCOMPARE(pages.evaluate->calibrationPlot()->pointCount("share of examples per bin"),
                 pages.evaluate->calibrationPlot()->pointCount("accuracy per confidence bin"));
        QVERIFY(pages.evaluate->calibrationPlot()->pointCount("after temperature scaling") > 0);
        QVERIFY(pages.evaluate->calibration().temperature > 0);
        int binned = 0;
        for (const auto& b : pages.evaluate->calibration().bins) binned += b.count;
        QCOMPARE(binned, 80);
        // A high threshold predicts "positive" less often: fewer examples in the positive column.
        const int positivesAt50 = pages.evaluate->confusion()->cellText(0, 1).toInt() +
                                  pages.evaluate->confusion()->cellText(1, 1).toInt();
        pages.evaluate->setThreshold(0.95);
        const int positivesAt95 = pages.evaluate->confusion()->cellText(0, 1).toInt() +
                                  pages.evaluate->confusion()->cellText(1, 1).toInt();
        QVERIFY2(positivesAt95 < positivesAt50,
                 qPrintable(QString("%1 vs %2").arg(positivesAt95).arg(positivesAt50)));
        pages.evaluate->setThreshold(0.5);
        QCOMPARE(pages.evaluate->confusion()->cellText(1, 0).toInt(), cell);
        // The matrix changed, so its example list was cleared: pick the cell again.
        QCOMPARE(pages.evaluate->examples()->topLevelItemCount(), 0);
        QTest::mouseClick(pages.evaluate->confusion(), Qt::LeftButton, {},
                          pages.evaluate->confusion()->cellRect(1, 0).center());
        QCOMPARE(pages.evaluate->examples()->topLevelItemCount(), cell);
        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
        QDir().mkpath(shots);
        window.grab().save(shots + "/evaluate-page.png");
        if (cell > 0) {
            QTreeWidgetItem* first = pages.evaluate->examples()->topLevelItem(0);
            pages.playground->findChild<QTabWidget*>()->setCurrentIndex(1);  // batch tab
            Q_EMIT pages.evaluate->examples()->itemActivated(first, 0);
            QCOMPARE(window.currentPage(), static_cast<QWidget*>(pages.playground));
            QCOMPARE(pages.playground->input()->toPlainText(), first->text(0));
            QCOMPARE(pages.playground->currentTab(), 0);  // always the interactive tab
        }
        QTemporaryDir out;
        QVERIFY(pages.evaluate->exportCsv(out.filePath("e.csv")));
        QFile csv(out.filePath("e.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 81);
    }

    // Data labelled foo/bar for a negative/positive model: the evaluation stops and names the
    // labels instead of mapping them alphabetically; the table maps them, and the next
    // evaluation scores with that mapping.
    void evaluatePageMapsUnknownLabels() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QVERIFY(pages.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(10000));
        window.showPage(pages.evaluate);
        QTemporaryDir dir;
        QFile data(dir.filePath("foobar.tsv"));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write(
            "sentence\tlabel\na wonderful , moving film\tfoo\na dull , lifeless mess\tbar\n"
            "great acting and a great story\tfoo\nboring and far too long\tbar\n");
        data.close();
        QSignalSpy failed(pages.workspace->runner(), &JobRunner::failed);
        QSignalSpy needed(pages.evaluate, &EvaluatePage::labelMappingNeeded);
        QVERIFY(pages.evaluate->evaluate(data.fileName()) >= 0);
        QVERIFY(needed.wait(20000));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().at(1).toString().contains("does not know: bar, foo"),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(pages.evaluate->labelMapTable()->rowCount(), 2);
        QVERIFY(pages.evaluate->labelMapTable()->isVisible());
        QVERIFY(pages.evaluate->mapLabel("foo", "positive"));
        QVERIFY(pages.evaluate->mapLabel("bar", "negative"));
        QVERIFY(!pages.evaluate->mapLabel("baz", "negative"));
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        QVERIFY(pages.evaluate->evaluate(data.fileName()) >= 0);
        QVERIFY(evaluated.wait(20000));
        QCOMPARE(pages.evaluate->metricsTable()->item(0, 0)->text(), QString("negative"));
        int total = 0, correct = 0;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) {
                total += pages.evaluate->confusion()->cellText(r, c).toInt();
                if (r == c) correct += pages.evaluate->confusion()->cellText(r, c).toInt();
            }
        QCOMPARE(total, 4);
        QVERIFY(correct >= 3);  // the demo model gets these easy sentences right once mapped
    }

    void entityTableForNer() {
        QTemporaryDir runs;
        using namespace distilbench;
        TrainingConfig c = tinyRun(Task::TokenClassification,
                                   DISTILBENCH_TEST_DATA "/datasets/conll_sample.txt", 2, 64);
        c.validationSplit = 0;
        Trainer::train(c, (runs.path() + "/ner").toStdString());
        MainWindow window;
        Pages pages = setupPages(window);
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        pages.evaluate->setModelFolder(runs.path() + "/ner/best");
        QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/conll_sample.txt") >= 0);
        QVERIFY(evaluated.wait(60000));
        QTableWidget* t = pages.evaluate->metricsTable();
        QCOMPARE(t->horizontalHeaderItem(0)->text(), QString("Entity type"));
        QStringList types;
        for (int r = 0; r < t->rowCount(); ++r) types << t->item(r, 0)->text();
        QVERIFY2(types.contains("PER") && types.contains("LOC"), qPrintable(types.join(',')));
        QCOMPARE(types.last(), QString("all entities (micro)"));
        QVERIFY(pages.evaluate->summaryText().contains("entity precision"));
    }

    // Evaluate after moving the threshold recomputed at 0.5 while the slider still showed the
    // moved value: a new evaluation decides at the slider's threshold.
    void evaluationKeepsTheSlidersThreshold() {
        MainWindow window;
        Pages pages = setupPages(window);
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QVERIFY(pages.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(10000));
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        const QString data = DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv";
        QVERIFY(pages.evaluate->evaluate(data) >= 0);
        QVERIFY(evaluated.wait(60000));
        pages.evaluate->setThreshold(0.95);
        auto positives = [&] {
            return pages.evaluate->confusion()->cellText(0, 1).toInt() +
                   pages.evaluate->confusion()->cellText(1, 1).toInt();
        };
        const int atSlider = positives();
        QVERIFY(pages.evaluate->evaluate(data) >= 0);
        QVERIFY(evaluated.wait(60000));
        QCOMPARE(positives(), atSlider);
        pages.evaluate->setThreshold(0.5);
        QVERIFY(positives() >= atSlider);
    }

    // The fitted temperature saved from the Calibration tab goes into the open model's
    // config.json, and the open model applies it at once (opened again).
    void savesTheTemperatureWithTheModel() {
        QTemporaryDir dir;
        const QString model = dir.filePath("model");
        std::filesystem::copy(demoModelPath(), model.toStdString(),
                              std::filesystem::copy_options::recursive);
        MainWindow window;
        Pages pages = setupPages(window);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        pages.workspace->open(model);
        QVERIFY(changed.wait(10000));
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >= 0);
        QVERIFY(evaluated.wait(20000));
        QPushButton* save = pages.evaluate->findChild<QPushButton*>("saveTemperature");
        QVERIFY(save && save->isEnabled());
        const double t = pages.evaluate->fittedTemperature();
        QVERIFY(t > 1.0);
        QVERIFY(pages.evaluate->saveFittedTemperature(false));
        QVERIFY(changed.wait(10000));
        QVERIFY(std::abs(pages.workspace->pipeline()->model()->config().temperature - t) < 1e-9);
        // Evaluated again, the model is calibrated: the fit stays where it is.
        QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >= 0);
        QVERIFY(evaluated.wait(20000));
        QVERIFY(std::abs(pages.evaluate->fittedTemperature() - t) < 0.05 * t);
        QVERIFY(pages.evaluate->calibration().expectedCalibrationError < 0.095);
        window.jobRunner()->waitForAll(10000);
    }
};

QTEST_MAIN(EvaluatePageTest)
#include "test_evaluate_page.moc"
