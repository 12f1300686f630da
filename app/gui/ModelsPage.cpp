#include "app/gui/ModelsPage.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/AppSettings.h"
#include "app/gui/MainWindow.h"
#include "app/gui/Workspace.h"
#include "core/hub/HubCache.h"
#include "core/hub/HubClient.h"
#include "core/inference/Pipeline.h"
#include "core/models/ModelDiscovery.h"
#include "core/runtime/Resources.h"
#include "core/util/HumanUnits.h"
#include "widgets/EmptyStateWidget.h"

using namespace distilbench;

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QTreeWidgetItem* row(QTreeWidget* tree, const QString& key, const QString& value,
                     QTreeWidgetItem* parent = nullptr) {
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, key);
    item->setText(1, value);
    return item;
}
}  // namespace

ModelsPage::ModelsPage(MainWindow* window, Workspace* workspace)
    : QWidget(window), window_(window), workspace_(workspace) {
    auto* layout = new QVBoxLayout(this);
    auto* toolbar = new QHBoxLayout;
    auto* open = new QPushButton(tr("Open Folder…"), this);
    open->setToolTip(tr("Open a Hugging Face model folder (Ctrl+O)"));
    auto* create = new QPushButton(tr("New from Preset…"), this);
    create->setToolTip(
        tr("A new, randomly initialised model of a standard shape (any family), to train from "
           "scratch"));
    toolbar->addWidget(open);
    toolbar->addWidget(create);
    toolbar->addStretch(1);
    layout->addLayout(toolbar);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    stack_ = new QStackedWidget(splitter);
    empty_ = new EmptyStateWidget(
        tr("No model open"),
        tr("Open a model folder, search the Hugging Face Hub or pick one from your cache on "
           "the right, or create a new model from a preset."),
        stack_);
    connect(empty_->addAction(tr("Open Model Folder…")), &QPushButton::clicked, open,
            &QPushButton::click);
    connect(empty_->addAction(tr("New Model from Preset…")), &QPushButton::clicked, this,
            &ModelsPage::newFromPreset);
    if (Workspace::demoAvailable())
        connect(empty_->addAction(tr("Use the Demo Model")), &QPushButton::clicked, workspace_,
                &Workspace::openDemo);
    stack_->addWidget(empty_);

    auto* details = new QWidget(stack_);
    auto* dl = new QVBoxLayout(details);
    title_ = new QLabel(details);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title_->setWordWrap(true);
    summary_ = new QTreeWidget(details);
    summary_->setObjectName("modelSummary");
    summary_->setColumnCount(2);
    summary_->setHeaderLabels({tr("Property"), tr("Value")});
    summary_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    dl->addWidget(title_);
    dl->addWidget(summary_, 1);
    stack_->addWidget(details);

    auto* side = new QWidget(splitter);
    auto* sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    // The Hub: search by text (or an org/name id), see what opens before downloading, download
    // into the shared cache and open.
    sl->addWidget(new QLabel(tr("<b>Hugging Face Hub</b>"), side));
    auto* hubRow = new QHBoxLayout;
    hubQuery_ = new QLineEdit(side);
    hubQuery_->setObjectName("hubSearch");
    hubQuery_->setPlaceholderText(tr("Search the Hub, or type org/name"));
    hubQuery_->setClearButtonEnabled(true);
    hubTask_ = new QComboBox(side);
    hubTask_->addItem(tr("Any task"), QString());
    hubTask_->addItem(tr("Text classification"), "text-classification");
    hubTask_->addItem(tr("Token classification"), "token-classification");
    hubTask_->addItem(tr("Question answering"), "question-answering");
    hubTask_->addItem(tr("Fill mask"), "fill-mask");
    hubLibrary_ = new QComboBox(side);
    hubLibrary_->setObjectName("hubLibrary");
    hubLibrary_->addItem(tr("Any library"), QString());
    for (const char* library : {"transformers", "onnx", "safetensors"})
        hubLibrary_->addItem(QString::fromLatin1(library), QString::fromLatin1(library));
    // The filters may shrink (long translations) rather than widen the window.
    for (QComboBox* filter : {hubTask_, hubLibrary_}) {
        filter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        filter->setMinimumContentsLength(8);
    }
    auto* search = new QPushButton(tr("Search"), side);
    // The query gets the whole width; the task filter and the search under it.
    sl->addWidget(hubQuery_);
    hubRow->addWidget(hubTask_, 1);
    hubRow->addWidget(hubLibrary_, 1);
    hubRow->addWidget(search);
    sl->addLayout(hubRow);
    hubResults_ = new QTreeWidget(side);
    hubResults_->setObjectName("hubResults");
    hubResults_->setHeaderLabels(
        {tr("Model"), tr("Task"), tr("Downloads"), tr("Likes"), tr("Updated")});
    hubResults_->setRootIsDecorated(false);
    hubResults_->setToolTip(
        tr("Greyed models are of a kind DistilBench does not compute (the "
           "reason is in their tooltip). Double-click to download and open."));
    sl->addWidget(hubResults_, 2);
    // The selected model before downloading: its files with their sizes and its card.
    hubDetails_ = new QTextBrowser(side);
    hubDetails_->setObjectName("hubDetails");
    hubDetails_->setOpenExternalLinks(true);
    hubDetails_->setPlaceholderText(tr("Select a model to read its card and file list."));
    sl->addWidget(hubDetails_, 2);
    hubDownload_ = new QPushButton(tr("Download and Open"), side);
    hubDownload_->setObjectName("hubDownload");
    hubDownload_->setEnabled(false);
    hubDownload_->setToolTip(
        tr("Download the model's files into the shared Hugging Face cache "
           "(resumable; Cancel in the jobs panel) and open it"));
    sl->addWidget(hubDownload_, 0, Qt::AlignRight);
    auto* cacheHeader = new QHBoxLayout;
    cacheHeader->addWidget(new QLabel(tr("<b>Hugging Face cache</b>"), side), 1);
    auto* refresh = new QPushButton(tr("Refresh"), side);
    cacheHeader->addWidget(refresh);
    sl->addLayout(cacheHeader);
    cache_ = new QTreeWidget(side);
    cache_->setObjectName("cacheView");
    cache_->setHeaderLabels({tr("Model"), tr("Architecture"), tr("Size")});
    cache_->setRootIsDecorated(false);
    cache_->setToolTip(
        tr("Models downloaded by transformers ($HF_HUB_CACHE, $HF_HOME/hub or "
           "~/.cache/huggingface/hub). Double-click to open."));
    sl->addWidget(cache_, 2);
    sl->addWidget(new QLabel(tr("<b>Recent</b>"), side));
    recent_ = new QListWidget(side);
    sl->addWidget(recent_, 1);
    splitter->addWidget(stack_);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face model folder"));
        if (!dir.isEmpty()) window_->openPath(dir);
    });
    connect(create, &QPushButton::clicked, this, &ModelsPage::newFromPreset);
    connect(refresh, &QPushButton::clicked, this, &ModelsPage::refreshCache);
    confirm_ = [this](const QString& question) {
        return QMessageBox::question(this, tr("Delete from Cache"), question) == QMessageBox::Yes;
    };
    cache_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(cache_, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QTreeWidgetItem* item = cache_->itemAt(at);
        if (!item || item->data(0, Qt::UserRole).toString().isEmpty()) return;
        QMenu menu(this);
        QAction* remove = menu.addAction(tr("Delete from Cache…"));
        if (menu.exec(cache_->viewport()->mapToGlobal(at)) == remove) deleteCached(item->text(0));
    });
    connect(cache_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        window_->openPath(item->data(0, Qt::UserRole).toString());
    });
    connect(recent_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { window_->openPath(item->text()); });
    connect(search, &QPushButton::clicked, this, [this] { searchHub(hubQuery_->text()); });
    connect(hubQuery_, &QLineEdit::returnPressed, this, [this] { searchHub(hubQuery_->text()); });
    auto chosenId = [this]() -> QString {
        if (auto* item = hubResults_->currentItem(); item && !item->isDisabled())
            return item->text(0);
        const QString typed = hubQuery_->text().trimmed();
        return HubCache::isRepoId(typed.toStdString()) && typed.contains('/') ? typed : QString();
    };
    auto updateDownload = [this, chosenId] { hubDownload_->setEnabled(!chosenId().isEmpty()); };
    connect(hubQuery_, &QLineEdit::textChanged, this, updateDownload);
    connect(hubResults_, &QTreeWidget::currentItemChanged, this, updateDownload);
    connect(hubResults_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && item->flags() != Qt::NoItemFlags && item->text(0).contains('/'))
            showHubDetails(item->text(0));
    });
    connect(hubDownload_, &QPushButton::clicked, this,
            [this, chosenId] { downloadAndOpen(chosenId()); });
    connect(hubResults_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item && !item->isDisabled()) downloadAndOpen(item->text(0));
    });
    connect(workspace_, &Workspace::modelChanged, this, &ModelsPage::showModel);
    connect(window_, &MainWindow::openRequested, this, &ModelsPage::refreshRecent);
    refreshRecent();
    refreshCache();
}

