#pragma once

// A Hugging Face Hub on 127.0.0.1 for the tests (there is no internet here, nor in CI): the
// endpoints the client uses — /api/models/{id}/revision/{rev}, /{id}/resolve/{rev}/{file} with
// ETag, X-Repo-Commit, X-Linked-Etag, X-Linked-Size, LFS redirects to a storage path, Range,
// 401 for a gated model, 404 — serving fixture folders. It can drop a connection mid-file once
// (resume) and serve damaged bytes (integrity). It runs on the test's thread: the client's own
// event loop serves it while it waits.
#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

class LocalHub : public QObject {
public:
    struct Repo {
        QString commit;
        QMap<QString, QByteArray> files;
        bool gated = false;
    };

    LocalHub() {
        connect(&server_, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = server_.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        server_.listen(QHostAddress::LocalHost, 0);
    }
    QString endpoint() const {
        return QStringLiteral("http://127.0.0.1:%1").arg(server_.serverPort());
    }

    // Serves every file of `folder` (one level) as repository `id`.
    void addRepo(const QString& id, const QString& folder, bool gated = false) {
        Repo r;
        r.gated = gated;
        for (const QString& name : QDir(folder).entryList(QDir::Files)) {
            QFile f(folder + "/" + name);
            if (f.open(QIODevice::ReadOnly)) r.files[name] = f.readAll();
        }
        r.commit = QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha1).toHex();
        repos_[id] = r;
    }

    void addFile(const QString& id, const QString& name, const QByteArray& content) {
        repos_[id].files[name] = content;
    }

    static bool isLfs(const QString& name) {
        return name.endsWith(".safetensors") || name.endsWith(".bin");
    }
    static QByteArray sha256(const QByteArray& b) {
        return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
    }
    static QByteArray gitSha1(const QByteArray& b) {
        return QCryptographicHash::hash("blob " + QByteArray::number(b.size()) + '\0' + b,
                                        QCryptographicHash::Sha1)
            .toHex();
    }

