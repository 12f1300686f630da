// The Distill page driven offscreen: summary and layer picture, a run with live loss components
// and the teacher's reference line, the report, cancel; and the layer-mapping widget.
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "GuiTestSupport.h"

#include "TestModels.h"
#include "app/gui/DistillPage.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/OptionForm.h"
#include "app/gui/PageSetup.h"
#include "core/distillation/DistillationPlan.h"
#include "core/distillation/Distiller.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Environment.h"
#include "core/training/TrainingConfig.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/LayerMappingView.h"
#include "widgets/LivePlot.h"

using namespace distilbench;

class DistillPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchDistillTest"); }

    void summaryAndLayerPictureFollowTheChoices() {
        QTemporaryDir dir;
        MainWindow window;
        Pages pages = setupPages(window);
        DistillPage* page = pages.distill;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "bert_seqcls");
        page->setTeacher(teacher);
        // A two-layer teacher: half of it by default.
        QCOMPARE(page->mappingView()->teacherLayers(), 2);
        page->setStudent("from-teacher", "0,1");
        QCOMPARE(page->mappingView()->mapping(), (std::vector<int>{0, 1}));
        QVERIFY(page->mappingView()->description().contains("student 1 ← teacher 1"));
        QCOMPARE(page->comparison()->item(0, 0)->text(), QString("BertForSequenceClassification"));
        QCOMPARE(page->comparison()->item(0, 1)->text(),
                 QString("DistilBertForSequenceClassification"));
        page->setStudent("from-teacher", "1");
        QCOMPARE(page->comparison()->item(1, 1)->text(), QString("1 × 64"));
        QVERIFY(page->comparison()->item(4, 1)->text().contains("2.0"));
        page->setStudent("preset", "distilbert-tiny");
        QVERIFY(page->mappingView()->mapping().empty());
        QCOMPARE(page->mappingView()->studentLayers(), 2);
        QCOMPARE(page->comparison()->item(1, 1)->text(), QString("2 × 128"));
    }

    void runShowsLossPartsTeacherLineAndReport() {
        QTemporaryDir dir;
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1400, 950);
        window.show();
        window.showPage(pages.distill);
        DistillPage* page = pages.distill;
        page->setRunsFolder(dir.path() + "/runs");
        page->setTeacher(makeTextModel(dir.path() + "/teacher", "bert_seqcls"));
        page->setStudent("from-teacher", "1");
        page->setTrainFile(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        page->setValidationFile(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv");
        page->setEpochs(2);
        page->setMaxLength(32);
        QSignalSpy finished(page, &DistillPage::runFinished);
        QVERIFY(page->start() >= 0);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(page->lossPlot()->pointCount("total") >= 2);
        QVERIFY(page->lossPlot()->pointCount("distillation (KL)") >= 2);
        QVERIFY(page->lossPlot()->pointCount("labels") >= 2);
        QVERIFY(page->metricPlot()->pointCount("teacher accuracy") >= 2);  // the reference line
        QVERIFY(page->metricPlot()->pointCount("student accuracy") >= 1);
        QVERIFY2(page->report()->toPlainText().contains("of the teacher's accuracy"),
                 qPrintable(page->report()->toPlainText()));
        QVERIFY(page->report()->toPlainText().contains("DistilBertForSequenceClassification"));
        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
        QDir().mkpath(shots);
        window.grab().save(shots + "/distill-page.png");
        QVERIFY(QFile::exists(finished.first().at(0).toString() + "/distillation_report.json"));

        // One click: teacher and student side by side on the run's validation data.
        QVERIFY(page->compareButton()->isEnabled());
        QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
        page->compareButton()->click();
        QVERIFY(evaluated.wait(60000));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(pages.evaluate));
        QCOMPARE(pages.evaluate->comparisonTable()->horizontalHeaderItem(1)->text(),
                 QString("teacher"));
        QVERIFY(pages.evaluate->comparisonTable()->rowCount() > 5);
        QCOMPARE(pages.evaluate->comparisonConfusion()->total(), 80);
    }

    void cancelStopsTheRun() {
        QTemporaryDir dir;
        MainWindow window;
        Pages pages = setupPages(window);
        DistillPage* page = pages.distill;
        page->setRunsFolder(dir.path() + "/runs");
        page->setTeacher(makeTextModel(dir.path() + "/teacher", "distilbert_seqcls"));
        page->setStudent("preset", "distilbert-tiny");
        page->setTrainFile(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        page->setEpochs(500);
        page->setMaxLength(32);
        QSignalSpy finished(page, &DistillPage::runFinished);
        QVERIFY(page->start() >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(page->lossPlot()->pointCount("total") >= 1, 60000);
        page->cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!page->isRunning());
        QVERIFY(page->statusText().contains("resumed"));
    }

    // The student defaulted to 6 layers whatever the teacher (a 2-layer teacher gave a student
    // as deep as itself); the count follows core's rule: half the teacher's layers.
    void studentLayersFollowTheTeacher() {
        QTemporaryDir dir;
        MainWindow window;
        DistillPage* page = setupPages(window).distill;
        page->setTeacher(makeTextModel(dir.path() + "/teacher", "bert_seqcls"));
        QCOMPARE(page->studentLayersBox()->value(), 1);
        QCOMPARE(page->studentLayersBox()->maximum(), 2);
        QCOMPARE(page->mappingView()->mapping(), (std::vector<int>{1}));
        QCOMPARE(page->configFromForm().distillation.teacherLayers, (std::vector<int>{1}));
    }

    // The preview is core's DistillationPlan: the preset student is clamped to the teacher's
    // positions (the page's own copy missed that), and a cosine loss between different widths
    // is named before Start.
    void previewIsCoresPlan() {
        QTemporaryDir dir;
        MainWindow window;
        DistillPage* page = setupPages(window).distill;
        page->setTeacher(makeTextModel(dir.path() + "/teacher", "bert_seqcls"));
        page->setStudent("preset", "distilbert-small");
        const TrainingConfig c = page->configFromForm();
        const ModelConfig teacher =
            ModelConfig::load((dir.path() + "/teacher/config.json").toStdString());
        const DistillationPlan plan = planStudent(c.distillation, teacher, c.task);
        QVERIFY(plan.student.maxPositions <= teacher.maxPositions);
        QCOMPARE(page->comparison()->item(1, 1)->text(),
                 QString("%1 × %2").arg(plan.student.numLayers).arg(plan.student.hiddenSize));
        page->lossOptions()->editorAs<QDoubleSpinBox>("alpha-cos")->setValue(1.0);
        QTRY_VERIFY(page->findChild<QLabel*>("distillProblem")->text().contains("cosine loss"));
    }

    // Pre-training distillation takes 2% of the corpus for validation: core's default, shown by
    // the form (the page and the CLI each wrote 0.02 before).
    void pretrainingDefaultsComeFromCore() {
        MainWindow window;
        DistillPage* page = setupPages(window).distill;
        page->setTask(2);
        QCOMPARE(page->configFromForm().validationSplit, 0.02);
        QCOMPARE(page->configFromForm().distillation.alphaCe,
                 TrainingConfig::distillationDefaults(Task::MaskedLM).distillation.alphaCe);
        page->setTask(0);
        QCOMPARE(page->configFromForm().validationSplit,
                 TrainingConfig::distillationDefaults(Task::Classification).validationSplit);
    }

    // A resumed run plotted no student curve unless it had been started in the same window with
    // the same metric: the metric now comes from the run folder and the earlier curves are
    // replayed.
    void resumedRunKeepsItsCurvesAndMetric() {
        QTemporaryDir dir;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "bert_seqcls");
        TrainingConfig c = TrainingConfig::distillationDefaults(Task::Classification);
        c.distillation.teacher = teacher.toStdString();
        c.distillation.teacherLayers = {1};
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        c.validationFile = DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv";
        c.maxSteps = 4;
        c.evalSteps = 2;
        c.maxLength = 32;
        c.metricForBest = "macro_f1";
        const QString run = dir.path() + "/run";
        Distiller::distill(c, run.toStdString());

        MainWindow window;
        DistillPage* page = setupPages(window).distill;
        QSignalSpy finished(page, &DistillPage::runFinished);
        QVERIFY(page->resumeRun(run) >= 0);
        QCOMPARE(page->metricPlot()->pointCount("student macro_f1"), 2);
        QVERIFY(page->metricPlot()->pointCount("teacher macro_f1") >= 1);
        QVERIFY(page->lossPlot()->pointCount("total") >= 1);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).toBool(), false);
    }
};

QTEST_MAIN(DistillPageTest)
#include "test_distill_page.moc"
