// SPDX-License-Identifier: MIT
#include "core/sessionfile.h"

#include "core/exchangejson.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace CookieLab
{

namespace
{

constexpr const char *kindNames[] = {"fixed", "session-token", "deletion"};

QString isoTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> timeFrom(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

QJsonObject cookieToJson(const StoredCookie &c)
{
    QJsonObject o{
        {QStringLiteral("name"), ExchangeJson::bytesToJson(c.name)},
        {QStringLiteral("value"), ExchangeJson::bytesToJson(c.value)},
        {QStringLiteral("domain"), QString::fromUtf8(c.domain)},
        {QStringLiteral("path"), ExchangeJson::bytesToJson(c.path)},
        {QStringLiteral("hostOnly"), c.hostOnly},
        {QStringLiteral("secure"), c.secure},
        {QStringLiteral("httpOnly"), c.httpOnly},
        {QStringLiteral("persistent"), c.persistent},
        {QStringLiteral("partitioned"), c.partitioned},
        {QStringLiteral("sameSite"), QString::fromLatin1(sameSiteName(c.sameSite))},
        {QStringLiteral("creation"), isoTime(c.creation)},
        {QStringLiteral("lastAccess"), isoTime(c.lastAccess)},
        {QStringLiteral("sourceHeader"), ExchangeJson::bytesToJson(c.sourceHeader)},
    };
    if (c.persistent)
        o.insert(QStringLiteral("expiry"), isoTime(c.expiry));
    if (c.partitioned)
        o.insert(QStringLiteral("partitionKey"), QString::fromUtf8(c.partitionKey));
    return o;
}

QString cookieFromJson(const QJsonObject &o, StoredCookie &c)
{
    for (const char *field : {"name", "value", "path", "sourceHeader"}) {
        QByteArray *target = field[0] == 'n' ? &c.name : field[0] == 'v' ? &c.value : field[0] == 'p' ? &c.path : &c.sourceHeader;
        if (!ExchangeJson::bytesFromJson(o.value(QLatin1String(field)), *target))
            return QLatin1String(field);
    }
    if (!o.value(QLatin1String("domain")).isString())
        return QStringLiteral("domain");
    c.domain = o.value(QLatin1String("domain")).toString().toUtf8();
    for (const auto &[field, target] : {std::pair{"hostOnly", &c.hostOnly}, std::pair{"secure", &c.secure},
             std::pair{"httpOnly", &c.httpOnly}, std::pair{"persistent", &c.persistent}, std::pair{"partitioned", &c.partitioned}}) {
        if (!o.value(QLatin1String(field)).isBool())
            return QLatin1String(field);
        *target = o.value(QLatin1String(field)).toBool();
    }
    const QByteArray sameSite = o.value(QLatin1String("sameSite")).toString().toLatin1();
    bool known = false;
    for (SameSite s : {SameSite::Unspecified, SameSite::Invalid, SameSite::Lax, SameSite::Strict, SameSite::None}) {
        if (sameSiteName(s) == sameSite) {
            c.sameSite = s;
            known = true;
        }
    }
    if (!known)
        return QStringLiteral("sameSite");
    const auto creation = timeFrom(o.value(QLatin1String("creation")));
    const auto lastAccess = timeFrom(o.value(QLatin1String("lastAccess")));
    if (!creation)
        return QStringLiteral("creation");
    if (!lastAccess)
        return QStringLiteral("lastAccess");
    c.creation = *creation;
    c.lastAccess = *lastAccess;
    if (c.persistent) {
        const auto expiry = timeFrom(o.value(QLatin1String("expiry")));
        if (!expiry)
            return QStringLiteral("expiry");
        c.expiry = *expiry;
    }
    c.partitionKey = o.value(QLatin1String("partitionKey")).toString().toUtf8();
    if (const QString problem = c.problem(); !problem.isEmpty())
        return QStringLiteral("name: ") + problem;
    return {};
}

QJsonObject routeCookieToJson(const RouteCookie &r)
{
    const CookieOptions &o = r.options;
    QJsonObject object{
        {QStringLiteral("id"), QString::fromUtf8(r.id)},
        {QStringLiteral("kind"), QLatin1String(kindNames[int(r.kind)])},
        {QStringLiteral("key"), QString::fromUtf8(o.key)},
        {QStringLiteral("value"), QString::fromUtf8(o.value)},
        {QStringLiteral("path"), QString::fromUtf8(o.path)},
        {QStringLiteral("domain"), QString::fromUtf8(o.domain)},
        {QStringLiteral("secure"), o.secure},
        {QStringLiteral("httpOnly"), o.httpOnly},
        {QStringLiteral("sameSite"), QString::fromUtf8(o.sameSite)},
        {QStringLiteral("partitioned"), o.partitioned},
    };
    if (o.maxAge)
        object.insert(QStringLiteral("maxAge"), *o.maxAge);
    if (o.expires)
        object.insert(QStringLiteral("expires"), isoTime(o.expires->toMSecsSinceEpoch()));
    if (r.expiresIn)
        object.insert(QStringLiteral("expiresIn"), *r.expiresIn);
    return object;
}

QString routeCookieFromJson(const QJsonObject &object, RouteCookie &r)
{
    const QList<RouteCookie> defaults = RouteCookiePolicy::documentedDefaults();
    const QByteArray id = object.value(QLatin1String("id")).toString().toUtf8();
    const auto known = std::find_if(defaults.begin(), defaults.end(), [&id](const RouteCookie &d) { return d.id == id; });
    if (known == defaults.end())
        return QStringLiteral("id: no route cookie is called \"%1\"").arg(QString::fromUtf8(id));
    r = *known;
    CookieOptions &o = r.options;
    for (const auto &[field, target] : {std::pair{"key", &o.key}, std::pair{"value", &o.value}, std::pair{"path", &o.path},
             std::pair{"domain", &o.domain}, std::pair{"sameSite", &o.sameSite}}) {
        if (!object.value(QLatin1String(field)).isString())
            return QLatin1String(field) + QStringLiteral(": missing or not a string");
        *target = object.value(QLatin1String(field)).toString().toUtf8();
    }
    for (const auto &[field, target] :
        {std::pair{"secure", &o.secure}, std::pair{"httpOnly", &o.httpOnly}, std::pair{"partitioned", &o.partitioned}}) {
        if (!object.value(QLatin1String(field)).isBool())
            return QLatin1String(field) + QStringLiteral(": missing or not true/false");
        *target = object.value(QLatin1String(field)).toBool();
    }
    o.maxAge = object.contains(QLatin1String("maxAge")) ? std::optional<qint64>(object.value(QLatin1String("maxAge")).toInteger())
                                                        : std::nullopt;
    r.expiresIn = object.contains(QLatin1String("expiresIn")) ? std::optional<qint64>(object.value(QLatin1String("expiresIn")).toInteger())
                                                              : std::nullopt;
    o.expires.reset();
    if (object.contains(QLatin1String("expires"))) {
        const auto expires = timeFrom(object.value(QLatin1String("expires")));
        if (!expires)
            return QStringLiteral("expires: not an ISO 8601 time");
        o.expires = QDateTime::fromMSecsSinceEpoch(*expires, Qt::UTC);
    }
    return RouteCookiePolicy::validate(r);
}

} // namespace

QByteArray SessionFile::write(const WorkshopSession &session)
{
    QJsonArray jar;
    for (const StoredCookie &cookie : session.jar)
        jar.append(cookieToJson(cookie));
    QJsonArray routeCookies;
    for (const RouteCookie &cookie : session.routeCookies)
        routeCookies.append(routeCookieToJson(cookie));
    const QJsonObject head{
        {QStringLiteral("format"), QStringLiteral("cookielab-session")},
        {QStringLiteral("version"), Version},
        {QStringLiteral("savedAt"), isoTime(session.savedAt)},
        {QStringLiteral("jar"), jar},
        {QStringLiteral("routeCookies"), routeCookies},
        {QStringLiteral("vulnerabilities"), session.vulnerabilities},
        {QStringLiteral("lessonProgress"), session.lessonProgress},
    };
    // The exchanges are written one by one rather than as one JSON tree: a session may hold 100,000.
    QByteArray out = QJsonDocument(head).toJson(QJsonDocument::Compact);
    out.chop(1); // the closing brace
    out += ",\"exchanges\":[";
    bool first = true;
    for (const HttpExchangePtr &exchange : session.exchanges) {
        out += first ? "\n" : ",\n";
        first = false;
        out += QJsonDocument(ExchangeJson::toJson(*exchange)).toJson(QJsonDocument::Compact);
    }
    out += "\n]}\n";
    return out;
}

bool SessionFile::read(QByteArrayView data, WorkshopSession &session, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype line = data.first(qBound(qsizetype(0), qsizetype(parseError.offset), data.size())).count('\n') + 1;
        return fail(QStringLiteral("line %1: not valid JSON: %2").arg(line).arg(parseError.errorString()));
    }
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("cookielab-session"))
        return fail(QStringLiteral("format: not a CookieLab session file"));
    if (root.value(QLatin1String("version")).toInt() != Version)
        return fail(QStringLiteral("version: %1 is not a session version this CookieLab reads (%2)")
                        .arg(root.value(QLatin1String("version")).toInt())
                        .arg(Version));
    WorkshopSession result;
    result.savedAt = timeFrom(root.value(QLatin1String("savedAt"))).value_or(0);
    const QJsonArray exchanges = root.value(QLatin1String("exchanges")).toArray();
    for (qsizetype i = 0; i < exchanges.size(); ++i) {
        auto exchange = std::make_shared<HttpExchange>();
        QString problem;
        if (!ExchangeJson::fromJson(exchanges.at(i).toObject(), *exchange, &problem))
            return fail(QStringLiteral("exchanges[%1]: %2").arg(i).arg(problem));
        result.exchanges.append(std::move(exchange));
    }
    const QJsonArray jar = root.value(QLatin1String("jar")).toArray();
    for (qsizetype i = 0; i < jar.size(); ++i) {
        StoredCookie cookie;
        const QString problem = cookieFromJson(jar.at(i).toObject(), cookie);
        if (!problem.isEmpty())
            return fail(QStringLiteral("jar[%1].%2").arg(i).arg(problem));
        result.jar.append(std::move(cookie));
    }
    const QJsonArray routeCookies = root.value(QLatin1String("routeCookies")).toArray();
    for (qsizetype i = 0; i < routeCookies.size(); ++i) {
        RouteCookie cookie;
        const QString problem = routeCookieFromJson(routeCookies.at(i).toObject(), cookie);
        if (!problem.isEmpty())
            return fail(QStringLiteral("routeCookies[%1].%2").arg(i).arg(problem));
        result.routeCookies.append(std::move(cookie));
    }
    result.vulnerabilities = root.value(QLatin1String("vulnerabilities")).toObject();
    result.lessonProgress = root.value(QLatin1String("lessonProgress")).toObject();
    session = std::move(result);
    return true;
}

bool SessionFile::save(const QString &path, const WorkshopSession &session, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(write(session));
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool SessionFile::load(const QString &path, WorkshopSession &session, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QString problem;
    if (!read(file.readAll(), session, &problem)) {
        if (error)
            *error = path + QStringLiteral(": ") + problem;
        return false;
    }
    return true;
}

} // namespace CookieLab
