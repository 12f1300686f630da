// #17: the Hub token in the desktop keychain. Runs on a private session bus with a GNOME
// Keyring of its own (tests/run-with-keyring.sh), a real Secret Service peer.
#include <QApplication>
#include <QComboBox>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/SettingsDialog.h"
#include "core/hub/HubCache.h"
#include "core/hub/HubToken.h"
#include "core/keychain/SecretServiceKeychain.h"

using namespace distilbench;

class KeychainTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(SecretServiceKeychain::available(),
                 "no Secret Service on the session bus: run through tests/run-with-keyring.sh");
        qunsetenv("HF_TOKEN");
        qputenv("HF_ENDPOINT", "https://hub.example");
    }
    void init() {
        home_ = std::make_unique<QTemporaryDir>();
        qputenv("HF_HOME", home_->path().toUtf8());
        qunsetenv("HF_TOKEN_PATH");
        SecretServiceKeychain::remove(key());
        HubCache::saveTokenInKeychain("");
    }

    // Stored, read back, replaced in place (one item), removed.
    void storesReplacesAndRemoves() {
        QVERIFY(!SecretServiceKeychain::read(key(), false));
        SecretServiceKeychain::write("test", key(), "first");
        QCOMPARE(SecretServiceKeychain::read(key(), false).value_or(""), std::string("first"));
        SecretServiceKeychain::write("test", key(), "second é");
        QCOMPARE(SecretServiceKeychain::read(key(), false).value_or(""), std::string("second é"));
        // Other attributes are another entry.
        auto other = key();
        other["endpoint"] = "elsewhere";
        QVERIFY(!SecretServiceKeychain::read(other, false));
        QVERIFY(SecretServiceKeychain::remove(key()));
        QVERIFY(!SecretServiceKeychain::read(key(), false));
        QVERIFY(!SecretServiceKeychain::remove(key()));
    }

    // HF_TOKEN, then the keychain, then the login's file; one keychain entry per endpoint.
    void tokenPrecedence() {
        HubCache::saveToken("hf_file");
        QCOMPARE(HubCache::findToken(false).source, HubCache::TokenSource::File);
        HubCache::saveTokenInKeychain("hf_keychain");
        QVERIFY(QFileInfo::exists(home_->filePath("token")));  // the file stays Python's
        HubCache::FoundToken t = HubCache::findToken(false);
        QCOMPARE(t.source, HubCache::TokenSource::Keychain);
        QCOMPARE(t.token, std::string("hf_keychain"));
        QCOMPARE(HubCache::token(), std::string("hf_keychain"));
        qputenv("HF_TOKEN", "hf_env");
        QCOMPARE(HubCache::findToken(false).source, HubCache::TokenSource::Environment);
        qunsetenv("HF_TOKEN");
        // A private hub's token is not huggingface.co's.
        qputenv("HF_ENDPOINT", "http://127.0.0.1:1");
        QCOMPARE(HubCache::findToken(false).token, std::string("hf_file"));
        qputenv("HF_ENDPOINT", "https://hub.example");
        HubCache::saveTokenInKeychain("");
        QCOMPARE(HubCache::findToken(false).token, std::string("hf_file"));
        // Turned off, the keychain is not asked.
        HubCache::saveTokenInKeychain("hf_keychain");
        qputenv("DISTILBENCH_KEYCHAIN", "0");
        QVERIFY(!HubCache::keychainAvailable());
        QCOMPARE(HubCache::findToken(false).token, std::string("hf_file"));
        qunsetenv("DISTILBENCH_KEYCHAIN");
    }

    // A locked keyring is passed over without a prompt (the GUI thread's read) and says so;
    // the token file still answers.
    void lockedKeychainIsPassedOver() {
        HubCache::saveToken("hf_file");
        HubCache::saveTokenInKeychain("hf_keychain");
        QDBusMessage lock =
            QDBusMessage::createMethodCall("org.freedesktop.secrets", "/org/freedesktop/secrets",
                                           "org.freedesktop.Secret.Service", "Lock");
        lock.setArguments({QVariant::fromValue(
            QList<QDBusObjectPath>{QDBusObjectPath("/org/freedesktop/secrets/collection/login")})});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
        const HubCache::FoundToken t = HubCache::findToken(false);
        QCOMPARE(t.token, std::string("hf_file"));
        QCOMPARE(t.source, HubCache::TokenSource::File);
        QVERIFY2(QString::fromStdString(t.note).contains("locked"), t.note.c_str());
        unlockWithPassword();
        QCOMPARE(HubCache::findToken(false).token, std::string("hf_keychain"));
    }

    // Settings stores a new token in the keychain when one runs, without touching the file
    // Python uses; switching to the file removes our keychain entry.
    void settingsStoreInTheKeychain() {
        {
            SettingsDialog dialog;
            auto* store = dialog.findChild<QComboBox*>("hubTokenStore");
            QVERIFY(store);
            QCOMPARE(store->currentIndex(), 0);  // the keychain, when one runs
            QVERIFY(dialog.findChild<QLabel*>("hubTokenSource")->text().contains("No token"));
            dialog.findChild<QLineEdit*>("hubToken")->setText("hf_settings");
            dialog.accept();
        }
        QCOMPARE(HubCache::findToken(false).source, HubCache::TokenSource::Keychain);
        QCOMPARE(HubCache::token(), std::string("hf_settings"));
        QVERIFY(!QFileInfo::exists(home_->filePath("token")));
        {
            SettingsDialog dialog;
            QCOMPARE(dialog.findChild<QLineEdit*>("hubToken")->text(), QString("hf_settings"));
            QVERIFY(dialog.findChild<QLabel*>("hubTokenSource")->text().contains("keychain"));
            dialog.findChild<QComboBox*>("hubTokenStore")->setCurrentIndex(1);
            dialog.accept();
        }
        QCOMPARE(HubCache::findToken(false).source, HubCache::TokenSource::File);
        QCOMPARE(HubCache::token(), std::string("hf_settings"));
        QVERIFY(!SecretServiceKeychain::read({{"application", "distilbench"},
                                              {"kind", "huggingface-token"},
                                              {"endpoint", "https://hub.example"}},
                                             false));
    }

private:
    static SecretServiceKeychain::Attributes key() {
        return {{"application", "distilbench-test"}, {"endpoint", "https://hub.example"}};
    }
    // gnome-keyring's own control interface takes the password without a window.
    static void unlockWithPassword() {
        QDBusMessage open =
            QDBusMessage::createMethodCall("org.freedesktop.secrets", "/org/freedesktop/secrets",
                                           "org.freedesktop.Secret.Service", "OpenSession");
        open.setArguments({QString("plain"), QVariant::fromValue(QDBusVariant(QString()))});
        const QDBusMessage session = QDBusConnection::sessionBus().call(open);
        QDBusMessage unlock = QDBusMessage::createMethodCall(
            "org.freedesktop.secrets", "/org/freedesktop/secrets",
            "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
            "UnlockWithMasterPassword");
        const QByteArray password = "distilbench-test";
        QDBusArgument secret;
        secret.beginStructure();
        secret << session.arguments().value(1).value<QDBusObjectPath>() << QByteArray() << password
               << QString("text/plain");
        secret.endStructure();
        unlock.setArguments(
            {QVariant::fromValue(QDBusObjectPath("/org/freedesktop/secrets/collection/login")),
             QVariant::fromValue(secret)});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(unlock);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

    std::unique_ptr<QTemporaryDir> home_;
};

QTEST_MAIN(KeychainTest)
#include "test_keychain.moc"
