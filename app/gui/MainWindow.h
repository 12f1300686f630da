#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class QLabel;
class QMenu;
class QTimer;
class JobRunner;
class JobProgressPanel;
class MessageBanner;

// Navigation list on the left, one page at a time on the right, running jobs and the runtime
// (device, threads, BLAS, memory) in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    JobRunner* jobRunner() const { return runner_; }
    MessageBanner* banner() const { return banner_; }
    // Adds a page to the navigation; pages appear in the order they are added.
    void addPage(const QString& title, const QIcon& icon, QWidget* page);
    void showPage(QWidget* page);
    QWidget* currentPage() const;
    QStringList pageTitles() const;
    void refreshStatus();

public Q_SLOTS:
    // Opens a model folder or file (drag-and-drop, File menu, recent files, command line).
    void openPath(const QString& path);
    // Lists a path under Open Recent (only what opened successfully: failed opens stay out).
    void addRecent(const QString& path);
    void showSettings();
    void showAbout();

Q_SIGNALS:
    // Emitted for every path the user opens; the Models page loads it.
    void openRequested(const QString& path);
    // The user accepted the Settings dialog (threads, device, theme or language may differ).
    void settingsChanged();
    // File > Export Model… (Ctrl+E).
    void exportRequested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void rebuildRecentMenu();
    void checkBlas();

    JobRunner* runner_;
    QListWidget* nav_;
    QStackedWidget* stack_;
    MessageBanner* banner_;
    JobProgressPanel* jobs_;
    QLabel* deviceLabel_;
    QLabel* threadsLabel_;
    QLabel* blasLabel_;
    QLabel* memoryLabel_;
    QMenu* recentMenu_ = nullptr;
    QTimer* statusTimer_;
};
