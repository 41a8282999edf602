// SPDX-License-Identifier: MIT
#include "core/harfile.h"

#include "core/cookiedate.h"
#include "core/httpsyntax.h"
#include "core/requestcookies.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

namespace CookieLab
{

namespace
{

// Header names repeat in every entry: one shared copy of each keeps 100,000 entries small.
using NamePool = QHash<QString, QByteArray>;

bool readHeaders(const QJsonValue &value, HeaderList &out, NamePool &names)
{
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue header : value.toArray()) {
        const QJsonObject o = header.toObject();
        if (!o.value(QLatin1String("name")).isString())
            return false;
        const QString name = o.value(QLatin1String("name")).toString();
        auto pooled = names.constFind(name);
        if (pooled == names.cend())
            pooled = names.insert(name, name.toUtf8());
        out.append(qMakePair(*pooled, o.value(QLatin1String("value")).toString().toUtf8()));
    }
    return true;
}

// Rebuilds a Set-Cookie line from HAR's cookie object (lossy: a last resort).
QByteArray setCookieFrom(const QJsonObject &c)
{
    QByteArray line = c.value(QLatin1String("name")).toString().toUtf8() + '=' + c.value(QLatin1String("value")).toString().toUtf8();
    if (c.contains(QLatin1String("expires"))) {
        const QDateTime expires = QDateTime::fromString(c.value(QLatin1String("expires")).toString(), Qt::ISODateWithMs);
        if (expires.isValid())
            line += "; Expires=" + CookieDate::toImfFixdate(expires.toMSecsSinceEpoch());
    }
    if (c.contains(QLatin1String("domain")))
        line += "; Domain=" + c.value(QLatin1String("domain")).toString().toUtf8();
    if (c.contains(QLatin1String("path")))
        line += "; Path=" + c.value(QLatin1String("path")).toString().toUtf8();
    if (c.value(QLatin1String("secure")).toBool())
        line += "; Secure";
    if (c.value(QLatin1String("httpOnly")).toBool())
        line += "; HttpOnly";
    if (c.contains(QLatin1String("sameSite")))
        line += "; SameSite=" + c.value(QLatin1String("sameSite")).toString().toUtf8();
    return line;
}

// One HAR entry as an exchange; an empty string on success, else "<field>: <reason>".
QString exchangeFromEntry(const QJsonObject &entry, HttpExchange &e, NamePool &names)
{
    const QJsonObject request = entry.value(QLatin1String("request")).toObject();
    const QJsonObject response = entry.value(QLatin1String("response")).toObject();
    e.source = HttpExchange::Source::Imported;
    e.method = request.value(QLatin1String("method")).toString().toLatin1();
    if (e.method.isEmpty() || !HttpSyntax::isToken(e.method))
        return QStringLiteral("request.method: missing or not an HTTP method");
    e.url = QUrl(request.value(QLatin1String("url")).toString(), QUrl::StrictMode);
    if (!e.url.isValid() || e.url.isRelative())
        return QStringLiteral("request.url: missing or not an absolute URL");
    if (!readHeaders(request.value(QLatin1String("headers")), e.requestHeaders, names))
        return QStringLiteral("request.headers: expected an array of {name, value}");
    if (!readHeaders(response.value(QLatin1String("headers")), e.responseHeaders, names))
        return QStringLiteral("response.headers: expected an array of {name, value}");
    const QJsonValue status = response.value(QLatin1String("status"));
    if (!status.isDouble())
        return QStringLiteral("response.status: missing or not a number");
    e.status = status.toInt();
    const QDateTime started = QDateTime::fromString(entry.value(QLatin1String("startedDateTime")).toString(), Qt::ISODateWithMs);
    if (!started.isValid())
        return QStringLiteral("startedDateTime: missing or not an ISO 8601 date");
    e.startedAt = started.toMSecsSinceEpoch();
    const double milliseconds = entry.value(QLatin1String("time")).toDouble();
    e.durationUsecs = milliseconds > 0 && milliseconds < 1e12 ? qint64(milliseconds * 1000) : 0; // -1 means unknown in HAR
    e.clientAddress = entry.value(QLatin1String("_clientAddress")).toString(QStringLiteral("har"));
    e.note = entry.value(QLatin1String("comment")).toString();
    HttpExchange::setBody(e.requestBody, e.requestBodySize,
        request.value(QLatin1String("postData")).toObject().value(QLatin1String("text")).toString().toUtf8());
    HttpExchange::setBody(e.responseBody, e.responseBodySize,
        response.value(QLatin1String("content")).toObject().value(QLatin1String("text")).toString().toUtf8());
    if (HttpExchange::values(e.responseHeaders, "set-cookie").isEmpty()) {
        for (const QJsonValue cookie : response.value(QLatin1String("cookies")).toArray())
            e.responseHeaders.append(qMakePair(QByteArrayLiteral("Set-Cookie"), setCookieFrom(cookie.toObject())));
    }
    // Firefox writes several Set-Cookie lines into one header value, separated by newlines.
    HeaderList split;
    for (const auto &[name, value] : std::as_const(e.responseHeaders)) {
        if (value.contains('\n') && name.compare("set-cookie", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &line : value.split('\n'))
                split.append(qMakePair(name, line));
        } else {
            split.append(qMakePair(name, value));
        }
    }
    e.responseHeaders = std::move(split);
    return {};
}

/** Walks the JSON text just far enough to hand each log.entries element to the JSON parser on its own. */
class HarScanner
{
public:
    HarScanner(QByteArrayView text, ImportResult &result, const HarFile::Progress &progress)
        : m_text(text)
        , m_result(result)
        , m_progress(progress)
    {
    }

