#include "core/hub/HubClient.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/file.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "core/hub/EnvironmentProxy.h"
#include "core/hub/HubCache.h"
#include "core/hub/HubToken.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Error.h"
#include "core/util/AtomicFile.h"
#include "core/util/HumanUnits.h"

namespace distilbench {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxAttempts = 5;  // a dropped connection resumes where it stopped

struct HttpResult {
    int status = 0;
    std::map<std::string, std::string> headers;  // lower-case names
    QByteArray body;
    QUrl url;
    std::string error;  // the network's reason when there was no HTTP answer
    bool aborted = false;

    std::string header(const std::string& name) const {
        const auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
};

std::string environmentVariable(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

QNetworkProxy proxyFor(const QUrl& url) {
    const EnvironmentProxy p =
        EnvironmentProxy::forUrl(url.scheme().toStdString(), url.host().toStdString(),
                                 url.port(url.scheme() == "https" ? 443 : 80), environmentVariable);
    if (p.type == EnvironmentProxy::Type::None) return QNetworkProxy(QNetworkProxy::NoProxy);
    return QNetworkProxy(p.type == EnvironmentProxy::Type::Socks5 ? QNetworkProxy::Socks5Proxy
                                                                  : QNetworkProxy::HttpProxy,
                         QString::fromStdString(p.host), static_cast<quint16>(p.port),
                         QString::fromStdString(p.user), QString::fromStdString(p.password));
}

// Proxies as huggingface_hub (Python's requests) takes them from the environment, asked per
// connection so that a redirect to another host follows no_proxy too.
class EnvironmentProxyFactory : public QNetworkProxyFactory {
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override {
        try {
            return {proxyFor(query.url())};
        } catch (const std::exception&) {
            // request() checked the same variables for this scheme before connecting.
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        }
    }
};

// One HTTP exchange on this thread's own event loop. The body goes to `sink` when given
// (streamed: a multi-gigabyte file never sits in memory), else into the result.
HttpResult request(const QByteArray& method, const QUrl& url, const std::string& token,
                   bool followRedirects, QIODevice* sink, qint64 rangeStart,
                   const JobCallbacks& callbacks,
                   const std::function<void(qint64 received)>& received = {}) {
    // A proxy variable that cannot be used stops here with its name, before any connection.
    proxyFor(url);
    QNetworkAccessManager manager;
    manager.setProxyFactory(new EnvironmentProxyFactory);  // the manager owns it
    QNetworkRequest r(url);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                   followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                   : QNetworkRequest::ManualRedirectPolicy);
    r.setRawHeader("User-Agent", "DistilBench/" DISTILBENCH_VERSION);
    if (!token.empty()) r.setRawHeader("Authorization", QByteArray("Bearer ") + token.c_str());
    if (rangeStart > 0) r.setRawHeader("Range", "bytes=" + QByteArray::number(rangeStart) + "-");
    r.setTransferTimeout(60000);
    QNetworkReply* reply = manager.sendCustomRequest(r, method);
    HttpResult out;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        const QByteArray chunk = reply->readAll();
        if (sink && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 == 2) {
            if (sink->write(chunk) != chunk.size()) reply->abort();
            if (received) received(chunk.size());
        } else {
            out.body += chunk;
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (callbacks.aborted()) {
            out.aborted = true;
            reply->abort();
        }
    });
    poll.start(100);
    loop.exec();
    const QByteArray rest = reply->readAll();
    if (sink && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() / 100 == 2) {
        sink->write(rest);
        if (received) received(rest.size());
    } else {
        out.body += rest;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.url = reply->url();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        out.headers[name.toLower().toStdString()] = value.toStdString();
    if (reply->error() != QNetworkReply::NoError && (out.status == 0 || out.status / 100 == 2))
        out.error = reply->errorString().toStdString();
    reply->deleteLater();
    if (out.aborted) throw JobCancelled();
    return out;
}

// The message for a refusal, as a user can act on it.
[[noreturn]] void refuse(const HttpResult& r, const std::string& endpoint,
                         const std::string& repoId, const std::string& what) {
    const std::string page = endpoint + "/" + repoId;
    const std::string code = r.header("x-error-code");
    if (r.status == 401 || r.status == 403) {
        if (code == "GatedRepo" || r.body.contains("gated") || r.body.contains("Gated"))
            throw Error(repoId, "is gated: accept its licence at " + page +
                                    " and give a token (HF_TOKEN, `huggingface-cli login`, or "
                                    "Settings)");
        throw Error(repoId, "needs a token: it is private or gated (" + page +
                                "); set HF_TOKEN, run `huggingface-cli login`, or enter one in "
                                "Settings");
    }
    if (r.status == 404) throw Error(repoId, "not found on " + endpoint + " (" + what + ")");
    if (!r.error.empty()) throw Error(endpoint, "cannot be reached: " + r.error);
    throw Error(repoId, what + ": the Hub answered HTTP " + std::to_string(r.status));
}

std::string normalisedEtag(std::string etag) {
    if (etag.rfind("W/", 0) == 0) etag = etag.substr(2);
    if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"')
        etag = etag.substr(1, etag.size() - 2);
    return etag;
}

// The content's hash in the form its ETag has: sha256 for LFS files, git's blob sha1 otherwise.
std::string hashOf(const std::string& path, const std::string& etag) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(etag.size() == 64 ? QCryptographicHash::Sha256
                                              : QCryptographicHash::Sha1);
    if (etag.size() != 64) hash.addData("blob " + QByteArray::number(f.size()) + '\0');
    hash.addData(&f);
    return hash.result().toHex().toStdString();
}

// An exclusive lock on a blob while it is downloaded: another window of the app, or Python's
// huggingface_hub, wait rather than write the same file.
class BlobLock {
public:
    BlobLock(const fs::path& path, const JobCallbacks& callbacks) {
        std::error_code ec;
        fs::create_directories(path.parent_path(), ec);
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0)
            throw Error(path.string(), std::string("cannot be created: ") + strerror(errno));
        while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            callbacks.checkAbort();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    ~BlobLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    BlobLock(const BlobLock&) = delete;
    BlobLock& operator=(const BlobLock&) = delete;

private:
    int fd_ = -1;
};

bool matchesAny(const std::string& name, const std::vector<std::string>& patterns) {
    for (const auto& p : patterns)
        if (fnmatch(p.c_str(), name.c_str(), 0) == 0) return true;
    return false;
}

}  // namespace

