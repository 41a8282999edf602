// SPDX-License-Identifier: MIT
#include "core/setcookietext.h"

#include "core/cookiedate.h"
#include "core/cookiejar.h"
#include "core/httpsyntax.h"

namespace CookieLab
{

QList<SetCookieText::Line> SetCookieText::lines(QByteArrayView text, QString *error)
{
    QList<Line> result;
    int number = 0;
    for (QByteArray raw : text.toByteArray().split('\n')) {
        ++number;
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (raw.contains('\0')) {
            *error = QStringLiteral("line %1: contains NUL bytes; expected text with one Set-Cookie per line").arg(number);
            return {};
        }
        if (raw.trimmed().isEmpty() || raw.startsWith("HTTP/"))
            continue;
        int column = 0;
        const qsizetype colon = raw.indexOf(':');
        if (colon > 0 && HttpSyntax::isToken(raw.left(colon))) {
            if (raw.left(colon).compare("set-cookie", Qt::CaseInsensitive) != 0)
                continue; // another header of a pasted response
            column = int(colon + 1);
            while (column < raw.size() && (raw[column] == ' ' || raw[column] == '\t'))
                ++column;
        }
        result.append({number, column, raw.mid(column)});
    }
    if (result.isEmpty())
        *error = QStringLiteral("no Set-Cookie lines found");
    return result;
}

ImportResult SetCookieText::read(QByteArrayView text, const QUrl &url, qint64 now)
{
    ImportResult result;
    QString error;
    const QList<Line> found = lines(text, &error);
    if (!error.isEmpty()) {
        result.issues.append({QString(), error});
        return result;
    }
    CookieJar jar;
    jar.setClock([now] { return now; });
    const CookieRequestContext context = CookieRequestContext::forUrl(url);
    for (const Line &line : found) {
        const CookieStoreOutcome outcome = jar.setCookie(line.value, context);
        if (outcome.status == CookieStoreOutcome::Status::Rejected || outcome.status == CookieStoreOutcome::Status::Expired)
            result.issues.append({QStringLiteral("line %1").arg(line.number), outcome.explanation()});
    }
    result.cookies = jar.cookies();
    return result;
}

QByteArray SetCookieText::toSetCookie(const StoredCookie &c)
{
    QByteArray line = c.pair();
    if (!c.hostOnly)
        line += "; Domain=" + c.domain;
    line += "; Path=" + c.path;
    if (c.persistent)
        line += "; Expires=" + CookieDate::toImfFixdate(c.expiry);
    if (c.secure)
        line += "; Secure";
    if (c.httpOnly)
        line += "; HttpOnly";
    if (c.sameSite == SameSite::Lax || c.sameSite == SameSite::Strict || c.sameSite == SameSite::None)
        line += "; SameSite=" + sameSiteName(c.sameSite);
    if (c.partitioned)
        line += "; Partitioned";
    return line;
}

QByteArray SetCookieText::write(const QList<StoredCookie> &cookies)
{
    QByteArray out;
    for (const StoredCookie &cookie : cookies)
        out += toSetCookie(cookie) + '\n';
    return out;
}

} // namespace CookieLab
