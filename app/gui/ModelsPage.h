#pragma once

#include <QWidget>
#include <functional>

class MainWindow;
class Workspace;
class QStackedWidget;
class QTreeWidget;
class QLabel;
class QListWidget;
class QLineEdit;
class QComboBox;
class QPushButton;
class EmptyStateWidget;

// Open a model folder, browse the local Hugging Face cache and recent models, create a new
// model from a preset, and read the loaded model's summary.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    ModelsPage(MainWindow* window, Workspace* workspace);
    void refreshCache();
    QTreeWidget* cacheView() const { return cache_; }
    QTreeWidget* summaryView() const { return summary_; }
    // The Hub: a search on the job runner (results in hubResults), and a download into the shared
    // cache that opens the model when it is complete. Return the job id.
    int searchHub(const QString& query);
    int downloadAndOpen(const QString& repoId);
    // The selected Hub model's files (sizes, which ones a download fetches) and its card.
    int showHubDetails(const QString& repoId);
    class QTextBrowser* hubDetails() const {
        return hubDetails_;
    }
    QTreeWidget* hubResults() const { return hubResults_; }
    // Deletes a model of the Hugging Face cache after asking (the cache list's context menu);
    // false when refused or not confirmed. Tests answer without a dialog.
    bool deleteCached(const QString& repoId);
    void setConfirmation(std::function<bool(const QString&)> ask) { confirm_ = std::move(ask); }

Q_SIGNALS:
    void hubSearched();
    void modelDownloaded(const QString& snapshot);
    void hubDetailsShown(const QString& repoId);

private:
    void showModel();
    void newFromPreset();
    void refreshRecent();

    MainWindow* window_;
    Workspace* workspace_;
    QStackedWidget* stack_;
    EmptyStateWidget* empty_;
    QLabel* title_;
    QTreeWidget* summary_;
    QTreeWidget* cache_;
    QListWidget* recent_;
    QLineEdit* hubQuery_;
    QComboBox* hubTask_;
    QComboBox* hubLibrary_;
    QTreeWidget* hubResults_;
    QPushButton* hubDownload_;
    class QTextBrowser* hubDetails_;
    QString hubDetailsFor_;
    std::function<bool(const QString&)> confirm_;
};
