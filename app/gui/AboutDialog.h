#pragma once

#include <QDialog>

// Versions of the app and of everything it runs on (Qt, LibTorch, BLAS, sentencepiece).
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
};
