// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>

namespace CookieLab
{

/**
 * Login sessions: random tokens signed with HMAC-SHA256 under a per-instance secret, carrying
 * the user and an expiry, plus a server-side table so logout revokes them.
 * Token: "v1.<user>.<expiry>.<nonce>.<signature>", all base64url or digits: cookie-safe.
 */
class SessionManager final
{
public:
    static constexpr qint64 DefaultLifetimeSeconds = 24LL * 60 * 60;
    static constexpr qsizetype MaxSessions = 100000;

    enum class Status
    {
        Valid,
        Malformed,
        BadSignature,
        Expired,
        Revoked, ///< logged out, or never issued by this server instance
    };
    struct Verification
    {
        Status status = Status::Malformed;
        QString username;

        bool isValid() const { return status == Status::Valid; }
    };

    /** secret: empty for 32 random bytes. */
    explicit SessionManager(QByteArray secret = {}, qint64 lifetimeSeconds = DefaultLifetimeSeconds);

    void setClock(std::function<qint64()> msecsSinceEpoch);
    qint64 lifetimeSeconds() const { return m_lifetime; }

    /** A fresh token for a new session: every login gets a new one. */
    QByteArray issue(const QString &username);
    Verification verify(QByteArrayView token) const;
    /** Vulnerable on purpose (workshop switch): a counter and the time, "session-7-1767225600". */
    QByteArray issuePredictable(const QString &username);
    /** Vulnerable on purpose (session fixation): opens a session under whatever token the client already had. */
    void adopt(QByteArrayView token, const QString &username);
    /** Ends the session of a token (valid or not); true when a session was open. */
    bool revoke(QByteArrayView token);
    qsizetype activeSessions() const;
    void clear();

    static QByteArray statusName(Status status);

private:
    struct Session
    {
        QString username;
        qint64 expiry = 0;
    };

    QByteArray sign(QByteArrayView payload) const;

    const QByteArray m_secret;
    const qint64 m_lifetime;
    std::function<qint64()> m_clock;
    mutable QMutex m_mutex;
    QHash<QByteArray, Session> m_sessions; ///< by nonce
    QHash<QByteArray, Session> m_unsigned; ///< predictable or adopted tokens, by the whole token
    quint64 m_counter = 0;
};

} // namespace CookieLab