    void run()
    {
        if (!readObject(QString(), [this](QByteArrayView key, const QString &path) {
                return key == "log" ? readObject(
                           path, [this](QByteArrayView k, const QString &p) { return k == "entries" ? readEntries(p) : skipValue(p); })
                                    : skipValue(path);
            }))
            return;
        skipSpace();
        if (m_pos != m_text.size())
            syntaxError(QStringLiteral("text after the end of the HAR object"));
        else if (!m_sawEntries)
            m_result.issues.append({QStringLiteral("log.entries"), QStringLiteral("missing or not an array (is this a HAR file?)")});
    }

private:
    using MemberReader = std::function<bool(QByteArrayView key, const QString &path)>;

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
            ++m_pos;
    }

    bool syntaxError(const QString &reason)
    {
        const qsizetype offset = qMin(m_pos, m_text.size());
        const qsizetype line = m_text.first(offset).count('\n') + 1;
        m_result.issues.append({QStringLiteral("line %1 (byte %2)").arg(line).arg(offset), QStringLiteral("not valid JSON: ") + reason});
        return false;
    }

    bool expect(char c)
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return syntaxError(QStringLiteral("the file ends early (truncated?); expected '%1'").arg(QLatin1Char(c)));
        if (m_text[m_pos] != c)
            return syntaxError(
                QStringLiteral("expected '%1', found '%2'").arg(QString(QLatin1Char(c)), QString(QLatin1Char(m_text[m_pos]))));
        ++m_pos;
        return true;
    }

    bool skipString()
    {
        ++m_pos; // opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos++];
            if (c == '\\')
                ++m_pos;
            else if (c == '"')
                return true;
        }
        return syntaxError(QStringLiteral("a string is not closed (truncated?)"));
    }

    // Skips one value, checking only that brackets balance; the JSON parser checks the rest.
    bool skipRaw()
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return syntaxError(QStringLiteral("the file ends early (truncated?); expected a value"));
        if (m_text[m_pos] == '"')
            return skipString();
        if (m_text[m_pos] != '{' && m_text[m_pos] != '[') {
            while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '}' && m_text[m_pos] != ']' && m_text[m_pos] != ' '
                && m_text[m_pos] != '\n' && m_text[m_pos] != '\r' && m_text[m_pos] != '\t')
                ++m_pos;
            return true;
        }
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                if (!skipString())
                    return false;
                continue;
            }
            ++m_pos;
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return true;
            }
        }
        return syntaxError(QStringLiteral("the file ends early (truncated?)"));
    }

    // A value outside the entries: skipped, then handed to the parser so that a broken one is reported.
    bool skipValue(const QString &path)
    {
        skipSpace();
        const qsizetype start = m_pos;
        if (!skipRaw())
            return false;
        QJsonParseError error;
        QJsonDocument::fromJson('[' + m_text.sliced(start, m_pos - start).toByteArray() + ']', &error);
        if (error.error != QJsonParseError::NoError) {
            m_pos = start;
            return syntaxError(path + QStringLiteral(": ") + error.errorString());
        }
        return true;
    }

    bool readKey(QByteArrayView &key)
    {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '"')
            return syntaxError(QStringLiteral("expected a member name in quotes"));
        const qsizetype start = m_pos + 1;
        if (!skipString())
            return false;
        key = m_text.sliced(start, m_pos - start - 1);
        return expect(':');
    }

    bool readObject(const QString &path, const MemberReader &member)
    {
        if (!expect('{'))
            return false;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            QByteArrayView key;
            if (!readKey(key))
                return false;
            const QString childPath = (path.isEmpty() ? QString() : path + QLatin1Char('.')) + QString::fromUtf8(key);
            if (!member(key, childPath))
                return false;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            return expect('}');
        }
    }

    bool readEntries(const QString &path)
    {
        skipSpace();
        if (m_pos >= m_text.size() || m_text[m_pos] != '[')
            return skipValue(path); // reported as "missing or not an array" by run()
        m_sawEntries = true;
        ++m_pos;
        skipSpace();
        if (m_pos < m_text.size() && m_text[m_pos] == ']') {
            ++m_pos;
            return true;
        }
        qint64 reportedAt = 0;
        for (int index = 0;; ++index) {
            skipSpace();
            const qsizetype start = m_pos;
            if (!skipRaw())
                return false;
            readEntry(path, index, m_text.sliced(start, m_pos - start));
            if (m_progress && m_pos - reportedAt >= (qint64(1) << 20)) {
                reportedAt = m_pos;
                if (!m_progress(m_pos, m_text.size())) {
                    m_result.cancelled = true;
                    return false;
                }
            }
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            return expect(']');
        }
    }

    void readEntry(const QString &path, int index, QByteArrayView text)
    {
        const QString where = QStringLiteral("%1[%2]").arg(path).arg(index);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            const qsizetype line = m_text.first(text.data() - m_text.data() + error.offset).count('\n') + 1;
            m_result.issues.append({where, QStringLiteral("not a valid JSON object (line %1): %2").arg(line).arg(error.errorString())});
            return;
        }
        HttpExchange exchange;
        const QString problem = exchangeFromEntry(document.object(), exchange, m_names);
        if (!problem.isEmpty()) {
            m_result.issues.append(
                {where + QLatin1Char('.') + problem.section(QStringLiteral(": "), 0, 0), problem.section(QStringLiteral(": "), 1)});
            return;
        }
        m_result.exchanges.append(std::move(exchange));
    }

    QByteArrayView m_text;
    ImportResult &m_result;
    const HarFile::Progress &m_progress;
    qsizetype m_pos = 0;
    bool m_sawEntries = false;
    NamePool m_names;
};