bool ModelsPage::deleteCached(const QString& repoId) {
    const QString cache = QString::fromStdString(HubCache::cacheDir());
    if (!confirm_(tr("Delete %1 and its files from the Hugging Face cache (%2)? Python's "
                     "transformers would download it again.")
                      .arg(repoId, cache)))
        return false;
    try {
        HubCache::deleteCachedModel(cache.toStdString(), repoId.toStdString());
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Delete from Cache"), QString::fromUtf8(e.what()));
        return false;
    }
    refreshCache();
    return true;
}

int ModelsPage::searchHub(const QString& query) {
    const QString task = hubTask_->currentData().toString();
    const QString library = hubLibrary_->currentData().toString();
    auto found = std::make_shared<std::vector<HubSearchResult>>();
    return workspace_->runner()->start(
        tr("Searching the Hugging Face Hub"),
        [found, q = query.trimmed().toStdString(), t = task.toStdString(),
         l = library.toStdString()](const JobCallbacks& cb) {
            *found = HubClient().search(q, t, l, 30, cb);
        },
        [this, found] {
            hubResults_->clear();
            for (const auto& m : *found) {
                auto* item = new QTreeWidgetItem(hubResults_);
                item->setText(0, qs(m.id));
                item->setText(1, qs(m.task));
                item->setData(2, Qt::DisplayRole, qlonglong(m.downloads));
                item->setData(3, Qt::DisplayRole, qlonglong(m.likes));
                item->setText(4, qs(m.lastModified).left(10));
                QStringList about;
                if (!m.architecture.empty()) about << qs(m.architecture);
                if (!m.license.empty()) about << tr("licence %1").arg(qs(m.license));
                item->setToolTip(0, about.join(" · "));
                if (!m.supported) {
                    item->setDisabled(true);
                    item->setToolTip(0, qs(m.problem));
                }
            }
            if (found->empty()) {
                auto* item = new QTreeWidgetItem(hubResults_);
                item->setText(0, tr("Nothing found"));
                item->setDisabled(true);
            }
            for (int c = 0; c < hubResults_->columnCount(); ++c)
                hubResults_->resizeColumnToContents(c);
            Q_EMIT hubSearched();
        });
}

