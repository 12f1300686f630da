#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <string>
#include <vector>

class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLineEdit;
class QWidget;

namespace distilbench {
struct TrainingConfig;
struct TrainingOption;
}  // namespace distilbench

// A form built from core's description of the run options (TrainingOptions): one editor per
// option with its label, range, decimals and help as tooltip, so the Train and Distill pages
// offer exactly what the CLI offers, with the same defaults. Spin and combo boxes take the mouse
// wheel only when focused: scrolling the form never changes a value.
class OptionForm : public QObject {
    Q_OBJECT
public:
    OptionForm(QFormLayout* layout, const std::vector<const distilbench::TrainingOption*>& options,
               QWidget* parent);

    // Shows the values of `config`.
    void load(const distilbench::TrainingConfig& config);
    // Writes the shown values into `config` (other fields untouched).
    void store(distilbench::TrainingConfig& config) const;
    // The editor of an option ("lr"), or nullptr.
    QWidget* editor(const std::string& name) const;
    template <typename T>
    T* editorAs(const std::string& name) const {
        return qobject_cast<T*>(editor(name));
    }

Q_SIGNALS:
    void changed();

private:
    std::vector<std::pair<const distilbench::TrainingOption*, QWidget*>> editors_;
};

// The collapsible "Advanced" group of the run pages, holding core's advanced run options; bf16 is
// offered only where the CPU computes it natively. `form` receives the group's OptionForm.
QGroupBox* advancedOptionsGroup(QWidget* parent, OptionForm*& form);

// Spin and combo boxes in scrolling forms: the wheel changes them only when they have focus.
void guardWheel(QWidget* widget);

// A line edit with a Browse… button. Choosing a file (or folder) fills the edit and emits its
// editingFinished, exactly as pressing Enter does.
QHBoxLayout* browseRow(QWidget* parent, QLineEdit*& edit, const QString& placeholder, bool folder,
                       const QString& filter = {});
// Replaces the file dialog of browseRow (tests choose without a modal dialog); {} restores it.
void setFileChooser(std::function<QString(bool folder, const QString& filter)> chooser);

// The data files the pages accept.
QString dataFileFilter();