HubClient::HubClient()
    : endpoint_(HubCache::endpoint()), token_(HubCache::token()), cache_(HubCache::cacheDir()) {}

std::vector<HubSearchResult> HubClient::search(const std::string& query, const std::string& task,
                                               const std::string& library, int limit,
                                               const JobCallbacks& callbacks) const {
    if (HubCache::offline())
        throw Error("HF_HUB_OFFLINE is set: the Hub cannot be searched (the cache still opens)");
    QUrlQuery q;
    q.addQueryItem("search", QString::fromStdString(query));
    if (!task.empty()) q.addQueryItem("filter", QString::fromStdString(task));
    if (!library.empty()) q.addQueryItem("library", QString::fromStdString(library));
    q.addQueryItem("sort", "downloads");
    q.addQueryItem("direction", "-1");
    q.addQueryItem("limit", QString::number(std::clamp(limit, 1, 100)));
    q.addQueryItem("full", "true");
    q.addQueryItem("config", "true");
    QUrl url(QString::fromStdString(endpoint_ + "/api/models"));
    url.setQuery(q);
    const HttpResult r = request("GET", url, token_, true, nullptr, 0, callbacks);
    if (r.status != 200) refuse(r, endpoint_, "search", "'" + query + "'");
    std::vector<HubSearchResult> out;
    for (const auto& v : QJsonDocument::fromJson(r.body).array()) {
        const QJsonObject o = v.toObject();
        HubSearchResult m;
        m.id = o.value("id").toString(o.value("modelId").toString()).toStdString();
        m.task = o.value("pipeline_tag").toString().toStdString();
        m.library = o.value("library_name").toString().toStdString();
        m.downloads = o.value("downloads").toInteger();
        m.likes = o.value("likes").toInteger();
        m.lastModified = o.value("lastModified").toString().toStdString();
        for (const auto& t : o.value("tags").toArray())
            if (t.toString().startsWith("license:")) m.license = t.toString().mid(8).toStdString();
        const QJsonObject config = o.value("config").toObject();
        m.modelType = config.value("model_type").toString().toStdString();
        const QJsonArray archs = config.value("architectures").toArray();
        if (!archs.isEmpty()) m.architecture = archs.first().toString().toStdString();
        // Supported before downloading: the config reader's verdict on what the Hub shows.
        try {
            QJsonObject probe{{"model_type", config.value("model_type")}};
            if (!archs.isEmpty()) probe["architectures"] = archs;
            (void)ModelConfig::fromJson(probe, m.id);
            m.supported = true;
        } catch (const std::exception& e) {
            m.problem = e.what();
        }
        if (!m.id.empty()) out.push_back(std::move(m));
    }
    return out;
}

