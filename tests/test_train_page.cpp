// The Train page driven offscreen, and the plot and confusion-matrix widgets.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QWheelEvent>
#include <QtTest>

#include "GuiTestSupport.h"
#include "TestRuns.h"

#include <QDoubleSpinBox>
#include <QPlainTextEdit>
#include <QTableWidget>
#include "app/common/JobRunner.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/OptionForm.h"
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
    void initTestCase() { initGuiTest("DistilBenchTrainTest"); }

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
        // The user names the run (the folder inside the runs folder).
        pages.train->findChild<QLineEdit*>("runName")->setText("first-try");
        QVERIFY(pages.train->start() >= 0);
        QVERIFY(pages.train->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->lossPlot()->pointCount("training loss") >= 3, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->lossPlot()->replotCount() > 0, 5000);

        // Paused: no new points arrive.
        pages.train->togglePause();
        QTest::qWait(1500);  // the step in flight finishes, then nothing more runs
        const int frozen = pages.train->lossPlot()->pointCount("training loss");
        QTest::qWait(600);
        QCOMPARE(pages.train->lossPlot()->pointCount("training loss"), frozen);
        pages.train->togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(pages.train->lossPlot()->pointCount("training loss") > frozen,
                                 120000);

        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
        QDir().mkpath(shots);
        window.grab().save(shots + "/train-page.png");

        QSignalSpy finished(pages.train, &TrainPage::runFinished);
        pages.train->cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!pages.train->isRunning());
        // The history is read on the job runner after the run ends.
        QTRY_COMPARE_WITH_TIMEOUT(pages.train->history()->topLevelItemCount(), 1, 10000);
        QCOMPARE(pages.train->history()->topLevelItem(0)->text(0), QString("first-try"));
        // The same curves by epoch and by training time (TensorBoard's relative/wall axes).
        LivePlot* loss = pages.train->lossPlot();
        const int points = loss->pointCount("training loss");
        auto* xAxis = pages.train->findChild<QComboBox*>("xAxis");
        QVERIFY(xAxis);
        QTRY_VERIFY(loss->axisRange(Qt::Horizontal).second > 20);  // steps
        xAxis->setCurrentIndex(xAxis->findText("by epoch"));
        QCOMPARE(loss->pointCount("training loss"), points);
        QTRY_VERIFY(loss->axisRange(Qt::Horizontal).second < 10);  // epochs
        xAxis->setCurrentIndex(xAxis->findText("by time"));
        QCOMPARE(loss->pointCount("training loss"), points);
        xAxis->setCurrentIndex(xAxis->findText("by step"));
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
        QSignalSpy historyRead(page, &TrainPage::historyRefreshed);
        page->setRunsFolder(runs.path());
        QVERIFY(historyRead.wait(10000));
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

    // The form shows core's defaults for the task and the model source: every option, as
    // TrainingConfig::defaultsFor gives it (the form wrote some of them itself before).
    // A CSV without a label column: the page took the text column as the label, previewed 53
    // classes and said "No problems found". Now no column is guessed by position, the missing
    // label column is named, and a wrong mapping is shown before Start, which asks.
    void wrongColumnMappingIsShownAndStartAsks() {
        QTemporaryDir dir;
        QFile f(dir.filePath("reviews.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("text,comment\n");
        for (int i = 0; i < 53; ++i)
            f.write("review number " + QByteArray::number(i) + ",a note on review " +
                    QByteArray::number(i) + " written as a sentence\n");
        f.close();
        MainWindow window;
        TrainPage* page = setupPages(window).train;
        page->setModelSource("distilbert-tiny");
        auto* label = page->findChild<QComboBox*>("labelColumn");
        QVERIFY(label);
        page->setTrainFile(f.fileName());
        QCOMPARE(label->currentIndex(), -1);  // not the first column
        QTRY_VERIFY_WITH_TIMEOUT(page->statisticsText().contains("no label column"), 10000);
        // The user picks the text column as the label: the problems appear, Start asks.
        label->setCurrentText("text");
        QSignalSpy inspected(page, &TrainPage::dataInspected);
        QVERIFY(page->inspectData() >= 0);
        QVERIFY(inspected.wait(10000));
        QVERIFY2(page->columnProblems().join(" ").contains("is also the text column"),
                 qPrintable(page->columnProblems().join(" | ")));
        QVERIFY(page->statisticsText().contains("is also the text column"));
        QVERIFY(!page->statisticsText().contains("No problems found"));
        QString asked;
        page->setStartConfirmation([&](const QString& question) {
            asked = question;
            return false;
        });
        QCOMPARE(page->start(), -1);
        QVERIFY(asked.contains("Train anyway?"));
        QVERIFY(!page->isRunning());
    }

    // Browse… filled the path but loaded neither preview nor columns (only Enter did), and Start
    // trained with columns the user never saw.
    void browsingLoadsPreviewAndColumns() {
        MainWindow window;
        TrainPage* page = setupPages(window).train;
        setFileChooser([](bool, const QString&) {
            return QStringLiteral(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        });
        QSignalSpy inspected(page, &TrainPage::dataInspected);
        QPushButton* browse = nullptr;
        for (auto* b : page->findChildren<QPushButton*>())
            if (b->text() == "Browse…" && !browse) browse = b;  // the training data's
        QVERIFY(browse);
        browse->click();
        setFileChooser({});
        QVERIFY(inspected.wait(10000));
        QCOMPARE(page->preview()->rowCount(), 200);
        QCOMPARE(page->findChild<QComboBox*>("labelColumn")->currentText(), QString("label"));
        QCOMPARE(page->findChild<QComboBox*>("textColumn")->currentText(), QString("sentence"));
    }

    // The run history as TensorBoard's HParams view: runs compared side by side, renamed and
    // deleted; a folder holding the user's own files is never deleted.
    void runsAreComparedRenamedAndDeleted() {
        QTemporaryDir runs;
        TrainingConfig c = tinyRun(Task::Classification,
                                   DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv", 2, 32);
        Trainer::train(c, (runs.path() + "/run-a").toStdString());
        c.learningRate = 1e-3;
        Trainer::train(c, (runs.path() + "/run-b").toStdString());
        MainWindow window;
        TrainPage* page = setupPages(window).train;
        QSignalSpy historyRead(page, &TrainPage::historyRefreshed);
        page->setRunsFolder(runs.path());
        QVERIFY(historyRead.wait(10000));
        QCOMPARE(page->history()->topLevelItemCount(), 2);
        QTableWidget* table = page->compareRuns();
        QCOMPARE(table->rowCount(), 2);
        int lrColumn = -1;
        for (int col = 0; col < table->columnCount(); ++col)
            if (table->horizontalHeaderItem(col)->text() == "learning_rate") lrColumn = col;
        QVERIFY(lrColumn >= 0);
        table->sortItems(lrColumn, Qt::DescendingOrder);
        QCOMPARE(table->item(0, 0)->text(), QString("run-b"));
        // Checking runs overlays their training loss and their validation curve of the metric
        // that picks their best model (read off the GUI thread).
        for (int i = 0; i < page->history()->topLevelItemCount(); ++i)
            page->history()->topLevelItem(i)->setCheckState(0, Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(page->lossPlot()->pointCount("run-a") >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->lossPlot()->pointCount("run-b") >= 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->metricPlot()->pointCount("run-b · accuracy") >= 1, 10000);
        page->setNameQuestion([](const QString&) { return QString("baseline"); });
        page->setStartConfirmation([](const QString&) { return true; });
        historyRead.clear();
        QVERIFY(page->renameRun(runs.path() + "/run-a"));
        QVERIFY(QFileInfo::exists(runs.path() + "/baseline/config.json"));
        QVERIFY(historyRead.wait(10000));
        QCOMPARE(page->history()->topLevelItem(1)->text(0), QString("baseline"));
        // The user's notes inside a run folder: the folder stays, whole.
        QFile notes(runs.path() + "/baseline/my-notes.txt");
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.close();
        QString refused;
        page->setProblemReport([&](const QString& problem) { refused = problem; });
        QVERIFY(!page->deleteRun(runs.path() + "/baseline"));
        QVERIFY2(refused.contains("my-notes.txt"), qPrintable(refused));
        QVERIFY(QFileInfo::exists(runs.path() + "/baseline/my-notes.txt"));
        historyRead.clear();
        QVERIFY(page->deleteRun(runs.path() + "/run-b"));
        QVERIFY(!QFileInfo::exists(runs.path() + "/run-b"));
        QVERIFY(historyRead.wait(10000));
        QCOMPARE(page->history()->topLevelItemCount(), 1);
    }

    void defaultsFollowTaskAndModelSource_data() {
        QTest::addColumn<int>("taskIndex");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<double>("lr");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<int>("maxLength");
        QTest::newRow("classification") << 0 << "" << 5e-5 << 3 << 128;
        QTest::newRow("multi-label") << 1 << "" << 5e-5 << 5 << 128;
        QTest::newRow("token classification: documents") << 2 << "" << 5e-5 << 3 << 256;
        QTest::newRow("regression") << 3 << "" << 2e-5 << 4 << 128;
        QTest::newRow("from scratch: the demo model's recipe")
            << 0 << "distilbert-tiny" << 5e-4 << 3 << 64;
    }
    void defaultsFollowTaskAndModelSource() {
        QFETCH(int, taskIndex);
        QFETCH(QString, preset);
        QFETCH(double, lr);
        QFETCH(int, epochs);
        QFETCH(int, maxLength);
        MainWindow window;
        TrainPage* page = setupPages(window).train;
        page->setTask(taskIndex);
        page->setModelSource(preset);
        QCOMPARE(page->learningRateBox()->value(), lr);
        QCOMPARE(page->epochsBox()->value(), epochs);
        QCOMPARE(page->maxLengthBox()->value(), maxLength);
        const TrainingConfig shown = page->configFromForm();
        const TrainingConfig core = TrainingConfig::defaultsFor(shown.task, !preset.isEmpty());
        for (const TrainingOption& o : trainingOptions())
            if (o.group != TrainingOption::Group::Distillation)
                QCOMPARE(o.valueText(shown), o.valueText(core));
    }

    void runValidationSetComparisonAndHistoryDuration() {
        QTemporaryDir runs;
        using namespace distilbench;
        TrainingConfig c = tinyRun(Task::Classification,
                                   DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv", 4, 32);
        c.validationSplit = 0.2;
        c.labelDisplayNames = {"negative", "positive"};
        Trainer::train(c, (runs.path() + "/run-a").toStdString());
        c.seed = 7;
        Trainer::train(c, (runs.path() + "/run-b").toStdString());

        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1300, 900);
        window.show();
        // The history lists each finished run with its duration.
        QSignalSpy historyRead(pages.train, &TrainPage::historyRefreshed);
        pages.train->setRunsFolder(runs.path());
        QVERIFY(historyRead.wait(10000));
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
};

QTEST_MAIN(TrainPageTest)
#include "test_train_page.moc"
