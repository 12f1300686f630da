#include "app/gui/TokenizerPage.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <set>

#include "app/common/JobRunner.h"
#include "app/gui/TextSpans.h"
#include "app/gui/VocabularyModel.h"
#include "app/gui/Workspace.h"
#include "core/tokenizers/Tokenizer.h"
#include "core/tokenizers/UnigramTokenizer.h"
#include "widgets/EmptyStateWidget.h"
#include "widgets/TokenChips.h"
#include "widgets/ViewExport.h"

using namespace distilbench;

namespace {

std::vector<TokenChip> toChips(const Encoding& e, const Tokenizer& tok) {
    std::vector<TokenChip> chips;
    for (std::size_t i = 0; i < e.size(); ++i) {
        TokenChip c;
        // Byte-level BPE pieces read as text; the raw piece and a Unigram piece's score go to
        // the tooltip.
        c.text = QString::fromStdString(tok.displayToken(e.tokens[i]));
        if (c.text != QString::fromStdString(e.tokens[i]))
            c.note = QObject::tr("piece %1").arg(QString::fromStdString(e.tokens[i]));
        if (const auto* unigram = dynamic_cast<const UnigramTokenizer*>(&tok))
            c.note = QObject::tr("log probability %1").arg(unigram->score(e.ids[i]), 0, 'f', 3);
        c.id = e.ids[i];
        c.begin = e.offsets[i].first;
        c.end = e.offsets[i].second;
        c.word = e.wordIds[i];
        c.segment = e.sequenceIds[i] == 1
                        ? 1
                        : (e.sequenceIds[i] == 0 ? 0 : (i > 0 && e.typeIds[i] == 1 ? 1 : 0));
        c.special = e.specialTokensMask[i] != 0 || e.sequenceIds[i] < 0;
        c.unknown = e.ids[i] == tok.specialTokens().unkId;
        c.continuation = !c.special && c.word >= 0 && i > 0 && e.wordIds[i - 1] == c.word &&
                         e.sequenceIds[i - 1] == e.sequenceIds[i];
        chips.push_back(c);
    }
    return chips;
}

QString statistics(const Encoding& e, const Tokenizer& tok, int characters, int maxLength) {
    std::set<std::pair<int, int>> words;
    int tokens = 0, unknown = 0;
    for (std::size_t i = 0; i < e.size(); ++i) {
        if (e.sequenceIds[i] < 0) continue;
        ++tokens;
        if (e.ids[i] == tok.specialTokens().unkId) ++unknown;
        if (e.wordIds[i] >= 0) words.insert({e.sequenceIds[i], e.wordIds[i]});
    }
    QString s = QObject::tr(
                    "%1 characters · %2 words · %3 tokens (%4 with special tokens) · [UNK] %5% · "
                    "%6 tokens per word")
                    .arg(characters)
                    .arg(words.size())
                    .arg(tokens)
                    .arg(e.size())
                    .arg(tokens ? 100.0 * unknown / tokens : 0.0, 0, 'f', 1)
                    .arg(words.empty() ? 0.0 : double(tokens) / words.size(), 0, 'f', 2);
    if (maxLength > 0 && static_cast<int>(e.size()) > maxLength)
        s += QObject::tr(" · <b>max_length %1 cuts %2 tokens</b> (struck through)")
                 .arg(maxLength)
                 .arg(int(e.size()) - maxLength);
    return s;
}

}  // namespace

