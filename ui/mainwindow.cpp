// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "core/cookiejar.h"
#include "core/exchangelistmodel.h"
#include "core/exchangelog.h"
#include "ui/exchangedetailpane.h"
#include "ui/exchangelistpane.h"
#include "ui/jarpane.h"
#include "ui/lessonspane.h"
#include "ui/serverpane.h"
#include "ui/setcookiebuilderpane.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>

namespace CookieLab
{

MainWindow::MainWindow(const Backend &backend, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend)
    , m_exchangeModel(new ExchangeListModel(backend.log, this))
    , m_request(new RequestPane(this))
    , m_exchanges(new ExchangeListPane(m_exchangeModel, this))
    , m_detail(new ExchangeDetailPane(this))
    , m_jar(new JarPane(backend.jar, this))
    , m_server(new ServerPane(backend.policy, backend.switches, this))
    , m_builder(new SetCookieBuilderPane(this))
    , m_lessons(new LessonsPane(backend.lessons, this))
    , m_centre(new QSplitter(Qt::Vertical, this))
    , m_serverLabel(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_jarLabel(new QLabel(this))
{
    setWindowTitle(tr("CookieLab"));
    setWindowIcon(QIcon(QStringLiteral(":/resources/icons/cookielab.svg")));
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);

    m_centre->addWidget(m_exchanges);
    m_centre->addWidget(m_detail);
    m_centre->setStretchFactor(0, 2);
    m_centre->setStretchFactor(1, 3);
    setCentralWidget(m_centre);

    m_requestDock = new QDockWidget(tr("Routes and request"), this);
    m_requestDock->setObjectName(QStringLiteral("RequestDock"));
    m_requestDock->setWidget(m_request);
    addDockWidget(Qt::LeftDockWidgetArea, m_requestDock);
    auto *tabs = new QTabWidget(this);
    m_rightTabs = tabs;
    tabs->addTab(m_jar, tr("Cookie jar"));
    tabs->addTab(m_server, tr("Server"));
    tabs->addTab(m_builder, tr("Set-Cookie builder"));
    tabs->addTab(m_lessons, tr("Lessons"));
    m_rightDock = new QDockWidget(tr("Client and server"), this);
    m_rightDock->setObjectName(QStringLiteral("JarDock"));
    m_rightDock->setWidget(tabs);
    addDockWidget(Qt::RightDockWidgetArea, m_rightDock);

    m_request->setRoutes(backend.routes);
    connect(m_server, &ServerPane::resetExerciseRequested, this, &MainWindow::resetExerciseRequested);
    connect(m_exchanges, &ExchangeListPane::exchangeSelected, this, [this](quint64 id) { m_detail->setExchange(m_backend.log->find(id)); });
    connect(m_request, &RequestPane::composedRequestChanged, this, [this] { m_jar->setComposedRequest(m_request->composedRequest()); });

    statusBar()->addWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_jarLabel);
    connect(backend.log, &ExchangeLog::exchangesRecorded, this, &MainWindow::updateStatus);
    connect(backend.log, &ExchangeLog::cleared, this, &MainWindow::updateStatus);
    connect(backend.jar, &CookieJar::changed, this, &MainWindow::updateStatus);

