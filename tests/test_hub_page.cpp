// #17 in the GUI: the Models page searches a (local) Hub, shows what opens before anything is
// downloaded, downloads a model into the shared cache and opens it; the Playground predicts
// with it.
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

#include "GuiTestSupport.h"
#include "LocalHub.h"
#include "app/gui/MainWindow.h"
#include "app/gui/ModelsPage.h"
#include "app/gui/PageSetup.h"
#include "app/gui/PlaygroundPage.h"
#include "app/gui/Workspace.h"

class HubPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { initGuiTest("DistilBenchHubPageTest"); }

    void searchDownloadAndPredict() {
        LocalHub hub;
        hub.addRepo("tiny/distilbert-sst2", DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls");
        hub.addRepo("tiny/roberta-text", DISTILBENCH_TEST_DATA "/hf-families/roberta_text");
        hub.addFile(
            "tiny/roberta-text", "README.md",
            "---\nlicense: apache-2.0\n---\n# A tiny RoBERTa for tests\n\nRandom weights.\n");
        QTemporaryDir cache;
        qputenv("HF_ENDPOINT", hub.endpoint().toUtf8());
        qputenv("HF_HUB_CACHE", cache.path().toUtf8());
        qunsetenv("HF_HUB_OFFLINE");
        MainWindow window;
        Pages pages = setupPages(window);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(pages.models);
        QSignalSpy searched(pages.models, &ModelsPage::hubSearched);
        QVERIFY(pages.models->searchHub("tiny") >= 0);
        QVERIFY(searched.wait(20000));
        QTreeWidget* results = pages.models->hubResults();
        QCOMPARE(results->topLevelItemCount(), 2);
        for (int i = 0; i < results->topLevelItemCount(); ++i)
            QVERIFY(!results->topLevelItem(i)->isDisabled());
        // Before downloading: the files with their sizes and the card (its YAML header hidden).
        {
            QSignalSpy details(pages.models, &ModelsPage::hubDetailsShown);
            for (int i = 0; i < results->topLevelItemCount(); ++i)
                if (results->topLevelItem(i)->text(0) == "tiny/roberta-text")
                    results->setCurrentItem(results->topLevelItem(i));
            QVERIFY(details.wait(20000));
            const QString shown = pages.models->hubDetails()->toPlainText();
            QVERIFY2(shown.contains("model.safetensors") && shown.contains("merges.txt"),
                     qPrintable(shown));
            QVERIFY2(shown.contains("A tiny RoBERTa for tests"), qPrintable(shown));
            QVERIFY(!shown.contains("license: apache-2.0"));
        }
        window.grab().save(QStringLiteral(DISTILBENCH_BUILD_DIR "/screenshots/hub-search.png"));

        QSignalSpy changed(pages.workspace, &Workspace::modelChanged);
        QSignalSpy downloaded(pages.models, &ModelsPage::modelDownloaded);
        QVERIFY(pages.models->downloadAndOpen("tiny/roberta-text") >= 0);
        QVERIFY(downloaded.wait(30000));
        QVERIFY(downloaded.first().at(0).toString().startsWith(cache.path()));
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 20000);
        // The cache list shows it, and the Playground answers with it.
        QTRY_VERIFY_WITH_TIMEOUT(pages.models->cacheView()->topLevelItemCount() == 1, 10000);
        window.showPage(pages.playground);
        QSignalSpy shown(pages.playground, &PlaygroundPage::predictionShown);
        pages.playground->setText("a charming and often affecting journey");
        QVERIFY(shown.wait(10000));
        // Deleting it from the cache list (after the question) frees its files.
        window.showPage(pages.models);
        QString asked;
        pages.models->setConfirmation([&](const QString& q) {
            asked = q;
            return true;
        });
        QVERIFY(pages.models->deleteCached("tiny/roberta-text"));
        QVERIFY(asked.contains("tiny/roberta-text"));
        QVERIFY(!QDir(cache.filePath("models--tiny--roberta-text")).exists());
        // The list is read again: only "No cached models found" remains.
        QTRY_VERIFY_WITH_TIMEOUT(pages.models->cacheView()->topLevelItemCount() == 1 &&
                                     pages.models->cacheView()->topLevelItem(0)->isDisabled(),
                                 10000);
    }
};

QTEST_MAIN(HubPageTest)
#include "test_hub_page.moc"
