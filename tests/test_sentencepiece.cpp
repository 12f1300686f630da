// Proves the sentencepiece module and LibTorch live in one process: Debian's libsentencepiece
// embeds a protobuf that crashes a process that also loads LibTorch unless it is kept apart.
#include <ATen/ATen.h>

#include <QTemporaryDir>
#include <QtTest>

#include "core/sentencepiece/SentencePieceLibrary.h"

using namespace distilbench;

class SentencePieceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void torchAndSentencePieceInOneProcess() {
        // Use LibTorch first, including autograd, so that all of it is loaded and initialised.
        at::Tensor w = at::randn({8, 8}).set_requires_grad(true);
        at::Tensor loss = at::matmul(w, w).sum();
        loss.backward();
        QVERIFY(w.grad().defined());

        auto& library = SentencePieceLibrary::instance();
        QVERIFY2(library.available(), library.loadError().c_str());
        auto backend = library.create();

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString corpus = dir.filePath("corpus.txt");
        {
            QFile f(corpus);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const char* lines[] = {"the movie was great and the actors were wonderful",
                                   "a dull and boring film with a weak plot",
                                   "an unforgettable journey full of charm",
                                   "the plot was predictable but the music was lovely"};
            for (int i = 0; i < 200; ++i) {
                f.write(lines[i % 4]);
                f.write("\n");
            }
        }
        const QString prefix = dir.filePath("tiny");
        const std::string args = "--input=" + corpus.toStdString() +
                                 " --model_prefix=" + prefix.toStdString() +
                                 " --vocab_size=40 --model_type=unigram --character_coverage=1.0"
                                 " --minloglevel=2 --num_threads=1";
        const std::string trainError = backend->train(args);
        QVERIFY2(trainError.empty(), trainError.c_str());
        QVERIFY(QFile::exists(prefix + ".model"));

        const std::string loadError = backend->load((prefix + ".model").toStdString());
        QVERIFY2(loadError.empty(), loadError.c_str());
        QCOMPARE(backend->pieceCount(), 40);
        const auto pieces = backend->encode("the movie was lovely");
        QVERIFY(!pieces.empty());
        std::vector<int> ids;
        for (const auto& p : pieces) {
            QVERIFY(p.id >= 0 && p.id < 40);
            QVERIFY(p.begin <= p.end);
            ids.push_back(p.id);
        }
        QCOMPARE(backend->decode(ids), std::string("the movie was lovely"));
        QVERIFY(backend->isUnknown(backend->unknownId()));

        // LibTorch still works after sentencepiece ran.
        QCOMPARE(at::ones({2, 2}).sum().item<float>(), 4.0f);
    }

    void missingModelIsAnError() {
        auto backend = SentencePieceLibrary::instance().create();
        QVERIFY(!backend->load("/nonexistent/file.model").empty());
    }
};

QTEST_GUILESS_MAIN(SentencePieceTest)
#include "test_sentencepiece.moc"