QJsonArray nameValues(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(name)}, {QStringLiteral("value"), QString::fromUtf8(value)}});
    return array;
}

QString isoTime(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject entryOf(const HttpExchange &e)
{
    QJsonArray requestCookies;
    const RequestCookies sent = RequestCookies::parse(e.requestCookieHeaders());
    for (const CookiePair &pair : sent.pairs())
        requestCookies.append(
            QJsonObject{{QStringLiteral("name"), QString::fromUtf8(pair.name)}, {QStringLiteral("value"), QString::fromUtf8(pair.value)}});
    QJsonArray queryString;
    for (const auto &[name, value] : QUrlQuery(e.url).queryItems(QUrl::FullyDecoded))
        queryString.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    QJsonObject request{
        {QStringLiteral("method"), QString::fromLatin1(e.method)},
        {QStringLiteral("url"), QString::fromUtf8(e.url.toEncoded())},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), requestCookies},
        {QStringLiteral("headers"), nameValues(e.requestHeaders)},
        {QStringLiteral("queryString"), queryString},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), qint64(e.requestBodySize)},
    };
    if (!e.requestBody.isEmpty()) {
        const QByteArray type = HttpExchange::values(e.requestHeaders, "content-type").value(0);
        request.insert(QStringLiteral("postData"),
            QJsonObject{{QStringLiteral("mimeType"), QString::fromUtf8(type)}, {QStringLiteral("text"), QString::fromUtf8(e.requestBody)}});
    }
    QJsonArray responseCookies;
    for (const SetCookie &c : e.setCookies()) {
        QJsonObject cookie{{QStringLiteral("name"), QString::fromUtf8(c.name)}, {QStringLiteral("value"), QString::fromUtf8(c.value)}};
        if (c.hasPath)
            cookie.insert(QStringLiteral("path"), QString::fromUtf8(c.path));
        if (c.hasDomain)
            cookie.insert(QStringLiteral("domain"), QString::fromUtf8(c.domain));
        if (c.persistent && c.expiry > SetCookie::EarliestTime && c.expiry < SetCookie::LatestTime) {
            const QDateTime expires = QDateTime::fromMSecsSinceEpoch(c.expiry, Qt::UTC);
            if (expires.isValid())
                cookie.insert(QStringLiteral("expires"), expires.toString(Qt::ISODateWithMs));
        }
        cookie.insert(QStringLiteral("httpOnly"), c.httpOnly);
        cookie.insert(QStringLiteral("secure"), c.secure);
        if (c.sameSite == SameSite::Lax || c.sameSite == SameSite::Strict || c.sameSite == SameSite::None)
            cookie.insert(QStringLiteral("sameSite"), QString::fromLatin1(sameSiteName(c.sameSite)));
        responseCookies.append(cookie);
    }
    const QByteArray contentType = HttpExchange::values(e.responseHeaders, "content-type").value(0);
    const QJsonObject response{
        {QStringLiteral("status"), e.status},
        {QStringLiteral("statusText"), QString::fromLatin1(HttpSyntax::reasonPhrase(e.status))},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), responseCookies},
        {QStringLiteral("headers"), nameValues(e.responseHeaders)},
        {QStringLiteral("content"),
            QJsonObject{{QStringLiteral("size"), qint64(e.responseBodySize)}, {QStringLiteral("mimeType"), QString::fromUtf8(contentType)},
                {QStringLiteral("text"), QString::fromUtf8(e.responseBody)}}},
        {QStringLiteral("redirectURL"), QString::fromUtf8(HttpExchange::values(e.responseHeaders, "location").value(0))},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), qint64(e.responseBodySize)},
    };
    const double milliseconds = double(e.durationUsecs) / 1000.0;
    QJsonObject entry{
        {QStringLiteral("startedDateTime"), isoTime(e.startedAt)},
        {QStringLiteral("time"), milliseconds},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"),
            QJsonObject{{QStringLiteral("send"), 0}, {QStringLiteral("wait"), milliseconds}, {QStringLiteral("receive"), 0}}},
        {QStringLiteral("_clientAddress"), e.clientAddress},
    };
    if (!e.note.isEmpty())
        entry.insert(QStringLiteral("comment"), e.note);
    return entry;
}

} // namespace