HubModelInfo HubClient::modelInfo(const std::string& repoId, const std::string& revision,
                                  const JobCallbacks& callbacks) const {
    if (!HubCache::isRepoId(repoId))
        throw Error("'" + repoId + "' is not a model id (organisation/name)");
    const QUrl url(QString::fromStdString(
        endpoint_ + "/api/models/" + repoId + "/revision/" +
        QUrl::toPercentEncoding(QString::fromStdString(revision)).toStdString() + "?blobs=true"));
    const HttpResult r = request("GET", url, token_, true, nullptr, 0, callbacks);
    if (r.status != 200) refuse(r, endpoint_, repoId, "revision " + revision);
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    HubModelInfo info;
    info.id = repoId;
    info.commit = o.value("sha").toString().toStdString();
    if (!HubCache::isCommitHash(info.commit))
        throw Error(repoId, "the Hub's answer names no commit for revision " + revision);
    for (const auto& s : o.value("siblings").toArray()) {
        const QJsonObject f = s.toObject();
        HubFile file;
        file.name = f.value("rfilename").toString().toStdString();
        file.size = f.value("size").toInteger(-1);
        const QJsonObject lfs = f.value("lfs").toObject();
        if (!lfs.isEmpty()) {
            file.sha256 = lfs.value("sha256").toString().toStdString();
            file.size = lfs.value("size").toInteger(file.size);
        }
        // A name that climbs out of the snapshot folder is refused, not followed.
        if (file.name.empty() || file.name.front() == '/' ||
            file.name.find("..") != std::string::npos)
            continue;
        info.files.push_back(file);
    }
    return info;
}

std::string HubClient::modelCard(const std::string& repoId, const std::string& revision,
                                 const JobCallbacks& callbacks) const {
    if (!HubCache::isRepoId(repoId)) throw Error("'" + repoId + "' is not a model id");
    const QUrl url(
        QString::fromStdString(endpoint_ + "/" + repoId + "/resolve/" + revision + "/README.md"));
    const HttpResult r = request("GET", url, token_, true, nullptr, 0, callbacks);
    if (r.status == 404) return {};
    if (r.status != 200) refuse(r, endpoint_, repoId, "README.md");
    std::string card = r.body.left(1 << 20).toStdString();
    // The metadata block between "---" lines is for the Hub, not for reading.
    if (card.rfind("---", 0) == 0) {
        const auto end = card.find("\n---", 3);
        if (end != std::string::npos) {
            const auto next = card.find('\n', end + 4);
            card = next == std::string::npos ? std::string() : card.substr(next + 1);
        }
    }
    return card;
}

namespace {
// What a model may hold besides its weights, in the order transformers looks.
constexpr const char* kModelFiles[] = {"config.json",
                                       "tokenizer.json",
                                       "tokenizer_config.json",
                                       "special_tokens_map.json",
                                       "vocab.txt",
                                       "vocab.json",
                                       "merges.txt",
                                       "added_tokens.json",
                                       "spiece.model",
                                       "spm.model",
                                       "sentencepiece.bpe.model",
                                       "tokenizer.model",
                                       "README.md"};
constexpr const char* kWeightFiles[] = {"model.safetensors", "model.safetensors.index.json",
                                        "pytorch_model.bin", "pytorch_model.bin.index.json"};
}  // namespace

std::vector<std::string> HubClient::absentFiles(const HubModelInfo& info) {
    std::set<std::string> present;
    for (const auto& f : info.files) present.insert(f.name);
    std::vector<std::string> out;
    for (const char* name : kModelFiles)
        if (!present.count(name)) out.push_back(name);
    for (const char* name : kWeightFiles)
        if (!present.count(name)) out.push_back(name);
    return out;
}

