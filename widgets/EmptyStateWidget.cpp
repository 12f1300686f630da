#include "widgets/EmptyStateWidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EmptyStateWidget::EmptyStateWidget(const QString& title, const QString& explanation,
                                   QWidget* parent)
    : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    title_ = new QLabel(title, this);
    QFont f = title_->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    title_->setFont(f);
    title_->setAlignment(Qt::AlignCenter);
    explanation_ = new QLabel(explanation, this);
    explanation_->setWordWrap(true);
    explanation_->setAlignment(Qt::AlignCenter);
    explanation_->setMinimumWidth(480);
    explanation_->setMaximumWidth(600);
    explanation_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    buttons_ = new QWidget(this);
    auto* row = new QHBoxLayout(buttons_);
    row->setContentsMargins(0, 12, 0, 0);
    row->addStretch(1);
    row->addStretch(1);
    layout->addWidget(title_);
    layout->addWidget(explanation_, 0, Qt::AlignHCenter);
    layout->addWidget(buttons_);
    layout->addStretch(2);
}

QPushButton* EmptyStateWidget::addAction(const QString& text, const QString& toolTip) {
    auto* button = new QPushButton(text, buttons_);
    button->setToolTip(toolTip);
    auto* row = static_cast<QHBoxLayout*>(buttons_->layout());
    row->insertWidget(row->count() - 1, button);
    return button;
}

void EmptyStateWidget::setExplanation(const QString& explanation) {
    explanation_->setText(explanation);
}