int ModelsPage::showHubDetails(const QString& repoId) {
    struct Details {
        HubModelInfo info;
        std::string card;
    };
    auto details = std::make_shared<Details>();
    hubDetailsFor_ = repoId;
    return workspace_->runner()->start(
        tr("Reading %1 on the Hub").arg(repoId),
        [details, id = repoId.toStdString()](const JobCallbacks& cb) {
            HubClient client;
            details->info = client.modelInfo(id, "main", cb);
            details->card = client.modelCard(id, "main", cb);
        },
        [this, details, repoId] {
            if (repoId != hubDetailsFor_) return;  // another model was selected meanwhile
            const std::vector<std::string> needed = HubClient::filesToDownload(details->info);
            std::int64_t total = 0;
            QString md = QStringLiteral("### %1\n\n").arg(repoId);
            md += tr("| File | Size | Downloaded |") + "\n|---|---|---|\n";
            for (const auto& f : details->info.files) {
                const bool wanted = std::find(needed.begin(), needed.end(), f.name) != needed.end();
                if (wanted && f.size > 0) total += f.size;
                md += QStringLiteral("| %1 | %2 | %3 |\n")
                          .arg(qs(f.name), f.size >= 0 ? qs(formatBytes(f.size)) : "–",
                               wanted ? tr("yes") : tr("no"));
            }
            md += "\n" + tr("Download and Open fetches %1.").arg(qs(formatBytes(total))) + "\n\n";
            md += details->card.empty() ? tr("*This model has no card.*")
                                        : QStringLiteral("---\n\n") + qs(details->card);
            hubDetails_->setMarkdown(md);
            Q_EMIT hubDetailsShown(repoId);
        },
        JobRunner::Visibility::Quiet);
}