TokenizerPage::TokenizerPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    pages_ = new QStackedWidget(this);
    layout->addWidget(pages_);
    empty_ = new EmptyStateWidget(
        tr("No tokenizer"),
        tr("Open a model (its tokenizer comes with it) or a tokenizer file: tokenizer.json, "
           "vocab.txt or a SentencePiece .model."),
        pages_);
    pages_->addWidget(empty_);
    auto openTokenizer = [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open tokenizer"), {},
            tr("Tokenizers (tokenizer.json *.json vocab.txt *.txt *.model)"));
        if (!path.isEmpty()) workspace_->open(path);
    };
    connect(empty_->addAction(tr("Open Tokenizer…")), &QPushButton::clicked, this, openTokenizer);

    auto* tabs = new QTabWidget(pages_);
    pages_->addWidget(tabs);
    auto* main = new QWidget(tabs);
    auto* ml = new QVBoxLayout(main);
    auto* top = new QHBoxLayout;
    source_ = new QLabel(main);
    auto* open = new QPushButton(tr("Open Tokenizer…"), main);
    auto* compare = new QPushButton(tr("Compare With…"), main);
    compare->setToolTip(tr("Tokenize the same text with a second tokenizer, side by side"));
    auto* exportView = new QPushButton(tr("Export…"), main);
    exportView->setToolTip(tr("Save the token chips as PNG, SVG or PDF"));
    top->addWidget(source_, 1);
    top->addWidget(open);
    top->addWidget(compare);
    top->addWidget(exportView);
    ml->addLayout(top);
    input_ = new QPlainTextEdit(main);
    input_->setObjectName("tokenizerInput");
    input_->setPlaceholderText(
        tr("Type or paste text; click a token to find it in the text, or click the text to find "
           "its tokens"));
    input_->setMaximumHeight(110);
    ml->addWidget(input_);
    auto* options = new QHBoxLayout;
    pairMode_ = new QCheckBox(tr("Pair (segment B)"), main);
    maxLength_ = new QSpinBox(main);
    maxLength_->setRange(0, 100000);
    maxLength_->setSpecialValueText(tr("no limit"));
    maxLength_->setPrefix(tr("max_length "));
    maxLength_->setToolTip(
        tr("Tokens beyond this length (special tokens included) are cut off when the model reads "
           "the text"));
    options->addWidget(pairMode_);
    options->addWidget(maxLength_);
    options->addStretch(1);
    ml->addLayout(options);
    pair_ = new QPlainTextEdit(main);
    pair_->setPlaceholderText(tr("Second text (segment B)"));
    pair_->setMaximumHeight(80);
    pair_->hide();
    ml->addWidget(pair_);
    stats_ = new QLabel(main);
    stats_->setWordWrap(true);
    stats_->setMinimumHeight(stats_->fontMetrics().height() * 2);
    ml->addWidget(stats_);

    auto* split = new QSplitter(Qt::Horizontal, main);
    auto makeScroll = [split](TokenChips* chips) {
        auto* scroll = new QScrollArea(split);
        scroll->setWidgetResizable(true);
        scroll->setWidget(chips);
        return scroll;
    };
    chips_ = new TokenChips;
    chips_->setObjectName("tokenChips");
    split->addWidget(makeScroll(chips_));
    comparePanel_ = new QWidget(split);
    auto* cl = new QVBoxLayout(comparePanel_);
    cl->setContentsMargins(0, 0, 0, 0);
    compareTitle_ = new QLabel(comparePanel_);
    compareStats_ = new QLabel(comparePanel_);
    compareStats_->setWordWrap(true);
    compareStats_->setMinimumHeight(compareStats_->fontMetrics().height() * 3);
    compareChips_ = new TokenChips;
    auto* compareScroll = new QScrollArea(comparePanel_);
    compareScroll->setWidgetResizable(true);
    compareScroll->setWidget(compareChips_);
    cl->addWidget(compareTitle_);
    cl->addWidget(compareStats_);
    cl->addWidget(compareScroll, 1);
    split->addWidget(comparePanel_);
    comparePanel_->hide();
    ml->addWidget(split, 1);
    tabs->addTab(main, tr("Tokens"));

    auto* vocab = new QWidget(tabs);
    auto* vl = new QVBoxLayout(vocab);
    vocabSearch_ = new QLineEdit(vocab);
    vocabSearch_->setPlaceholderText(tr("Search by token or id"));
    vocabSearch_->setClearButtonEnabled(true);
    vocabModel_ = new VocabularyModel(this);
    auto* filter = new VocabularyFilter(this);
    filter->setSourceModel(vocabModel_);
    vocabProxy_ = filter;
    vocabView_ = new QTableView(vocab);
    vocabView_->setModel(vocabProxy_);
    vocabView_->horizontalHeader()->setStretchLastSection(true);
    vocabView_->verticalHeader()->hide();
    vl->addWidget(vocabSearch_);
    vl->addWidget(vocabView_, 1);
    tabs->addTab(vocab, tr("Vocabulary"));

    debounce_ = new QTimer(this);
    debounce_->setSingleShot(true);
    debounce_->setInterval(120);
    connect(debounce_, &QTimer::timeout, this, &TokenizerPage::run);
    connect(input_, &QPlainTextEdit::textChanged, this, &TokenizerPage::schedule);
    connect(pair_, &QPlainTextEdit::textChanged, this, &TokenizerPage::schedule);
    connect(maxLength_, &QSpinBox::valueChanged, this, &TokenizerPage::schedule);
    connect(pairMode_, &QCheckBox::toggled, this, [this](bool on) {
        pair_->setVisible(on);
        schedule();
    });
    connect(open, &QPushButton::clicked, this, openTokenizer);
    connect(compare, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Tokenizer to compare"), {},
                                                          tr("Tokenizers (*.json *.txt *.model)"));
        if (path.isEmpty()) return;
        auto loaded = std::make_shared<std::shared_ptr<Tokenizer>>();
        const std::string p = path.toStdString();
        workspace_->runner()->start(
            tr("Loading tokenizer %1").arg(QFileInfo(path).fileName()),
            [p, loaded](const JobCallbacks&) { *loaded = Tokenizer::load(p); },
            [this, loaded, path] { setCompareTokenizer(*loaded, QFileInfo(path).fileName()); });
    });
    connect(exportView, &QPushButton::clicked, this,
            [this] { ViewExport::saveWithDialog(chips_, "tokens.svg"); });
    connect(chips_, &TokenChips::tokenClicked, this, &TokenizerPage::chipClicked);
    connect(input_, &QPlainTextEdit::cursorPositionChanged, this, &TokenizerPage::textCursorMoved);
    connect(vocabSearch_, &QLineEdit::textChanged, this, &TokenizerPage::setVocabularyFilter);
    connect(workspace_, &Workspace::tokenizerChanged, this, &TokenizerPage::tokenizerChanged);
    tokenizerChanged();
}