std::vector<std::string> HubClient::filesToDownload(const HubModelInfo& info,
                                                    const std::vector<std::string>& include) {
    std::set<std::string> present;
    for (const auto& f : info.files) present.insert(f.name);
    std::vector<std::string> out;
    auto want = [&](const std::string& name) {
        if (present.count(name) && std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    };
    for (const char* name : kModelFiles) want(name);
    // Weights: safetensors over .bin; a sharded index with its shards.
    auto shards = [&](const char* pattern) {
        for (const auto& f : info.files)
            if (fnmatch(pattern, f.name.c_str(), 0) == 0) want(f.name);
    };
    if (present.count("model.safetensors")) {
        want("model.safetensors");
    } else if (present.count("model.safetensors.index.json")) {
        want("model.safetensors.index.json");
        shards("model-*-of-*.safetensors");
    } else if (present.count("pytorch_model.bin")) {
        want("pytorch_model.bin");
    } else if (present.count("pytorch_model.bin.index.json")) {
        want("pytorch_model.bin.index.json");
        shards("pytorch_model-*-of-*.bin");
    }
    for (const auto& f : info.files)
        if (matchesAny(f.name, include)) want(f.name);
    return out;
}

HubDownload HubClient::download(const std::string& repoId, const std::string& revision,
                                const std::vector<std::string>& include,
                                const JobCallbacks& callbacks) const {
    if (HubCache::offline()) {
        if (const auto snap = HubCache::snapshot(cache_, repoId, revision))
            return HubDownload{*snap, fs::path(*snap).filename().string(), {}, 0};
        throw Error(repoId, "is not in the cache (" + cache_ +
                                ") and HF_HUB_OFFLINE forbids downloading it");
    }
    callbacks.report(0.0, "asking " + endpoint_ + " about " + repoId);
    const HubModelInfo info = modelInfo(repoId, revision, callbacks);
    const std::vector<std::string> names = filesToDownload(info, include);
    if (std::find(names.begin(), names.end(), "config.json") == names.end())
        throw Error(repoId, "has no config.json: not a transformers model");
    std::map<std::string, std::int64_t> sizeOf;
    std::int64_t total = 0;
    for (const auto& f : info.files) sizeOf[f.name] = f.size;
    for (const auto& n : names) total += std::max<std::int64_t>(0, sizeOf[n]);

    const fs::path repo = HubCache::repoFolder(cache_, repoId);
    const fs::path snapshot = repo / "snapshots" / info.commit;
    const fs::path locks = fs::path(cache_) / ".locks" / repo.filename();
    std::error_code ec;
    fs::create_directories(repo / "blobs", ec);
    fs::create_directories(snapshot, ec);
    if (ec) throw Error(snapshot.string(), "cannot be created: " + ec.message());

    HubDownload result;
    result.commit = info.commit;
    result.snapshot = snapshot.string();
    std::int64_t done = 0;
    EtaEstimator eta;
    eta.start();
    const auto started = std::chrono::steady_clock::now();
    for (const std::string& name : names) {
        callbacks.checkAbort();
        // Metadata without following the redirect to the storage: the ETag of the content
        // (X-Linked-Etag for LFS files) and where it is.
        QUrl url(QString::fromStdString(endpoint_ + "/" + repoId + "/resolve/" + info.commit + "/" +
                                        name));
        HttpResult head;
        for (int hop = 0; hop < 5; ++hop) {
            head = request("HEAD", url, token_, false, nullptr, 0, callbacks);
            const std::string location = head.header("location");
            // Relative redirects (a renamed repository) are the Hub's own: follow them here.
            if (head.status / 100 == 3 && !location.empty() && location.front() == '/') {
                url = url.resolved(QUrl(QString::fromStdString(location)));
                continue;
            }
            break;
        }
        if (head.status != 200 && head.status / 100 != 3) refuse(head, endpoint_, repoId, name);
        std::string etag = normalisedEtag(head.header("x-linked-etag"));
        if (etag.empty()) etag = normalisedEtag(head.header("etag"));
        if (etag.empty() || etag.find('/') != std::string::npos ||
            etag.find("..") != std::string::npos)
            throw Error(repoId, name + ": the Hub gave no usable ETag");
        std::int64_t size = -1;
        for (const char* h : {"x-linked-size", "content-length"})
            if (size < 0 && !head.header(h).empty()) size = std::stoll(head.header(h));
        if (size < 0) size = sizeOf[name];
        const QUrl content =
            head.status / 100 == 3
                ? url.resolved(QUrl(QString::fromStdString(head.header("location"))))
                : url;

        const fs::path blob = repo / "blobs" / etag;
        if (!fs::exists(blob, ec)) {
            BlobLock lock(locks / (etag + ".lock"), callbacks);
            if (!fs::exists(blob, ec)) {  // nobody finished it while we waited
                const fs::path partial = blob.string() + ".incomplete";
                for (int attempt = 1;; ++attempt) {
                    QFile out(QString::fromStdString(partial.string()));
                    if (!out.open(QIODevice::ReadWrite))
                        throw Error(partial.string(),
                                    "cannot be written: " + out.errorString().toStdString());
                    const qint64 have = out.size();
                    out.seek(have);
                    auto progress = [&](qint64 n) {
                        done += n;
                        const double fraction = total > 0 ? double(done) / double(total) : 0.0;
                        const double seconds = std::chrono::duration<double>(
                                                   std::chrono::steady_clock::now() - started)
                                                   .count();
                        callbacks.report(
                            std::min(1.0, fraction),
                            name + ": " + formatBytes(out.size()) +
                                (size > 0 ? " of " + formatBytes(size) : std::string()) + " at " +
                                formatBytes(
                                    static_cast<std::int64_t>(done / std::max(seconds, 1e-3))) +
                                "/s",
                            eta.update(fraction));
                    };
                    const HttpResult got =
                        request("GET", content, token_, true, &out, have, callbacks, progress);
                    if (got.status == 200 && have > 0) {
                        // The server ignored the range: what it sent is the whole file.
                        out.close();
                        QFile::remove(QString::fromStdString(partial.string()));
                        if (attempt < kMaxAttempts) continue;
                    }
                    if (got.status == 416) {  // asked beyond the end: start again
                        out.close();
                        QFile::remove(QString::fromStdString(partial.string()));
                        if (attempt < kMaxAttempts) continue;
                    }
                    if (got.status != 200 && got.status != 206)
                        refuse(got, endpoint_, repoId, name);
                    out.close();
                    const std::int64_t written =
                        static_cast<std::int64_t>(fs::file_size(partial, ec));
                    if (!got.error.empty() || (size >= 0 && written < size)) {
                        // Dropped mid-file: resume from what arrived.
                        if (attempt < kMaxAttempts) continue;
                        throw Error(repoId, name + ": the download stopped at " +
                                                formatBytes(written) +
                                                (got.error.empty() ? "" : " (" + got.error + ")") +
                                                "; run it again to resume");
                    }
                    break;
                }
                const std::int64_t written = static_cast<std::int64_t>(fs::file_size(partial, ec));
                const bool hashed = etag.size() == 64 || etag.size() == 40;
                if ((size >= 0 && written != size) ||
                    (hashed && hashOf(partial.string(), etag) != etag)) {
                    fs::remove(partial, ec);
                    throw Error(repoId, name + ": the downloaded file is corrupt (" +
                                            (size >= 0 && written != size
                                                 ? std::to_string(written) + " bytes, " +
                                                       std::to_string(size) + " expected"
                                                 : "its hash is not " + etag) +
                                            "); it was removed, download again");
                }
                fs::rename(partial, blob, ec);
                if (ec) throw Error(blob.string(), "cannot be written: " + ec.message());
                result.downloadedBytes += written;
            }
        } else if (size >= 0) {
            done += size;
        }
        // snapshots/<commit>/<name> -> ../../blobs/<etag> (deeper names climb further).
        const fs::path link = snapshot / name;
        fs::create_directories(link.parent_path(), ec);
        const fs::path target = fs::relative(blob, link.parent_path(), ec);
        // The temporary is this writer's own: two downloads of one model at once (two windows,
        // or the app and Python) each link and rename, and a shared name let one remove or
        // rename the other's ("cannot be linked: No such file or directory").
        const fs::path temporary =
            link.string() + ".distilbench-link-" + std::to_string(::getpid()) + "-" +
            std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
        fs::remove(temporary, ec);
        fs::create_symlink(target, temporary, ec);
        if (!ec) fs::rename(temporary, link, ec);
        if (ec) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
            throw Error(link.string(), "cannot be linked: " + ec.message());
        }
        result.files.push_back(name);
    }
    // .no_exist/<commit>/<name>: empty markers of what this commit lacks (huggingface_hub's).
    const fs::path absent = repo / ".no_exist" / info.commit;
    for (const std::string& name : absentFiles(info)) {
        if (fs::exists(absent / name, ec)) continue;
        fs::create_directories(absent, ec);
        std::ofstream marker(absent / name);
    }
    if (revision != info.commit) {
        fs::create_directories(repo / "refs", ec);
        writeFileAtomically((repo / "refs" / revision).string(), info.commit);
    }
    callbacks.report(1.0, repoId + " is ready");
    return result;
}

std::string resolveModelLocation(const std::string& pathOrId, bool download,
                                 const JobCallbacks& callbacks) {
    // Offline first: a path, or an id in the cache, opens at once with no network round trip.
    if (const std::string local = HubCache::localPath(pathOrId);
        local != pathOrId || fs::exists(local))
        return local;
    const auto id = HubCache::parseModelId(pathOrId);
    if (!id) throw Error(pathOrId, "does not exist");
    HubClient client;
    if (!download)
        throw Error(pathOrId,
                    "is neither a folder nor a model in the cache (" + client.cacheDir() + ")");
    return client.download(id->repoId, id->revision, {}, callbacks).snapshot;
}

}  // namespace distilbench