int ModelsPage::downloadAndOpen(const QString& repoId) {
    if (repoId.isEmpty()) return -1;
    auto done = std::make_shared<HubDownload>();
    return workspace_->runner()->start(
        tr("Downloading %1").arg(repoId),
        [done, id = repoId.toStdString()](const JobCallbacks& cb) {
            *done = HubClient().download(id, "main", {}, cb);
        },
        [this, done] {
            refreshCache();
            window_->openPath(qs(done->snapshot));
            Q_EMIT modelDownloaded(qs(done->snapshot));
        });
}

void ModelsPage::refreshRecent() {
    recent_->clear();
    for (const QString& path : AppSettings::recentFiles()) recent_->addItem(path);
}

void ModelsPage::refreshCache() {
    auto found = std::make_shared<std::vector<CachedModel>>();
    workspace_->runner()->start(
        tr("Scanning the Hugging Face cache"),
        [found](const JobCallbacks&) { *found = scanHuggingFaceCache(huggingFaceCacheDirs()); },
        [this, found] {
            cache_->clear();
            for (const auto& m : *found) {
                auto* item = new QTreeWidgetItem(cache_);
                item->setText(0, qs(m.repoId));
                item->setText(1, m.architecture.empty() ? qs(m.modelType) : qs(m.architecture));
                item->setText(2, qs(formatBytes(m.bytes)));
                item->setToolTip(0, qs(m.path));
                item->setData(0, Qt::UserRole, qs(m.path));
                if (!m.supported) {
                    item->setDisabled(true);
                    // The config reader's own reason (an unknown model type, an unsupported
                    // head, a key it cannot honour).
                    item->setToolTip(1, qs(m.problem));
                }
            }
            if (found->empty()) {
                auto* item = new QTreeWidgetItem(cache_);
                item->setText(0, tr("No cached models found"));
                item->setDisabled(true);
            }
        });
}

void ModelsPage::showModel() {
    const auto pipeline = workspace_->pipeline();
    summary_->clear();
    if (!pipeline) {
        stack_->setCurrentIndex(0);
        return;
    }
    const Model& model = *pipeline->model();
    const ModelConfig& c = model.config();
    const ModelSummary& s = model.summary();
    title_->setText(tr("<h2>%1</h2><p>%2</p>")
                        .arg(qs(c.architecture()), workspace_->modelPath().toHtmlEscaped()));
    auto* arch = row(summary_, tr("Architecture"), qs(c.architecture()));
    row(summary_, tr("Layers"), QString::number(c.numLayers), arch)
        ->setToolTip(0, tr("Transformer blocks stacked on the embeddings"));
    row(summary_, tr("Attention heads"), QString::number(c.numHeads), arch);
    row(summary_, tr("Hidden size"), QString::number(c.hiddenSize), arch);
    row(summary_, tr("Feed-forward size"), QString::number(c.intermediateSize), arch);
    row(summary_, tr("Vocabulary"), QString::number(c.vocabSize), arch);
    row(summary_, tr("Max positions"), QString::number(c.maxPositions), arch)
        ->setToolTip(0, tr("Longest input in tokens"));
    row(summary_, tr("Activation"), qs(c.activation), arch);
    auto* params = row(summary_, tr("Parameters"), qs(formatCount(double(s.parameterCount))));
    for (const auto& g : s.groups)
        row(summary_, qs(g.name),
            tr("%1 (%2%)")
                .arg(qs(formatCount(double(g.count))))
                .arg(100.0 * g.count / std::max<std::int64_t>(1, s.parameterCount), 0, 'f', 1),
            params);
    row(summary_, tr("Size on disk"),
        s.bytesOnDisk ? qs(formatBytes(s.bytesOnDisk)) : tr("not saved yet"));
    row(summary_, tr("Size in memory"), qs(formatBytes(s.bytesInMemory)));
    row(summary_, tr("Weights"), tr("%1, %2").arg(qs(s.weightsFormat), qs(s.fileDtype)))
        ->setToolTip(1, qs(s.weightsPath));
    if (model.isDynamicInt8()) {
        QString text = model.isStaticInt8()
                           ? tr("int8 (Linear layers, static quantization with calibrated ranges)")
                           : tr("int8 (Linear layers, dynamic quantization)");
        QString tip = model.isStaticInt8()
                          ? tr("Exported with static int8: DistilBench runs the Linear layers in "
                               "int8 with the activation ranges measured on calibration data")
                          : tr("Exported with int8 quantization: DistilBench runs the Linear "
                               "layers in int8");
        if (Model::cpuInt8WeightBits() < 8) {
            text += tr("; 7-bit weights on this CPU");
            tip += QLatin1Char('\n') +
                   tr("This CPU has no VNNI: its int8 products add pairs of products in 16 bits, "
                      "which 8-bit weights could overflow, so the weights are quantized to 7 bits "
                      "(as ONNX Runtime's reduce_range does). Accuracy can differ slightly from "
                      "a CPU with VNNI.");
        } else if (model.int8WeightBits() < 8) {
            text += tr("; 7-bit weights, as exported");
            tip += QLatin1Char('\n') +
                   tr("Exported with 7-bit int8 weights, which CPUs without VNNI compute exactly "
                      "(8-bit ones could overflow their int8 products).");
        }
        row(summary_, tr("Inference"), text)->setToolTip(1, tip);
    }
    if (s.loadSeconds > 0) row(summary_, tr("Loaded in"), qs(formatDuration(s.loadSeconds)));
    if (c.head == HeadType::SequenceClassification || c.head == HeadType::TokenClassification) {
        QStringList labels;
        for (const auto& l : c.labels) labels << qs(l);
        row(summary_, tr("Labels"), labels.join(QStringLiteral(", ")));
    }
    const auto tok = pipeline->tokenizer();
    row(summary_, tr("Tokenizer"),
        tok ? tr("%1, %2 tokens").arg(qs(tok->kind())).arg(tok->vocabSize())
            : tr("none found in the folder"));
    auto listKeys = [&](const QString& title, const std::vector<std::string>& keys,
                        const QString& tip) {
        if (keys.empty()) return;
        auto* group = row(summary_, title, QString::number(keys.size()));
        group->setToolTip(0, tip);
        for (const auto& k : keys) row(summary_, qs(k), {}, group);
    };
    listKeys(tr("Missing weights"), s.missingKeys,
             tr("Not in the file: freshly initialised (train before use)"));
    listKeys(tr("Unused weights"), s.unexpectedKeys,
             tr("In the file but not part of this architecture"));
    listKeys(tr("Tied weights restored"), s.tiedRestored,
             tr("Shared with the word embeddings, as the model defines"));
    summary_->expandItem(arch);
    summary_->expandItem(params);
    stack_->setCurrentIndex(1);
}

