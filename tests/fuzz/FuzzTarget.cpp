// libFuzzer targets for every parser of files a user opens: one source, one target per
// FUZZ_TARGET value. Each writes the input to a file (the parsers read paths, as the app does)
// and parses it; any exception of ours is a correct refusal, anything else (a crash, a
// sanitizer report, a hang) is a bug. Built by tests/fuzz/CMakeLists.txt with clang.
#include <unistd.h>

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/analysis/BehaviourSuite.h"
#include "core/data/Dataset.h"
#include "core/data/DatasetStream.h"
#include "core/data/TableReader.h"
#include "core/models/ModelConfig.h"
#include "core/runtime/Error.h"
#include "core/tokenizers/WordPieceTokenizer.h"
#include "core/weights/SafetensorsReader.h"
#include "core/weights/TorchCheckpointReader.h"
#include "core/weights/ZipArchive.h"

using namespace distilbench;

namespace {

std::string scratchFolder() {
    static std::string dir = [] {
        char pattern[] = "/tmp/distilbench-fuzz-XXXXXX";
        const char* d = mkdtemp(pattern);
        return std::string(d ? d : "/tmp");
    }();
    return dir;
}

std::string writeInput(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const std::string path = scratchFolder() + "/" + name;
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) std::abort();
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
    return path;
}

void put16(std::string& s, std::uint16_t v) {
    s.append(reinterpret_cast<const char*>(&v), 2);
}
void put32(std::string& s, std::uint32_t v) {
    s.append(reinterpret_cast<const char*>(&v), 4);
}

// A stored zip holding data.pkl (the fuzz input) and one 64-byte storage, as torch.save writes.
std::string checkpointZip(const std::uint8_t* data, std::size_t size) {
    const std::string pickle(reinterpret_cast<const char*>(data), size);
    const std::pair<std::string, std::string> entries[] = {
        {"archive/data.pkl", pickle}, {"archive/data/0", std::string(64, '\0')}};
    std::string out, cd;
    for (const auto& [name, bytes] : entries) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put16(out, 0);
        put32(out, 0);
        put32(out, std::uint32_t(bytes.size()));
        put32(out, std::uint32_t(bytes.size()));
        put16(out, std::uint16_t(name.size()));
        put16(out, 0);
        out += name + bytes;
        put32(cd, 0x02014b50);
        put16(cd, 20);
        put16(cd, 20);
        put16(cd, 0);
        put16(cd, 0);
        put16(cd, 0);
        put16(cd, 0);
        put32(cd, 0);
        put32(cd, std::uint32_t(bytes.size()));
        put32(cd, std::uint32_t(bytes.size()));
        put16(cd, std::uint16_t(name.size()));
        put16(cd, 0);
        put16(cd, 0);
        put16(cd, 0);
        put16(cd, 0);
        put32(cd, 0);
        put32(cd, offset);
        cd += name;
    }
    const auto cdOffset = static_cast<std::uint32_t>(out.size());
    out += cd;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, 2);
    put16(out, 2);
    put32(out, std::uint32_t(cd.size()));
    put32(out, cdOffset);
    put16(out, 0);
    return out;
}

// The streaming reader over the same file: a refusal is fine, a crash or hang is not.
void streamAll(const std::string& path, Task task) {
    try {
        DatasetStream stream(path, {task, {}, {"0", "1", "2"}, {}});
        std::vector<Example> chunk;
        while (stream.next(chunk, 7)) {
        }
        (void)stream.warnings();
    } catch (const Error&) {
    }
}

// The table grammar fed a few bytes at a time must give what it gives fed at once.
void tableInPieces(const std::uint8_t* data, std::size_t size, char delimiter, bool quoting) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<TableRow> whole, pieces;
    bool wholeOk = true, piecesOk = true;
    std::vector<std::string> wholeHeader, piecesHeader;
    try {
        TableParser p(delimiter, quoting, "t");
        p.feed(text, true, whole);
        wholeHeader = p.header();
    } catch (const Error&) {
        wholeOk = false;
    }
    try {
        TableParser p(delimiter, quoting, "t");
        std::string pending;
        for (std::size_t i = 0; i < text.size(); i += 3) {
            std::string block = pending + text.substr(i, 3);
            const bool last = i + 3 >= text.size();
            pending = block.substr(p.feed(block, last, pieces));
        }
        if (text.empty()) p.feed("", true, pieces);
        piecesHeader = p.header();
    } catch (const Error&) {
        piecesOk = false;
    }
    if (wholeOk != piecesOk) std::abort();
    if (!wholeOk) return;
    if (wholeHeader != piecesHeader || whole.size() != pieces.size()) std::abort();
    for (std::size_t i = 0; i < whole.size(); ++i)
        if (whole[i].fields != pieces[i].fields || whole[i].line != pieces[i].line) std::abort();
}

