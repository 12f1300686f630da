#pragma once

#include <QDialog>
#include <string>

class QSpinBox;
class QComboBox;

// Threads, device, theme and language; values are stored with AppSettings when accepted.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    void accept() override;

private:
    QSpinBox* threads_;
    QComboBox* device_;
    QComboBox* theme_;
    QComboBox* language_;
    class QLineEdit* token_;
    QComboBox* tokenStore_;
    std::string initialToken_;
    int initialStore_ = 0;
};