void ModelsPage::newFromPreset() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New model from preset"));
    auto* form = new QFormLayout(&dialog);
    auto* preset = new QComboBox(&dialog);
    for (const auto& name : ModelConfig::presetNames()) preset->addItem(qs(name));
    preset->setCurrentText(QStringLiteral("distilbert-small"));
    preset->setToolTip(tr("distilbert-small and -tiny train in minutes on a laptop CPU"));
    auto* head = new QComboBox(&dialog);
    head->addItem(tr("Sequence classification"), int(HeadType::SequenceClassification));
    head->addItem(tr("Token classification (NER)"), int(HeadType::TokenClassification));
    head->addItem(tr("Question answering"), int(HeadType::QuestionAnswering));
    head->addItem(tr("Masked language model"), int(HeadType::MaskedLM));
    auto* labels = new QSpinBox(&dialog);
    labels->setRange(1, 1000);
    labels->setValue(2);
    labels->setToolTip(tr("Number of classes; 1 means regression"));
    auto* tokenizer = new QLineEdit(QString::fromStdString(bundledVocabPath()), &dialog);
    tokenizer->setToolTip(
        tr("vocab.txt, tokenizer.json or a folder; the bundled bert-base-uncased vocabulary by "
           "default"));
    auto* browse = new QPushButton(tr("Browse…"), &dialog);
    auto* tokRow = new QHBoxLayout;
    tokRow->addWidget(tokenizer, 1);
    tokRow->addWidget(browse);
    connect(browse, &QPushButton::clicked, &dialog, [&] {
        const QString f = QFileDialog::getOpenFileName(&dialog, tr("Tokenizer"), {},
                                                       tr("Tokenizers (*.txt *.json *.model)"));
        if (!f.isEmpty()) tokenizer->setText(f);
    });
    form->addRow(tr("Shape:"), preset);
    form->addRow(tr("Task head:"), head);
    form->addRow(tr("Labels:"), labels);
    form->addRow(tr("Tokenizer:"), tokRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    workspace_->createFromPreset(preset->currentText(), head->currentData().toInt(),
                                 labels->value(), tokenizer->text());
}
