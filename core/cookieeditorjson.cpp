// SPDX-License-Identifier: MIT
#include "core/cookieeditorjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace CookieLab
{

namespace
{

constexpr double MaxExpirySeconds = 253402300799.0; // 9999-12-31T23:59:59Z

std::optional<SameSite> sameSiteFrom(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return SameSite::Unspecified;
    const QString text = value.toString().toLower();
    if (text == QLatin1String("no_restriction") || text == QLatin1String("none"))
        return SameSite::None;
    if (text == QLatin1String("lax"))
        return SameSite::Lax;
    if (text == QLatin1String("strict"))
        return SameSite::Strict;
    if (text == QLatin1String("unspecified") || (value.isString() && text.isEmpty()))
        return SameSite::Unspecified;
    return std::nullopt;
}

QString sameSiteTo(SameSite sameSite)
{
    switch (sameSite) {
    case SameSite::None: return QStringLiteral("no_restriction");
    case SameSite::Lax: return QStringLiteral("lax");
    case SameSite::Strict: return QStringLiteral("strict");
    case SameSite::Unspecified:
    case SameSite::Invalid: break;
    }
    return QStringLiteral("unspecified");
}

} // namespace

ImportResult CookieEditorJson::read(QByteArrayView json, qint64 creation)
{
    ImportResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.issues.append(
            {QStringLiteral("byte %1").arg(parseError.offset), QStringLiteral("not valid JSON: %1").arg(parseError.errorString())});
        return result;
    }
    // A bare array (extensions, Puppeteer's page.cookies()) or an object with a "cookies" array
    // (Playwright's storageState(), the DevTools protocol's Network.getCookies result).
    const bool wrapped = document.isObject() && document.object().value(QLatin1String("cookies")).isArray();
    if (!document.isArray() && !wrapped) {
        result.issues.append({QStringLiteral("$"),
            QStringLiteral("expected an array of cookie objects, or an object with a \"cookies\" array (Playwright, DevTools protocol)")});
        return result;
    }
    const QJsonArray array = wrapped ? document.object().value(QLatin1String("cookies")).toArray() : document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = (wrapped ? QStringLiteral("cookies[%1]") : QStringLiteral("[%1]")).arg(i);
        const auto issue = [&](const char *field, const QString &reason) {
            result.issues.append({where + (field[0] ? QStringLiteral(".") + QLatin1String(field) : QString()), reason});
        };
        if (!array.at(i).isObject()) {
            issue("", QStringLiteral("expected a cookie object"));
            continue;
        }
        const QJsonObject o = array.at(i).toObject();
        StoredCookie cookie;
        bool ok = true;
        for (const char *field : {"name", "value", "domain"}) {
            if (!o.value(QLatin1String(field)).isString()) {
                issue(field, QStringLiteral("missing or not a string"));
                ok = false;
            }
        }
        for (const char *field : {"hostOnly", "httpOnly", "secure", "session"}) {
            const QJsonValue v = o.value(QLatin1String(field));
            if (!v.isUndefined() && !v.isBool()) {
                issue(field, QStringLiteral("expected true or false"));
                ok = false;
            }
        }
        if (const QJsonValue path = o.value(QLatin1String("path")); !path.isUndefined() && !path.isString()) {
            issue("path", QStringLiteral("not a string"));
            ok = false;
        }
        const auto sameSite = sameSiteFrom(o.value(QLatin1String("sameSite")));
        if (!sameSite) {
            issue("sameSite", QStringLiteral("expected \"no_restriction\", \"lax\", \"strict\", \"unspecified\" or null"));
            ok = false;
        }
        // Extensions write expirationDate and leave it out for session cookies; the DevTools protocol,
        // Puppeteer and Playwright write expires, with -1 for a session cookie.
        const bool extensionShape = !o.contains(QLatin1String("expires")) || o.contains(QLatin1String("expirationDate"));
        const char *expiryField = extensionShape ? "expirationDate" : "expires";
        const QJsonValue expiration = o.value(QLatin1String(expiryField));
        const bool sessionByExpiry = expiration.isUndefined() || (!extensionShape && expiration.toDouble(0) < 0);
        const bool session = o.value(QLatin1String("session")).toBool(sessionByExpiry);
        if (!session
            && (!expiration.isDouble() || !std::isfinite(expiration.toDouble()) || expiration.toDouble() < 0
                || expiration.toDouble() > MaxExpirySeconds)) {
            issue(expiryField, QStringLiteral("a cookie that is not a session cookie needs a number of seconds since 1970"));
            ok = false;
        }
        if (!ok)
            continue;
        QByteArray domain = o.value(QLatin1String("domain")).toString().toUtf8().toLower();
        const bool leadingDot = domain.startsWith('.');
        if (leadingDot)
            domain.remove(0, 1);
        cookie.name = o.value(QLatin1String("name")).toString().toUtf8();
        cookie.value = o.value(QLatin1String("value")).toString().toUtf8();
        cookie.domain = domain;
        cookie.hostOnly = o.value(QLatin1String("hostOnly")).toBool(!leadingDot);
        cookie.path = o.value(QLatin1String("path")).toString(QStringLiteral("/")).toUtf8();
        cookie.secure = o.value(QLatin1String("secure")).toBool();
        cookie.httpOnly = o.value(QLatin1String("httpOnly")).toBool();
        cookie.sameSite = *sameSite;
        cookie.persistent = !session;
        cookie.expiry = session ? 0 : qint64(std::llround(expiration.toDouble() * 1000));
        // Chrome's {topLevelSite, hasCrossSiteAncestor}, or the top-level site alone as older DevTools protocol versions wrote it.
        const QJsonValue partitionKey = o.value(QLatin1String("partitionKey"));
        const QJsonValue topLevelSite
            = partitionKey.isObject() ? partitionKey.toObject().value(QLatin1String("topLevelSite")) : partitionKey;
        if (topLevelSite.isString() && !topLevelSite.toString().isEmpty()) {
            cookie.partitioned = true;
            cookie.partitionKey = topLevelSite.toString().toUtf8();
        }
        cookie.creation = cookie.lastAccess = creation;
        if (const QString problem = cookie.problem(); !problem.isEmpty()) {
            issue("", problem);
            continue;
        }
        result.cookies.append(std::move(cookie));
    }
    return result;
}

QByteArray CookieEditorJson::write(const QList<StoredCookie> &cookies)
{
    QJsonArray array;
    for (const StoredCookie &c : cookies) {
        QJsonObject o;
        o.insert(QStringLiteral("domain"), QString::fromUtf8(c.hostOnly ? c.domain : '.' + c.domain));
        if (c.persistent)
            o.insert(QStringLiteral("expirationDate"), double(c.expiry) / 1000.0);
        o.insert(QStringLiteral("hostOnly"), c.hostOnly);
        o.insert(QStringLiteral("httpOnly"), c.httpOnly);
        o.insert(QStringLiteral("name"), QString::fromUtf8(c.name));
        o.insert(QStringLiteral("path"), QString::fromUtf8(c.path));
        o.insert(QStringLiteral("sameSite"), sameSiteTo(c.sameSite));
        o.insert(QStringLiteral("secure"), c.secure);
        o.insert(QStringLiteral("session"), !c.persistent);
        o.insert(QStringLiteral("storeId"), QStringLiteral("0"));
        o.insert(QStringLiteral("value"), QString::fromUtf8(c.value));
        if (c.partitioned)
            o.insert(QStringLiteral("partitionKey"), QJsonObject{{QStringLiteral("topLevelSite"), QString::fromUtf8(c.partitionKey)}});
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace CookieLab
