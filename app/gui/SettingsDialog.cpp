#include "app/gui/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>

#include "app/gui/AppSettings.h"
#include "app/gui/Translations.h"
#include "core/hub/HubCache.h"
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

    // The Hub token, shared with Python: the file `huggingface-cli login` writes (HF_TOKEN in the
    // environment wins over it).
    token_ = new QLineEdit(this);
    token_->setObjectName("hubToken");
    token_->setEchoMode(QLineEdit::Password);
    token_->setText(QString::fromStdString(distilbench::HubCache::token()));
    token_->setPlaceholderText(tr("hf_… (for gated and private models)"));
    token_->setToolTip(
        tr("Stored where `huggingface-cli login` keeps it, readable only by you; "
           "empty removes it."));
    form->addRow(tr("Hugging Face &token:"), token_);

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
    const std::string token = token_->text().trimmed().toStdString();
    if (token != distilbench::HubCache::token()) {
        // The file is shared with Python's huggingface_hub (and may be its login's): replacing
        // or removing one that exists is asked, with its path.
        const QString path = QString::fromStdString(distilbench::HubCache::tokenPath());
        if (QFileInfo::exists(path) &&
            QMessageBox::question(this, tr("Settings"),
                                  token.empty()
                                      ? tr("Remove the Hugging Face token file %1? Python's "
                                           "huggingface_hub uses it too.")
                                            .arg(path)
                                      : tr("Replace the Hugging Face token in %1? Python's "
                                           "huggingface_hub uses it too.")
                                            .arg(path)) != QMessageBox::Yes)
            return;
        try {
            distilbench::HubCache::saveToken(token);
        } catch (const std::exception& e) {
            QMessageBox::warning(this, tr("Settings"), QString::fromUtf8(e.what()));
            return;
        }
    }
    QDialog::accept();
}
