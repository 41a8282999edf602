// SPDX-License-Identifier: MIT
#include "app/workbench.h"

#include "app/cookieroutes.h"
#include "app/labclient.h"
#include "app/labserver.h"
#include "app/testserver.h"
#include "app/workshopfiles.h"
#include "core/exchangelistmodel.h"
#include "core/lessonbook.h"
#include "core/lessonprogress.h"
#include "ui/exchangedetailpane.h"
#include "ui/exchangelistpane.h"
#include "ui/jarpane.h"
#include "ui/lessonspane.h"
#include "ui/mainwindow.h"
#include "ui/serverpane.h"
#include "ui/setcookiebuilderpane.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QTimer>
#include <ranges>

namespace CookieLab
{

Workbench::Workbench(const Options &options)
    : m_options(options)
{
    m_serverThread.setObjectName(QStringLiteral("TestServer"));
}

std::unique_ptr<Workbench> Workbench::create(const Options &options, QString *error)
{
    std::unique_ptr<Workbench> bench(new Workbench(options));
    LabServer::Options serverOptions;
    serverOptions.address = options.address;
    serverOptions.port = options.port;
    serverOptions.usersFile = options.usersFile;
    serverOptions.tlsCertificate = options.tlsCertificate;
    serverOptions.tlsKey = options.tlsKey;
    bench->m_lab = LabServer::create(serverOptions, error);
    if (!bench->m_lab)
        return nullptr;
    bench->m_client = std::make_unique<LabClient>(bench->m_jar);
    bench->m_client->setIgnoreCertificateErrors(!options.tlsCertificate.isEmpty()); // the workshop's own self-signed server
    bench->m_lessons = std::make_unique<LessonProgress>(
        LessonBook::load(QStringList{LessonBook::builtInFolder()} + options.lessonFolders, &bench->m_lessonIssues));

    MainWindow::Backend backend;
    backend.log = &bench->m_lab->log();
    backend.jar = &bench->m_jar;
    backend.policy = &bench->m_lab->policy();
    backend.switches = &bench->m_lab->switches();
    backend.lessons = bench->m_lessons.get();
    for (const CookieRoutes::Route &route : CookieRoutes::routes())
        backend.routes.append({route.method, route.path, route.description});
    bench->m_window = std::make_unique<MainWindow>(backend);

    bench->m_files = std::make_unique<WorkshopFiles>(*bench->m_lab, bench->m_jar, *bench->m_lessons, *bench->m_window);

    Workbench *self = bench.get();
    MainWindow &window = *bench->m_window;
    connect(window.requestPane(), &RequestPane::sendRequested, self, &Workbench::send);
    connect(window.requestPane(), &RequestPane::copyCurlRequested, self, [self](const OutgoingRequest &request) {
        CookieRequestContext context = CookieRequestContext::forUrl(request.url);
        context.method = request.method;
        QGuiApplication::clipboard()->setText(QString::fromUtf8(request.toCurl(self->m_jar.cookieHeader(context))));
        self->m_window->showMessage(tr("Copied the curl command to the clipboard."));
    });
    connect(window.requestPane(), &RequestPane::openInBrowserRequested, self, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(window.serverPane(), &ServerPane::startRequested, self, [self](const QString &address, quint16 port) {
        QHostAddress host;
        if (!host.setAddress(address)) {
            self->m_window->setServerState(false, {}, tr("\"%1\" is not an IP address.").arg(address));
            return;
        }
        self->startServer(host, port);
    });
    connect(window.serverPane(), &ServerPane::stopRequested, self, &Workbench::stopServer);
    connect(window.builderPane(), &SetCookieBuilderPane::sendRequested, self, [self](const QUrl &url) {
        OutgoingRequest request;
        request.url = url;
        self->send(request);
    });
    connect(&bench->m_lab->log(), &ExchangeLog::exchangesRecorded, self, &Workbench::onExchangesRecorded);

    // Lessons are checked live against what the server records, the app's jar and the switches.
    LessonProgress *lessons = bench->m_lessons.get();
    connect(&bench->m_lab->log(), &ExchangeLog::exchangesRecorded, lessons, &LessonProgress::observe);
    connect(&bench->m_jar, &CookieJar::changed, lessons, [self, lessons] { lessons->observeJar(self->m_jar); });
    connect(&bench->m_lab->switches(), &VulnerabilitySwitches::changed, lessons,
        [self, lessons] { lessons->observeSwitches(self->m_lab->switches()); });
    lessons->observeJar(bench->m_jar);
    lessons->observeSwitches(bench->m_lab->switches());
    connect(window.lessonsPane(), &LessonsPane::sendRequested, self, [self](const LessonRequest &step) {
        OutgoingRequest request;
        request.method = step.method;
        request.url = self->m_window->requestPane()->baseUrl().resolved(QUrl::fromEncoded(step.path));
        request.headers = step.headers;
        request.body = step.body;
        self->send(request);
    });
    connect(window.lessonsPane(), &LessonsPane::openRequested, self, [self](const QByteArray &path) {
        QDesktopServices::openUrl(self->m_window->requestPane()->baseUrl().resolved(QUrl::fromEncoded(path)));
    });
    connect(&window, &MainWindow::resetExerciseRequested, self, &Workbench::resetExercise);
    connect(bench->m_client.get(), &LabClient::responseReceived, self, [self](const LabClient::Response &response) {
        if (!response.error.isEmpty())
            self->m_window->showMessage(tr("Request failed: %1").arg(response.error));
    });

    // The server lives on its own thread from here on.
    bench->m_lab->server().moveToThread(&bench->m_serverThread);
    bench->m_serverThread.start();
    bench->startServer(options.address, options.port);
    return bench;
}

Workbench::~Workbench()
{
    m_files.reset();
    stopServer();
    TestServer *server = &m_lab->server();
    QThread *home = thread();
    // Hand the server back to this thread before the worker ends, so it is destroyed where it lives.
    QMetaObject::invokeMethod(
        server, [server, home] { server->moveToThread(home); }, Qt::BlockingQueuedConnection);
    m_serverThread.quit();
    m_serverThread.wait();
    m_window.reset();
}

void Workbench::resetExercise()
{
    m_lab->sessions().clear();
    m_jar.clear();
    m_lab->clearRecords();
    m_window->showMessage(tr("Exercise reset: server sessions ended, jar and log emptied."));
}

QString Workbench::startServer(const QHostAddress &address, quint16 port)
{
    TestServer *server = &m_lab->server();
    QString error;
    QMetaObject::invokeMethod(
        server, [&] { error = server->listen(address, port); }, Qt::BlockingQueuedConnection);
    if (error.isEmpty())
        m_window->setServerState(true, server->baseUrl(), {}, server->networkLabUrls());
    else
        m_window->setServerState(false, {}, error);
    return error;
}

void Workbench::stopServer()
{
    TestServer *server = &m_lab->server();
    QMetaObject::invokeMethod(
        server, [server] { server->close(); }, Qt::BlockingQueuedConnection);
    if (m_window)
        m_window->setServerState(false, {}, {});
}

void Workbench::send(const OutgoingRequest &request)
{
    LabClient::Request out;
    out.method = request.method;
    out.url = request.url;
    out.headers = request.headers;
    out.body = request.body;
    m_pendingSelection = qMakePair(request.method, request.url.path(QUrl::FullyEncoded).toLatin1());
    m_client->send(out);
}

void Workbench::onExchangesRecorded(const QList<HttpExchangePtr> &batch)
{
    if (!m_pendingSelection)
        return;
    for (qsizetype i = batch.size() - 1; i >= 0; --i) { // newest first
        const HttpExchange &e = *batch.at(i);
        if (e.method == m_pendingSelection->first && e.path() == m_pendingSelection->second) {
            m_pendingSelection.reset();
            m_window->exchangeListPane()->selectExchange(e.id);
            return;
        }
    }
}

void Workbench::runScreenshotDemo(const QString &path, std::function<void(bool)> done)
{
    struct Step
    {
        QByteArray method;
        QByteArray path;
    };
    const QList<Step> steps = {{"POST", "/login"}, {"GET", "/protected"}, {"GET", "/multi-cookie"}, {"GET", "/remember-me"}};
    auto remaining = std::make_shared<QList<Step>>(steps);
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, remaining, next, path, done] {
        if (remaining->isEmpty()) {
            m_lab->recorder().flush();
            QTimer::singleShot(100, this, [this, path, done] {
                const QList<HttpExchangePtr> entries = m_lab->log().entries();
                if (!entries.isEmpty())
                    m_window->exchangeListPane()->selectExchange(entries.first()->id);
                m_window->exchangeDetailPane()->showTab(ExchangeDetailPane::FindingsTab);
                m_window->jarPane()->selectCookie("auth_token");
                done(m_window->grab().save(path));
            });
            return;
        }
        const Step step = remaining->takeFirst();
        m_window->requestPane()->chooseRoute(step.method, step.path);
        auto *connection = new QMetaObject::Connection;
        *connection = connect(m_client.get(), &LabClient::responseReceived, this, [connection, next] {
            QObject::disconnect(*connection);
            delete connection;
            (*next)();
        });
        if (const auto request = m_window->requestPane()->composedRequest())
            send(*request);
    };
    (*next)();
}

} // namespace CookieLab
