#include "widgets/JobProgressPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/util/HumanUnits.h"

JobProgressPanel::JobProgressPanel(QWidget* parent) : QWidget(parent) {
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->setSpacing(2);
}

void JobProgressPanel::addJob(int id, const QString& name) {
    if (rows_.contains(id)) return;
    auto* w = new QWidget(this);
    auto* row = new QHBoxLayout(w);
    row->setContentsMargins(4, 0, 4, 0);
    auto* label = new QLabel(name, w);
    auto* bar = new QProgressBar(w);
    bar->setRange(0, 1000);
    bar->setValue(0);
    bar->setMaximumWidth(220);
    bar->setTextVisible(false);
    auto* cancel = new QPushButton(tr("Cancel"), w);
    cancel->setToolTip(tr("Stop this job; work already saved is kept"));
    row->addWidget(label, 1);
    row->addWidget(bar);
    row->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, [this, id, cancel] {
        cancel->setEnabled(false);
        cancel->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested(id);
    });
    layout_->addWidget(w);
    rows_.insert(id, {w, bar, label, name});
    show();
}

void JobProgressPanel::updateJob(int id, double fraction, const QString& message,
                                 double etaSeconds) {
    auto it = rows_.find(id);
    if (it == rows_.end()) return;
    it->bar->setValue(static_cast<int>(fraction * 1000.0));
    QString text = it->name;
    if (!message.isEmpty()) text += QStringLiteral(" — ") + message;
    text += QStringLiteral(" (%1%").arg(static_cast<int>(fraction * 100.0));
    if (etaSeconds >= 0)
        text += QStringLiteral(", ") +
                tr("%1 left").arg(QString::fromStdString(distilbench::formatDuration(etaSeconds)));
    text += QLatin1Char(')');
    it->label->setText(text);
}

void JobProgressPanel::removeJob(int id) {
    auto row = rows_.take(id);
    if (row.widget) row.widget->deleteLater();
    if (rows_.isEmpty()) hide();
}
