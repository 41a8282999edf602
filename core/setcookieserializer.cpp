// SPDX-License-Identifier: MIT
#include "core/setcookieserializer.h"

#include "core/cookiedate.h"
#include "core/httpsyntax.h"
#include "core/setcookieparser.h"

namespace CookieLab
{

namespace
{

QString describeByte(uchar c)
{
    switch (c) {
    case '\r': return QStringLiteral("CR");
    case '\n': return QStringLiteral("LF");
    case '\0': return QStringLiteral("NUL");
    case ' ': return QStringLiteral("a space");
    case '\t': return QStringLiteral("a tab");
    case '"': return QStringLiteral("a double quote");
    default:
        if (c < 0x20 || c == 0x7F)
            return QStringLiteral("control byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
        if (c >= 0x80)
            return QStringLiteral("non-ASCII byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
        return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
    }
}

QString checkAttributeValue(const char *attribute, QByteArrayView value)
{
    if (value.size() > SetCookieParser::MaxAttributeValueSize)
        return QStringLiteral("%1 is %2 bytes long; browsers ignore attribute values over 1024 bytes.")
            .arg(QLatin1String(attribute))
            .arg(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const uchar c = uchar(value[i]);
        if (c == ';' || c < 0x20 || c == 0x7F)
            return QStringLiteral("%1 contains %2 at byte %3; it would end or break the header.")
                .arg(QLatin1String(attribute), describeByte(c))
                .arg(i);
    }
    return {};
}

} // namespace

QString SetCookieSerializer::checkName(QByteArrayView name)
{
    if (name.isEmpty())
        return QStringLiteral("The cookie name is empty; servers must send a name.");
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!HttpSyntax::isTokenChar(uchar(name[i])))
            return QStringLiteral(
                "The cookie name contains %1 at byte %2; a name must be an HTTP token (letters, digits and !#$%&'*+-.^_`|~).")
                .arg(describeByte(uchar(name[i])))
                .arg(i);
    }
    return {};
}

QString SetCookieSerializer::checkValue(QByteArrayView value)
{
    QByteArrayView inner = value;
    qsizetype offset = 0;
    if (inner.size() >= 2 && inner.front() == '"' && inner.back() == '"') {
        inner = inner.sliced(1, inner.size() - 2);
        offset = 1;
    }
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (!HttpSyntax::isCookieOctet(uchar(inner[i])))
            return QStringLiteral("The cookie value contains %1 at byte %2; allowed are printable ASCII except space, '\"', ',', ';' and "
                                  "'\\' (URL-encode anything else).")
                .arg(describeByte(uchar(inner[i])))
                .arg(i + offset);
    }
    if (value.size() > SetCookieParser::MaxNameValueSize)
        return QStringLiteral("The cookie value is %1 bytes; name and value together must stay within 4096 bytes.").arg(value.size());
    return {};
}

QString SetCookieSerializer::checkDomain(QByteArrayView domain)
{
    if (domain.isEmpty())
        return {};
    if (QString error = checkAttributeValue("Domain", domain); !error.isEmpty())
        return error;
    // A legacy leading dot is tolerated (browsers drop it); empty labels are not host names.
    const QByteArrayView host = domain.front() == '.' ? domain.sliced(1) : domain;
    if (host.isEmpty() || host.contains("..") || host.front() == '.' || host.back() == '.')
        return QStringLiteral("Domain \"%1\" has an empty label; use a host name such as example.com.").arg(QString::fromUtf8(domain));
    for (qsizetype i = 0; i < domain.size(); ++i) {
        const uchar c = uchar(domain[i]);
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':'
            || c == '[' || c == ']' || c == '_';
        if (!ok)
            return QStringLiteral("Domain contains %1 at byte %2; use a host name such as example.com.").arg(describeByte(c)).arg(i);
    }
    return {};
}

QString SetCookieSerializer::checkPath(QByteArrayView path)
{
    if (path.isEmpty())
        return {};
    if (QString error = checkAttributeValue("Path", path); !error.isEmpty())
        return error;
    if (path.front() != '/')
        return QStringLiteral("Path must start with '/'; browsers ignore \"%1\".").arg(QString::fromUtf8(path));
    if (path.back() == ' ' || path.back() == '\t')
        return QStringLiteral("Path ends with whitespace, which browsers strip; remove it or percent-encode it (%20).");
    return {};
}

QString SetCookieSerializer::checkSameSite(QByteArrayView sameSite)
{
    if (sameSite.isEmpty() || sameSite.compare("lax", Qt::CaseInsensitive) == 0 || sameSite.compare("strict", Qt::CaseInsensitive) == 0
        || sameSite.compare("none", Qt::CaseInsensitive) == 0)
        return {};
    return QStringLiteral("samesite must be \"lax\", \"strict\" or \"none\", not \"%1\".").arg(QString::fromUtf8(sameSite));
}

SetCookieSerializer::Result SetCookieSerializer::serialize(const CookieOptions &options)
{
    for (const QString &error : {checkName(options.key), checkValue(options.value), checkDomain(options.domain), checkPath(options.path),
             checkSameSite(options.sameSite)}) {
        if (!error.isEmpty())
            return {{}, error};
    }
    if (options.key.size() + options.value.size() > SetCookieParser::MaxNameValueSize)
        return {{},
            QStringLiteral("Name and value together are %1 bytes; browsers ignore cookies over 4096 bytes.")
                .arg(options.key.size() + options.value.size())};
    if (options.expires && !options.expires->isValid())
        return {{}, QStringLiteral("expires is not a valid date-time.")};

    QByteArray header = options.key + "=" + options.value;
    if (options.maxAge)
        header.append("; Max-Age=").append(QByteArray::number(*options.maxAge));
    if (options.expires)
        header.append("; Expires=").append(CookieDate::toImfFixdate(options.expires->toMSecsSinceEpoch()));
    if (!options.domain.isEmpty())
        header.append("; Domain=").append(options.domain);
    if (!options.path.isEmpty())
        header.append("; Path=").append(options.path);
    if (options.secure)
        header += "; Secure";
    if (options.httpOnly)
        header += "; HttpOnly";
    if (!options.sameSite.isEmpty()) {
        const QByteArray lower = options.sameSite.toLower();
        header += lower == "lax" ? "; SameSite=Lax" : lower == "strict" ? "; SameSite=Strict" : "; SameSite=None";
    }
    if (options.partitioned)
        header += "; Partitioned";
    Q_ASSERT(!HttpSyntax::hasLineBreakOrNul(header));
    return {header, {}};
}

} // namespace CookieLab
