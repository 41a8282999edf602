// SPDX-License-Identifier: MIT
#include "core/sessionmanager.h"

#include "core/securebytes.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

namespace CookieLab
{

namespace
{

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

SessionManager::SessionManager(QByteArray secret, qint64 lifetimeSeconds)
    : m_secret(secret.isEmpty() ? SecureBytes::random(32) : std::move(secret))
    , m_lifetime(lifetimeSeconds)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

void SessionManager::setClock(std::function<qint64()> msecsSinceEpoch)
{
    QMutexLocker locker(&m_mutex);
    m_clock = std::move(msecsSinceEpoch);
}

QByteArray SessionManager::sign(QByteArrayView payload) const
{
    return QMessageAuthenticationCode::hash(payload.toByteArray(), m_secret, QCryptographicHash::Sha256).toBase64(Base64Url);
}

QByteArray SessionManager::issue(const QString &username)
{
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_clock();
    const qint64 expiry = now / 1000 + m_lifetime;
    const QByteArray nonce = SecureBytes::random(16).toBase64(Base64Url);
    QByteArray payload = "v1.";
    payload += username.toUtf8().toBase64(Base64Url);
    payload += '.';
    payload += QByteArray::number(expiry);
    payload += '.';
    payload += nonce;

    // Keep the table bounded: expired sessions go first, then the oldest.
    if (m_sessions.size() >= MaxSessions) {
        m_sessions.removeIf([now](const auto &it) { return it.value().expiry * 1000 <= now; });
        while (m_sessions.size() >= MaxSessions)
            m_sessions.erase(m_sessions.begin());
    }
    m_sessions.insert(nonce, {username, expiry});
    return payload + '.' + sign(payload);
}

QByteArray SessionManager::issuePredictable(const QString &username)
{
    QMutexLocker locker(&m_mutex);
    const qint64 now = m_clock() / 1000;
    QByteArray token = "session-" + QByteArray::number(++m_counter) + '-' + QByteArray::number(now);
    m_unsigned.insert(token, {username, now + m_lifetime});
    return token;
}

void SessionManager::adopt(QByteArrayView token, const QString &username)
{
    QMutexLocker locker(&m_mutex);
    m_unsigned.insert(token.toByteArray(), {username, m_clock() / 1000 + m_lifetime});
}

SessionManager::Verification SessionManager::verify(QByteArrayView token) const
{
    Verification result;
    {
        QMutexLocker locker(&m_mutex);
        const auto it = m_unsigned.constFind(token.toByteArray());
        if (it != m_unsigned.cend()) {
            result.username = it->username;
            result.status = it->expiry * 1000 <= m_clock() ? Status::Expired : Status::Valid;
            return result;
        }
    }
    const QList<QByteArray> parts = token.toByteArray().split('.');
    if (parts.size() != 5 || parts[0] != "v1")
        return result;
    const qsizetype payloadSize = token.size() - parts[4].size() - 1;
    if (!SecureBytes::equals(sign(token.first(payloadSize)), parts[4])) {
        result.status = Status::BadSignature;
        return result;
    }
    const auto name = QByteArray::fromBase64Encoding(parts[1], Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    bool ok = false;
    const qint64 expiry = parts[2].toLongLong(&ok);
    if (!name || !ok)
        return result;
    result.username = QString::fromUtf8(name.decoded);

    QMutexLocker locker(&m_mutex);
    if (expiry * 1000 <= m_clock()) {
        result.status = Status::Expired;
        return result;
    }
    const auto it = m_sessions.constFind(parts[3]);
    result.status = it != m_sessions.cend() && it->username == result.username ? Status::Valid : Status::Revoked;
    return result;
}

bool SessionManager::revoke(QByteArrayView token)
{
    QMutexLocker locker(&m_mutex);
    if (m_unsigned.remove(token.toByteArray()))
        return true;
    const QList<QByteArray> parts = token.toByteArray().split('.');
    return parts.size() == 5 && m_sessions.remove(parts[3]);
}

qsizetype SessionManager::activeSessions() const
{
    QMutexLocker locker(&m_mutex);
    return m_sessions.size() + m_unsigned.size();
}

void SessionManager::clear()
{
    QMutexLocker locker(&m_mutex);
    m_sessions.clear();
    m_unsigned.clear();
}

QByteArray SessionManager::statusName(Status status)
{
    switch (status) {
    case Status::Valid: return "valid";
    case Status::Malformed: return "malformed";
    case Status::BadSignature: return "bad-signature";
    case Status::Expired: return "expired";
    case Status::Revoked: return "revoked";
    }
    return {};
}

} // namespace CookieLab
