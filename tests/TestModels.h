#pragma once

#include <QDir>
#include <QFile>
#include <QString>

// A model folder for GUI and pipeline tests: a fixture checkpoint plus a small vocab.txt of the
// fixture's vocabulary size (1000), so that text can be typed.
inline QString makeTextModel(const QString& dir, const QString& fixture = "distilbert_seqcls") {
    QDir().mkpath(dir);
    const QString src = QStringLiteral(DISTILBENCH_TEST_DATA "/hf/") + fixture;
    QFile::copy(src + "/config.json", dir + "/config.json");
    QFile::copy(src + "/model.safetensors", dir + "/model.safetensors");
    QFile vocab(dir + "/vocab.txt");
    vocab.open(QIODevice::WriteOnly);
    QStringList tokens{"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "movie",
                       "was",   "great", "bad",   "film",  "a",      "an",  "and",
                       "is",    "it",    "good",  "plot",  "actors", "!",   ".",
                       ",",     "##s",   "##ly",  "i",     "love"};
    for (char c = 'a'; c <= 'z'; ++c) tokens << QString("##%1").arg(c) << QString(c);
    QStringList unique;
    for (const auto& t : tokens)
        if (!unique.contains(t)) unique << t;
    for (int i = unique.size(); i < 1000; ++i) unique << QString("tok%1").arg(i);
    vocab.write(unique.join('\n').toUtf8() + "\n");
    return dir;
}
