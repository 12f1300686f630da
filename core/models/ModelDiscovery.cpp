#include "core/models/ModelDiscovery.h"

#include "core/models/ModelConfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace distilbench {
namespace fs = std::filesystem;

std::vector<std::string> huggingFaceCacheDirs() {
    std::vector<std::string> dirs;
    auto add = [&](const fs::path& p) {
        std::error_code ec;
        if (!p.empty() && fs::is_directory(p, ec) &&
            std::find(dirs.begin(), dirs.end(), p.string()) == dirs.end())
            dirs.push_back(p.string());
    };
    if (const char* v = std::getenv("HF_HUB_CACHE")) add(v);
    if (const char* v = std::getenv("HUGGINGFACE_HUB_CACHE")) add(v);
    if (const char* v = std::getenv("HF_HOME")) add(fs::path(v) / "hub");
    if (const char* v = std::getenv("XDG_CACHE_HOME")) add(fs::path(v) / "huggingface" / "hub");
    if (const char* v = std::getenv("HOME")) add(fs::path(v) / ".cache" / "huggingface" / "hub");
    return dirs;
}

std::vector<CachedModel> scanHuggingFaceCache(const std::vector<std::string>& cacheDirs) {
    std::vector<CachedModel> out;
    std::error_code ec;
    for (const auto& dir : cacheDirs) {
        for (const auto& repo : fs::directory_iterator(dir, ec)) {
            const std::string name = repo.path().filename().string();
            if (!repo.is_directory() || name.rfind("models--", 0) != 0) continue;
            // models--org--name -> org/name
            std::string id = name.substr(8);
            for (std::size_t pos; (pos = id.find("--")) != std::string::npos;)
                id.replace(pos, 2, "/");
            std::vector<fs::directory_entry> snapshots;
            for (const auto& snap : fs::directory_iterator(repo.path() / "snapshots", ec))
                if (snap.is_directory() && fs::exists(snap.path() / "config.json"))
                    snapshots.push_back(snap);
            std::sort(snapshots.begin(), snapshots.end(), [](const auto& a, const auto& b) {
                std::error_code e;
                return fs::last_write_time(a.path(), e) > fs::last_write_time(b.path(), e);
            });
            for (const auto& snap : snapshots) {
                CachedModel m;
                m.repoId = id;
                m.path = snap.path().string();
                m.revision = snap.path().filename().string();
                QFile f(QString::fromStdString((snap.path() / "config.json").string()));
                if (f.open(QIODevice::ReadOnly)) {
                    const QJsonObject c = QJsonDocument::fromJson(f.readAll()).object();
                    m.modelType = c.value("model_type").toString().toStdString();
                    const QJsonArray archs = c.value("architectures").toArray();
                    if (!archs.isEmpty()) m.architecture = archs.first().toString().toStdString();
                    // One rule for what opens: the config reader itself (family, head, keys).
                    try {
                        (void)ModelConfig::fromJson(c, (snap.path() / "config.json").string());
                        m.supported = true;
                    } catch (const std::exception& e) {
                        m.problem = e.what();
                    }
                }
                // Snapshot files are symlinks into blobs/: follow them for the real size.
                for (const auto& file : fs::directory_iterator(snap.path(), ec)) {
                    const std::string f = file.path().filename().string();
                    if (f.ends_with(".safetensors") || f.ends_with(".bin"))
                        m.bytes += static_cast<std::int64_t>(
                            fs::file_size(fs::canonical(file.path(), ec), ec));
                }
                out.push_back(std::move(m));
            }
        }
    }
    return out;
}

}  // namespace distilbench
