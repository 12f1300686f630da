#pragma once

// What the tokenizer tests compare: JSON references against our encodings, as plain lists.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <utility>
#include <vector>

inline QJsonObject readJson(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(f.readAll()).object();
}

// null (a special token's word id) reads as -1, as our encodings write it.
inline QList<qint64> ints(const QJsonArray& a) {
    QList<qint64> out;
    for (const auto& v : a) out << (v.isNull() ? -1 : v.toInteger());
    return out;
}
template <typename T>
QList<qint64> ints(const std::vector<T>& v) {
    return QList<qint64>(v.begin(), v.end());
}
inline QList<qint64> flatOffsets(const QJsonArray& a) {
    QList<qint64> out;
    for (const auto& v : a) out << v.toArray()[0].toInteger() << v.toArray()[1].toInteger();
    return out;
}
inline QList<qint64> flatOffsets(const std::vector<std::pair<int, int>>& v) {
    QList<qint64> out;
    for (const auto& [b, e] : v) out << b << e;
    return out;
}
