// Drives the real pages offscreen: Models (open, errors, cache), Playground, Tokenizer.
#include <QAbstractItemView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "GuiTestSupport.h"

#include "TestModels.h"
#include "app/common/JobRunner.h"
#include "app/gui/ExportDialog.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ModelsPage.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/TokenizerPage.h"
#include "app/gui/Workspace.h"
#include "core/inference/Pipeline.h"
#include "core/models/Model.h"
#include "core/runtime/Environment.h"
#include "core/tokenizers/Tokenizer.h"
#include "widgets/ProbabilityBars.h"
#include "widgets/TokenChips.h"
#include "widgets/ViewExport.h"

namespace {
QStringList treeTexts(QTreeWidget* tree) {
    QStringList out;
    QTreeWidgetItemIterator it(tree);
    for (; *it; ++it) out << (*it)->text(0) + "=" + (*it)->text(1);
    return out;
}
void saveShot(QWidget* w, const QString& name) {
    const QString dir = QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    w->grab().save(dir + "/" + name + ".png");
}
}  // namespace

class PagesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        initGuiTest("DistilBenchPagesTest");
        qputenv("HF_HUB_CACHE", cache_.path().toUtf8());
        const QString snap = cache_.path() + "/models--acme--tiny-sentiment/snapshots/0123abcd";
        QDir().mkpath(snap);
        makeTextModel(snap);
    }

    void modelsPageOpensAndSummarises() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1200, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(DISTILBENCH_TEST_DATA "/hf/bert_seqcls");
        QVERIFY(changed.wait(10000));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(pages.models));
        const QString all = treeTexts(pages.models->summaryView()).join('\n');
        QVERIFY2(all.contains("Architecture=BertForSequenceClassification"), qPrintable(all));
        QVERIFY2(all.contains("Layers=2"), qPrintable(all));
        QVERIFY2(all.contains("Layer 0="), qPrintable(all));
        QVERIFY2(all.contains("Size on disk=549.6 KiB"), qPrintable(all));
        saveShot(&window, "models-page");
    }

    // A folder exported with int8 says so, and says where this CPU needs 7-bit weights (no
    // VNNI; test_pages_int8_avx2 runs this with oneDNN held to AVX2, as such a CPU).
    void modelsPageSaysInt8AndItsWeightBits() {
        QTemporaryDir dir;
        const QString model = makeTextModel(dir.filePath("int8"));
        QFile config(model + "/config.json");
        QVERIFY(config.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(config.readAll()).object();
        config.close();
        o[distilbench::Model::kQuantizationKey] = "dynamic-int8";
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(o).toJson());
        config.close();
        const QByteArray expected = qgetenv("DISTILBENCH_EXPECT_INT8_WEIGHT_BITS");
        if (!expected.isEmpty())
            QCOMPARE(distilbench::Model::cpuInt8WeightBits(), expected.toInt());

        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1200, 800);
        window.show();
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(model);
        QVERIFY(changed.wait(10000));
        const QString all = treeTexts(pages.models->summaryView()).join('\n');
        QVERIFY2(all.contains("Inference=int8 (Linear layers, dynamic quantization)"),
                 qPrintable(all));
        QCOMPARE(all.contains("; 7-bit weights on this CPU"),
                 distilbench::Model::cpuInt8WeightBits() == 7);
        saveShot(&window,
                 QString("models-page-int8-%1bit").arg(distilbench::Model::cpuInt8WeightBits()));

        // Exported with 7-bit weights: said on any CPU.
        o[distilbench::Model::kInt8WeightBitsKey] = 7;
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QJsonDocument(o).toJson());
        config.close();
        changed.clear();
        window.openPath(model);
        QVERIFY(changed.wait(10000));
        const QString seven = treeTexts(pages.models->summaryView()).join('\n');
        QVERIFY2(seven.contains(distilbench::Model::cpuInt8WeightBits() == 7
                                    ? "; 7-bit weights on this CPU"
                                    : "; 7-bit weights, as exported"),
                 qPrintable(seven));
    }

    void loadErrorNamesTheFile() {
        MainWindow window;
        Pages pages = setupPages(window);
        QTemporaryDir dir;
        QFile::copy(DISTILBENCH_TEST_DATA "/hf/bert_seqcls/model.safetensors",
                    dir.filePath("model.safetensors"));
        QSignalSpy failed(window.jobRunner(), &JobRunner::failed);
        window.openPath(dir.path());
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().at(1).toString().contains("config.json"));
        auto* box = window.findChild<QMessageBox*>("jobError");
        QVERIFY(box);
        QVERIFY(box->text().contains("config.json"));
        QVERIFY(!pages.workspace->pipeline());
    }

    // A model whose file lacks its classifier is refused by the GUI too, naming what is missing,
    // rather than predicting with random weights.
    void incompleteModelIsRefused() {
        MainWindow window;
        Pages pages = setupPages(window);
        QTemporaryDir dir;
        const QString model = makeTextModel(dir.filePath("m"));
        QFile::remove(model + "/model.safetensors");
        QVERIFY(QFile::copy(DISTILBENCH_TEST_DATA "/hf/distilbert_mlm/model.safetensors",
                            model + "/model.safetensors"));
        QSignalSpy failed(window.jobRunner(), &JobRunner::failed);
        window.openPath(model);
        QVERIFY(failed.wait(10000));
        const QString error = failed.first().at(1).toString();
        QVERIFY2(error.contains("missing") && error.contains("classifier.weight"),
                 qPrintable(error));
        QVERIFY(!pages.workspace->pipeline());
    }

    void cacheBrowserListsModels() {
        MainWindow window;
        Pages pages = setupPages(window);
        QTRY_VERIFY_WITH_TIMEOUT(
            pages.models->cacheView()->topLevelItemCount() > 0 &&
                pages.models->cacheView()->topLevelItem(0)->text(0) == "acme/tiny-sentiment",
            10000);
        QCOMPARE(pages.models->cacheView()->topLevelItem(0)->text(1),
                 QString("DistilBertForSequenceClassification"));
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        Q_EMIT pages.models->cacheView()->itemActivated(pages.models->cacheView()->topLevelItem(0),
                                                        0);
        QVERIFY(changed.wait(10000));
        QVERIFY(pages.workspace->pipeline()->tokenizer());
    }

    void playgroundPredictsAsYouType() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1000, 700);
        window.show();
        QTemporaryDir dir;
        makeTextModel(dir.path());
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        window.openPath(dir.path());
        QVERIFY(changed.wait(10000));
        window.showPage(pages.playground);
        QSignalSpy shown(pages.playground, &PlaygroundPage::predictionShown);
        // Edits in one turn of the event loop: one prediction for the final text, not one per
        // edit.
        for (const char* t : {"t", "th", "the", "the m", "the movie", "the movie was great"})
            pages.playground->input()->setPlainText(t);
        QVERIFY(shown.wait(5000));
        // No second prediction follows.
        QVERIFY(!shown.wait(300));
        QVERIFY2(pages.playground->shownPredictions() == 1,
                 qPrintable(QString::number(pages.playground->shownPredictions())));
        const auto& probs = pages.playground->bars()->values();
        QCOMPARE(probs.size(), std::size_t(2));
        QVERIFY(std::abs(probs[0] + probs[1] - 1.0f) < 1e-4);
        QCOMPARE(pages.playground->bars()->labels().first(), QString("LABEL_0"));
        QVERIFY(pages.playground->latencyText().contains("tokens"));
        QVERIFY(!pages.playground->latencyText().contains("the model reads the first"));
        saveShot(&window, "playground-page");
        // Longer than the model's limit: the page says what the model read.
        QString longText;
        for (int i = 0; i < 200; ++i) longText += "the movie was great ";
        pages.playground->input()->setPlainText(longText);
        QVERIFY(shown.wait(5000));
        QVERIFY2(pages.playground->latencyText().contains("the model reads the first"),
                 qPrintable(pages.playground->latencyText()));
        pages.playground->input()->setPlainText("the movie was great");
        QVERIFY(shown.wait(5000));

        QSignalSpy batch(pages.playground, &PlaygroundPage::batchFinished);
        pages.playground->runBatch({"the movie was great", "a bad film", "i love it"});
        QVERIFY(batch.wait(10000));
        QCOMPARE(pages.playground->batchTable()->rowCount(), 3);
        QTemporaryDir out;
        QVERIFY(pages.playground->exportBatchCsv(out.filePath("p.csv")));
        QFile csv(out.filePath("p.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith("Text,Prediction,LABEL_0,LABEL_1"));
    }

    void tokenizerPageShowsTokens() {
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1100, 700);
        window.show();
        QSignalSpy tokChanged(pages.workspace, &Workspace::tokenizerChanged);
        window.openPath(DISTILBENCH_TEST_DATA "/vocab/bert-base-uncased-tokenizer.json");
        QVERIFY(tokChanged.wait(10000));
        QCOMPARE(window.currentPage(), static_cast<QWidget*>(pages.tokenizer));
        QSignalSpy tokenized(pages.tokenizer, &TokenizerPage::tokenized);
        pages.tokenizer->input()->setPlainText("Hello World! unaffable");
        QVERIFY(tokenized.wait(5000));
        const auto& chips = pages.tokenizer->chips()->tokens();
        QStringList texts;
        for (const auto& c : chips) texts << c.text;
        // as Hugging Face splits it (rust_ref.json)
        QCOMPARE(texts,
                 QStringList({"[CLS]", "hello", "world", "!", "una", "##ffa", "##ble", "[SEP]"}));
        QVERIFY(chips.front().special);
        QVERIFY(chips[5].continuation);
        QVERIFY2(pages.tokenizer->statsText().contains("4 words"),
                 qPrintable(pages.tokenizer->statsText()));
        QVERIFY(pages.tokenizer->statsText().contains("6 tokens"));

        // Clicking a chip highlights its span in the text; moving in the text highlights chips.
        Q_EMIT pages.tokenizer->chips()->tokenClicked(2);
        const auto selections = pages.tokenizer->input()->extraSelections();
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections[0].cursor.selectedText(), QString("World"));
        QTextCursor cursor = pages.tokenizer->input()->textCursor();
        cursor.setPosition(15);  // inside "unaffable"
        pages.tokenizer->input()->setTextCursor(cursor);
        QCOMPARE(pages.tokenizer->chips()->highlighted(), std::vector<int>({4}));

        pages.tokenizer->setVocabularyFilter("7592");
        QVERIFY(pages.tokenizer->vocabularyRows() >= 1);
        pages.tokenizer->setVocabularyFilter("zzzzqqq");
        QCOMPARE(pages.tokenizer->vocabularyRows(), 0);

        // A second tokenizer side by side.
        std::shared_ptr<distilbench::Tokenizer> cased =
            distilbench::Tokenizer::load(DISTILBENCH_TEST_DATA "/vocab/bert-base-cased-vocab.txt");
        pages.tokenizer->setCompareTokenizer(cased, "cased");
        QVERIFY(tokenized.wait(5000));
        QVERIFY(!pages.tokenizer->compareChips()->tokens().empty());
        saveShot(&window, "tokenizer-page");

        // Vector export carries the token labels.
        QTemporaryDir out;
        QCOMPARE(ViewExport::save(pages.tokenizer->chips(), out.filePath("t.svg")), QString());
        QFile svg(out.filePath("t.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray content = svg.readAll();
        QVERIFY(content.contains("hello"));
        QVERIFY(content.contains("##ffa"));
        QCOMPARE(ViewExport::save(pages.tokenizer->chips(), out.filePath("t.pdf")), QString());
        QVERIFY(QFileInfo(out.filePath("t.pdf")).size() > 500);
        QCOMPARE(ViewExport::save(pages.tokenizer->chips(), out.filePath("t.png")), QString());
        QVERIFY(!ViewExport::save(pages.tokenizer->chips(), out.filePath("t.bmp")).isEmpty());
    }

    void emptyStatesSayWhatToDo() {
        MainWindow window;
        setupPages(window);
        QStringList titles = window.pageTitles();
        QCOMPARE(titles, QStringList({"Start", "Models", "Tokenizer", "Attention", "Playground",
                                      "Train", "Evaluate", "Distill", "Analyse"}));
        for (QLabel* l : window.findChildren<QLabel*>())
            if (l->text() == "Nothing to test yet" || l->text() == "No tokenizer" ||
                l->text() == "No model open")
                return;
        QFAIL("no empty state found");
    }

    void exportDialogMeasuresInt8AndExports() {
        MainWindow window;
        Pages pages = setupPages(window);
        QTemporaryDir dir;
        const QString model = makeTextModel(dir.filePath("model"));
        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        pages.workspace->open(model);
        QVERIFY(changed.wait(20000));
        ExportDialog dialog(pages.workspace, &window);
        dialog.show();
        dialog.setQuantize(true);
        dialog.setEvaluationData(DISTILBENCH_TEST_DATA "/datasets/sst2_dev_80.tsv");
        QSignalSpy measured(&dialog, &ExportDialog::quantizationMeasured);
        QVERIFY(dialog.measureQuantization() >= 0);
        QVERIFY(measured.wait(60000));
        QVERIFY2(dialog.quantizationText().contains("accuracy") &&
                     dialog.quantizationText().contains("the speed"),
                 qPrintable(dialog.quantizationText()));
        dialog.setOutput(dir.filePath("out"));
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        QVERIFY(dialog.exportNow() >= 0);
        QVERIFY(exported.wait(60000));
        QVERIFY(QFile::exists(dir.filePath("out/model.safetensors")));
        QVERIFY(QFile::exists(dir.filePath("out/README.md")));
        QVERIFY(distilbench::Model::load(dir.filePath("out").toStdString())->isDynamicInt8());
        // ONNX with int8 ticked: the graph holds the int8 products (a smaller file than fp32's).
        dialog.setFormat(2);
        dialog.setOutput(dir.filePath("q.onnx"));
        exported.clear();
        QVERIFY(dialog.exportNow() >= 0);
        QVERIFY(exported.wait(60000));
        QVERIFY2(
            dialog.resultText().contains(
                QString("int8 weights in %1 bits").arg(distilbench::Model::cpuInt8WeightBits())),
            qPrintable(dialog.resultText()));
        // 7-bit weights asked for (for CPUs without VNNI): the file and the note say so.
        dialog.setSevenBitWeights(true);
        saveShot(&dialog, "export-dialog-int8");
        dialog.setOutput(dir.filePath("q7.onnx"));
        exported.clear();
        QVERIFY(dialog.exportNow() >= 0);
        QVERIFY(exported.wait(60000));
        QVERIFY2(dialog.resultText().contains("int8 weights in 7 bits"),
                 qPrintable(dialog.resultText()));
        saveShot(&dialog, "export-dialog-int8-done");
        // Every line of the result shows: the dialog grows to fit it.
        const auto* resultLabel = dialog.findChild<QLabel*>("exportResult");
        QVERIFY(resultLabel);
        QVERIFY2(resultLabel->height() >= resultLabel->heightForWidth(resultLabel->width()),
                 qPrintable(QString("%1 px shown of %2")
                                .arg(resultLabel->height())
                                .arg(resultLabel->heightForWidth(resultLabel->width()))));
        dialog.setSevenBitWeights(false);
        dialog.setQuantize(false);
        dialog.setOutput(dir.filePath("m.onnx"));
        exported.clear();
        QVERIFY(dialog.exportNow() >= 0);
        QVERIFY(exported.wait(60000));
        QVERIFY(QFileInfo(dir.filePath("m.onnx")).size() > 100000);
        QVERIFY(QFileInfo(dir.filePath("q.onnx")).size() <
                QFileInfo(dir.filePath("m.onnx")).size());
        QVERIFY(dialog.resultText().contains("m.onnx"));

        // A previous export is replaced only after the user says yes, with the folder named.
        dialog.setFormat(0);
        dialog.setOutput(dir.filePath("out"));
        QString asked;
        dialog.setReplaceConfirmation([&asked](const QString& path) {
            asked = path;
            return false;
        });
        QCOMPARE(dialog.exportNow(), -1);
        QVERIFY2(asked.endsWith("/out"), qPrintable(asked));
        QVERIFY2(dialog.resultText().contains("left as it is"), qPrintable(dialog.resultText()));
        dialog.setReplaceConfirmation([](const QString&) { return true; });
        exported.clear();
        QVERIFY(dialog.exportNow() >= 0);
        QVERIFY(exported.wait(60000));
        QVERIFY(!distilbench::Model::load(dir.filePath("out").toStdString())->isDynamicInt8());
        // A folder holding the user's own files is refused before anything runs, untouched.
        QFile mine(dir.filePath("out/notes.txt"));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.write("mine");
        mine.close();
        QCOMPARE(dialog.exportNow(), -1);
        QVERIFY2(dialog.resultText().contains("notes.txt"), qPrintable(dialog.resultText()));
        QVERIFY(QFile::exists(dir.filePath("out/notes.txt")));

        // Static int8: a calibration set makes the measurement and the export static.
        dialog.setQuantize(true);
        dialog.setCalibrationData(DISTILBENCH_TEST_DATA "/datasets/sst2_train_240.tsv");
        measured.clear();
        QVERIFY(dialog.measureQuantization() >= 0);
        QVERIFY(measured.wait(60000));
        QVERIFY2(dialog.quantizationText().contains("static int8"),
                 qPrintable(dialog.quantizationText()));
        dialog.setOutput(dir.filePath("static"));
        exported.clear();
        QVERIFY(dialog.exportNow() >= 0);
        QVERIFY(exported.wait(60000));
        QVERIFY(distilbench::Model::load(dir.filePath("static").toStdString())->isStaticInt8());
    }

private:
    QTemporaryDir cache_;
};

QTEST_MAIN(PagesTest)
#include "test_pages.moc"
