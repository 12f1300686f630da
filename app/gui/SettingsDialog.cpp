#include "app/gui/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QStandardItemModel>

#include "app/gui/AppSettings.h"
#include "app/gui/Translations.h"
#include "core/hub/HubCache.h"
#include "core/hub/HubToken.h"
#include "core/runtime/Environment.h"

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    auto* form = new QFormLayout(this);

    threads_ = new QSpinBox(this);
    threads_->setRange(0, 1024);
    threads_->setSpecialValueText(tr("One per core (%1)").arg(distilbench::Runtime::coreCount()));
    threads_->setValue(AppSettings::threads());
    threads_->setToolTip(
        tr("Threads LibTorch uses for matrix work. More threads speed up large "
           "batches; one per physical core is usually best."));
    form->addRow(tr("&Threads:"), threads_);

    device_ = new QComboBox(this);
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    for (int i = 0; i < distilbench::Runtime::cudaDeviceCount(); ++i)
        device_->addItem(tr("CUDA GPU %1").arg(i), QStringLiteral("cuda:%1").arg(i));
    device_->setCurrentIndex(std::max(0, device_->findData(AppSettings::device())));
    device_->setToolTip(
        distilbench::Runtime::cudaAvailable()
            ? tr("Where models run.")
            : tr("This LibTorch build has no CUDA support, so models run on the CPU."));
    form->addRow(tr("&Device:"), device_);

    theme_ = new QComboBox(this);
    theme_->addItem(tr("System"), 0);
    theme_->addItem(tr("Light"), 1);
    theme_->addItem(tr("Dark"), 2);
    theme_->setCurrentIndex(static_cast<int>(AppSettings::theme()));
    form->addRow(tr("T&heme:"), theme_);

    language_ = new QComboBox(this);
    language_->addItem(tr("System language"), QString());
    for (const auto& [code, name] : Translations::available()) language_->addItem(name, code);
    language_->setCurrentIndex(std::max(0, language_->findData(AppSettings::language())));
    language_->setToolTip(tr("Takes effect the next time DistilBench starts."));
    form->addRow(tr("&Language:"), language_);

    // The Hub token: HF_TOKEN wins, then the desktop keychain, then the file `huggingface-cli
    // login` writes (shared with Python). Read without prompting: the GUI thread never waits
    // for a keyring's unlock window here.
    namespace hub = distilbench::HubCache;
    const hub::FoundToken found = hub::findToken(false);
    initialToken_ = found.source == hub::TokenSource::Environment ? std::string() : found.token;
    token_ = new QLineEdit(this);
    token_->setObjectName("hubToken");
    token_->setEchoMode(QLineEdit::Password);
    token_->setText(QString::fromStdString(initialToken_));
    token_->setPlaceholderText(tr("hf_… (for gated and private models)"));
    token_->setToolTip(tr("Sent to the Hub for gated and private models; empty removes it."));
    form->addRow(tr("Hugging Face &token:"), token_);

    tokenStore_ = new QComboBox(this);
    tokenStore_->setObjectName("hubTokenStore");
    const bool keychain = hub::keychainAvailable();
    tokenStore_->addItem(keychain ? tr("System keychain") : tr("System keychain (none running)"),
                         static_cast<int>(hub::TokenSource::Keychain));
    tokenStore_->addItem(tr("Token file, shared with huggingface-cli"),
                         static_cast<int>(hub::TokenSource::File));
    if (!keychain) {
        // Disabled, not hidden: the user learns why the file is used.
        if (auto* model = qobject_cast<QStandardItemModel*>(tokenStore_->model()))
            model->item(0)->setEnabled(false);
    }
    initialStore_ = found.source == hub::TokenSource::File || !keychain ? 1 : 0;
    tokenStore_->setCurrentIndex(initialStore_);
    tokenStore_->setToolTip(
        tr("The keychain keeps the token encrypted with your login; the file (%1) is readable "
           "only by you and is where Python's huggingface_hub looks.")
            .arg(QString::fromStdString(hub::tokenPath())));
    form->addRow(tr("Store the token &in:"), tokenStore_);

    QString where;
    switch (found.source) {
        case hub::TokenSource::Environment:
            where =
                tr("HF_TOKEN is set in the environment and is used instead of anything "
                   "stored here.");
            break;
        case hub::TokenSource::Keychain:
            where = tr("The token in use comes from the system keychain.");
            break;
        case hub::TokenSource::File:
            where =
                tr("The token in use comes from %1.").arg(QString::fromStdString(hub::tokenPath()));
            break;
        case hub::TokenSource::None:
            where = tr("No token is stored.");
            break;
    }
    if (!found.note.empty())
        where += " " + tr("Keychain: %1.").arg(QString::fromStdString(found.note));
    auto* source = new QLabel(where, this);
    source->setObjectName("hubTokenSource");
    source->setWordWrap(true);
    form->addRow(QString(), source);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::accept() {
    AppSettings::setThreads(threads_->value());
    AppSettings::setDevice(device_->currentData().toString());
    AppSettings::setTheme(static_cast<AppSettings::Theme>(theme_->currentData().toInt()));
    AppSettings::setLanguage(language_->currentData().toString());
    namespace hub = distilbench::HubCache;
    const std::string token = token_->text().trimmed().toStdString();
    const int store = tokenStore_->currentIndex();
    if (token != initialToken_ || store != initialStore_) {
        try {
            if (store == 0) {
                hub::saveTokenInKeychain(token);
            } else {
                // The file is shared with Python's huggingface_hub (and may be its login's):
                // replacing or removing one that exists is asked, with its path.
                const QString path = QString::fromStdString(hub::tokenPath());
                if (QFileInfo::exists(path) &&
                    QMessageBox::question(this, tr("Settings"),
                                          token.empty()
                                              ? tr("Remove the Hugging Face token file %1? "
                                                   "Python's huggingface_hub uses it too.")
                                                    .arg(path)
                                              : tr("Replace the Hugging Face token in %1? "
                                                   "Python's huggingface_hub uses it too.")
                                                    .arg(path)) != QMessageBox::Yes)
                    return;
                hub::saveToken(token);
                // Our keychain entry would be read before the file: it goes (it is ours).
                if (hub::keychainAvailable()) hub::saveTokenInKeychain("");
            }
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Settings"), QString::fromUtf8(e.what()));
            return;
        }
    }
    QDialog::accept();
}
