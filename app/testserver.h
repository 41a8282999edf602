// SPDX-License-Identifier: MIT
#pragma once

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <atomic>
#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;

namespace CookieLab
{

class CookieRoutes;
class ExchangeRecorder;

/**
 * The one adapter around QHttpServer (6.4's API). QHttpServer only parses HTTP: no routes are
 * registered, so every request reaches one handler that asks CookieRoutes for the reply, writes
 * its headers in order with the responder, and records the exchange. That avoids QHttpServer's
 * unordered response headers and the responses its afterRequest hook never sees.
 */
class TestServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestServer)

public:
    TestServer(CookieRoutes &routes, ExchangeRecorder &recorder, QObject *parent = nullptr);
    ~TestServer() override;

    /** Listens on address:port (0 picks a free port); returns an empty string or why it failed. */
    Q_INVOKABLE QString listen(const QHostAddress &address, quint16 port);
    /** Serves HTTPS with this certificate and key from the next listen() on (null: plain HTTP). */
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    bool isTls() const { return !m_tls.isNull(); }
    Q_INVOKABLE void close();
    bool isListening() const;
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_address; }
    /** http://127.0.0.1:8000 (IPv6 in brackets). */
    QUrl baseUrl() const;
    /** The lab's URLs on this machine's network addresses, for attendees; empty on a loopback address. */
    QList<QUrl> networkLabUrls() const;
    /**
     * networkLabUrls() for a server bound to `bound` on a machine with these interface addresses:
     * a wildcard address gives every non-loopback one of its family (both for QHostAddress::Any), no link-local ones.
     */
    static QList<QUrl> labUrlsFor(const QHostAddress &bound, const QList<QHostAddress> &interfaces, const QUrl &base);

    /** Recording can be turned off (the capture benchmark compares both). */
    void setCaptureEnabled(bool enabled) { m_capture = enabled; }

Q_SIGNALS:
    void listeningChanged(bool listening);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);

    CookieRoutes &m_routes;
    ExchangeRecorder &m_recorder;
    std::unique_ptr<QHttpServer> m_server;
    QTcpServer *m_tcpServer = nullptr; ///< owned by m_server after bind()
    QSslConfiguration m_tls;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::atomic_bool m_capture = true;
};

} // namespace CookieLab
