// SPDX-License-Identifier: MIT
#include "core/netscapecookiefile.h"

#include "core/httpsyntax.h"

namespace CookieLab
{

namespace
{

constexpr qint64 MaxExpirySeconds = qint64(253402300799); // 9999-12-31T23:59:59Z

std::optional<bool> readFlag(const QByteArray &field)
{
    if (field == "TRUE")
        return true;
    if (field == "FALSE")
        return false;
    return std::nullopt;
}

} // namespace

ImportResult NetscapeCookieFile::read(QByteArrayView text, qint64 creation)
{
    ImportResult result;
    int number = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        QByteArray line = text.sliced(start, end - start).toByteArray();
        start = end + 1;
        ++number;
        if (line.endsWith('\r'))
            line.chop(1);
        const auto issue = [&](const QString &reason) { result.issues.append({QStringLiteral("line %1").arg(number), reason}); };
        StoredCookie cookie;
        if (HttpSyntax::startsWithLowerCase(line, "#httponly_")) {
            cookie.httpOnly = true;
            line = line.mid(10);
        } else if (line.startsWith('#') || line.trimmed().isEmpty()) {
            continue;
        }
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 7 && fields.size() != 6) {
            issue(QStringLiteral("expected 7 TAB-separated fields (domain, subdomains, path, secure, expiry, name, value), found %1")
                      .arg(fields.size()));
            continue;
        }
        const auto subdomains = readFlag(fields.at(1));
        const auto secure = readFlag(fields.at(3));
        if (!subdomains || !secure) {
            issue(QStringLiteral("field %1 must be TRUE or FALSE, not \"%2\"")
                      .arg(subdomains ? 4 : 2)
                      .arg(QString::fromUtf8(subdomains ? fields.at(3) : fields.at(1))));
            continue;
        }
        bool expiryOk = false;
        const qint64 expiry = fields.at(4).toLongLong(&expiryOk);
        if (!expiryOk || expiry < 0 || expiry > MaxExpirySeconds) {
            issue(QStringLiteral("the expiry \"%1\" is not a number of seconds since 1970 (0 for a session cookie)")
                      .arg(QString::fromUtf8(fields.at(4))));
            continue;
        }
        QByteArray domain = fields.at(0).toLower();
        if (domain.startsWith('.'))
            domain.remove(0, 1);
        cookie.domain = domain;
        cookie.hostOnly = !*subdomains;
        cookie.path = fields.at(2);
        cookie.secure = *secure;
        cookie.persistent = expiry != 0;
        cookie.expiry = expiry * 1000;
        cookie.name = fields.at(5);
        cookie.value = fields.value(6);
        cookie.creation = cookie.lastAccess = creation;
        if (const QString problem = cookie.problem(); !problem.isEmpty()) {
            issue(problem);
            continue;
        }
        result.cookies.append(std::move(cookie));
    }
    return result;
}

QByteArray NetscapeCookieFile::write(const QList<StoredCookie> &cookies, QList<ImportIssue> *skipped)
{
    QByteArray out = "# Netscape HTTP Cookie File\n"
                     "# https://curl.se/docs/http-cookies.html\n"
                     "# Written by CookieLab. Fields: domain, include subdomains, path, secure, expiry (0: session), name, value.\n\n";
    for (const StoredCookie &c : cookies) {
        if (c.name.contains('\t') || c.value.contains('\t')) {
            if (skipped)
                skipped->append({QString::fromUtf8(c.name), QStringLiteral("a TAB in the name or value cannot be written in cookies.txt")});
            continue;
        }
        if (c.httpOnly)
            out += "#HttpOnly_";
        if (!c.hostOnly)
            out += '.';
        out += c.domain;
        out += c.hostOnly ? "\tFALSE\t" : "\tTRUE\t";
        out += c.path;
        out += c.secure ? "\tTRUE\t" : "\tFALSE\t";
        out += QByteArray::number(c.persistent ? qMax<qint64>(1, c.expiry / 1000) : 0);
        out += '\t';
        out += c.name;
        out += '\t';
        out += c.value;
        out += '\n';
    }
    return out;
}

} // namespace CookieLab
