// #17: the Hub client against a local hub: downloads into huggingface_hub's cache layout,
// resumes a dropped connection, detects a damaged file, explains a gated model, and resolves ids
// offline from the cache.
#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "LocalHub.h"
#include "core/hub/EnvironmentProxy.h"
#include "core/hub/HubCache.h"
#include "core/hub/HubClient.h"
#include "core/hub/HubToken.h"
#include "core/models/Model.h"
#include "core/runtime/Environment.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/Tokenizer.h"

using namespace distilbench;
namespace fs = std::filesystem;

class HubTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        Runtime::initialize(0);
        hub_.addRepo("tiny/distilbert-sst2", DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls");
        hub_.addRepo("tiny/roberta-text", DISTILBENCH_TEST_DATA "/hf-families/roberta_text");
        hub_.addRepo("tiny/gated", DISTILBENCH_TEST_DATA "/hf/bert_seqcls", true);
        qputenv("HF_ENDPOINT", hub_.endpoint().toUtf8());
        qunsetenv("HF_HUB_OFFLINE");
        qunsetenv("HF_TOKEN");
    }
    void init() {
        cache_ = std::make_unique<QTemporaryDir>();
        qputenv("HF_HUB_CACHE", cache_->path().toUtf8());
        hub_.dropAfterBytes = -1;
        hub_.corrupt = false;
        hub_.ignoreRange = false;
        hub_.ranges.clear();
    }

    // The cache is huggingface_hub's: blobs named by ETag (sha256 for LFS files, git's sha1
    // otherwise), refs/main holding the commit, snapshot files as relative links to the blobs.
    void downloadsIntoTheHubCacheLayout() {
        HubClient client;
        QCOMPARE(QString::fromStdString(client.cacheDir()), cache_->path());
        const HubDownload d = client.download("tiny/distilbert-sst2");
        const fs::path repo = cache_->filePath("models--tiny--distilbert-sst2").toStdString();
        QCOMPARE(QString::fromStdString(d.snapshot),
                 QString::fromStdString((repo / "snapshots" / d.commit).string()));
        std::ifstream ref(repo / "refs" / "main");
        std::string commit;
        std::getline(ref, commit);
        QCOMPARE(commit, d.commit);
        QFile weights(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls/model.safetensors");
        QVERIFY(weights.open(QIODevice::ReadOnly));
        const QByteArray bytes = weights.readAll();
        const fs::path link = repo / "snapshots" / d.commit / "model.safetensors";
        QVERIFY(fs::is_symlink(link));
        QCOMPARE(QString::fromStdString(fs::read_symlink(link).string()),
                 QString("../../blobs/") + LocalHub::sha256(bytes));
        QFile config(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls/config.json");
        QVERIFY(config.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromStdString(
                     fs::read_symlink(repo / "snapshots" / d.commit / "config.json").string()),
                 QString("../../blobs/") + LocalHub::gitSha1(config.readAll()));
        QVERIFY(d.downloadedBytes >= bytes.size());
        // What transformers may ask for and this commit lacks is marked absent, as
        // huggingface_hub marks it (empty files under .no_exist/<commit>/).
        const fs::path absent = repo / ".no_exist" / d.commit;
        for (const char* name :
             {"pytorch_model.bin", "merges.txt", "model.safetensors.index.json"}) {
            QVERIFY2(fs::is_regular_file(absent / name), name);
            QCOMPARE(fs::file_size(absent / name), std::uintmax_t(0));
            QVERIFY(!fs::exists(repo / "snapshots" / d.commit / name));
        }
        QVERIFY(!fs::exists(absent / "config.json"));
        QVERIFY(!fs::exists(absent / "model.safetensors"));
        auto model = Model::load(d.snapshot);
        QVERIFY(model->summary().missingKeys.empty());
        // A second download finds everything in the cache.
        QCOMPARE(client.download("tiny/distilbert-sst2").downloadedBytes, std::int64_t(0));
    }

    void resumesADroppedConnection() {
        hub_.dropAfterBytes = 5000;
        HubClient client;
        const HubDownload d = client.download("tiny/roberta-text");
        QVERIFY2(hub_.ranges.contains("bytes=5000-"), qPrintable(hub_.ranges.join(", ")));
        QVERIFY(Model::load(d.snapshot)->summary().missingKeys.empty());
        QVERIFY(QFileInfo::exists(QString::fromStdString(d.snapshot) + "/merges.txt"));
    }

    // A partial blob left by an earlier download is resumed with Range; a server that ignores
    // it sends the whole file, and the download starts that blob again: only its own
    // .incomplete is replaced, nothing else in the folder is touched, and the result is right.
    void restartsWhenTheServerIgnoresRange() {
        QFile weights(DISTILBENCH_TEST_DATA "/hf/distilbert_seqcls/model.safetensors");
        QVERIFY(weights.open(QIODevice::ReadOnly));
        const QByteArray bytes = weights.readAll();
        const fs::path blobs =
            fs::path(cache_->filePath("models--tiny--distilbert-sst2").toStdString()) / "blobs";
        fs::create_directories(blobs);
        const fs::path partial = blobs / (LocalHub::sha256(bytes).toStdString() + ".incomplete");
        std::ofstream(partial, std::ios::binary).write(bytes.constData(), 1000);
        const fs::path other = blobs / "someone-elses.incomplete";
        std::ofstream(other) << "not ours to touch";
        hub_.ignoreRange = true;
        const HubDownload d = HubClient().download("tiny/distilbert-sst2");
        QVERIFY(!fs::exists(partial));
        QVERIFY(fs::exists(other));
        QFile got(QString::fromStdString(d.snapshot + "/model.safetensors"));
        QVERIFY(got.open(QIODevice::ReadOnly));
        QCOMPARE(got.readAll(), bytes);
        fs::remove(other);
    }

    void refusesADamagedFile() {
        hub_.corrupt = true;
        HubClient client;
        try {
            client.download("tiny/distilbert-sst2");
            QFAIL("a damaged file was accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("corrupt"), e.what());
        }
        // Nothing half-written stays behind as if it were the model.
        const QString blobs = cache_->filePath("models--tiny--distilbert-sst2/blobs");
        for (const QString& f : QDir(blobs).entryList(QDir::Files))
            QVERIFY2(!f.endsWith(".incomplete") && f.size() != 64, qPrintable(f));
    }

    void explainsAGatedModel() {
        HubClient client;
        try {
            client.download("tiny/gated");
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("gated") &&
                         QString(e.what()).contains(hub_.endpoint() + "/tiny/gated"),
                     e.what());
        }
        try {
            client.download("nobody/nothing");
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("not found"), e.what());
        }
    }

    // Offline first: a cached id opens with no network at all; an uncached one says why.
    void resolvesIdsOfflineFromTheCache() {
        HubClient client;
        const HubDownload d = client.download("tiny/distilbert-sst2");
        const HubDownload withTokenizer = client.download("tiny/roberta-text");
        qputenv("HF_HUB_OFFLINE", "1");
        qputenv("HF_ENDPOINT", "http://127.0.0.1:9");  // nothing listens there
        QCOMPARE(QString::fromStdString(resolveModelLocation("tiny/distilbert-sst2", true)),
                 QString::fromStdString(d.snapshot));
        QCOMPARE(QString::fromStdString(HubClient().download("tiny/distilbert-sst2").snapshot),
                 QString::fromStdString(d.snapshot));
        try {
            resolveModelLocation("tiny/gated", true);
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("HF_HUB_OFFLINE"), e.what());
        }
        // Everything that takes a model folder takes the id (cache only, no network).
        QVERIFY(Model::load("tiny/distilbert-sst2")->summary().missingKeys.empty());
        QCOMPARE(Tokenizer::load("tiny/roberta-text")->kind(), std::string("BPE"));
        // The config of an id, as the Distill page's preview and the CLI read a teacher's.
        QCOMPARE(ModelConfig::ofModel("tiny/roberta-text").family, ModelFamily::Roberta);
        try {
            Model::load("tiny/gated");
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("download"), e.what());
        }
        qunsetenv("HF_HUB_OFFLINE");
        qputenv("HF_ENDPOINT", hub_.endpoint().toUtf8());
        // A path is a path; a name that is not an id is not looked up.
        QCOMPARE(QString::fromStdString(resolveModelLocation(d.snapshot, true)),
                 QString::fromStdString(d.snapshot));
        QVERIFY(!HubCache::isRepoId("../etc/passwd"));
        QVERIFY(!HubCache::isRepoId("a/b/c"));
        QVERIFY(HubCache::isRepoId("cardiffnlp/twitter-roberta-base-sentiment-latest"));
    }

    // Two downloads of one model at once (two windows, or the app and Python): one writes each
    // blob, the other waits for it; both get the same complete snapshot.
    void concurrentDownloadsShareBlobs() {
        // Several rounds from an empty cache, three writers each: the race is in microseconds.
        constexpr int kWriters = 3;
        for (int round = 0; round < 4; ++round) {
            if (QFileInfo::exists(cache_->filePath("models--tiny--roberta-text")))
                HubCache::deleteCachedModel(cache_->path().toStdString(), "tiny/roberta-text");
            std::atomic<int> finished{0};
            std::string snapshots[kWriters], errors[kWriters];
            QThread* threads[kWriters];
            for (int i = 0; i < kWriters; ++i) {
                threads[i] = QThread::create([&, i] {
                    try {
                        snapshots[i] = HubClient().download("tiny/roberta-text").snapshot;
                    } catch (const std::exception& e) {
                        errors[i] = e.what();
                    }
                    ++finished;
                });
                threads[i]->start();
            }
            QTRY_COMPARE_WITH_TIMEOUT(finished.load(), kWriters, 60000);
            for (QThread* t : threads) {
                t->wait();
                delete t;
            }
            for (int i = 0; i < kWriters; ++i) {
                QVERIFY2(errors[i].empty(), errors[i].c_str());
                QCOMPARE(snapshots[i], snapshots[0]);
            }
            QVERIFY(Model::load(snapshots[0])->summary().missingKeys.empty());
            // Only the files and their links: no writer's temporary is left behind.
            const QStringList left = QDir(QString::fromStdString(snapshots[0]))
                                         .entryList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                    QDir::Hidden | QDir::System);
            for (const QString& name : left)
                QVERIFY2(!name.contains("distilbench-link"), qPrintable(name));
        }
    }

    // Deleting a cached model frees its blobs and nothing else; a folder with anything the
    // layout does not have is left alone.
    void deletesACachedModel() {
        HubClient client;
        client.download("tiny/distilbert-sst2");
        client.download("tiny/roberta-text");
        HubCache::deleteCachedModel(cache_->path().toStdString(), "tiny/distilbert-sst2");
        QVERIFY(!QFileInfo::exists(cache_->filePath("models--tiny--distilbert-sst2")));
        QVERIFY(Model::load(client.download("tiny/roberta-text").snapshot));
        QFile notes(cache_->filePath("models--tiny--roberta-text/my-notes.txt"));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.close();
        try {
            HubCache::deleteCachedModel(cache_->path().toStdString(), "tiny/roberta-text");
            QFAIL("deleted a folder holding a user's file");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("my-notes.txt"), e.what());
        }
        QVERIFY(notes.exists());
        QVERIFY(notes.remove());

        // Deeper in the tree too: a file copied into a snapshot, a link out of the cache and a
        // blob that is not named by an ETag each leave the whole folder alone.
        const HubDownload d = client.download("tiny/roberta-text");
        QTemporaryDir outside;
        QFile precious(outside.filePath("precious.txt"));
        QVERIFY(precious.open(QIODevice::WriteOnly));
        precious.write("keep");
        precious.close();
        const QString repo = cache_->filePath("models--tiny--roberta-text");
        const QStringList foreign{QString::fromStdString(d.snapshot) + "/my-copy.txt",
                                  QString::fromStdString(d.snapshot) + "/outside-link",
                                  repo + "/blobs/not-an-etag"};
        for (const QString& path : foreign) {
            if (path.endsWith("outside-link"))
                QVERIFY(QFile::link(precious.fileName(), path));
            else
                QVERIFY(QFile(path).open(QIODevice::WriteOnly));
            try {
                HubCache::deleteCachedModel(cache_->path().toStdString(), "tiny/roberta-text");
                QFAIL(qPrintable("deleted a model folder holding " + path));
            } catch (const Error& e) {
                QVERIFY2(QString(e.what()).contains(QFileInfo(path).fileName()), e.what());
            }
            QVERIFY(QFileInfo::exists(repo + "/refs/main"));
            QVERIFY(QFile::remove(path));
        }
        QVERIFY(precious.exists());
        // A file of someone else's among the model's locks survives its deletion.
        const QString locks = cache_->filePath(".locks/models--tiny--roberta-text");
        QFile other(locks + "/README");
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        HubCache::deleteCachedModel(cache_->path().toStdString(), "tiny/roberta-text");
        QVERIFY(!QFileInfo::exists(repo));
        QVERIFY(other.exists());
        QVERIFY(QDir(locks).entryList({"*.lock"}, QDir::Files).isEmpty());
    }

    // Proxies as Python's requests takes them: the scheme's variable or all_proxy, lower case
    // before upper case, no_proxy by domain, host:port or CIDR.
    void proxyFromTheEnvironment_data() {
        QTest::addColumn<QString>("variables");  // NAME=value;NAME=value
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");  // type host port user password, or "direct"
        QTest::newRow("none") << ""
                              << "https://huggingface.co/x"
                              << "direct";
        QTest::newRow("https") << "https_proxy=http://p.corp:3128"
                               << "https://huggingface.co/x"
                               << "http p.corp 3128 - -";
        QTest::newRow("upper case") << "HTTPS_PROXY=p.corp:8080"
                                    << "https://huggingface.co/x"
                                    << "http p.corp 8080 - -";
        QTest::newRow("lower case wins") << "HTTPS_PROXY=upper:1;https_proxy=lower:2"
                                         << "https://hf.co/"
                                         << "http lower 2 - -";
        QTest::newRow("http_proxy is not for https") << "http_proxy=p:1"
                                                     << "https://huggingface.co/x"
                                                     << "direct";
        QTest::newRow("all_proxy") << "ALL_PROXY=socks5h://s:1081"
                                   << "https://huggingface.co/x"
                                   << "socks5 s 1081 - -";
        QTest::newRow("socks default port") << "all_proxy=socks5://s"
                                            << "http://a/"
                                            << "socks5 s 1080 - -";
        QTest::newRow("credentials") << "http_proxy=http://me:p%40ss@p:3128/"
                                     << "http://a/"
                                     << "http p 3128 me p@ss";
        QTest::newRow("no_proxy domain") << "https_proxy=p:1;no_proxy=.example.org"
                                         << "https://cdn.example.org/"
                                         << "direct";
        QTest::newRow("no_proxy not a suffix of a name") << "https_proxy=p:1;no_proxy=example.org"
                                                         << "https://badexample.org/"
                                                         << "http p 1 - -";
        QTest::newRow("no_proxy star") << "https_proxy=p:1;NO_PROXY=*"
                                       << "https://a/"
                                       << "direct";
        QTest::newRow("no_proxy port") << "http_proxy=p:1;no_proxy=a:8080"
                                       << "http://a:8080/"
                                       << "direct";
        QTest::newRow("no_proxy other port") << "http_proxy=p:1;no_proxy=a:8080"
                                             << "http://a:9090/"
                                             << "http p 1 - -";
        QTest::newRow("no_proxy cidr") << "http_proxy=p:1;no_proxy=10.0.0.0/8, 127.0.0.1"
                                       << "http://10.2.3.4/"
                                       << "direct";
        QTest::newRow("no_proxy cidr outside") << "http_proxy=p:1;no_proxy=10.0.0.0/8"
                                               << "http://11.0.0.1/"
                                               << "http p 1 - -";
        QTest::newRow("ipv6 proxy") << "http_proxy=http://[::1]:3128"
                                    << "http://a/"
                                    << "http ::1 3128 - -";
        QTest::newRow("bad scheme") << "https_proxy=ftp://p:1"
                                    << "https://a/"
                                    << "error https_proxy";
        QTest::newRow("bad port") << "HTTP_PROXY=p:99999"
                                  << "http://a/"
                                  << "error HTTP_PROXY";
    }
    void proxyFromTheEnvironment() {
        QFETCH(QString, variables);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        std::map<std::string, std::string> vars;
        for (const QString& kv : variables.split(';', Qt::SkipEmptyParts))
            vars[kv.section('=', 0, 0).toStdString()] = kv.section('=', 1).toStdString();
        auto env = [&](const char* name) {
            const auto it = vars.find(name);
            return it == vars.end() ? std::string() : it->second;
        };
        const QUrl u(url);
        QString got;
        try {
            const EnvironmentProxy p =
                EnvironmentProxy::forUrl(u.scheme().toStdString(), u.host().toStdString(),
                                         u.port(u.scheme() == "https" ? 443 : 80), env);
            if (p.type == EnvironmentProxy::Type::None) {
                got = "direct";
            } else {
                got = QString("%1 %2 %3 %4 %5")
                          .arg(p.type == EnvironmentProxy::Type::Http ? "http" : "socks5")
                          .arg(QString::fromStdString(p.host))
                          .arg(p.port)
                          .arg(p.user.empty() ? "-" : QString::fromStdString(p.user))
                          .arg(p.password.empty() ? "-" : QString::fromStdString(p.password));
            }
        } catch (const Error& e) {
            got = "error " + QString::fromStdString(e.file());
            QVERIFY(!QString(e.what()).contains("99999"));
        }
        QCOMPARE(got, expected);
    }

    // End to end: an endpoint no resolver knows is reached only through the proxy named in the
    // environment (the local hub answers as one); no_proxy sends it direct, where it fails.
    void downloadsThroughAProxy() {
        const QString port = QString::number(QUrl(hub_.endpoint()).port());
        qputenv("HF_ENDPOINT", ("http://hub.invalid:" + port).toUtf8());
        qputenv("HTTP_PROXY", hub_.endpoint().toUtf8());
        hub_.proxied.clear();
        const HubDownload d = HubClient().download("tiny/distilbert-sst2");
        QVERIFY(!d.files.empty());
        QVERIFY(hub_.proxied.contains("hub.invalid:" + port));

        qputenv("no_proxy", "invalid");
        init();  // a fresh cache
        try {
            HubClient().download("tiny/distilbert-sst2");
            QFAIL("no_proxy was not honoured");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("hub.invalid"), e.what());
        }
        qunsetenv("no_proxy");
        qputenv("HTTP_PROXY", "gopher://p:1");
        try {
            HubClient().download("tiny/distilbert-sst2");
            QFAIL("a proxy that cannot be used was ignored");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).startsWith("HTTP_PROXY:"), e.what());
        }
        qunsetenv("HTTP_PROXY");
        qputenv("HF_ENDPOINT", hub_.endpoint().toUtf8());
    }

    // The token goes where `huggingface-cli login` puts it, readable by the user only.
    void savesTheTokenLikeTheLogin() {
        QTemporaryDir home;
        qputenv("HF_HOME", home.path().toUtf8());
        qunsetenv("HF_TOKEN_PATH");
        HubCache::saveToken("hf_test123");
        QCOMPARE(QString::fromStdString(HubCache::token()), QString("hf_test123"));
        QCOMPARE(QFileInfo(home.filePath("token")).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        // A saved token replaces the old one through a temporary of its own: a link planted
        // beside it is not followed, and nothing is left behind.
        QFile victim(home.filePath("victim"));
        QVERIFY(victim.open(QIODevice::WriteOnly));
        victim.write("kept");
        victim.close();
        QVERIFY(QFile::link(home.filePath("victim"), home.filePath("token.distilbench-tmp")));
        HubCache::saveToken("hf_second");
        QCOMPARE(QString::fromStdString(HubCache::token()), QString("hf_second"));
        QVERIFY(victim.open(QIODevice::ReadOnly));
        QCOMPARE(victim.readAll(), QByteArray("kept"));
        victim.close();
        QCOMPARE(QDir(home.path()).entryList(QDir::Files | QDir::System | QDir::Hidden),
                 QStringList({"token", "token.distilbench-tmp", "victim"}));
        // A folder that cannot be written to: one line with the path and the errno text.
        if (::geteuid() != 0) {
            QFile::setPermissions(home.path(), QFile::ReadOwner | QFile::ExeOwner);
            try {
                HubCache::saveToken("hf_third");
                QFAIL("accepted");
            } catch (const Error& e) {
                QVERIFY2(QString(e.what()).contains(home.filePath("token")) &&
                             QString(e.what()).contains("Permission denied"),
                         e.what());
            }
            QFile::setPermissions(home.path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QCOMPARE(QString::fromStdString(HubCache::token()), QString("hf_second"));
        }
        HubCache::saveToken("");
        QVERIFY(!QFileInfo::exists(home.filePath("token")));
        qunsetenv("HF_HOME");
    }

    // Search shows what opens before anything is downloaded.
    void searchSaysWhatIsSupported() {
        qputenv("HF_ENDPOINT", hub_.endpoint().toUtf8());
        const auto found = HubClient().search("tiny");
        QCOMPARE(found.size(), std::size_t(3));
        for (const auto& m : found) {
            QVERIFY(m.supported);
            QCOMPARE(QString::fromStdString(m.license), QString("apache-2.0"));
            QVERIFY(m.downloads > 0);
        }
        QVERIFY(HubClient().search("tiny", "", "onnx").empty());
        QCOMPARE(HubClient().search("tiny", "", "transformers").size(), std::size_t(3));
        QCOMPARE(HubClient().search("roberta").front().architecture,
                 std::string("RobertaForSequenceClassification"));
    }

    // The CLI: `download ORG/NAME` prints the snapshot; commands that take a model take the id
    // and resolve it through the cache (no second download).
    void cliDownloadsAndResolvesIds() {
        auto run = [&](const QStringList& args) {
            QProcess p;
            p.start(QStringLiteral(DISTILBENCH_CLI), args);
            // The hub runs on this thread: serve it while the CLI works.
            [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 120000); }();
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() +
                                                             p.readAllStandardError())};
        };
        const auto [code, output] = run({"download", "tiny/distilbert-sst2", "--json"});
        QVERIFY2(code == 0, qPrintable(output));
        const QJsonObject o = QJsonDocument::fromJson(output.toUtf8()).object();
        QVERIFY(o["snapshot"].toString().startsWith(cache_->path()));
        QVERIFY(o["downloaded_bytes"].toDouble() > 0);
        const auto [inspectCode, inspected] = run({"inspect", "tiny/distilbert-sst2"});
        QVERIFY2(inspectCode == 0 && inspected.contains("DistilBertForSequenceClassification"),
                 qPrintable(inspected));
        const auto [missingCode, missing] = run({"inspect", "tiny/gated"});
        QCOMPARE(missingCode, 1);
        QVERIFY2(missing.contains("gated"), qPrintable(missing));
    }

private:
    LocalHub hub_;
    std::unique_ptr<QTemporaryDir> cache_;
};

QTEST_MAIN(HubTest)
#include "test_hub.moc"
