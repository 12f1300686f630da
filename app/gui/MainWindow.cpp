#include "app/gui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include "app/common/JobRunner.h"
#include "app/gui/AboutDialog.h"
#include "app/gui/AppSettings.h"
#include "app/gui/SettingsDialog.h"
#include "app/gui/Theme.h"
#include "core/runtime/Environment.h"
#include "core/util/HumanUnits.h"
#include "widgets/JobProgressPanel.h"
#include "widgets/MessageBanner.h"

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("DistilBench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/distilbench.svg")));
    setAcceptDrops(true);
    runner_ = new JobRunner(this);

    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    outer->setContentsMargins(6, 6, 6, 0);
    banner_ = new MessageBanner(central);
    outer->addWidget(banner_);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    nav_ = new QListWidget(splitter);
    nav_->setObjectName(QStringLiteral("navigation"));
    nav_->setMinimumWidth(150);
    nav_->setMaximumWidth(200);
    nav_->setIconSize(QSize(20, 20));
    nav_->setSpacing(2);
    stack_ = new QStackedWidget(splitter);
    splitter->addWidget(nav_);
    splitter->addWidget(stack_);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({180, 1000});
    outer->addWidget(splitter, 1);

    jobs_ = new JobProgressPanel(central);
    jobs_->hide();
    outer->addWidget(jobs_);
    setCentralWidget(central);
    connect(nav_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);

    connect(runner_, &JobRunner::started, jobs_, &JobProgressPanel::addJob);
    connect(runner_, &JobRunner::progress, jobs_, &JobProgressPanel::updateJob);
    connect(runner_, &JobRunner::finished, jobs_, &JobProgressPanel::removeJob);
    connect(runner_, &JobRunner::cancelled, jobs_, &JobProgressPanel::removeJob);
    connect(runner_, &JobRunner::failed, this, [this](int id, const QString& error) {
        jobs_->removeJob(id);
        // Not exec(): other jobs keep reporting while the message is up.
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("DistilBench"), error, QMessageBox::Ok, this);
        box->setObjectName("jobError");
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(jobs_, &JobProgressPanel::cancelRequested, runner_, &JobRunner::cancel);

    deviceLabel_ = new QLabel(this);
    threadsLabel_ = new QLabel(this);
    blasLabel_ = new QLabel(this);
    memoryLabel_ = new QLabel(this);
    for (QLabel* l : {deviceLabel_, threadsLabel_, blasLabel_, memoryLabel_})
        statusBar()->addPermanentWidget(l);
    statusTimer_ = new QTimer(this);
    connect(statusTimer_, &QTimer::timeout, this, &MainWindow::refreshStatus);
    statusTimer_->start(2000);

    buildMenus();
    checkBlas();
    refreshStatus();

    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1200, 800);
    restoreState(settings.value("window/state").toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::addPage(const QString& title, const QIcon& icon, QWidget* page) {
    stack_->addWidget(page);
    auto* item = new QListWidgetItem(icon, title, nav_);
    item->setSizeHint(QSize(0, 34));
    if (nav_->count() == 1) nav_->setCurrentRow(0);
}

void MainWindow::showPage(QWidget* page) {
    const int index = stack_->indexOf(page);
    if (index >= 0) nav_->setCurrentRow(index);
}

QWidget* MainWindow::currentPage() const {
    return stack_->currentWidget();
}

QStringList MainWindow::pageTitles() const {
    QStringList titles;
    for (int i = 0; i < nav_->count(); ++i) titles << nav_->item(i)->text();
    return titles;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Model Folder…"), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open a Hugging Face model folder"));
        if (!dir.isEmpty()) openPath(dir);
    });
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(
        tr("Open a folder with config.json and model.safetensors or pytorch_model.bin"));
    QAction* openFile = file->addAction(tr("Open &File…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a model or tokenizer file"), {},
            tr("Models and tokenizers (*.safetensors *.bin *.json *.txt *.model);;All files (*)"));
        if (!path.isEmpty()) openPath(path);
    });
    openFile->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    QAction* exportModel =
        file->addAction(tr("&Export Model…"), this, &MainWindow::exportRequested);
    exportModel->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    exportModel->setToolTip(
        tr("Save the open model for transformers, ONNX Runtime or DistilBench (fp16, bf16, int8)"));
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence(tr("Ctrl+,")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < 9; ++i) {
        QAction* go = view->addAction(tr("Page %1").arg(i + 1), this, [this, i] {
            if (i < nav_->count()) nav_->setCurrentRow(i);
        });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        go->setVisible(false);
        addAction(go);
    }
    view->addAction(
            tr("Next Page"), this,
            [this] { nav_->setCurrentRow((nav_->currentRow() + 1) % std::max(1, nav_->count())); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    view->addAction(tr("Previous Page"), this,
                    [this] {
                        const int n = std::max(1, nav_->count());
                        nav_->setCurrentRow((nav_->currentRow() + n - 1) % n);
                    })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About DistilBench"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList files = AppSettings::recentFiles();
    for (const QString& path : files)
        recentMenu_->addAction(path, this, [this, path] { openPath(path); });
    if (!files.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("Clear List"), this, [this] {
            AppSettings::clearRecentFiles();
            rebuildRecentMenu();
        });
    }
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::checkBlas() {
    const auto blas = distilbench::Runtime::detectBlas();
    if (blas.isReference) {
        banner_->showMessage(
            tr("<b>Slow BLAS in use.</b> LibTorch is running on the reference BLAS (%1), which is "
               "about 60× slower than OpenBLAS. Install <code>libopenblas0-openmp</code> and "
               "select it "
               "with <code>update-alternatives --config libblas.so.3-x86_64-linux-gnu</code>, or "
               "run "
               "<code>packaging/setup-deps.sh</code>.")
                .arg(QString::fromStdString(blas.library).toHtmlEscaped()),
            MessageBanner::Level::Warning);
    }
}

void MainWindow::refreshStatus() {
    const QString device = AppSettings::device();
    deviceLabel_->setText(
        tr("Device: %1").arg(device == QLatin1String("cpu") ? tr("CPU") : device));
    threadsLabel_->setText(tr("Threads: %1").arg(distilbench::Runtime::threads()));
    threadsLabel_->setToolTip(tr("LibTorch intra-op threads (the machine has %1 cores)")
                                  .arg(distilbench::Runtime::coreCount()));
    static const auto blas = distilbench::Runtime::detectBlas();
    blasLabel_->setText(tr("BLAS: %1").arg(QString::fromStdString(blas.name)));
    blasLabel_->setToolTip(QString::fromStdString(blas.library));
    memoryLabel_->setText(tr("Memory: %1")
                              .arg(QString::fromStdString(distilbench::formatBytes(
                                  distilbench::Runtime::residentBytes()))));
}

void MainWindow::openPath(const QString& path) {
    if (!QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("Open"), tr("%1 does not exist.").arg(path));
        return;
    }
    Q_EMIT openRequested(QFileInfo(path).absoluteFilePath());
}

void MainWindow::addRecent(const QString& path) {
    AppSettings::addRecentFile(QFileInfo(path).absoluteFilePath());
    rebuildRecentMenu();
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    const QString language = AppSettings::language();
    if (dialog.exec() == QDialog::Accepted) {
        // Translations are installed at start: say so instead of changing nothing in silence.
        if (AppSettings::language() != language)
            banner_->showMessage(tr("The language changes the next time DistilBench starts."),
                                 MessageBanner::Level::Info);
        distilbench::Runtime::setThreads(AppSettings::threads());
        Theme::apply(AppSettings::theme());
        refreshStatus();
        Q_EMIT settingsChanged();
    }
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    event->acceptProposedAction();
    openPath(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (runner_->runningCount() > 0) {
        const auto answer = QMessageBox::question(
            this, tr("Quit"),
            tr("%n job(s) still running. Cancel them and quit?", nullptr, runner_->runningCount()));
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        runner_->cancelAll();
        runner_->waitForAll(10000);
    }
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    QMainWindow::closeEvent(event);
}
