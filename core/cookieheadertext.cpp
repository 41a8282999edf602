// SPDX-License-Identifier: MIT
#include "core/cookieheadertext.h"

#include "core/hostname.h"
#include "core/httpsyntax.h"
#include "core/requestcookies.h"

namespace CookieLab
{

ImportResult CookieHeaderText::read(QByteArrayView text, const QUrl &url, qint64 creation)
{
    ImportResult result;
    const QByteArray host = HostName::canonicalHost(url);
    if (host.isEmpty()) {
        result.issues.append({QStringLiteral("URL"), QStringLiteral("a Cookie header needs the URL of the site it belongs to")});
        return result;
    }
    int number = 0;
    for (QByteArray line : text.toByteArray().split('\n')) {
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        if (HttpSyntax::startsWithLowerCase(line, "cookie:"))
            line = line.mid(7);
        if (line.trimmed().isEmpty())
            continue;
        const RequestCookies parsed = RequestCookies::parse(line);
        for (const CookiePair &pair : parsed.pairs()) {
            StoredCookie cookie;
            cookie.name = pair.name;
            cookie.value = pair.value;
            cookie.domain = host;
            cookie.path = QByteArrayLiteral("/");
            cookie.creation = cookie.lastAccess = creation;
            if (const QString problem = cookie.problem(); !problem.isEmpty()) {
                result.issues.append({QStringLiteral("line %1").arg(number), problem});
                continue;
            }
            result.cookies.append(std::move(cookie));
        }
    }
    if (result.cookies.isEmpty() && result.issues.isEmpty())
        result.issues.append({QString(), QStringLiteral("no name=value pairs found")});
    return result;
}

QByteArray CookieHeaderText::write(const QList<StoredCookie> &cookies)
{
    QList<QByteArray> pairs;
    pairs.reserve(cookies.size());
    for (const StoredCookie &cookie : cookies)
        pairs.append(cookie.pair());
    return pairs.join("; ") + '\n';
}

} // namespace CookieLab
