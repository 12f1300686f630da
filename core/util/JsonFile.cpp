#include "core/util/JsonFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

#include "core/runtime/Error.h"

namespace distilbench {

QJsonObject readJsonObject(const std::string& path, bool required) {
    QFile f(QString::fromStdString(path));
    if (!f.exists()) {
        if (required) throw Error(path, "missing");
        return {};
    }
    if (!f.open(QIODevice::ReadOnly)) throw Error(path, "cannot open");
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(path, "not valid JSON: " + error.errorString().toStdString() + " at byte " + std::to_string(error.offset));
    return doc.object();
}

void writeJsonAtomically(const std::string& path, const QJsonObject& object) {
    QSaveFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::WriteOnly)) throw Error(path, "cannot write: " + f.errorString().toStdString());
    f.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!f.commit()) throw Error(path, "cannot save: " + f.errorString().toStdString());
}

}  // namespace distilbench
