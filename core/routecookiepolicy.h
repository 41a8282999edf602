// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieoptions.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

#include <optional>

namespace CookieLab
{

/** One cookie a server route emits, with the attributes it emits it with. */
struct RouteCookie
{
    enum class Kind
    {
        Fixed, ///< the value in options
        SessionToken, ///< the value is a freshly issued login token
        Deletion, ///< an expired cookie that removes the named one
    };

    QByteArray id; ///< "<route> <cookie>", e.g. "/login auth_token"
    QByteArray route; ///< "/login"
    Kind kind = Kind::Fixed;
    CookieOptions options;
    std::optional<qint64> expiresIn; ///< seconds from the response time, written as Expires
    QString description;

    friend bool operator==(const RouteCookie &a, const RouteCookie &b)
    {
        const auto &x = a.options;
        const auto &y = b.options;
        return a.id == b.id && a.kind == b.kind && a.expiresIn == b.expiresIn && x.key == y.key && x.value == y.value
            && x.maxAge == y.maxAge && x.expires == y.expires && x.path == y.path && x.domain == y.domain && x.secure == y.secure
            && x.httpOnly == y.httpOnly && x.sameSite == y.sameSite && x.partitioned == y.partitioned;
    }
};

/**
 * The attributes every route's cookies carry. Starts with what the documentation shows, can be
 * edited at run time (from any thread) and reset to the documented defaults.
 */
class RouteCookiePolicy final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteCookiePolicy)

public:
    explicit RouteCookiePolicy(QObject *parent = nullptr);
    ~RouteCookiePolicy() override;

    /** The cookies exactly as ../shared/seed/handling-cookies-in-nexios.md sets them. */
    static QList<RouteCookie> documentedDefaults();

    QList<RouteCookie> cookies() const;
    QList<RouteCookie> cookiesForRoute(QByteArrayView route) const;
    std::optional<RouteCookie> cookie(QByteArrayView id) const;
    /** Replaces the entry with the same id; returns why it was refused, or an empty string. */
    QString update(const RouteCookie &cookie);
    void reset();
    void reset(QByteArrayView id);

    /** The attributes a cookie would be sent with, for its kind; an empty string when they are valid. */
    static QString validate(const RouteCookie &cookie);

Q_SIGNALS:
    void changed(const QByteArray &id);

private:
    mutable QMutex m_mutex;
    QList<RouteCookie> m_cookies;
};

} // namespace CookieLab
