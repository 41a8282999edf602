// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangeanalyzer.h"
#include "core/exchangelog.h"
#include "core/exchangerecorder.h"
#include "core/routecookiepolicy.h"
#include "core/sessionmanager.h"
#include "core/vulnerabilityswitches.h"

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

class QSslConfiguration;

namespace CookieLab
{

class CookieRoutes;
class TestServer;

/** Everything behind the embedded server: log, route cookie policy, sessions, routes and the HTTP adapter. */
class LabServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabServer)

public:
    struct Options
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8000;
        QString usersFile; ///< empty: the built-in alice/bob accounts
        QString tlsCertificate; ///< PEM files: with both set the server speaks HTTPS
        QString tlsKey;
        qsizetype logCapacity = ExchangeLog::DefaultCapacity;
        bool capture = true;
    };

    /** A certificate chain and its unencrypted key, both PEM; false with error naming the file. */
    static bool loadTls(const QString &certificatePath, const QString &keyPath, QSslConfiguration &tls, QString *error);
    /** Loads the users (and the TLS files); on failure returns nullptr and sets error (naming the file and entry). */
    static std::unique_ptr<LabServer> create(const Options &options, QString *error, QObject *parent = nullptr);
    ~LabServer() override;

    /** Listens as the options say; an empty string on success. */
    QString start();
    void stop();

    /** Empties the log and forgets what the analyzer learnt from earlier exchanges (a new session starts). */
    void clearRecords();

    ExchangeLog &log() { return m_log; }
    ExchangeRecorder &recorder() { return m_recorder; }
    RouteCookiePolicy &policy() { return m_policy; }
    SessionManager &sessions() { return m_sessions; }
    VulnerabilitySwitches &switches() { return m_switches; }
    CookieRoutes &routes() { return *m_routes; }
    TestServer &server() { return *m_server; }
    const Options &options() const { return m_options; }

    static QString defaultUsersFile() { return QStringLiteral(":/resources/users.json"); }

private:
    LabServer(const Options &options, std::unique_ptr<CookieRoutes> routes, QObject *parent);

    Options m_options;
    ExchangeLog m_log;
    ExchangeAnalyzer m_analyzer; ///< used on the recorder's thread only
    // Declared after the log and the analyzer: its destructor flushes pending exchanges through both.
    ExchangeRecorder m_recorder;
    RouteCookiePolicy m_policy;
    SessionManager m_sessions;
    VulnerabilitySwitches m_switches;
    std::unique_ptr<CookieRoutes> m_routes;
    std::unique_ptr<TestServer> m_server;
};

} // namespace CookieLab