void TokenizerPage::tokenizerChanged() {
    const auto tok = workspace_->tokenizer();
    pages_->setCurrentIndex(tok ? 1 : 0);
    vocabModel_->setTokenizer(tok);
    if (!tok) return;
    source_->setText(tr("<b>%1</b> tokenizer · %2 tokens · %3")
                         .arg(QString::fromStdString(tok->kind()))
                         .arg(tok->vocabSize())
                         .arg(QFileInfo(QString::fromStdString(tok->source())).fileName()));
    maxLength_->setValue(tok->modelMaxLength());
    schedule();
}

void TokenizerPage::setCompareTokenizer(std::shared_ptr<Tokenizer> tokenizer, const QString& name) {
    compare_ = std::move(tokenizer);
    comparePanel_->setVisible(compare_ != nullptr);
    compareTitle_->setText(tr("<b>%1</b> (%2, %3 tokens)")
                               .arg(name, QString::fromStdString(compare_->kind()))
                               .arg(compare_->vocabSize()));
    schedule();
}

void TokenizerPage::setVocabularyFilter(const QString& text) {
    static_cast<VocabularyFilter*>(vocabProxy_)->setSearch(text);
}

int TokenizerPage::vocabularyRows() const {
    return vocabProxy_->rowCount();
}

QString TokenizerPage::statsText() const {
    return stats_->text();
}

void TokenizerPage::schedule() {
    ++generation_;
    debounce_->start();
}

void TokenizerPage::run() {
    const auto tok = workspace_->tokenizer();
    if (!tok) return;
    if (inFlight_) {
        debounce_->start();  // try again once the running one is done
        return;
    }
    inFlight_ = true;
    const quint64 generation = generation_;
    const std::string text = input_->toPlainText().toStdString();
    const std::string pair =
        pairMode_->isChecked() ? pair_->toPlainText().toStdString() : std::string();
    const bool hasPair = pairMode_->isChecked();
    const auto other = compare_;
    auto result = std::make_shared<std::pair<Encoding, Encoding>>();
    // Tokenizing is fast, but a pasted book is not: it runs off the GUI thread like all work.
    workspace_->runner()->start(
        tr("Tokenizing"),
        [tok, other, text, pair, hasPair, result](const JobCallbacks&) {
            EncodeOptions opt;  // no truncation: chips past max_length are shown struck through
            result->first =
                hasPair ? tok->encode(text, std::string_view(pair), opt) : tok->encode(text, opt);
            if (other)
                result->second = hasPair ? other->encode(text, std::string_view(pair), opt)
                                         : other->encode(text, opt);
        },
        [this, generation, result, tok, other] {
            inFlight_ = false;
            if (generation != generation_ || tok != workspace_->tokenizer()) return;  // stale
            const int characters = static_cast<int>(
                input_->toPlainText().toUcs4().size() +
                (pairMode_->isChecked() ? pair_->toPlainText().toUcs4().size() : 0));
            const int maxLength = maxLength_->value();
            chips_->setTokens(toChips(result->first, *tok), maxLength > 0 ? maxLength : -1);
            stats_->setText(statistics(result->first, *tok, characters, maxLength));
            if (other) {
                compareChips_->setTokens(toChips(result->second, *other), -1);
                compareStats_->setText(statistics(result->second, *other, characters, 0));
            }
            Q_EMIT tokenized();
        },
        JobRunner::Visibility::Interactive);
}

void TokenizerPage::chipClicked(int index) {
    const auto& chip = chips_->tokens()[index];
    QPlainTextEdit* edit = chip.segment == 1 ? pair_ : input_;
    const QColor color = palette().color(QPalette::Highlight).lighter(160);
    highlightSpans(input_, {});
    highlightSpans(pair_, {});
    if (chip.end > chip.begin) highlightSpans(edit, {{chip.begin, chip.end, color, {}}});
}

void TokenizerPage::textCursorMoved() {
    const QString text = input_->toPlainText();
    const int cp = codePointPosition(text, input_->textCursor().position());
    std::vector<int> hits;
    const auto& tokens = chips_->tokens();
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (!tokens[i].special && tokens[i].segment == 0 && tokens[i].begin <= cp &&
            cp < tokens[i].end)
            hits.push_back(static_cast<int>(i));
    chips_->setHighlighted(hits);
}
