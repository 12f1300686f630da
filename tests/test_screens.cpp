// Every page as a user sees it: the demo model open, each page shown at 1280×800 in light and
// dark theme, in English, German and French. Screenshots go to BUILD/screenshots/screens/; the test
// fails when a label, button or check box is narrower than its text (clipped), or when a page needs
// more width than the window has.
#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <cmath>

#include "GuiTestSupport.h"
#include "TestRuns.h"
#include "app/gui/AnalysePage.h"
#include "app/gui/AppSettings.h"
#include "app/gui/AttentionPage.h"
#include "app/gui/BehaviourTab.h"
#include "app/gui/CounterfactualTab.h"
#include "app/gui/DataMapTab.h"
#include "app/gui/DistillPage.h"
#include "app/gui/EvaluatePage.h"
#include "app/gui/ExplainPanel.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ModelsPage.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/ProjectorTab.h"
#include "app/gui/SlicesTab.h"
#include "app/gui/StartPage.h"
#include "app/gui/Theme.h"
#include "app/gui/TokenizerPage.h"
#include "app/gui/TrainPage.h"
#include "app/gui/Translations.h"
#include "app/gui/Workspace.h"
#include "core/runtime/Resources.h"
#include "core/training/Trainer.h"
#include "widgets/AttentionData.h"
#include "widgets/ProbabilityBars.h"
#include "widgets/TokenChips.h"

namespace {

// Text wider than the widget that shows it (elided by nothing, so cut off).
QStringList clippedIn(QWidget* page) {
    QStringList out;
    for (QWidget* w : page->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->width() <= 0) continue;
        const QFontMetrics fm(w->font());
        if (auto* label = qobject_cast<QLabel*>(w)) {
            if (label->wordWrap() || label->text().isEmpty() ||
                label->textFormat() == Qt::RichText || Qt::mightBeRichText(label->text()) ||
                !label->pixmap().isNull())
                continue;
            const int needed = fm.horizontalAdvance(label->text()) + 2 * label->margin();
            if (needed > label->contentsRect().width() + 2)
                out << QStringLiteral("label '%1' (%2 px for %3)")
                           .arg(label->text())
                           .arg(needed)
                           .arg(label->contentsRect().width());
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            if (button->text().isEmpty()) continue;
            const int needed = button->minimumSizeHint().width();
            if (needed > button->width() + 2)
                out << QStringLiteral("button '%1' (%2 px for %3)")
                           .arg(button->text())
                           .arg(needed)
                           .arg(button->width());
        }
    }
    return out;
}

// Brings `widget` to the front of every tab and stack it is in.
void reveal(QWidget* widget) {
    for (QWidget *child = widget, *parent = widget->parentWidget(); parent;
         child = parent, parent = parent->parentWidget()) {
        auto* stack = qobject_cast<QStackedWidget*>(parent);
        if (!stack || stack->indexOf(child) < 0) continue;
        // A tab widget's own stack: switch the tab, so that its bar agrees.
        if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget()))
            tabs->setCurrentWidget(child);
        else
            stack->setCurrentWidget(child);
    }
}

// Cells and header sections of a table or tree narrower than their text (Qt elides them with
// "…": numbers and run names a user cannot read).
QStringList clippedCellsIn(QAbstractItemView* view, const QString& name) {
    QStringList out;
    if (!view || !view->isVisible()) return {name + QStringLiteral(" is not shown")};
    QAbstractItemModel* model = view->model();
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    for (int r = 0; r < std::min(model->rowCount(), 200); ++r)
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            const QRect rect = view->visualRect(index);
            if (rect.isEmpty()) continue;  // a hidden column
            const QString text = index.data(Qt::DisplayRole).toString();
            if (text.isEmpty()) continue;
            const QVariant font = index.data(Qt::FontRole);
            const QFontMetrics fm(font.isValid() ? font.value<QFont>() : view->font());
            const int needed = fm.horizontalAdvance(text) + 2 * margin;
            if (needed > rect.width() + 1)
                out << QStringLiteral("%1 cell '%2' (%3 px for %4)")
                           .arg(name, text)
                           .arg(needed)
                           .arg(rect.width());
        }
    return out;
}

}  // namespace

class ScreensTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        initGuiTest("DistilBenchScreensTest");
        // Two finished runs, so that the run history has rows to read.
        QVERIFY(runs_.isValid());
        distilbench::TrainingConfig c =
            tinyRun(distilbench::Task::Classification,
                    DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv", 2, 32);
        distilbench::Trainer::train(c, (runs_.path() + "/baseline-run").toStdString());
        c.learningRate = 1e-3;
        distilbench::Trainer::train(c, (runs_.path() + "/higher-learning-rate").toStdString());
        // A run with a data map worth looking at (three epochs of the demo on 240 sentences).
        distilbench::TrainingConfig d =
            distilbench::TrainingConfig::defaultsFor(distilbench::Task::Classification, false);
        d.model = distilbench::demoModelPath();
        d.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        d.epochs = 3;
        d.maxLength = 48;
        distilbench::Trainer::train(d, (mapRun_.path() + "/run").toStdString());
    }

    // The detector itself: a button and a label too narrow for their text are reported, one
    // that fits is not.
    void clippingIsDetected() {
        QWidget page;
        auto* cut = new QPushButton("Resume Run From The Last Checkpoint…", &page);
        cut->setGeometry(0, 0, 40, 30);
        auto* fits = new QPushButton("OK", &page);
        fits->setGeometry(0, 40, 200, 30);
        auto* label = new QLabel("Das geöffnete Modell", &page);
        label->setGeometry(0, 80, 30, 20);
        page.resize(300, 200);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QStringList found = clippedIn(&page);
        QCOMPARE(found.size(), 2);
        QVERIFY(found.join(' ').contains("Resume Run"));
        QVERIFY(found.join(' ').contains("geöffnete"));
    }

    // The table and label detectors: a cell too narrow for its number and a label column too
    // narrow for a long label are reported, cells that fit are not.
    void clippedCellsAndLabelsAreDetected() {
        QTableWidget table(2, 2);
        table.setItem(0, 0, new QTableWidgetItem("0.812345678901"));
        table.setItem(1, 1, new QTableWidgetItem("1"));
        table.setColumnWidth(0, 30);
        table.setColumnWidth(1, 60);
        table.resize(300, 200);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        const QStringList cells = clippedCellsIn(&table, "t");
        QCOMPARE(cells.size(), 1);
        QVERIFY(cells.first().contains("0.8123"));
        ProbabilityBars bars;
        bars.setValues({"a label far too long to fit in a narrow bar chart", "b"}, {0.9f, 0.1f});
        bars.resize(200, 60);
        QCOMPARE(bars.elidedLabels().size(), 1);
        bars.resize(bars.minimumSizeHint().width() * 2, 60);
        QVERIFY(bars.elidedLabels().isEmpty());
    }

    void everyPageFits_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("dark");
        QTest::newRow("English, light") << "en" << false;
        QTest::newRow("English, dark") << "en" << true;
        QTest::newRow("German, light") << "de" << false;
        QTest::newRow("German, dark") << "de" << true;
        QTest::newRow("French, light") << "fr" << false;
        QTest::newRow("French, dark") << "fr" << true;
    }
    void everyPageFits() {
        QFETCH(QString, language);
        QFETCH(bool, dark);
        if (!Workspace::demoAvailable()) QSKIP("the demo model is not built");
        Translations::install(language);
        Theme::apply(dark ? AppSettings::Theme::Dark : AppSettings::Theme::Light);
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QVERIFY(pages.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(20000));
        // Pages with what a user sees after using them: a prediction and its explanation, an
        // evaluation report, a run history.
        window.showPage(pages.playground);
        {
            QSignalSpy shown(pages.playground, &PlaygroundPage::predictionShown);
            pages.playground->input()->setPlainText("the movie was a delight from start to end");
            QVERIFY(shown.wait(20000));
            QSignalSpy explained(pages.playground->explainPanel(), &ExplainPanel::explained);
            pages.playground->explainCurrent();
            QVERIFY(explained.wait(60000));
        }
        {
            QSignalSpy evaluated(pages.evaluate, &EvaluatePage::evaluated);
            QVERIFY(pages.evaluate->evaluate(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >=
                    0);
            QVERIFY(evaluated.wait(30000));
        }
        {
            QSignalSpy shown(pages.attention, &AttentionPage::attentionShown);
            pages.attention->setText("the acting is wooden but the story grips");
            QVERIFY(shown.wait(20000));
            QSignalSpy tokenized(pages.tokenizer, &TokenizerPage::tokenized);
            pages.tokenizer->input()->setPlainText("Tokenizers split unbelievably rare words.");
            QVERIFY(tokenized.wait(20000));
        }
        {
            QSignalSpy finished(pages.analyse->behaviour(), &BehaviourTab::finished);
            QVERIFY(pages.analyse->behaviour()->runSuite() >= 0);
            QVERIFY(finished.wait(60000));
            pages.analyse->editCounterfactual("the film is not good at all");
            pages.analyse->counterfactuals()->setEdited("the film is good at all");
            QSignalSpy generated(pages.analyse->counterfactuals(), &CounterfactualTab::generated);
            QVERIFY(pages.analyse->counterfactuals()->generate() >= 0);
            QVERIFY(generated.wait(20000));
            QSignalSpy explainedA(pages.analyse->counterfactuals()->originalExplanation(),
                                  &ExplainPanel::explained);
            QSignalSpy explainedB(pages.analyse->counterfactuals()->editedExplanation(),
                                  &ExplainPanel::explained);
            pages.analyse->counterfactuals()->explainBoth();
            QTRY_VERIFY_WITH_TIMEOUT(explainedA.count() == 1 && explainedB.count() == 1, 60000);
        }
        pages.train->setRunsFolder(runs_.path());
        QTRY_COMPARE_WITH_TIMEOUT(pages.train->history()->topLevelItemCount(), 2, 10000);
        const QString shots = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots/screens");
        QDir().mkpath(shots);
        const QList<std::pair<QString, QWidget*>> all{
            {"start", pages.start},         {"models", pages.models},
            {"tokenizer", pages.tokenizer}, {"playground", pages.playground},
            {"attention", pages.attention}, {"train", pages.train},
            {"evaluate", pages.evaluate},   {"distill", pages.distill},
            {"analyse", pages.analyse}};
        QStringList problems;
        for (const auto& [name, page] : all) {
            window.showPage(page);
            window.resize(1280, 800);
            QCoreApplication::processEvents();
            if (window.width() > 1280)
                problems << QStringLiteral(
                                "%1: the window needs %2 px (minimum %3), more than 1280")
                                .arg(name)
                                .arg(window.width())
                                .arg(window.minimumSizeHint().width());
            window.grab().save(QStringLiteral("%1/%2-%3-%4.png")
                                   .arg(shots, language, dark ? "dark" : "light", name));
            if (page->minimumSizeHint().width() > page->width() + 2)
                problems << QStringLiteral("%1: needs %2 px, has %3")
                                .arg(name)
                                .arg(page->minimumSizeHint().width())
                                .arg(page->width());
            for (const QString& c : clippedIn(page)) problems << name + ": " + c;
        }
        // Numbers in tables are read in full: the evaluation report, the run history and the
        // comparison of runs.
        window.showPage(pages.evaluate);
        QCoreApplication::processEvents();
        problems << clippedCellsIn(pages.evaluate->metricsTable(), "evaluate report");
        window.showPage(pages.analyse);
        pages.analyse->tabs()->setCurrentWidget(pages.analyse->behaviour());
        QCoreApplication::processEvents();
        window.grab().save(QStringLiteral("%1/%2-%3-analyse-behaviour.png")
                               .arg(shots, language, dark ? "dark" : "light"));
        problems << clippedCellsIn(pages.analyse->behaviour()->results(), "behaviour results");
        {
            QSignalSpy loaded(pages.analyse->dataMap(), &DataMapTab::loaded);
            QVERIFY(pages.analyse->dataMap()->load(mapRun_.path() + "/run") >= 0);
            QVERIFY(loaded.wait(20000));
            pages.analyse->tabs()->setCurrentWidget(pages.analyse->dataMap());
            QCoreApplication::processEvents();
            window.grab().save(QStringLiteral("%1/%2-%3-analyse-datamap.png")
                                   .arg(shots, language, dark ? "dark" : "light"));
            for (const QString& c : clippedIn(pages.analyse)) problems << "analyse data map: " + c;
            pages.analyse->tabs()->setCurrentWidget(pages.analyse->slices());
            QSignalSpy computed(pages.analyse->slices(), &SlicesTab::computed);
            QVERIFY(pages.analyse->slices()->compute(DISTILBENCH_TEST_DATA
                                                     "/datasets/sst2_dev_80.tsv") >= 0);
            QVERIFY(computed.wait(20000));
            QCoreApplication::processEvents();
            window.grab().save(QStringLiteral("%1/%2-%3-analyse-slices.png")
                                   .arg(shots, language, dark ? "dark" : "light"));
            problems << clippedCellsIn(pages.analyse->slices()->table(), "slices");
            for (const QString& c : clippedIn(pages.analyse)) problems << "analyse slices: " + c;
            pages.analyse->tabs()->setCurrentWidget(pages.analyse->projector());
            QSignalSpy projected(pages.analyse->projector(), &ProjectorTab::computed);
            pages.analyse->projector()->setColourBy(ProjectorTab::ColourBy::Correctness);
            QVERIFY(pages.analyse->projector()->compute(DISTILBENCH_TEST_DATA
                                                        "/datasets/sst2_train_240.tsv") >= 0);
            QTRY_VERIFY_WITH_TIMEOUT(projected.count() == 1, 20000);
            QCoreApplication::processEvents();
            window.grab().save(QStringLiteral("%1/%2-%3-analyse-projector.png")
                                   .arg(shots, language, dark ? "dark" : "light"));
            for (const QString& c : clippedIn(pages.analyse)) problems << "analyse projector: " + c;
        }
        for (const QString& c : clippedIn(pages.analyse)) problems << "analyse behaviour: " + c;
        window.showPage(pages.train);
        QCoreApplication::processEvents();
        reveal(pages.train->history());
        QCoreApplication::processEvents();
        window.grab().save(QStringLiteral("%1/%2-%3-train-history.png")
                               .arg(shots, language, dark ? "dark" : "light"));
        problems << clippedCellsIn(pages.train->history(), "run history");
        {
            QTableWidget* comparison = pages.train->compareRuns();
            QVERIFY(QTest::qWaitForWindowExposed(comparison->window()));
            comparison->window()->grab().save(QStringLiteral("%1/%2-%3-run-comparison.png")
                                                  .arg(shots, language, dark ? "dark" : "light"));
            problems << clippedCellsIn(comparison, "run comparison");
            comparison->window()->close();
        }
        // The Playground's labels in full, the winner (bold) included.
        window.showPage(pages.playground);
        QCoreApplication::processEvents();
        for (const QString& l : pages.playground->bars()->elidedLabels())
            problems << QStringLiteral("playground: label '%1' elided").arg(l);
        // Attribution chips: their text readable on the strongest green and red.
        {
            TokenChips* chips = pages.playground->explainPanel()->chips();
            QVERIFY(!chips->tokens().empty());
            for (int i = 0; i < int(chips->tokens().size()); ++i) {
                const auto colors = chips->colorsOf(i);
                if (contrastRatio(colors.fill, colors.text) < 4.5)
                    problems << QStringLiteral("attribution chip '%1': contrast %2 (4.5 needed)")
                                    .arg(chips->tokens()[size_t(i)].text)
                                    .arg(contrastRatio(colors.fill, colors.text), 0, 'f', 2);
            }
        }
        // Placeholder text stands out from the field it is in (it was dark grey on dark).
        const QPalette palette = QApplication::palette();
        if (std::abs(palette.color(QPalette::PlaceholderText).lightness() -
                     palette.color(QPalette::Base).lightness()) < 60)
            problems << QStringLiteral("placeholder text barely differs from the field");
        // Every page icon of the sidebar stands out from its background (the play icon was
        // black on the dark sidebar).
        auto* list = window.findChild<QListWidget*>();
        QVERIFY(list);
        {
            const QColor background = list->palette().color(QPalette::Base);
            for (int i = 0; i < list->count(); ++i) {
                const QImage icon = list->item(i)->icon().pixmap(32, 32).toImage();
                double contrast = 0;
                int pixels = 0;
                for (int y = 0; y < icon.height(); ++y)
                    for (int x = 0; x < icon.width(); ++x) {
                        const QColor c = icon.pixelColor(x, y);
                        if (c.alpha() < 128) continue;
                        contrast += std::abs(c.lightness() - background.lightness());
                        ++pixels;
                    }
                if (pixels > 0 && contrast / pixels < 40)
                    problems << QStringLiteral("icon of '%1' barely differs from its background")
                                    .arg(list->item(i)->text());
            }
        }
        // Check boxes (the run history's, "Advanced") show their outline on the window colour.
        {
            QCheckBox box;
            box.resize(box.sizeHint());
            const QImage image = box.grab().toImage();
            const QColor window = box.palette().color(QPalette::Window);
            double best = 1;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    best = std::max(best, contrastRatio(image.pixelColor(x, y), window));
            // WCAG 1.4.11: controls 3:1 against what is next to them.
            if (best < 3)
                problems << QStringLiteral("check box outline: contrast %1 (3 needed)")
                                .arg(best, 0, 'f', 2);
        }
        Translations::install("en");
        Theme::apply(AppSettings::Theme::Light);
        QVERIFY2(problems.isEmpty(), qPrintable("\n" + problems.join('\n')));
    }

private:
    QTemporaryDir runs_;
    QTemporaryDir mapRun_;
};

QTEST_MAIN(ScreensTest)
#include "test_screens.moc"