    // Test switches and what the server saw.
    qint64 dropAfterBytes = -1;  // once: the next storage GET stops after this many bytes
    bool corrupt = false;        // storage GETs send damaged bytes (the ETag stays)
    bool ignoreRange = false;    // storage GETs answer 200 with the whole file, as some CDNs do
    QStringList ranges;          // Range headers of storage GETs
    int storageGets = 0;
    QStringList proxied;  // host:port of requests that came as to a proxy

private:
    void onRead(QTcpSocket* s) {
        QByteArray& buffer = pending_[s];
        buffer += s->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        buffer.clear();
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        const QByteArray method = first.value(0);
        QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(first.value(1)));
        // Asked as a proxy: the request line carries the whole URL.
        if (path.startsWith("http://")) {
            const int slash = path.indexOf('/', 7);
            proxied << path.mid(7, slash < 0 ? -1 : slash - 7);
            path = slash < 0 ? QStringLiteral("/") : path.mid(slash);
        }
        const int query = path.indexOf('?');
        query_ = QUrlQuery(query >= 0 ? path.mid(query + 1) : QString());
        if (query >= 0) path.truncate(query);
        QMap<QByteArray, QByteArray> headers;
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0)
                headers[lines[i].left(colon).trimmed().toLower()] =
                    lines[i].mid(colon + 1).trimmed();
        }
        respond(s, method, path, headers);
    }

    void send(QTcpSocket* s, int status, const QList<QPair<QByteArray, QByteArray>>& headers,
              const QByteArray& body, bool head, qint64 contentLength = -1) {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
        for (const auto& [k, v] : headers) out += k + ": " + v + "\r\n";
        out += "Content-Length: " +
               QByteArray::number(contentLength >= 0 ? contentLength : body.size()) +
               "\r\nConnection: close\r\n\r\n";
        s->write(out);
        if (!head) s->write(body);
        s->flush();
        s->disconnectFromHost();
    }

    void respond(QTcpSocket* s, const QByteArray& method, const QString& path,
                 const QMap<QByteArray, QByteArray>& headers) {
        const bool head = method == "HEAD";
        // Storage: /lfs/<sha256> with Range.
        if (path.startsWith("/lfs/")) {
            const QByteArray sha = path.mid(5).toUtf8();
            for (const Repo& r : repos_)
                for (auto it = r.files.begin(); it != r.files.end(); ++it) {
                    if (sha256(it.value()) != sha) continue;
                    QByteArray body = it.value();
                    if (corrupt) body[body.size() / 2] = char(body[body.size() / 2] ^ 0x5a);
                    ++storageGets;
                    qint64 from = 0;
                    if (headers.contains("range") && !ignoreRange) {
                        ranges << QString::fromUtf8(headers["range"]);
                        from = headers["range"].mid(6).split('-').value(0).toLongLong();
                    }
                    const QByteArray part = body.mid(from);
                    const int status = from > 0 ? 206 : 200;
                    QList<QPair<QByteArray, QByteArray>> h{{"ETag", '"' + sha + '"'}};
                    if (from > 0)
                        h.append({"Content-Range", "bytes " + QByteArray::number(from) + "-" +
                                                       QByteArray::number(body.size() - 1) + "/" +
                                                       QByteArray::number(body.size())});
                    if (!head && dropAfterBytes >= 0 && dropAfterBytes < part.size()) {
                        const qint64 cut = dropAfterBytes;
                        dropAfterBytes = -1;
                        QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + " X\r\n";
                        for (const auto& [k, v] : h) out += k + ": " + v + "\r\n";
                        out += "Content-Length: " + QByteArray::number(part.size()) +
                               "\r\nConnection: close\r\n\r\n";
                        s->write(out + part.left(cut));
                        s->flush();
                        s->disconnectFromHost();  // mid-file
                        return;
                    }
                    send(s, status, h, part, head);
                    return;
                }
            send(s, 404, {}, "not found", head);
            return;
        }
        // /api/models?search=... : what the search box asks
        if (path == "/api/models") {
            const QString search = query_.queryItemValue("search");
            const QString library = query_.queryItemValue("library");
            QJsonArray results;
            for (auto it = repos_.begin(); it != repos_.end(); ++it) {
                if (!it.key().contains(search, Qt::CaseInsensitive)) continue;
                if (!library.isEmpty() && library != "transformers") continue;  // all are
                QJsonObject config;
                const QJsonObject c =
                    QJsonDocument::fromJson(it.value().files["config.json"]).object();
                config["model_type"] = c.value("model_type");
                config["architectures"] = c.value("architectures");
                results.append(QJsonObject{{"id", it.key()},
                                           {"pipeline_tag", "text-classification"},
                                           {"library_name", "transformers"},
                                           {"downloads", 1234},
                                           {"likes", 5},
                                           {"lastModified", "2026-11-01T10:00:00.000Z"},
                                           {"tags", QJsonArray{"license:apache-2.0"}},
                                           {"config", config}});
            }
            send(s, 200, {{"Content-Type", "application/json"}},
                 QJsonDocument(results).toJson(QJsonDocument::Compact), head);
            return;
        }
        // /api/models/<org>/<name>/revision/<rev>
        if (path.startsWith("/api/models/")) {
            const QString rest = path.mid(12);
            const int rev = rest.indexOf("/revision/");
            const QString id = rev >= 0 ? rest.left(rev) : rest;
            if (!repos_.contains(id)) {
                send(s, 404, {{"X-Error-Code", "RepoNotFound"}}, "{}", head);
                return;
            }
            const Repo& r = repos_[id];
            if (r.gated) {
                send(s, 401, {{"X-Error-Code", "GatedRepo"}}, "{\"error\": \"gated\"}", head);
                return;
            }
            QJsonArray siblings;
            for (auto it = r.files.begin(); it != r.files.end(); ++it) {
                QJsonObject f{{"rfilename", it.key()}, {"size", double(it.value().size())}};
                if (isLfs(it.key()))
                    f["lfs"] = QJsonObject{{"sha256", QString(sha256(it.value()))},
                                           {"size", double(it.value().size())}};
                siblings.append(f);
            }
            send(s, 200, {{"Content-Type", "application/json"}},
                 QJsonDocument(QJsonObject{{"id", id}, {"sha", r.commit}, {"siblings", siblings}})
                     .toJson(QJsonDocument::Compact),
                 head);
            return;
        }
        // /<org>/<name>/resolve/<rev>/<file>
        const int resolve = path.indexOf("/resolve/");
        if (resolve > 0) {
            const QString id = path.mid(1, resolve - 1);
            const QString rest = path.mid(resolve + 9);
            const QString file = rest.mid(rest.indexOf('/') + 1);
            if (!repos_.contains(id) || !repos_[id].files.contains(file)) {
                send(s, 404, {{"X-Error-Code", "EntryNotFound"}}, "not found", head);
                return;
            }
            const Repo& r = repos_[id];
            if (r.gated) {
                send(s, 401, {{"X-Error-Code", "GatedRepo"}}, "gated", head);
                return;
            }
            const QByteArray body = r.files[file];
            if (isLfs(file)) {
                const QByteArray sha = sha256(body);
                send(s, 302,
                     {{"Location", endpoint().toUtf8() + "/lfs/" + sha},  // storage elsewhere
                      {"X-Repo-Commit", r.commit.toUtf8()},
                      {"X-Linked-Etag", '"' + sha + '"'},
                      {"X-Linked-Size", QByteArray::number(body.size())},
                      {"ETag", "\"pointer\""}},
                     {}, head);
                return;
            }
            send(s, 200,
                 {{"X-Repo-Commit", r.commit.toUtf8()}, {"ETag", '"' + gitSha1(body) + '"'}}, body,
                 head);
            return;
        }
        send(s, 404, {}, "not found", head);
    }

    QTcpServer server_;
    QUrlQuery query_;
    QMap<QString, Repo> repos_;
    QMap<QTcpSocket*, QByteArray> pending_;
};
