#include "app/gui/StartPage.h"

#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/gui/MainWindow.h"
#include "app/gui/Workspace.h"
#include "core/runtime/Environment.h"
#include "widgets/EmptyStateWidget.h"

StartPage::StartPage(MainWindow* window, Workspace* workspace) : QWidget(window) {
    auto* layout = new QVBoxLayout(this);
    empty_ = new EmptyStateWidget(
        tr("Welcome to DistilBench"),
        tr("Open a Hugging Face model folder (config.json with model.safetensors or "
           "pytorch_model.bin) to look inside it, test it, fine-tune or distil it. You can also "
           "drop a "
           "folder onto this window."),
        this);
    QPushButton* open = empty_->addAction(tr("Open Model Folder…"), tr("Ctrl+O"));
    connect(open, &QPushButton::clicked, window, [window] {
        const QString dir =
            QFileDialog::getExistingDirectory(window, tr("Open a Hugging Face model folder"));
        if (!dir.isEmpty()) window->openPath(dir);
    });
    if (Workspace::demoAvailable()) {
        QPushButton* demo = empty_->addAction(
            tr("Use the Demo Model"),
            tr("A small DistilBERT sentiment classifier trained on SST-2 by DistilBench"));
        connect(demo, &QPushButton::clicked, this, &StartPage::demoRequested);
    }
    QPushButton* settings =
        empty_->addAction(tr("Settings…"), tr("Threads, device, theme, language"));
    connect(settings, &QPushButton::clicked, window, &MainWindow::showSettings);
    layout->addWidget(empty_, 1);

    const auto blas = distilbench::Runtime::detectBlas();
    auto* runtime =
        new QLabel(tr("LibTorch %1 · %2 threads on %3 cores · BLAS: %4 · bf16: %5")
                       .arg(QString::fromStdString(distilbench::Runtime::torchVersion()))
                       .arg(distilbench::Runtime::threads())
                       .arg(distilbench::Runtime::coreCount())
                       .arg(QString::fromStdString(blas.name))
                       .arg(distilbench::Runtime::bf16Native() ? tr("native") : tr("emulated")),
                   this);
    runtime->setAlignment(Qt::AlignCenter);
    runtime->setEnabled(false);
    layout->addWidget(runtime);
}
