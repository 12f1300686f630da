// The Attention page and its widgets, offscreen.
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QWheelEvent>
#include <QtTest>

#include "GuiTestSupport.h"

#include "TestModels.h"
#include "app/gui/AttentionPage.h"
#include "app/gui/ExplainPanel.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/Workspace.h"
#include "core/inference/Pipeline.h"
#include "core/runtime/Environment.h"
#include "widgets/AttentionHeatmap.h"
#include "widgets/HeadView.h"
#include "widgets/ModelView.h"
#include "widgets/TokenChips.h"
#include "widgets/ViewExport.h"

class AttentionPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        initGuiTest("DistilBenchAttentionTest");
        makeTextModel(model_.path());
    }

    void showsEveryView() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1200, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model_.path());
        QVERIFY(changed.wait(10000));
        window.showPage(pages.attention);
        QSignalSpy shown(pages.attention, &AttentionPage::attentionShown);
        pages.attention->setText("the movie was great");
        QVERIFY(shown.wait(10000));
        const AttentionData& d = pages.attention->data();
        QCOMPARE(d.length, 6);
        QCOMPARE(d.layers, 2);
        QCOMPARE(d.heads, 4);
        QCOMPARE(pages.attention->modelView()->thumbnailCount(), 8);
        QCOMPARE(pages.attention->statisticsTable()->rowCount(), 8);
        // Heatmap of one head: rows sum to one.
        pages.attention->setLayerHead(1, 2);
        const LabelledMatrix& m = pages.attention->heatmap()->matrix();
        QCOMPARE(m.rows, 6);
        double sum = 0;
        for (int k = 0; k < m.columns; ++k) sum += m.at(0, k);
        QVERIFY(std::abs(sum - 1.0) < 1e-5);
        QVERIFY(std::abs(m.at(3, 1) - d.at(1, 2, 3, 1)) < 1e-7);
        // Hiding special tokens drops [CLS] and [SEP]; the top-mass threshold zeroes small cells.
        HeatmapOptions o;
        o.hideSpecialTokens = true;
        o.topMass = 0.5;
        pages.attention->setOptions(o);
        const LabelledMatrix& filtered = pages.attention->heatmap()->matrix();
        QCOMPARE(filtered.rows, 4);
        QCOMPARE(filtered.rowLabels.first(), QString("the"));
        int zeros = 0;
        for (float v : filtered.values) zeros += v == 0.0f;
        QVERIFY(zeros > 0);
        for (int i = 0; i < pages.attention->views()->count(); ++i) {
            pages.attention->views()->setCurrentIndex(i);
            QCoreApplication::processEvents();  // each view paints once
        }
        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
        QDir().mkpath(shots);
        pages.attention->views()->setCurrentIndex(0);
        QCoreApplication::processEvents();
        window.grab().save(shots + "/attention-page.png");

        QTemporaryDir out;
        QVERIFY(pages.attention->exportJson(out.filePath("a.json")));
        QCOMPARE(ViewExport::save(pages.attention->heatmap(), out.filePath("h.svg")), QString());
        QFile svg(out.filePath("h.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("movie"));

        // Emptying the text empties the views (they showed the old sentence) and says what to do.
        pages.attention->setText("");
        QTRY_COMPARE_WITH_TIMEOUT(pages.attention->heatmap()->matrix().rows, 0, 5000);
        QCOMPARE(pages.attention->statisticsTable()->rowCount(), 0);
        QCOMPARE(pages.attention->modelView()->thumbnailCount(), 0);
        QVERIFY(!pages.attention->exportJson(out.filePath("b.json")));
    }

    void comparesTwoModels() {
        MainWindow window;
        Pages pages = setupPages(window);
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model_.path());
        QVERIFY(changed.wait(10000));
        QTemporaryDir other;
        makeTextModel(other.path(), "bert_seqcls");
        pages.attention->setCompareModel(distilbench::Pipeline::open(other.path().toStdString()),
                                         "bert");
        QSignalSpy shown(pages.attention, &AttentionPage::attentionShown);
        pages.attention->setText("a bad film");
        QVERIFY(shown.wait(10000));
        QCOMPARE(pages.attention->compareHeatmap()->matrix().rows, 5);
        QVERIFY(pages.attention->compareHeatmap()->isVisibleTo(pages.attention));
    }

    // At 300+ tokens the heatmap was squeezed into the view with unreadable labels: long inputs
    // keep readable cells and scroll; Ctrl + wheel zooms; short ones fit.
    void longInputsScrollWithReadableLabels() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model_.path());
        QVERIFY(changed.wait(10000));
        window.showPage(pages.attention);
        QSignalSpy shown(pages.attention, &AttentionPage::attentionShown);
        QString text;
        for (int i = 0; i < 15; ++i) text += "the movie was great ";
        pages.attention->setText(text);
        QVERIFY(shown.wait(10000));
        AttentionHeatmap* heatmap = pages.attention->heatmap();
        QCOMPARE(heatmap->cellSize(), heatmap->readableCellSize());
        auto* scroll = pages.attention->findChild<QScrollArea*>("heatmapScroll");
        QVERIFY(scroll);
        QTRY_VERIFY(heatmap->height() > scroll->viewport()->height());  // it scrolls
        const int before = heatmap->cellSize();
        QWheelEvent zoom(QPointF(50, 50), heatmap->mapToGlobal(QPointF(50, 50)), QPoint(),
                         QPoint(0, 120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase,
                         false);
        QApplication::sendEvent(heatmap, &zoom);
        QVERIFY(heatmap->cellSize() > before);
        pages.attention->setText("the movie was great");
        QVERIFY(shown.wait(10000));
        QCOMPARE(heatmap->cellSize(), 0);  // fits the view
    }

    // The head view had no colour legend and no way to choose heads: the legend's toggles show
    // or hide each head's lines.
    void headViewLegendTogglesHeads() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model_.path());
        QVERIFY(changed.wait(10000));
        window.showPage(pages.attention);
        QSignalSpy shown(pages.attention, &AttentionPage::attentionShown);
        pages.attention->setText("the movie was great");
        QVERIFY(shown.wait(10000));
        pages.attention->setLayerHead(0, -1);  // the mean: every head's lines
        auto* legend = pages.attention->findChild<QWidget*>("headLegend");
        QVERIFY(legend);
        const QList<QToolButton*> toggles = legend->findChildren<QToolButton*>();
        QCOMPARE(toggles.size(), 4);
        QCOMPARE(pages.attention->headView()->heads().size(), std::size_t(4));
        toggles[1]->setChecked(false);
        QCOMPARE(pages.attention->headView()->heads(), (std::set<int>{0, 2, 3}));
        pages.attention->setLayerHead(0, 2);  // one head: only it
        QCOMPARE(pages.attention->headView()->heads(), (std::set<int>{2}));
        QVERIFY(!toggles[0]->isEnabled());
    }

    void explainInPlayground() {
        MainWindow window;
        Pages pages = setupPages(window);
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model_.path());
        QVERIFY(changed.wait(10000));
        pages.playground->setText("the movie was great");
        QSignalSpy explained(pages.playground->explainPanel(), &ExplainPanel::explained);
        pages.playground->explainCurrent();
        QVERIFY(explained.wait(10000));
        const auto& chips = pages.playground->explainPanel()->chips()->tokens();
        QCOMPARE(chips.size(), std::size_t(6));
        QVERIFY(chips[2].fill.isValid());
        QVERIFY(pages.playground->explainPanel()->summary().contains("Completeness"));

        // Editing the text (or opening an example from the Evaluate page) left the old
        // sentence's attributions under the new text: they are removed, and an explanation
        // still running for the old text is dropped when it arrives.
        pages.playground->setText("the plot was bad");
        QVERIFY(!pages.playground->explainPanel()->showsAttributions());
        QVERIFY(pages.playground->explainPanel()->chips()->tokens().empty());
        QVERIFY(pages.playground->explainPanel()->summary().contains("text changed"));
        pages.playground->explainCurrent();
        pages.playground->setText("a different sentence");
        QVERIFY(!explained.wait(3000));
        QVERIFY(pages.playground->explainPanel()->chips()->tokens().empty());
        pages.playground->explainCurrent();
        QVERIFY(explained.wait(10000));
        QCOMPARE(pages.playground->explainPanel()->chips()->tokens()[1].text, QString("a"));
    }

    void widgetsRenderOffscreen() {
        AttentionData d;
        d.layers = 1;
        d.heads = 2;
        d.length = 3;
        d.tokens = {"[CLS]", "hi", "[SEP]"};
        d.special = {true, false, true};
        d.segment = {0, 0, 0};
        d.values = {0.5f, 0.25f, 0.25f, 0.1f, 0.8f, 0.1f, 0.3f, 0.3f, 0.4f,
                    1,    0,     0,     0,    1,    0,    0,    0,    1};
        HeadView head;
        head.resize(400, 200);
        head.setData(&d, 0, {0, 1});
        ModelView model;
        model.resize(300, 200);
        model.setData(d);
        AttentionHeatmap heat;
        heat.resize(300, 300);
        heat.setMatrix(headMatrix(d, 0, -1, {}), "mean");
        for (QWidget* w : std::initializer_list<QWidget*>{&head, &model, &heat})
            QVERIFY(!w->grab().toImage().isNull());
        QCOMPARE(heat.matrix().at(1, 1), (0.8f + 1.0f) / 2);
        QSignalSpy clicked(&model, &ModelView::headClicked);
        QTest::mouseClick(&model, Qt::LeftButton, {}, QPoint(70, 40));
        QCOMPARE(clicked.count(), 1);
    }

private:
    QTemporaryDir model_;
};

QTEST_MAIN(AttentionPageTest)
#include "test_attention_page.moc"
