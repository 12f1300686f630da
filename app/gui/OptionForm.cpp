#include "app/gui/OptionForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <cmath>

#include "core/runtime/Environment.h"
#include "core/training/TrainingOptions.h"

using namespace distilbench;

namespace {

QString translated(const char* text) {
    return text ? QCoreApplication::translate("TrainingOptions", text) : QString();
}

// Ignores wheel events over an unfocused editor, so they scroll the form instead.
class WheelGuard : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Wheel) {
            auto* w = qobject_cast<QWidget*>(watched);
            if (w && !w->hasFocus()) {
                event->ignore();
                return true;
            }
        }
        return false;
    }
};

}  // namespace

void guardWheel(QWidget* widget) {
    widget->setFocusPolicy(Qt::StrongFocus);
    static WheelGuard* guard = new WheelGuard(QCoreApplication::instance());
    widget->installEventFilter(guard);
}

QString dataFileFilter() {
    return QCoreApplication::translate("OptionForm",
                                       "Data (*.csv *.tsv *.jsonl *.json *.txt *.conll);;All "
                                       "files (*)");
}

namespace {
std::function<QString(bool, const QString&)>& fileChooser() {
    static std::function<QString(bool, const QString&)> chooser;
    return chooser;
}
}  // namespace

void setFileChooser(std::function<QString(bool folder, const QString& filter)> chooser) {
    fileChooser() = std::move(chooser);
}

QHBoxLayout* browseRow(QWidget* parent, QLineEdit*& edit, const QString& placeholder, bool folder,
                       const QString& filter) {
    edit = new QLineEdit(parent);
    edit->setPlaceholderText(placeholder);
    auto* browse = new QPushButton(QCoreApplication::translate("OptionForm", "Browse…"), parent);
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    QLineEdit* target = edit;
    QObject::connect(browse, &QPushButton::clicked, parent, [parent, target, folder, filter] {
        const QString filters = filter.isEmpty() ? dataFileFilter() : filter;
        const QString f = fileChooser() ? fileChooser()(folder, filters)
                          : folder
                              ? QFileDialog::getExistingDirectory(parent, {}, target->text())
                              : QFileDialog::getOpenFileName(parent, {}, target->text(), filters);
        if (f.isEmpty()) return;
        target->setText(f);
        Q_EMIT target->editingFinished();
    });
    return row;
}

QGroupBox* advancedOptionsGroup(QWidget* parent, OptionForm*& form) {
    auto* group = new QGroupBox(QCoreApplication::translate("OptionForm", "Advanced"), parent);
    group->setCheckable(true);
    group->setChecked(false);
    form = new OptionForm(new QFormLayout(group), trainingOptions(TrainingOption::Group::Advanced),
                          group);
    // Offered only where the CPU computes bf16 natively; emulated bf16 takes minutes a step.
    if (QWidget* bf16 = form->editor("bf16"); bf16 && !Runtime::bf16Usable()) {
        bf16->setEnabled(false);
        bf16->setToolTip(QCoreApplication::translate(
            "OptionForm",
            "Unavailable: this CPU has no native bf16 (AVX512-BF16 or AMX); emulated bf16 would "
            "take minutes per step."));
    }
    for (QWidget* w : group->findChildren<QWidget*>()) w->setVisible(false);
    QObject::connect(group, &QGroupBox::toggled, group, [group](bool on) {
        for (QWidget* w : group->findChildren<QWidget*>()) w->setVisible(on);
    });
    return group;
}

OptionForm::OptionForm(QFormLayout* layout, const std::vector<const TrainingOption*>& options,
                       QWidget* parent)
    : QObject(parent) {
    for (const TrainingOption* o : options) {
        QWidget* w = nullptr;
        const QString tip = translated(o->help);
        switch (o->kind) {
            case TrainingOption::Kind::Integer: {
                auto* b = new QSpinBox(parent);
                b->setRange(static_cast<int>(o->minimum),
                            static_cast<int>(std::min(o->maximum, 2147483647.0)));
                connect(b, &QSpinBox::valueChanged, this, &OptionForm::changed);
                w = b;
                break;
            }
            case TrainingOption::Kind::Number: {
                auto* b = new QDoubleSpinBox(parent);
                b->setDecimals(o->decimals);
                b->setRange(o->minimum, o->maximum);
                // Steps in the digit that typical values change: 1e-5 for learning rates (7
                // decimals), 0.01 for weight decay (4), 0.1 for loss weights (2).
                b->setSingleStep(std::pow(10.0, -std::max(1, o->decimals - 2)));
                connect(b, &QDoubleSpinBox::valueChanged, this, &OptionForm::changed);
                w = b;
                break;
            }
            case TrainingOption::Kind::Flag: {
                auto* b = new QCheckBox(translated(o->label), parent);
                connect(b, &QCheckBox::toggled, this, &OptionForm::changed);
                w = b;
                break;
            }
            case TrainingOption::Kind::Choice:
            case TrainingOption::Kind::Text: {
                auto* b = new QComboBox(parent);
                b->setEditable(o->kind == TrainingOption::Kind::Text);
                for (const auto& c : o->choices) b->addItem(QString::fromStdString(c));
                if (b->isEditable() && b->lineEdit())
                    b->lineEdit()->setPlaceholderText(translated(o->placeholder));
                connect(b, &QComboBox::currentTextChanged, this, &OptionForm::changed);
                w = b;
                break;
            }
        }
        w->setObjectName(QString::fromStdString(o->name));
        w->setToolTip(tip);
        if (o->kind != TrainingOption::Kind::Flag) guardWheel(w);
        if (o->kind == TrainingOption::Kind::Flag)
            layout->addRow(w);
        else
            layout->addRow(
                QCoreApplication::translate("OptionForm", "%1:").arg(translated(o->label)), w);
        editors_.emplace_back(o, w);
    }
}

void OptionForm::load(const TrainingConfig& c) {
    for (const auto& [o, w] : editors_) {
        if (auto* b = qobject_cast<QSpinBox*>(w))
            b->setValue(static_cast<int>(std::llround(o->number(c))));
        else if (auto* d = qobject_cast<QDoubleSpinBox*>(w))
            d->setValue(o->number(c));
        else if (auto* f = qobject_cast<QCheckBox*>(w))
            f->setChecked(o->number(c) != 0);
        else if (auto* combo = qobject_cast<QComboBox*>(w))
            combo->setCurrentText(QString::fromStdString(o->text(c)));
    }
}

void OptionForm::store(TrainingConfig& c) const {
    for (const auto& [o, w] : editors_) {
        if (auto* b = qobject_cast<QSpinBox*>(w))
            o->setNumber(c, b->value());
        else if (auto* d = qobject_cast<QDoubleSpinBox*>(w))
            o->setNumber(c, d->value());
        else if (auto* f = qobject_cast<QCheckBox*>(w))
            o->setNumber(c, f->isChecked() ? 1 : 0);
        else if (auto* combo = qobject_cast<QComboBox*>(w))
            o->setText(c, combo->currentText().trimmed().toStdString());
    }
}

QWidget* OptionForm::editor(const std::string& name) const {
    for (const auto& [o, w] : editors_)
        if (o->name == name) return w;
    return nullptr;
}
