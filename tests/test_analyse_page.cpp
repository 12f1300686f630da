// #19: the Analyse page driven offscreen with the demo model: behavioural tests (results,
// failing examples, exports, opening an example in the Playground) and the counterfactual
// editor (live predictions of both sides, automatic perturbations with flips first).
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "GuiTestSupport.h"
#include "app/common/JobRunner.h"
#include "app/gui/AnalysePage.h"
#include "app/gui/BehaviourTab.h"
#include "app/gui/CounterfactualTab.h"
#include "app/gui/DataMapTab.h"
#include "app/gui/MainWindow.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/ProjectorTab.h"
#include "app/gui/SlicesTab.h"
#include "app/gui/Workspace.h"
#include "core/runtime/Resources.h"
#include "core/training/Trainer.h"
#include "core/training/TrainingConfig.h"
#include "widgets/ProbabilityBars.h"
#include "widgets/ScatterPlot.h"

using namespace distilbench;

class AnalysePageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchAnalyseTest"); }

    void init() {
        window_ = std::make_unique<MainWindow>();
        pages_ = setupPages(*window_);
        window_->resize(1280, 800);
        window_->show();
    }
    void cleanup() {
        window_->jobRunner()->waitForAll(30000);
        window_.reset();
    }

    // Without a model the page says what to do; with the demo it shows its tabs.
    void emptyStateThenTabs() {
        window_->showPage(pages_.analyse);
        QVERIFY(!pages_.analyse->tabs()->isVisible());
        openDemo();
        QVERIFY(pages_.analyse->tabs()->isVisible());
    }

    void behaviouralTests() {
        openDemo();
        window_->showPage(pages_.analyse);
        BehaviourTab* tab = pages_.analyse->behaviour();
        QSignalSpy finished(tab, &BehaviourTab::finished);
        QVERIFY(tab->runSuite() >= 0);
        QVERIFY(finished.wait(60000));
        QTableWidget* results = tab->results();
        QVERIFY(results->rowCount() >= 10);
        QVERIFY2(tab->summaryText().contains("tests passed"), qPrintable(tab->summaryText()));
        // The first failing test is selected and its examples listed.
        const auto selected = results->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QVERIFY(results->item(selected.first().row(), 0)->text().contains("fail"));
        QVERIFY(tab->failures()->rowCount() > 0);
        // A passing test has no failing examples... and selecting it empties the list.
        for (int r = 0; r < results->rowCount(); ++r)
            if (results->item(r, 5)->text() == "100.0%") {
                results->selectRow(r);
                QCOMPARE(tab->failures()->rowCount(), 0);
                break;
            }
        results->selectRow(selected.first().row());
        // Exports: every failure as CSV, the report as JSON.
        QTemporaryDir dir;
        QVERIFY(tab->exportReport(dir.filePath("b.csv")));
        QFile csv(dir.filePath("b.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("test,type,capability,text"));
        QVERIFY(tab->exportReport(dir.filePath("b.json")));
        QFile json(dir.filePath("b.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(json.readAll()).object().contains("tests"));
        // A failing example opens in the Playground.
        const QString text = tab->failures()->item(0, 0)->text();
        Q_EMIT tab->failures()->cellDoubleClicked(0, 0);
        QCOMPARE(pages_.playground->input()->toPlainText(), text);
    }

    void counterfactualEditor() {
        openDemo();
        window_->showPage(pages_.analyse);
        pages_.analyse->editCounterfactual("The film is not good at all.");
        CounterfactualTab* tab = pages_.analyse->counterfactuals();
        QCOMPARE(pages_.analyse->tabs()->currentWidget(), tab);
        QSignalSpy predicted(tab, &CounterfactualTab::predicted);
        QVERIFY(predicted.wait(10000));
        QCOMPARE(tab->originalBars()->labels(), (QStringList{"negative", "positive"}));
        tab->setEdited("The film is good at all.");
        QVERIFY(predicted.wait(10000));
        while (predicted.wait(300)) {
        }
        QVERIFY(!tab->editedBars()->values().empty());
        // The demo calls the original negative and the edit positive.
        QVERIFY2(tab->comparisonText().contains("flips"), qPrintable(tab->comparisonText()));
        // Occlusion: every word left out once, flips first.
        QSignalSpy generated(tab, &CounterfactualTab::generated);
        tab->setKind(0);
        QVERIFY(tab->generate() >= 0);
        QVERIFY(generated.wait(10000));
        QTableWidget* v = tab->variants();
        QCOMPARE(v->rowCount(), 7);
        QVERIFY(v->item(0, 0)->text().contains("flips"));
        bool seenStable = false;
        for (int r = 0; r < v->rowCount(); ++r) {
            const bool flips = !v->item(r, 0)->text().isEmpty();
            if (!flips) seenStable = true;
            QVERIFY2(!(flips && seenStable), "a flip listed after a stable variant");
        }
        // A variant double-clicked becomes the edited sentence.
        Q_EMIT v->cellDoubleClicked(2, 1);
        QCOMPARE(tab->edited()->text(), v->item(2, 1)->text());
        // Negation removes the "not".
        tab->setKind(1);
        QVERIFY(tab->generate() >= 0);
        QVERIFY(generated.wait(10000));
        QCOMPARE(v->rowCount(), 1);
        QCOMPARE(v->item(0, 1)->text(), QString("The film is good at all."));
    }

    // Slices: the whole set first, then the largest drops; a slice's examples errors first; a
    // selection becomes a slice of its own without another evaluation.
    void slices() {
        openDemo();
        window_->showPage(pages_.analyse);
        SlicesTab* tab = pages_.analyse->slices();
        tab->setSpecs("keyword:film\nlabel:negative");
        QSignalSpy computed(tab, &SlicesTab::computed);
        QVERIFY(tab->compute(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv") >= 0);
        QVERIFY(computed.wait(30000));
        QTableWidget* t = tab->table();
        QCOMPARE(t->item(0, 1)->text(), QString("80"));
        QVERIFY(t->rowCount() > 3);
        for (int r = 2; r < t->rowCount(); ++r)
            if (t->item(r, 1)->text() != "0" && t->item(r - 1, 1)->text() != "0")
                QVERIFY(t->item(r - 1, 4)->data(Qt::UserRole).toDouble() <=
                        t->item(r, 4)->data(Qt::UserRole).toDouble());
        QStringList names;
        for (int r = 0; r < t->rowCount(); ++r) names << t->item(r, 0)->text();
        QVERIFY(names.contains("keyword:film"));
        QVERIFY(names.contains("negation"));
        // The selected slice lists its examples, errors first.
        const int row = names.indexOf("label:negative");
        t->selectRow(row);
        QCOMPARE(tab->examples()->rowCount(), t->item(row, 1)->text().toInt());
        for (int r = 0; r < tab->examples()->rowCount(); ++r)
            QCOMPARE(tab->examples()->item(r, 1)->text(), QString("negative"));
        const int errors = t->item(row, 7)->text().toInt();
        if (errors > 0) QCOMPARE(tab->examples()->item(0, 2)->text(), QString("positive"));
        tab->addSelection("first ten", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        QStringList after;
        for (int r = 0; r < t->rowCount(); ++r) after << t->item(r, 0)->text();
        QVERIFY(after.contains("first ten"));
        QVERIFY(after.contains("keyword:film"));
        QTemporaryDir dir;
        QVERIFY(tab->exportCsv(dir.filePath("s.csv")));
        // A bad spec is said, nothing starts.
        tab->setSpecs("colour:red");
        QCOMPARE(tab->compute(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv"), -1);
        QVERIFY(tab->summaryText().contains("colour"));
    }

    // The data map of a short fine-tuning run: every training example on the plot, the likely
    // label errors listed and checked, a copy of the training data without them.
    void dataMap() {
        openDemo();
        QTemporaryDir dir;
        TrainingConfig c = TrainingConfig::defaultsFor(Task::Classification, false);
        c.model = demoModelPath();
        c.trainFile = DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv";
        c.epochs = 2;
        c.maxLength = 48;
        Trainer::train(c, dir.filePath("run").toStdString());
        window_->showPage(pages_.analyse);
        DataMapTab* tab = pages_.analyse->dataMap();
        QSignalSpy loaded(tab, &DataMapTab::loaded);
        QVERIFY(tab->load(dir.filePath("run")) >= 0);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(tab->plot()->pointCount(), 216);  // 240 less the 10% held out
        QVERIFY2(tab->summaryText().contains("216 training examples over 2 epochs"),
                 qPrintable(tab->summaryText()));
        // Every example by loss: the list's confidences rise.
        tab->setListMode(2);
        QCOMPARE(tab->list()->rowCount(), 216);
        for (int r = 1; r < tab->list()->rowCount(); ++r)
            QVERIFY(tab->list()->item(r - 1, 2)->data(Qt::UserRole).toDouble() <=
                    tab->list()->item(r, 2)->data(Qt::UserRole).toDouble());
        // Two examples checked: the copy has two rows fewer (or more, for duplicates).
        for (int r = 0; r < tab->list()->rowCount(); ++r)
            tab->list()->item(r, 0)->setCheckState(r < 2 ? Qt::Checked : Qt::Unchecked);
        QSignalSpy written(tab, &DataMapTab::written);
        QVERIFY(tab->writeWithoutChecked(dir.filePath("clean.tsv")) >= 0);
        QVERIFY(written.wait(10000));
        QFile clean(dir.filePath("clean.tsv"));
        QVERIFY(clean.open(QIODevice::ReadOnly));
        QCOMPARE(clean.readAll().count('\n'), 241 - 2);
        QTemporaryDir out;
        QVERIFY(tab->exportCsv(out.filePath("map.csv")));
    }

    // The projector: every text a point (PCA), coloured by correctness, cached; t-SNE; a second
    // model beside it with the selection linked; a selection becomes a slice.
    void projector() {
        openDemo();
        window_->showPage(pages_.analyse);
        ProjectorTab* tab = pages_.analyse->projector();
        pages_.analyse->tabs()->setCurrentWidget(tab);
        const QString data = DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv";
        QSignalSpy computed(tab, &ProjectorTab::computed);
        tab->setColourBy(ProjectorTab::ColourBy::Correctness);
        QVERIFY(tab->compute(data) > 0);
        QVERIFY(computed.wait(30000));
        QCOMPARE(tab->plot()->pointCount(), 80);
        QVERIFY2(tab->summaryText().contains("80 texts"), qPrintable(tab->summaryText()));
        QVERIFY(tab->summaryText().contains("PCA keeps"));
        // The same data, layer and pooling again: from the cache, at once.
        QCOMPARE(tab->compute(data), 0);
        QCOMPARE(tab->cacheSize(), 1);
        // A selection of everything, linked to the second plot, becomes a slice.
        tab->setCompareModel(QString::fromStdString(demoModelPath()));
        computed.clear();
        QVERIFY(tab->compute(data) >= 0);  // the demo is the open model: cached already
        QTRY_VERIFY_WITH_TIMEOUT(computed.count() == 1, 30000);
        QVERIFY(!tab->comparePlot()->isHidden());
        QCOMPARE(tab->comparePlot()->pointCount(), 80);
        tab->selectRectangle(-1e9, -1e9, 1e9, 1e9);
        QCOMPARE(tab->selection().size(), std::size_t(80));
        QCOMPARE(tab->plot()->highlightedCount(), 80);
        QCOMPARE(tab->comparePlot()->highlightedCount(), 80);
        QSignalSpy sliced(pages_.analyse->slices(), &SlicesTab::computed);
        Q_EMIT tab->sliceRequested(data, "projector selection (80)",
                                   std::vector<std::size_t>(80, 0));
        QVERIFY(sliced.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(sliced.count() >= 2, 10000);
        QStringList names;
        for (int r = 0; r < pages_.analyse->slices()->table()->rowCount(); ++r)
            names << pages_.analyse->slices()->table()->item(r, 0)->text();
        QVERIFY2(names.contains("projector selection (80)"), qPrintable(names.join(", ")));
        // t-SNE of the same texts.
        tab->setCompareModel({});
        tab->setMethod(1);
        QVERIFY(tab->compute(data) > 0);
        QVERIFY(computed.wait(60000));
        QCOMPARE(tab->plot()->pointCount(), 80);
        QTemporaryDir out;
        QVERIFY(tab->exportCsv(out.filePath("p.csv")));
    }

private:
    void openDemo() {
        QSignalSpy changed(pages_.workspace, &Workspace::modelChanged);
        QVERIFY(pages_.workspace->openDemo() >= 0);
        QVERIFY(changed.wait(10000));
    }

    std::unique_ptr<MainWindow> window_;
    Pages pages_;
};

QTEST_MAIN(AnalysePageTest)
#include "test_analyse_page.moc"
