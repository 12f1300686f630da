// Reusable widgets on their own, fed plain data: the live plot's coalescing and CSV export, the
// confusion matrix, the layer-mapping picture.
#include <QImage>
#include <QMainWindow>
#include <QPainter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>

#include "GuiTestSupport.h"
#include "widgets/AttentionData.h"
#include "widgets/AttentionHeatmap.h"
#include "widgets/ConfusionMatrixView.h"
#include "widgets/LayerMappingView.h"
#include "widgets/LengthHistogram.h"
#include "widgets/LivePlot.h"
#include "widgets/ViewExport.h"

class WidgetsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchWidgetsTest"); }

    // After a 1-epoch run the validation plot looked empty: its single point drew no line. Sparse
    // series get markers, and every value lies inside the axis range (the Distill plot left the
    // student's value out).
    void singlePointsAreDrawnInside() {
        LivePlot plot("validation");
        plot.addSeries("student accuracy", Qt::red);
        plot.addSeries("teacher accuracy", Qt::blue, false, true);
        plot.show();
        plot.addPoint("student accuracy", 12, 0.81);
        plot.addPoint("teacher accuracy", 0, 0.9);
        plot.addPoint("teacher accuracy", 12, 0.9);
        QTRY_VERIFY(plot.replotCount() >= 1);
        QVERIFY(plot.hasMarkers("student accuracy"));
        QVERIFY(plot.legendOutsideData());
        const auto [ylow, yhigh] = plot.axisRange(Qt::Vertical);
        const auto [xlow, xhigh] = plot.axisRange(Qt::Horizontal);
        QVERIFY2(ylow < 0.81 && yhigh > 0.9, qPrintable(QString("%1 %2").arg(ylow).arg(yhigh)));
        QVERIFY(xlow < 0 && xhigh > 12);
        LivePlot single("one");
        single.addSeries("loss", Qt::red);
        single.show();
        single.addPoint("loss", 1, 0.5);
        QTRY_VERIFY(single.replotCount() >= 1);
        const auto [low, high] = single.axisRange(Qt::Vertical);
        QVERIFY(low < 0.5 && high > 0.5);
    }

    // TensorBoard's interactions: zoom and pan stay put while points arrive, double-click (Reset
    // View) follows the data again, log-y, a readout of the nearest point, theme colours.
    // A plot with no series yet (Validation metrics before the first evaluation) spans its
    // width: an empty legend used to squeeze it to a sliver at the left.
    void emptyPlotUsesItsWidth() {
        LivePlot plot("Validation metrics");
        plot.resize(700, 260);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QTest::qWait(60);
        const auto [low, high] = plot.axisRange(Qt::Horizontal);
        const int width = plot.pixelOf(high, 0).x() - plot.pixelOf(low, 0).x();
        QVERIFY2(width > 500, qPrintable(QString::number(width)));
        plot.addSeries("accuracy", Qt::blue);
        plot.addPoint("accuracy", 1, 0.8);
        QCoreApplication::processEvents();
        QTest::qWait(60);
        const auto [low2, high2] = plot.axisRange(Qt::Horizontal);
        QVERIFY(plot.pixelOf(high2, 0).x() - plot.pixelOf(low2, 0).x() > 500);
        QVERIFY(plot.legendOutsideData());
    }

    void plotInteractions() {
        LivePlot plot("loss");
        plot.addSeries("loss", Qt::red);
        plot.resize(500, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        for (int i = 1; i <= 10; ++i) plot.addPoint("loss", i, 1.0 / i);
        QTRY_VERIFY(plot.replotCount() >= 1);
        QVERIFY(plot.followsData());
        // Hovering a point reads it out.
        const int drawnBefore = plot.replotCount();
        QTRY_VERIFY(plot.replotCount() >= drawnBefore);
        const QPoint at = plot.pixelOf(5, 0.2);
        QVERIFY2(plot.readoutAt(at).contains("loss: x = 5, y = 0.2"),
                 qPrintable(plot.readoutAt(at)));
        QVERIFY(plot.readoutAt(QPoint(-100, -100)).isEmpty());
        // A wheel turn zooms; new points no longer move the view.
        QWidget* canvas = plot.findChild<QWidget*>();
        QVERIFY(canvas);
        QWheelEvent wheel(QPointF(at), canvas->mapToGlobal(QPointF(at)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(!plot.followsData());
        const auto zoomed = plot.axisRange(Qt::Horizontal);
        plot.addPoint("loss", 100, 0.01);
        QTRY_VERIFY(plot.pointCount("loss") == 11 && plot.replotCount() > drawnBefore);
        QTest::qWait(LivePlot::kReplotIntervalMs * 2);  // a timer tick that must not move it
        QCOMPARE(plot.axisRange(Qt::Horizontal), zoomed);
        plot.resetView();
        QVERIFY(plot.followsData());
        QVERIFY(plot.axisRange(Qt::Horizontal).second > 100);
        plot.setLogScale(true);
        QVERIFY(plot.logScale());
        QVERIFY(plot.axisRange(Qt::Vertical).first > 0);
        // Dark theme reaches the plot (it stayed white).
        QPalette dark = plot.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        plot.setPalette(dark);
        QCOMPARE(plot.backgroundColor(), QColor(30, 30, 30));
    }

    // An empty dataset drew a red diagonal (the max-length line at its default coordinates), and
    // the histogram stayed white in dark theme.
    void lengthHistogramEmptyAndThemed() {
        LengthHistogram histogram;
        histogram.resize(400, 200);
        histogram.show();
        QVERIFY(!histogram.cutShown());
        histogram.setHistogram({}, 1);
        QVERIFY(!histogram.cutShown());
        histogram.setHistogram({3, 5, 2}, 10);
        histogram.setCut(20);
        QVERIFY(histogram.cutShown());
        QPalette dark = histogram.palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        histogram.setPalette(dark);
        QCOMPARE(histogram.backgroundColor(), QColor(30, 30, 30));
    }

    // Exports defaulted to the working directory (inside the installed app's files) and offered
    // attention.svg with "PNG image" selected.
    void exportDialogsDefaultToDocumentsWithAMatchingType() {
        const QString documents =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        QCOMPARE(QFileInfo(ViewExport::suggestedPath("attention.svg")).path(),
                 documents.isEmpty() ? QDir::homePath() : documents);
        QCOMPARE(ViewExport::suggestedPath("/tmp/x.png"), QString("/tmp/x.png"));
        QVERIFY(ViewExport::filterFor("attention.svg").contains("*.svg"));
        QVERIFY(ViewExport::filterFor("loss.pdf").contains("*.pdf"));
        QVERIFY(ViewExport::filterFor("plot").contains("*.png"));
    }

    // The Attention page filters punctuation as well as special tokens.
    // #15: papers need vectors. A 300x300 attention map exported as SVG or PDF holds filled
    // paths, not an embedded bitmap; small maps (each cell a rectangle) too.
    void largeHeatmapExportsAreVectors_data() {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("small svg") << 12 << "svg";
        QTest::newRow("300 svg") << 300 << "svg";
        QTest::newRow("small pdf") << 12 << "pdf";
        QTest::newRow("300 pdf") << 300 << "pdf";
    }
    void largeHeatmapExportsAreVectors() {
        QFETCH(int, tokens);
        QFETCH(QString, suffix);
        LabelledMatrix m;
        m.rows = m.columns = tokens;
        for (int i = 0; i < tokens; ++i) {
            m.rowLabels << QStringLiteral("tok%1").arg(i);
            m.columnLabels << QStringLiteral("tok%1").arg(i);
        }
        // Mostly near zero with a diagonal and one column of sinks, as attention looks.
        m.values.assign(size_t(tokens) * tokens, 0.001f);
        for (int r = 0; r < tokens; ++r) {
            m.values[size_t(r) * tokens + r] = 0.6f;
            m.values[size_t(r) * tokens] = 0.3f + 0.001f * r;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath("map." + suffix);
        QCOMPARE(ViewExport::saveRendering(
                     path, QSize(900, 900),
                     [&](QPainter& p) {
                         AttentionHeatmap::render(p, {900, 900}, m, "layer 1", false);
                     },
                     Qt::white),
                 QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        if (suffix == "svg") {
            QVERIFY2(!content.contains("<image"), "the SVG embeds a bitmap");
            QVERIFY(content.contains("<path") || content.contains("<rect"));
        } else {
            QVERIFY2(!content.contains("/Subtype /Image"), "the PDF embeds a bitmap");
        }
        qInfo() << path << content.size() << "bytes";
        QVERIFY2(content.size() < 8 * 1024 * 1024, QByteArray::number(content.size()).constData());
    }

    // Token labels stay inside the view: "wooden" was drawn in a larger font than the layout
    // measured and lost its first letters at the left edge and its last at the top.
    void heatmapLabelsAreNotCut() {
        LabelledMatrix m;
        m.rows = m.columns = 10;
        for (int i = 0; i < 10; ++i) {
            m.rowLabels << (i == 4 ? QString("wooden") : QString("w%1").arg(i));
            m.columnLabels << (i == 4 ? QString("wooden") : QString("w%1").arg(i));
        }
        m.values.assign(100, 0.0f);  // white cells: any dark pixel is text
        m.values[0] = 1.0f;
        QImage image(1046, 526, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        AttentionHeatmap::render(p, image.size(), m, "layer 0", false);
        p.end();
        auto darkPixels = [&](QRect area) {
            int n = 0;
            for (int y = area.top(); y <= area.bottom(); ++y)
                for (int x = area.left(); x <= area.right(); ++x)
                    n += QColor(image.pixel(x, y)).lightness() < 160;
            return n;
        };
        const int titleHeight = QFontMetrics(QApplication::font()).height() + 6;
        QCOMPARE(darkPixels(QRect(0, titleHeight, 2, image.height() - titleHeight)), 0);
        QCOMPARE(darkPixels(QRect(0, titleHeight, image.width() - 80, 2)), 0);
    }

    // Every export says where it went, without a dialog to dismiss: the window's status bar.
    void exportsAreConfirmed() {
        QMainWindow window;
        auto* page = new QWidget;
        window.setCentralWidget(page);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString message =
            ViewExport::announceSaved(page, {"/home/u/Documents/evaluation.csv"});
        QVERIFY(message.contains("/home/u/Documents/evaluation.csv"));
        QCOMPARE(window.statusBar()->currentMessage(), message);
        // Through the save path too: a view saved as SVG is announced with its file.
        QTemporaryDir dir;
        const QString path = dir.filePath("view.svg");
        QCOMPARE(ViewExport::save(page, path), QString());
        ViewExport::announceSaved(page, {path, dir.filePath("view.csv")});
        QVERIFY(window.statusBar()->currentMessage().contains("view.csv"));
    }

    void punctuationTokens_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("punctuation");
        QTest::newRow("full stop") << "." << true;
        QTest::newRow("word piece comma") << "##," << true;
        QTest::newRow("byte-level") << QString(QChar(0x0120)) + "!" << true;
        QTest::newRow("word") << "movie" << false;
        QTest::newRow("piece") << "##s" << false;
        QTest::newRow("special") << "[CLS]" << false;
    }
    void punctuationTokens() {
        QFETCH(QString, token);
        QFETCH(bool, punctuation);
        QCOMPARE(isPunctuationToken(token), punctuation);
    }
    void hidingPunctuationDropsItsRowsAndColumns() {
        LabelledMatrix m;
        m.rows = m.columns = 3;
        m.rowLabels = m.columnLabels = QStringList{"great", "!", "film"};
        m.values = {0.5f, 0.3f, 0.2f, 0.1f, 0.8f, 0.1f, 0.3f, 0.3f, 0.4f};
        HeatmapOptions o;
        o.hidePunctuation = true;
        const LabelledMatrix out = applyOptions(m, {false, false, false}, {0, 0, 0}, o);
        QCOMPARE(out.rows, 2);
        QCOMPARE(out.rowLabels, (QStringList{"great", "film"}));
        QCOMPARE(out.columnLabels, (QStringList{"great", "film"}));
    }

    void plotCoalescesUpdates() {
        LivePlot plot("loss");
        plot.addSeries("loss", Qt::blue, true);
        plot.show();
        for (int i = 0; i < 2000; ++i) plot.addPoint("loss", i, 1.0 / (i + 1));
        QTRY_VERIFY(plot.replotCount() >= 1);
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

QTEST_MAIN(WidgetsTest)
#include "test_widgets.moc"
