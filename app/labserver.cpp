// SPDX-License-Identifier: MIT
#include "app/labserver.h"

#include "app/cookieroutes.h"
#include "app/testserver.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace CookieLab
{

LabServer::LabServer(const Options &options, std::unique_ptr<CookieRoutes> routes, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_log(options.logCapacity)
    , m_recorder(m_log)
    , m_routes(std::move(routes))
{
}

LabServer::~LabServer() = default;

bool LabServer::loadTls(const QString &certificatePath, const QString &keyPath, QSslConfiguration &tls, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (certificatePath.isEmpty() || keyPath.isEmpty())
        return fail(QStringLiteral("HTTPS needs both --tls-cert and --tls-key"));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificatePath, QSsl::Pem);
    if (chain.isEmpty())
        return fail(QStringLiteral("%1: no PEM certificate found").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(QStringLiteral("%1: not an unencrypted PEM RSA or EC private key").arg(keyPath));
    tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    return true;
}

std::unique_ptr<LabServer> LabServer::create(const Options &options, QString *error, QObject *parent)
{
    const UserStore::LoadResult users = UserStore::fromFile(options.usersFile.isEmpty() ? defaultUsersFile() : options.usersFile);
    if (!users.ok()) {
        if (error)
            *error = users.error;
        return nullptr;
    }
    // The routes need the policy and sessions, which live in the server object: build it first.
    std::unique_ptr<LabServer> lab(new LabServer(options, nullptr, parent));
    lab->m_routes = std::make_unique<CookieRoutes>(lab->m_policy, lab->m_sessions, lab->m_switches, users.store);
    lab->m_server = std::make_unique<TestServer>(*lab->m_routes, lab->m_recorder);
    lab->m_server->setCaptureEnabled(options.capture);
    if (!options.tlsCertificate.isEmpty() || !options.tlsKey.isEmpty()) {
        QSslConfiguration tls;
        if (!loadTls(options.tlsCertificate, options.tlsKey, tls, error))
            return nullptr;
        lab->m_server->setTls(tls);
    }
    lab->m_analyzer.setRouteResolver([](QByteArrayView method, QByteArrayView path) {
        ExchangeAnalyzer::RouteInfo info;
        if (method == "POST" && path == "/login")
            info.role = AnalysisContext::Role::Login;
        else if (path == "/logout")
            info.role = AnalysisContext::Role::Logout;
        info.stateChangingGetPaths = {"/logout"};
        return info;
    });
    // Every switch change is part of the record: the log shows when the server became vulnerable.
    LabServer *self = lab.get();
    QObject::connect(&lab->m_switches, &VulnerabilitySwitches::changed, &lab->m_switches, [self](Vulnerability vulnerability, bool on) {
        const VulnerabilityInfo &info = VulnerabilitySwitches::info(vulnerability);
        HttpExchange event;
        event.source = HttpExchange::Source::Event;
        event.method = "SWITCH";
        event.url = QUrl(QStringLiteral("cookielab:/lab/switches/") + QString::fromLatin1(info.id));
        event.startedAt = QDateTime::currentMSecsSinceEpoch();
        event.clientAddress = QStringLiteral("instructor");
        event.note = (on ? QStringLiteral("Vulnerability switched ON: ") : QStringLiteral("Vulnerability switched off: ")) + info.title;
        self->m_recorder.submit(std::move(event));
    });
    ExchangeAnalyzer *analyzer = &lab->m_analyzer;
    lab->m_recorder.setEnricher([analyzer](HttpExchange &exchange) { exchange.findings = analyzer->analyze(exchange); });
    return lab;
}

QString LabServer::start()
{
    return m_server->listen(m_options.address, m_options.port);
}

void LabServer::stop()
{
    m_server->close();
}

void LabServer::clearRecords()
{
    m_recorder.runInWorker([this] {
        m_analyzer.reset();
        m_log.clear();
    });
}

} // namespace CookieLab