const QString HarFile::SanitizedNotice = QStringLiteral(
    "no entry has a Cookie or Set-Cookie header: the HAR was probably exported sanitized, as Chrome's DevTools do by default "
    "(\"Export HAR (sanitized)\"). Turn on DevTools Settings › Preferences › Network › \"Allow to generate HAR with sensitive data\" and "
    "use \"Export HAR (with sensitive data)\"; Firefox's \"Save All As HAR\" keeps cookies.");

ImportResult HarFile::read(QByteArrayView json, const Progress &progress)
{
    ImportResult result;
    HarScanner(json, result, progress).run();
    const bool anyCookies = std::any_of(result.exchanges.cbegin(), result.exchanges.cend(), [](const HttpExchange &e) {
        return !HttpExchange::values(e.requestHeaders, "cookie").isEmpty()
            || !HttpExchange::values(e.responseHeaders, "set-cookie").isEmpty();
    });
    if (!result.exchanges.isEmpty() && !anyCookies && !result.cancelled)
        result.notices.append(SanitizedNotice);
    if (progress && !result.cancelled)
        progress(json.size(), json.size());
    return result;
}

QByteArray HarFile::write(const QList<HttpExchangePtr> &exchanges, const QString &creatorVersion)
{
    QByteArray out = R"({"log":{"version":"1.2","creator":{"name":"CookieLab","version":)";
    out += QJsonDocument(QJsonArray{creatorVersion}).toJson(QJsonDocument::Compact).sliced(1).chopped(1);
    out += R"(},"pages":[],"entries":[)";
    bool first = true;
    for (const HttpExchangePtr &exchange : exchanges) {
        out += first ? "\n" : ",\n";
        first = false;
        out += QJsonDocument(entryOf(*exchange)).toJson(QJsonDocument::Compact);
    }
    out += "\n]}}\n";
    return out;
}

} // namespace CookieLab
