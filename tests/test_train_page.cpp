// The Train page driven offscreen, and the plot and confusion-matrix widgets.
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QWheelEvent>
#include <QtTest>

#include <QDoubleSpinBox>
#include <QPlainTextEdit>
#include <QTableWidget>
#include "app/common/JobRunner.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/TrainPage.h"
#include "app/gui/Workspace.h"
#include "core/runtime/Environment.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingOptions.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/LivePlot.h"

using namespace distilbench;

class TrainPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DistilBenchTest");
        QCoreApplication::setApplicationName("DistilBenchTrainTest");
        QSettings().clear();
        distilbench::Runtime::initialize(0);
    }

    void runStartsPlotsAndCancels() {
        QTemporaryDir runs;
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1300, 900);
        window.show();
        window.showPage(pages.train);
        pages.train->setRunsFolder(runs.path());
        QSignalSpy inspected(pages.train, &TrainPage::dataInspected);
        pages.train->setTrainFile(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        QVERIFY(inspected.wait(20000));
        QCOMPARE(pages.train->preview()->rowCount(), 200);  // a preview, not the whole file
        QVERIFY2(pages.train->statisticsText().contains("240 rows"),
                 qPrintable(pages.train->statisticsText()));
        QVERIFY(pages.train->statisticsText().contains("tokens per row"));
        pages.train->setModelSource("distilbert-tiny");
        pages.train->epochsBox()->setValue(50);  // long enough to cancel mid-run
        QVERIFY(pages.train->start() >= 0);
        QVERIFY(pages.train->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->lossPlot()->pointCount("training loss") >= 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->lossPlot()->replotCount() > 0, 5000);

        // Paused: no new points arrive.
        pages.train->togglePause();
        QTest::qWait(1500);  // the step in flight finishes, then nothing more runs
        const int frozen = pages.train->lossPlot()->pointCount("training loss");
        QTest::qWait(600);
        QCOMPARE(pages.train->lossPlot()->pointCount("training loss"), frozen);
        pages.train->togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->lossPlot()->pointCount("training loss") > frozen,
                                 20000);

        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
        QDir().mkpath(shots);
        window.grab().save(shots + "/train-page.png");

        QSignalSpy finished(pages.train, &TrainPage::runFinished);
        pages.train->cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!pages.train->isRunning());
        QCOMPARE(pages.train->history()->topLevelItemCount(), 1);
        const QString runDir = finished.first().at(0).toString();
        QVERIFY(!QDir(runDir + "/checkpoints")
                     .entryList({"checkpoint-*"}, QDir::Dirs)
                     .isEmpty());  // resumable
    }

    // Fine-tuning the demo (negative/positive) on three labels gives it a new head: the page
    // says which weights are new instead of training them silently.
    void newWeightsAreAnnounced() {
        QTemporaryDir runs;
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QVERIFY(pages.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(10000));
        window.showPage(pages.train);
        pages.train->setRunsFolder(runs.path());
        QFile data(runs.filePath("three.tsv"));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.write("sentence\tlabel\n");
        for (int i = 0; i < 30; ++i)
            data.write(QByteArray("text number ") + QByteArray::number(i) + "\t" +
                       QByteArray::number(i % 3) + "\n");
        data.close();
        QSignalSpy inspected(pages.train, &TrainPage::dataInspected);
        pages.train->setTrainFile(data.fileName());
        QVERIFY(inspected.wait(20000));
        pages.train->setModelSource(QString());  // the open model
        QVERIFY(pages.train->noticeBanner()->isHidden());
        QSignalSpy finished(pages.train, &TrainPage::runFinished);
        QVERIFY(pages.train->start() >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->noticeBanner()->isVisible(), 30000);
        QVERIFY2(pages.train->noticeBanner()->text().contains("new and freshly initialised") &&
                     pages.train->noticeBanner()->text().contains("classifier.weight"),
                 qPrintable(pages.train->noticeBanner()->text()));
        pages.train->cancel();
        QVERIFY(finished.wait(60000));
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
        QVERIFY(pages.evaluate->rocPlot()->pointCount("ROC") > 2);
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
            Q_EMIT pages.evaluate->examples()->itemActivated(first, 0);
            QCOMPARE(window.currentPage(), static_cast<QWidget*>(pages.playground));
            QCOMPARE(pages.playground->input()->toPlainText(), first->text(0));
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

    // Run history showed the *last* evaluation's micro_f1; it shows the best value of the run's
    // own metric_for_best, read by core's RunFolder (finished runs from run_summary.json,
    // unfinished ones from their evaluations).
    void historyShowsTheBestValueOfTheRunsMetric_data() {
        QTest::addColumn<bool>("finished");
        QTest::addColumn<QString>("metricForBest");
        QTest::addColumn<QString>("shown");
        QTest::newRow("finished, default metric") << true << ""
                                                  << "accuracy 0.8119";
        QTest::newRow("unfinished, default metric") << false << ""
                                                    << "accuracy 0.8119";
        QTest::newRow("unfinished, loss") << false << "loss"
                                          << "loss 0.4100";
        QTest::newRow("finished, macro_f1") << true << "macro_f1"
                                            << "macro_f1 0.8000";
    }
    void historyShowsTheBestValueOfTheRunsMetric() {
        QFETCH(bool, finished);
        QFETCH(QString, metricForBest);
        QFETCH(QString, shown);
        QTemporaryDir runs;
        const QString run = runs.filePath("20260101-120000-000");
        QVERIFY(QDir().mkpath(run));
        auto write = [](const QString& path, const QByteArray& bytes) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write(run + "/config.json", QStringLiteral("{\"task\": \"classification\", "
                                                   "\"train_file\": \"/data/sst2.tsv\", "
                                                   "\"preset\": \"distilbert-tiny\", "
                                                   "\"metric_for_best\": \"%1\"}")
                                        .arg(metricForBest)
                                        .toUtf8());
        write(run + "/metrics.jsonl",
              "{\"step\": 5, \"loss\": 0.6}\n"
              "{\"step\": 10, \"eval_loss\": 0.41, \"eval_accuracy\": 0.8119, "
              "\"eval_macro_f1\": 0.80, \"eval_micro_f1\": 0.79}\n"
              "{\"step\": 20, \"eval_loss\": 0.45, \"eval_accuracy\": 0.8073, "
              "\"eval_macro_f1\": 0.78, \"eval_micro_f1\": 0.8073}\n");
        if (finished) {
            const QString metric = metricForBest.isEmpty() ? "accuracy" : metricForBest;
            write(run + "/run_summary.json",
                  QStringLiteral("{\"seconds\": 12, \"steps\": 20, \"metric_for_best\": "
                                 "\"%1\", \"best_metrics\": {\"accuracy\": 0.8119, "
                                 "\"macro_f1\": 0.80, \"loss\": 0.41}}")
                      .arg(metric)
                      .toUtf8());
        }
        MainWindow window;
        TrainPage* page = setupPages(window).train;
        page->setRunsFolder(runs.path());
        QCOMPARE(page->history()->topLevelItemCount(), 1);
        QCOMPARE(page->history()->topLevelItem(0)->text(4), shown);
        QCOMPARE(page->history()->topLevelItem(0)->text(5), QString("20"));
        QCOMPARE(page->history()->topLevelItem(0)->text(3), QString("distilbert-tiny"));
    }

    // The form is built from core's option descriptions: every run option the CLI has is on the
    // page, and the wheel over an unfocused spin box scrolls instead of changing it.
    void formOffersEveryEngineOption() {
        MainWindow window;
        TrainPage* page = setupPages(window).train;
        for (const TrainingOption& o : trainingOptions()) {
            if (o.group == TrainingOption::Group::Distillation) continue;
            QVERIFY2(page->findChild<QWidget*>(QString::fromStdString(o.name)), o.name.c_str());
        }
        QSpinBox* epochs = page->epochsBox();
        const int before = epochs->value();
        QWheelEvent wheel(QPointF(5, 5), epochs->mapToGlobal(QPointF(5, 5)), QPoint(),
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(epochs, &wheel);
        QCOMPARE(epochs->value(), before);
        // What Start would train is what the form shows, in core's terms.
        epochs->setValue(7);
        QCOMPARE(page->configFromForm().epochs, 7);
        QCOMPARE(page->configFromForm().scheduler, Scheduler::Linear);
    }

    void defaultsFollowTaskAndModelSource() {
        MainWindow window;
        Pages pages = setupPages(window);
        TrainPage* page = pages.train;
        page->setTask(3);  // regression
        QCOMPARE(page->learningRateBox()->value(), 2e-5);
        QCOMPARE(page->epochsBox()->value(), 4);
        page->setTask(2);  // token classification: documents
        QCOMPARE(page->maxLengthBox()->value(), 256);
        page->setTask(0);
        page->setModelSource("distilbert-tiny");  // from scratch: the demo model's recipe
        QCOMPARE(page->learningRateBox()->value(), 5e-4);
        QCOMPARE(page->maxLengthBox()->value(), 64);
        page->setModelSource("");
        QCOMPARE(page->learningRateBox()->value(), 5e-5);
    }

    void runValidationSetComparisonAndHistoryDuration() {
        QTemporaryDir runs;
        using namespace distilbench;
        TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, true);
        c.preset = "distilbert-tiny";
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        c.validationSplit = 0.2;
        c.maxSteps = 4;
        c.maxLength = 32;
        c.labelDisplayNames = {"negative", "positive"};
        Trainer::train(c, (runs.path() + "/run-a").toStdString());
        c.seed = 7;
        Trainer::train(c, (runs.path() + "/run-b").toStdString());

        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1300, 900);
        window.show();
        // The history lists each finished run with its duration.
        pages.train->setRunsFolder(runs.path());
        pages.train->refreshHistory();
        QCOMPARE(pages.train->history()->topLevelItemCount(), 2);
        const QString duration = pages.train->history()->topLevelItem(0)->text(6);
        QVERIFY2(duration.contains(" s") || duration.contains("ms"), qPrintable(duration));

        // One click: the run's best model on the 48 examples it held out.
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        QVERIFY(pages.evaluate->evaluateRun(runs.path() + "/run-a") >= 0);
        QVERIFY(evaluated.wait(60000));
        QVERIFY2(pages.evaluate->summaryText().startsWith("48 examples"),
                 qPrintable(pages.evaluate->summaryText()));
        QCOMPARE(pages.evaluate->confusion()->total(), 48);

        // Side by side: run A's and run B's models on the same data.
        pages.evaluate->setCompareFolder(runs.path() + "/run-b/best");
        evaluated.clear();
        QVERIFY(pages.evaluate->evaluateRun(runs.path() + "/run-a") >= 0);
        QVERIFY(evaluated.wait(60000));
        QTableWidget* table = pages.evaluate->comparisonTable();
        QVERIFY(table->rowCount() > 5);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QString("run-a"));
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QString("best"));
        QCOMPARE(pages.evaluate->comparisonConfusion()->total(), 48);
        bool sawAccuracy = false;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0)->text() == "accuracy") {
                sawAccuracy = true;
                const double a = table->item(r, 1)->text().toDouble(),
                             b = table->item(r, 2)->text().toDouble();
                QVERIFY(std::abs(table->item(r, 3)->text().toDouble() - (b - a)) < 1e-3);
            }
        QVERIFY(sawAccuracy);
    }

    void entityTableForNer() {
        QTemporaryDir runs;
        using namespace distilbench;
        TrainingConfig c = TrainingConfig::defaultsFor(Task::TokenClassification, true);
        c.preset = "distilbert-tiny";
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/conll_sample.txt";
        c.validationSplit = 0;
        c.maxSteps = 2;
        c.maxLength = 64;
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

    void plotCoalescesUpdates() {
        LivePlot plot("loss");
        plot.addSeries("loss", Qt::blue, true);
        plot.show();
        for (int i = 0; i < 2000; ++i) plot.addPoint("loss", i, 1.0 / (i + 1));
        QTest::qWait(LivePlot::kReplotIntervalMs * 4);
        QCOMPARE(plot.pointCount("loss"), 2000);
        QVERIFY2(plot.replotCount() <= 5,
                 qPrintable(QString::number(plot.replotCount())));  // not 2000
        QTemporaryDir dir;
        QVERIFY(plot.exportCsv(dir.filePath("loss.csv")));
        QFile f(dir.filePath("loss.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2001);
    }

    void confusionMatrixShowsCountsAndCells() {
        ConfusionMatrixView view;
        view.resize(500, 450);
        view.setMatrix({"neg", "pos"}, {{40, 10}, {5, 45}});
        view.show();
        QCOMPARE(view.cellText(0, 1), QString("10"));
        view.setMode(ConfusionMatrixView::Mode::RowNormalised);
        QCOMPARE(view.cellText(0, 0), QString("0.80"));
        view.setMode(ConfusionMatrixView::Mode::ColumnNormalised);
        QCOMPARE(view.cellText(1, 0), QString("0.11"));  // 5 / 45
        QSignalSpy clicked(&view, &ConfusionMatrixView::cellClicked);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(1, 0).center());
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toInt(), 1);  // true label pos
        QCOMPARE(clicked.first().at(1).toInt(), 0);  // predicted neg
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TrainPageTest)
#include "test_train_page.moc"