    createMenus();
    restoreLayout();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The core objects outlive the window: stop listening before the panes are destroyed.
    disconnect(m_backend.log, nullptr, this, nullptr);
    disconnect(m_backend.jar, nullptr, this, nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openRequested)
        ->setStatusTip(tr("Open a session, or import a HAR, exchange log, cookies.txt, Cookie-Editor JSON or Set-Cookie lines"));
    file->addAction(
            tr("&Import from Clipboard"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), this, &MainWindow::importClipboardRequested)
        ->setStatusTip(tr("Import cookies or traffic from the clipboard; the format is detected"));
    file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this, &MainWindow::exportRequested);
    file->addSeparator();
    file->addAction(tr("&Save Session"), QKeySequence::Save, this, &MainWindow::saveSessionRequested);
    file->addAction(tr("Save Session &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this, &MainWindow::saveSessionAsRequested);
    file->addAction(tr("Save &Report…"), QKeySequence(Qt::CTRL | Qt::Key_R), this, &MainWindow::reportRequested)
        ->setStatusTip(tr("The exchanges, cookies, findings and lesson progress as HTML or PDF, for attendees to take home"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *request = menuBar()->addMenu(tr("&Request"));
    QAction *send = request->addAction(tr("&Send"), m_request, &RequestPane::send);
    send->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    request->addAction(tr("Copy as &curl"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), m_request, &RequestPane::copyAsCurl);
    request->addAction(tr("Open in &browser"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), m_request, &RequestPane::openInBrowser);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Filter exchanges"), QKeySequence::Find, this, [this] {
        m_exchanges->filterEdit()->setFocus();
        m_exchanges->filterEdit()->selectAll();
    });
    view->addAction(
        tr("Show &findings"), QKeySequence(Qt::CTRL | Qt::Key_4), this, [this] { m_detail->showTab(ExchangeDetailPane::FindingsTab); });
    view->addAction(
        tr("Show &cookies"), QKeySequence(Qt::CTRL | Qt::Key_3), this, [this] { m_detail->showTab(ExchangeDetailPane::CookiesTab); });

    view->addAction(tr("Show &lessons"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        m_rightDock->show();
        m_rightTabs->setCurrentWidget(m_lessons);
    });
    QAction *presenter = view->addAction(tr("&Presenter mode"));
    presenter->setCheckable(true);
    presenter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    presenter->setStatusTip(tr("Large fonts and only the panes the room needs: exchanges, details and lessons"));
    connect(presenter, &QAction::toggled, this, &MainWindow::setPresenterMode);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(tr("&Reset exercise"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this, &MainWindow::resetExerciseRequested)
        ->setStatusTip(tr("End every server session, empty the jar and the exchange log"));

    QMenu *jar = menuBar()->addMenu(tr("&Jar"));
    jar->addAction(tr("&Add cookie…"), QKeySequence(Qt::CTRL | Qt::Key_N), m_jar, &JarPane::addCookie);
    jar->addAction(tr("&Edit cookie…"), QKeySequence(Qt::CTRL | Qt::Key_E), m_jar, &JarPane::editSelected);
    jar->addAction(tr("&Delete cookie"), QKeySequence::Delete, m_jar, &JarPane::deleteSelected);
    jar->addAction(tr("Clear &session cookies"), this, [this] { m_jar->clearSessionCookies(); });
    jar->addSeparator();
    jar->addAction(tr("Clock +1 &hour"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight), this,
        [this] { m_jar->travel(m_jar->clockOffset() + 3600LL * 1000); });
    jar->addAction(tr("Clock back to &now"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] { m_jar->travel(0); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About CookieLab"), this, [this] {
        QMessageBox::about(this, tr("About CookieLab"),
            tr("<b>CookieLab %1</b><p>A cookie inspector and test server. Rule IDs (CK001…) follow the project's "
               "rule catalogue.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setServerState(bool listening, const QUrl &url, const QString &error, const QList<QUrl> &networkUrls)
{
    m_server->setServerState(listening, url, error, networkUrls);
    if (listening) {
        m_request->setBaseUrl(url);
        m_builder->setBaseUrl(url);
    }
    m_serverLabel->setText(listening ? tr("Server: %1").arg(url.toString()) : tr("Server stopped"));
    if (!error.isEmpty())
        showMessage(error);
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::updateStatus()
{
    m_countLabel->setText(tr("%1 exchanges, %2 dropped").arg(m_backend.log->size()).arg(m_backend.log->droppedCount()));
    m_jarLabel->setText(tr("jar: %1 cookies").arg(m_backend.jar->size()));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("Geometry")).toByteArray()))
        resize(1400, 860);
    m_firstLayout = !restoreState(settings.value(QStringLiteral("State")).toByteArray());
    m_centre->restoreState(settings.value(QStringLiteral("CentreSplitter")).toByteArray());
    m_exchanges->restoreState(settings.value(QStringLiteral("ExchangeColumns")).toByteArray());
    m_jar->restoreState(settings.value(QStringLiteral("JarColumns")).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("Geometry"), saveGeometry());
    settings.setValue(QStringLiteral("State"), saveState());
    settings.setValue(QStringLiteral("CentreSplitter"), m_centre->saveState());
    settings.setValue(QStringLiteral("ExchangeColumns"), m_exchanges->saveState());
    settings.setValue(QStringLiteral("JarColumns"), m_jar->saveState());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_firstLayout) {
        // No saved layout yet: give the exchange list and details the middle of the window.
        m_firstLayout = false;
        resizeDocks({m_requestDock, m_rightDock}, {width() * 2 / 9, width() * 3 / 9}, Qt::Horizontal);
    }
}

void MainWindow::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    if (on) {
        m_normalFont = QApplication::font();
        QFont large = m_normalFont;
        large.setPointSizeF(m_normalFont.pointSizeF() * 1.6);
        QApplication::setFont(large);
        m_requestDock->hide();
        m_rightDock->show();
        m_rightTabs->setCurrentWidget(m_lessons);
    } else {
        QApplication::setFont(m_normalFont);
        m_requestDock->show();
    }
    statusBar()->setVisible(!on);
    showMessage(on ? tr("Presenter mode: Ctrl+Shift+P to leave.") : QString());
}

void MainWindow::setSessionName(const QString &name)
{
    setWindowTitle(name.isEmpty() ? tr("CookieLab") : tr("%1 — CookieLab").arg(name));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        paths.append(url.toLocalFile());
    event->acceptProposedAction();
    Q_EMIT filesDropped(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace CookieLab
