// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookiejar.h"
#include "core/httpexchange.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace CookieLab
{

/**
 * The app's HTTP client. Cookies come from and go to the core CookieJar (Chromium rules, e.g.
 * Secure cookies on http://localhost), not QNetworkCookieJar.
 */
class LabClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabClient)

public:
    struct Request
    {
        QByteArray method = QByteArrayLiteral("GET");
        QUrl url;
        HeaderList headers; ///< sent as given; a Cookie header here replaces the jar's
        QByteArray body;
        CookieRequestContext context; ///< url is filled in from the request
    };
    struct Response
    {
        quint64 requestId = 0;
        int status = 0;
        HeaderList headers;
        QByteArray body;
        QByteArray cookieSent; ///< the Cookie header that went out
        QList<CookieStoreOutcome> storeOutcomes; ///< one per Set-Cookie line, in order
        QString error; ///< transport error, empty when a response arrived
    };

    explicit LabClient(CookieJar &jar, QObject *parent = nullptr);
    ~LabClient() override;

    /** Sends the request; responseReceived carries the same id once the jar has been updated. */
    quint64 send(const Request &request);
    /** Accepts any certificate: for the app's own workshop server with a self-signed certificate. */
    void setIgnoreCertificateErrors(bool ignore) { m_ignoreCertificateErrors = ignore; }

Q_SIGNALS:
    void responseReceived(const CookieLab::LabClient::Response &response);

private:
    void finish(QNetworkReply *reply, quint64 id, const QByteArray &cookieSent, const CookieRequestContext &context);

    CookieJar &m_jar;
    QNetworkAccessManager *m_network = nullptr;
    quint64 m_nextId = 1;
    bool m_ignoreCertificateErrors = false;
};

} // namespace CookieLab

Q_DECLARE_METATYPE(CookieLab::LabClient::Response)