void run(const std::uint8_t* data, std::size_t size) {
#if FUZZ_TARGET == 1  // safetensors header and offsets
    SafetensorsReader::read(writeInput("model.safetensors", data, size));
#elif FUZZ_TARGET == 2   // zip central directory (zip64 too)
    ZipArchive zip(writeInput("archive.zip", data, size));
    for (const auto& e : zip.entries())
        if (e.stored && e.size) (void)zip.data(e)[e.size - 1];  // every byte we claim is readable
#elif FUZZ_TARGET == 3   // pickle of a torch.save state dict
    const std::string zip = checkpointZip(data, size);
    TorchCheckpointReader::read(writeInput(
        "pytorch_model.bin", reinterpret_cast<const std::uint8_t*>(zip.data()), zip.size()));
#elif FUZZ_TARGET == 4   // config.json
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)));
    const ModelConfig c = ModelConfig::fromJson(doc.object(), "config.json");
    (void)c.parameterCount();
    (void)c.toJson();
#elif FUZZ_TARGET == 5   // vocab.txt, then a sentence through it
    auto tok = WordPieceTokenizer::fromVocab(writeInput("vocab.txt", data, size));
    (void)tok->encode("Hello, world! naïve café 東京 [CLS] unaffable");
#elif FUZZ_TARGET == 6   // tokenizer.json (WordPiece, BPE, Unigram), then a sentence through it
    auto tok = Tokenizer::fromTokenizerJson(writeInput("tokenizer.json", data, size));
    (void)tok->encode("Hello, world! naïve café 東京 [CLS] unaffable");
#elif FUZZ_TARGET == 7   // CSV / TSV
    tableInPieces(data, size, ',', true);
    tableInPieces(data, size, '\t', false);
    streamAll(writeInput("stream.csv", data, size), Task::Classification);
    (void)DatasetReader::read(writeInput("data.tsv", data, size), Task::Classification);
    (void)DatasetReader::read(writeInput("data.csv", data, size), Task::MultiLabel);
#elif FUZZ_TARGET == 8   // JSON Lines and JSON arrays
    streamAll(writeInput("stream.jsonl", data, size), Task::MultiLabel);
    streamAll(writeInput("stream.txt", data, size), Task::Classification);
    (void)DatasetReader::read(writeInput("data.jsonl", data, size), Task::Classification);
    (void)DatasetReader::read(writeInput("data.json", data, size), Task::Regression);
#elif FUZZ_TARGET == 9   // CoNLL token files
    streamAll(writeInput("stream.conll", data, size), Task::TokenClassification);
    (void)DatasetReader::read(writeInput("data.conll", data, size), Task::TokenClassification);
#elif FUZZ_TARGET == 10  // a SentencePiece .model of an XLM-R folder, converted, then a sentence
    const std::uint8_t config[] = R"({"tokenizer_class": "XLMRobertaTokenizer"})";
    writeInput("tokenizer_config.json", config, sizeof(config) - 1);
    auto tok = Tokenizer::loadSentencePiece(writeInput("sentencepiece.bpe.model", data, size));
    (void)tok->encode("Hello, world! naïve café 東京 <mask> unaffable");
#elif FUZZ_TARGET == 11  // a behavioural test suite, expanded and perturbed
    const BehaviourSuite suite = BehaviourSuite::read(writeInput("suite.json", data, size));
    for (const BehaviourTest& t : suite.tests) {
        const auto examples = suite.filledExamplesOf(t);
        for (std::size_t i = 0; i < examples.size() && i < 3; ++i)
            if (t.perturbation) (void)t.perturbation->apply(examples[i].text);
    }
#else
#error "FUZZ_TARGET must be 1..11"
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > (1u << 20)) return 0;  // big inputs only slow the search down
    try {
        run(data, size);
    } catch (const Error&) {
        // A refusal with a message: what hostile input must get.
    }
    return 0;
}
