// SPDX-License-Identifier: MIT
#include "core/outgoingrequest.h"

#include "core/httpsyntax.h"

namespace CookieLab
{

namespace
{

QByteArray shellQuote(const QByteArray &text)
{
    QByteArray quoted = "'";
    for (char c : text) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + '\'';
}

} // namespace

QByteArray OutgoingRequest::toCurl(const QByteArray &cookieHeader) const
{
    QByteArray command = "curl";
    if (method != "GET" || !body.isEmpty())
        command += " -X " + method;
    command += ' ' + shellQuote(url.toEncoded());
    bool explicitCookie = false;
    for (const auto &[name, value] : headers) {
        explicitCookie = explicitCookie || name.compare("cookie", Qt::CaseInsensitive) == 0;
        command += " -H " + shellQuote(name + ": " + value);
    }
    if (!explicitCookie && !cookieHeader.isEmpty())
        command += " -b " + shellQuote(cookieHeader);
    if (!body.isEmpty())
        command += " --data-raw " + shellQuote(body);
    return command;
}

QString OutgoingRequest::problem() const
{
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return QStringLiteral("The URL must be an absolute http:// or https:// URL.");
    if (!HttpSyntax::isToken(method))
        return QStringLiteral("The method \"%1\" is not a valid HTTP method token.").arg(QString::fromUtf8(method));
    for (const auto &[name, value] : headers) {
        if (!HttpSyntax::isToken(name))
            return QStringLiteral("Header name \"%1\" is not a valid token.").arg(QString::fromUtf8(name));
        if (HttpSyntax::hasLineBreakOrNul(value))
            return QStringLiteral("The value of %1 contains a line break or NUL, which would inject headers.").arg(QString::fromUtf8(name));
    }
    return {};
}

} // namespace CookieLab
