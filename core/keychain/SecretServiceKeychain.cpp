#include "core/keychain/SecretServiceKeychain.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <mutex>

#include "core/runtime/Error.h"

namespace {

// The Secret Service's (oayays): the session, algorithm parameters, the value, its MIME type.
struct SecretStruct {
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument& operator<<(QDBusArgument& a, const SecretStruct& s) {
    a.beginStructure();
    a << s.session << s.parameters << s.value << s.contentType;
    a.endStructure();
    return a;
}

const QDBusArgument& operator>>(const QDBusArgument& a, SecretStruct& s) {
    a.beginStructure();
    a >> s.session >> s.parameters >> s.value >> s.contentType;
    a.endStructure();
    return a;
}

}  // namespace

Q_DECLARE_METATYPE(SecretStruct)

namespace distilbench {
namespace {

using StringMap = QMap<QString, QString>;

const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
const QString kCollectionInterface = QStringLiteral("org.freedesktop.Secret.Collection");
const QString kItemInterface = QStringLiteral("org.freedesktop.Secret.Item");
const QString kPromptInterface = QStringLiteral("org.freedesktop.Secret.Prompt");
const QString kDefaultCollection = QStringLiteral("/org/freedesktop/secrets/aliases/default");
constexpr int kCallTimeoutMs = 10000;
constexpr int kPromptTimeoutMs = 120000;

void registerTypes() {
    static std::once_flag once;
    std::call_once(once, [] {
        qDBusRegisterMetaType<SecretStruct>();
        qDBusRegisterMetaType<StringMap>();
    });
}

StringMap toMap(const SecretServiceKeychain::Attributes& attributes) {
    StringMap m;
    for (const auto& [k, v] : attributes)
        m.insert(QString::fromStdString(k), QString::fromStdString(v));
    return m;
}

// One blocking call; a D-Bus error becomes an Error naming the service and the method.
QList<QVariant> call(const QString& path, const QString& interface, const QString& method,
                     const QList<QVariant>& arguments) {
    QDBusMessage message = QDBusMessage::createMethodCall(kService, path, interface, method);
    message.setArguments(arguments);
    const QDBusMessage reply =
        QDBusConnection::sessionBus().call(message, QDBus::Block, kCallTimeoutMs);
    if (reply.type() == QDBusMessage::ErrorMessage)
        throw Error("the keychain (Secret Service)",
                    (method + ": " +
                     (reply.errorMessage().isEmpty() ? reply.errorName() : reply.errorMessage()))
                        .toStdString());
    return reply.arguments();
}

QList<QDBusObjectPath> paths(const QVariant& v) {
    if (v.canConvert<QDBusArgument>()) return qdbus_cast<QList<QDBusObjectPath>>(v);
    return v.value<QList<QDBusObjectPath>>();
}

QDBusObjectPath objectPath(const QVariant& v) {
    return v.value<QDBusObjectPath>();
}

// Waits for a prompt's Completed signal on this thread's own event loop.
class PromptWaiter : public QObject {
    Q_OBJECT
public:
    bool dismissed = true;
    QEventLoop loop;

public Q_SLOTS:
    void completed(bool wasDismissed, const QDBusVariant&) {
        dismissed = wasDismissed;
        loop.quit();
    }
};

// Runs the service's prompt (its own password window) when `prompt` is not "/"; true when the
// user completed it.
bool runPrompt(const QDBusObjectPath& prompt) {
    if (prompt.path() == "/" || prompt.path().isEmpty()) return true;
    PromptWaiter waiter;
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, prompt.path(), kPromptInterface, "Completed", &waiter,
                SLOT(completed(bool, QDBusVariant)));
    call(prompt.path(), kPromptInterface, "Prompt", {QString()});
    QTimer::singleShot(kPromptTimeoutMs, &waiter.loop, &QEventLoop::quit);
    waiter.loop.exec();
    bus.disconnect(kService, prompt.path(), kPromptInterface, "Completed", &waiter,
                   SLOT(completed(bool, QDBusVariant)));
    return !waiter.dismissed;
}

// A session with the "plain" algorithm: the value travels unencrypted over the session bus,
// which only this user's processes can reach (what libsecret does without a DH exchange too).
class Session {
public:
    Session() {
        const QList<QVariant> out =
            call(kServicePath, kServiceInterface, "OpenSession",
                 {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
        path_ = objectPath(out.value(1));
    }
    ~Session() {
        try {
            call(path_.path(), QStringLiteral("org.freedesktop.Secret.Session"), "Close", {});
        } catch (...) {  // the service closes it with the connection anyway
        }
    }
    const QDBusObjectPath& path() const { return path_; }

private:
    QDBusObjectPath path_;
};

bool unlock(const QList<QDBusObjectPath>& objects) {
    const QList<QVariant> out =
        call(kServicePath, kServiceInterface, "Unlock", {QVariant::fromValue(objects)});
    return runPrompt(objectPath(out.value(1)));
}

}  // namespace

bool SecretServiceKeychain::available() {
    if (qgetenv("DISTILBENCH_KEYCHAIN") == "0" || !QCoreApplication::instance()) return false;
    // Without an address Qt would try to autolaunch a bus; there is simply no keychain then.
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
        (runtime.isEmpty() || !QFileInfo::exists(QString::fromLocal8Bit(runtime) + "/bus")))
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) return false;
    registerTypes();
    for (const char* method : {"ListNames", "ListActivatableNames"}) {
        QDBusMessage m = QDBusMessage::createMethodCall(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", method);
        const QDBusMessage reply = bus.call(m, QDBus::Block, kCallTimeoutMs);
        if (reply.type() == QDBusMessage::ReplyMessage &&
            reply.arguments().value(0).toStringList().contains(kService))
            return true;
    }
    return false;
}

std::optional<std::string> SecretServiceKeychain::read(const Attributes& attributes, bool mayPrompt,
                                                       std::string* problem) {
    registerTypes();
    const QList<QVariant> found = call(kServicePath, kServiceInterface, "SearchItems",
                                       {QVariant::fromValue(toMap(attributes))});
    QList<QDBusObjectPath> items = paths(found.value(0));
    if (items.isEmpty()) {
        const QList<QDBusObjectPath> locked = paths(found.value(1));
        if (locked.isEmpty()) return std::nullopt;
        if (!mayPrompt || !unlock(locked)) {
            if (problem) *problem = "the keychain is locked";
            return std::nullopt;
        }
        items = locked;
    }
    Session session;
    const QList<QVariant> out = call(items.first().path(), kItemInterface, "GetSecret",
                                     {QVariant::fromValue(session.path())});
    const SecretStruct secret = qdbus_cast<SecretStruct>(out.value(0));
    return secret.value.toStdString();
}

void SecretServiceKeychain::write(const std::string& label, const Attributes& attributes,
                                  const std::string& secret) {
    if (!available()) throw Error("the keychain (Secret Service)", "is not available");
    registerTypes();
    // A locked default collection (the session's keyring not yet opened) is opened through
    // its prompt first; the item is created with replace=true so one entry stays per key.
    const QList<QVariant> locked = call(kDefaultCollection, "org.freedesktop.DBus.Properties",
                                        "Get", {kCollectionInterface, QStringLiteral("Locked")});
    if (locked.value(0).value<QDBusVariant>().variant().toBool() &&
        !unlock({QDBusObjectPath(kDefaultCollection)}))
        throw Error("the keychain (Secret Service)", "stayed locked: the unlock was dismissed");
    Session session;
    QVariantMap properties;
    properties.insert("org.freedesktop.Secret.Item.Label", QString::fromStdString(label));
    properties.insert("org.freedesktop.Secret.Item.Attributes",
                      QVariant::fromValue(toMap(attributes)));
    SecretStruct value{session.path(), QByteArray(), QByteArray::fromStdString(secret),
                       QStringLiteral("text/plain")};
    const QList<QVariant> out = call(kDefaultCollection, kCollectionInterface, "CreateItem",
                                     {properties, QVariant::fromValue(value), true});
    if (!runPrompt(objectPath(out.value(1))))
        throw Error("the keychain (Secret Service)", "did not store the secret: dismissed");
}

bool SecretServiceKeychain::remove(const Attributes& attributes) {
    if (!available()) return false;
    registerTypes();
    const QList<QVariant> found = call(kServicePath, kServiceInterface, "SearchItems",
                                       {QVariant::fromValue(toMap(attributes))});
    QList<QDBusObjectPath> items = paths(found.value(0)) + paths(found.value(1));
    for (const QDBusObjectPath& item : items)
        runPrompt(objectPath(call(item.path(), kItemInterface, "Delete", {}).value(0)));
    return !items.isEmpty();
}

}  // namespace distilbench

#include "SecretServiceKeychain.moc"
