// The Distill page driven offscreen: summary and layer picture, a run with live loss components
// and the teacher's reference line, the report, cancel; and the layer-mapping widget.
#include <QComboBox>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "TestModels.h"
#include "app/gui/DistillPage.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "core/runtime/Environment.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/LayerMappingView.h"
#include "widgets/LivePlot.h"

class DistillPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName("DistilBenchTest");
        QCoreApplication::setApplicationName("DistilBenchDistillTest");
        QSettings().clear();
        distilbench::Runtime::initialize(0);
    }

    void summaryAndLayerPictureFollowTheChoices() {
        QTemporaryDir dir;
        MainWindow window;
        Pages pages = setupPages(window);
        DistillPage* page = pages.distill;
        const QString teacher = makeTextModel(dir.path() + "/teacher", "bert_seqcls");
        page->setTeacher(teacher);
        // A two-layer teacher: half of it by default.
        QCOMPARE(page->mappingView()->teacherLayers(), 2);
        page->setStudent("teacher", "0,1");
        QCOMPARE(page->mappingView()->mapping(), (std::vector<int>{0, 1}));
        QVERIFY(page->mappingView()->description().contains("student 1 ← teacher 1"));
        QCOMPARE(page->comparison()->item(0, 0)->text(), QString("BertForSequenceClassification"));
        QCOMPARE(page->comparison()->item(0, 1)->text(),
                 QString("DistilBertForSequenceClassification"));
        page->setStudent("teacher", "1");
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
        page->setStudent("teacher", "1");
        page->setTrainFile(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        page->setValidationFile(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv");
        page->setEpochs(2);
        page->setMaxLength(32);
        QSignalSpy finished(page, &DistillPage::runFinished);
        QVERIFY(page->start() >= 0);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(page->lossPlot()->pointCount("total") >= 2);
        QVERIFY(page->lossPlot()->pointCount("ce") >= 2);
        QVERIFY(page->lossPlot()->pointCount("hard") >= 2);
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

    void layerMappingViewDrawsAndExplains() {
        LayerMappingView view;
        view.resize(320, 260);
        view.setMapping(12, {0, 2, 4, 7, 9, 11});
        QCOMPARE(view.studentLayers(), 6);
        QVERIFY(view.description().startsWith("student 0 ← teacher 0"));
        QVERIFY(view.description().contains("student 5 ← teacher 11"));
        QImage image(320, 260, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        view.paint(p, image.size());
        p.end();
        // Something was drawn between the stacks (the links), not only the boxes.
        int coloured = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb c = image.pixel(160, y);
            if (c != qRgb(255, 255, 255)) ++coloured;
        }
        QVERIFY(coloured > 10);
        view.setMapping(12, {}, 4);
        QVERIFY(view.description().contains("own weights"));
    }
};

QTEST_MAIN(DistillPageTest)
#include "test_distill_page.moc"
