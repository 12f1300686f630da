#include "app/gui/AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "core/runtime/EnvironmentJson.h"

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About DistilBench"));
    auto* layout = new QVBoxLayout(this);
    auto* title =
        new QLabel(tr("<h2>DistilBench</h2><p>A native workbench for BERT-family encoders: "
                      "inspect, test, fine-tune, distil and export DistilBERT and BERT models, "
                      "offline.</p>"),
                   this);
    title->setWordWrap(true);
    layout->addWidget(title);
    auto* versions = new QPlainTextEdit(this);
    versions->setReadOnly(true);
    versions->setPlainText(distilbench::environmentToText(distilbench::Runtime::collect()));
    versions->setMinimumSize(520, 200);
    layout->addWidget(versions);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}
