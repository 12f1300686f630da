#include "widgets/MessageBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("MessageBanner"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    label_ = new QLabel(this);
    label_->setWordWrap(true);
    label_->setTextFormat(Qt::RichText);
    label_->setOpenExternalLinks(false);
    close_ = new QToolButton(this);
    close_->setText(QStringLiteral("✕"));
    close_->setAutoRaise(true);
    close_->setToolTip(tr("Dismiss"));
    layout->addWidget(label_, 1);
    layout->addWidget(close_);
    connect(close_, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void MessageBanner::showMessage(const QString& text, Level level) {
    const char* colors = level == Level::Error     ? "background:#f8d7da;color:#58151c;"
                         : level == Level::Warning ? "background:#fff3cd;color:#664d03;"
                                                   : "background:#cfe2ff;color:#052c65;";
    setStyleSheet(QStringLiteral("#MessageBanner{%1 border-radius:4px;} QLabel{%1}")
                      .arg(QString::fromLatin1(colors)));
    label_->setText(text);
    show();
}

QString MessageBanner::text() const {
    return label_->text();
}
