// SPDX-License-Identifier: MIT
// Every implemented rule with an input that must raise it and a close neighbour that must not.
// Expected severities come from the catalogue (../shared/docs/cookie-rules.md, section b).
#include "core/cookiedate.h"
#include "core/exchangeanalyzer.h"

#include <QDateTime>
#include <QTest>

using namespace CookieLab;

namespace
{

const qint64 Now = QDateTime::fromString(QStringLiteral("2026-12-03T12:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
const QByteArray Random = "Zq8XvN2mK4pR7tW1yB6cD9fG3hJ5kL0n"; // 32 base64url characters: 192 bits

HeaderList headerList(const QByteArrayList &lines)
{
    HeaderList headers;
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

HttpExchange exchange(const QByteArray &method, const QByteArray &url, const QByteArrayList &setCookies,
    const QByteArrayList &requestHeaders = {}, const QByteArrayList &responseHeaders = {}, const QByteArray &requestBody = {},
    const QByteArray &responseBody = {}, const QString &client = QStringLiteral("c1"))
{
    HttpExchange e;
    e.method = method;
    e.url = QUrl(QString::fromLatin1(url));
    e.requestHeaders = headerList(requestHeaders);
    e.requestBody = requestBody;
    e.requestBodySize = requestBody.size();
    e.status = 200;
    e.responseHeaders = headerList(responseHeaders);
    for (const QByteArray &line : setCookies)
        e.responseHeaders.append({"Set-Cookie", line});
    e.responseBody = responseBody;
    e.responseBodySize = responseBody.size();
    e.startedAt = Now;
    e.clientAddress = client;
    return e;
}

QByteArray severityOf(const QList<Finding> &findings, const QByteArray &rule)
{
    QByteArray highest;
    for (const Finding &f : findings) {
        if (f.ruleId() == rule && (highest.isEmpty() || severityFromName(highest) < f.severity))
            highest = severityName(f.severity);
    }
    return highest;
}

} // namespace

class TestCookieAnalyzer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleResponse_data();
    void singleResponse();
    void sequences_data();
    void sequences();
    void stateChangingGetRoute();
    void privilegeChangeWithoutRenewal();
    void deletionsDoNotRaiseLiveCookieWarnings();
    void findingsCarryTextFixesAndSpans();
    void deterministic();
    void repeatedExchangesReuseFindings();
    void sessionLike_data();
    void sessionLike();
};

void TestCookieAnalyzer::singleResponse_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArrayList>("setCookies");
    QTest::addColumn<QByteArrayList>("requestHeaders");
    QTest::addColumn<QByteArrayList>("responseHeaders");
    QTest::addColumn<QByteArray>("requestBody");
    QTest::addColumn<QByteArray>("responseBody");
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QByteArray>("severity"); // empty: must not be raised

    const auto row = [](const char *name, const QByteArray &url, const QByteArrayList &lines, const char *rule, const char *severity,
                         const QByteArrayList &requestHeaders = {}, const QByteArrayList &responseHeaders = {},
                         const QByteArray &requestBody = {}, const QByteArray &responseBody = {}) {
        QTest::addRow("%s %s", rule, name) << url << lines << requestHeaders << responseHeaders << requestBody << responseBody
                                           << QByteArray(rule) << QByteArray(severity);
    };
    const QByteArray https = "https://example.com/";
    const QByteArray http = "http://example.com/";
    const QByteArray local = "http://localhost:8000/";
    const QByteArray session = "sessionid=" + Random;
    const QByteArrayList hsts = {"Strict-Transport-Security: max-age=31536000"};
    const QByteArrayList crossSubresource = {"Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: cors", "Sec-Fetch-Dest: empty"};
    const QByteArrayList crossNavigation = {"Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate", "Sec-Fetch-Dest: document"};

    // Transport.
    row("raised over https", https, {"theme=dark; HttpOnly; SameSite=Lax"}, "CK001", "low");
    row("info with HSTS", https, {"theme=dark; HttpOnly; SameSite=Lax"}, "CK001", "info", {}, hsts);
    row("not with Secure", https, {"theme=dark; Secure; HttpOnly; SameSite=Lax"}, "CK001", "");
    row("raised", https, {session + "; HttpOnly; SameSite=Lax"}, "CK002", "medium");
    row("low with HSTS", https, {session + "; HttpOnly; SameSite=Lax"}, "CK002", "low", {}, hsts);
    row("not with Secure", https, {session + "; Secure; HttpOnly; SameSite=Lax"}, "CK002", "");
    row("raised over http", http, {"theme=dark"}, "CK003", "low");
    row("high for a session cookie", http, {session}, "CK003", "high");
    row("not on localhost", local, {"theme=dark"}, "CK003", "");
    row("raised over http", http, {"a=1; Secure"}, "CK004", "medium");
    row("info on localhost", local, {"a=1; Secure"}, "CK004", "info");
    row("not over https", https, {"a=1; Secure"}, "CK004", "");
    row("raised without HSTS", https, {session + "; Secure; HttpOnly; SameSite=Lax"}, "CK006", "low");
    row("not with HSTS", https, {session + "; Secure; HttpOnly; SameSite=Lax"}, "CK006", "", {}, hsts);

    // Script access.
    row("raised", https, {"theme=dark; Secure; SameSite=Lax"}, "CK010", "low");
    row("info for a CSRF token", https, {"csrftoken=abc; Secure; SameSite=Strict"}, "CK010", "info");
    row("not with HttpOnly", https, {"theme=dark; Secure; HttpOnly; SameSite=Lax"}, "CK010", "");
    row("raised", https, {session + "; Secure; SameSite=Lax"}, "CK011", "medium");
    row("not with HttpOnly", https, {session + "; Secure; HttpOnly; SameSite=Lax"}, "CK011", "");

    // SameSite.
    row("raised", https, {"theme=dark; Secure"}, "CK020", "low");
    row("medium for a session", https, {session + "; Secure; HttpOnly"}, "CK020", "medium");
    row("not with SameSite", https, {"theme=dark; Secure; SameSite=Lax"}, "CK020", "");
    row("raised for yes", https, {"a=1; Secure; SameSite=yes"}, "CK021", "low");
    row("raised for bare SameSite", https, {"a=1; Secure; SameSite"}, "CK021", "low");
    row("not for strict", https, {"a=1; Secure; SameSite=strict"}, "CK021", "");
    row("raised", https, {"a=1; SameSite=None"}, "CK022", "medium");
    row("not with Secure", https, {"a=1; SameSite=None; Secure"}, "CK022", "");
    row("raised", https, {"a=1; SameSite=None; Secure"}, "CK023", "info");
    row("medium for a session", https, {session + "; SameSite=None; Secure; HttpOnly"}, "CK023", "medium");
    row("not for Lax", https, {"a=1; SameSite=Lax; Secure"}, "CK023", "");
    row("raised", https, {"XSRF-TOKEN=abc; Secure"}, "CK024", "low");
    row("not with Strict", https, {"XSRF-TOKEN=abc; Secure; SameSite=Strict"}, "CK024", "");
    row("raised for a fetch", https, {"a=1; SameSite=Lax; Secure"}, "CK025", "medium", crossSubresource);
    row("not for a navigation", https, {"a=1; SameSite=Lax; Secure"}, "CK025", "", crossNavigation);
    row("not for None", https, {"a=1; SameSite=None; Secure"}, "CK025", "", crossSubresource);

    // Domain.
    row("parent domain", "https://www.example.com/", {"a=1; Domain=example.com"}, "CK030", "low");
    row("medium for a session", "https://www.example.com/", {session + "; Domain=example.com"}, "CK030", "medium");
    row("not without Domain", "https://www.example.com/", {"a=1"}, "CK030", "");
    row("Domain is the host", https, {"a=1; Domain=example.com"}, "CK031", "info");
    row("not without Domain", https, {"a=1"}, "CK031", "");
    row("foreign Domain", https, {"a=1; Domain=other.org"}, "CK032", "medium");
    row("not for own Domain", https, {"a=1; Domain=example.com"}, "CK032", "");
    row("public suffix", "https://shop.co.uk/", {"a=1; Domain=co.uk"}, "CK033", "medium");
    row("not for the site", "https://shop.co.uk/", {"a=1; Domain=shop.co.uk"}, "CK033", "");
    row("percent in Domain", https, {"a=1; Domain=exa%6dple.com"}, "CK034", "low");
    row("not for a plain Domain", https, {"a=1; Domain=example.com"}, "CK034", "");
    row("leading dot", https, {"a=1; Domain=.example.com"}, "CK035", "info");
    row("not without the dot", https, {"a=1; Domain=example.com"}, "CK035", "");

    // Path.
    row("default path of a subdirectory", "https://example.com/app/page", {"a=1"}, "CK040", "info");
    row("not when the default is /", "https://example.com/page", {"a=1"}, "CK040", "");
    row("relative Path", https, {"a=1; Path=app"}, "CK041", "low");
    row("not for /app", https, {"a=1; Path=/app"}, "CK041", "");
    row("session limited by Path", https, {session + "; Path=/admin"}, "CK042", "info");
    row("not for Path=/", https, {session + "; Path=/"}, "CK042", "");

    // Prefixes.
    row("__Secure- without Secure", https, {"__Secure-a=1"}, "CK050", "medium");
    row("__Secure- over http", http, {"__Secure-a=1; Secure"}, "CK050", "medium");
    row("not when kept", https, {"__Secure-a=1; Secure"}, "CK050", "");
    row("__Host- with Domain", https, {"__Host-a=1; Secure; Path=/; Domain=example.com"}, "CK051", "medium");
    row("__Host- without Path", https, {"__Host-a=1; Secure"}, "CK051", "medium");
    row("not when kept", https, {"__Host-a=1; Secure; Path=/"}, "CK051", "");
    row("__Http- without HttpOnly", https, {"__Http-a=1; Secure"}, "CK052", "low");
    row("not when kept", https, {"__Http-a=1; Secure; HttpOnly"}, "CK052", "");
    row("__Host-Http- without HttpOnly", https, {"__Host-Http-a=1; Secure; Path=/"}, "CK053", "low");
    row("not when kept", https, {"__Host-Http-a=1; Secure; Path=/; HttpOnly"}, "CK053", "");
    row("upper-case prefix", https, {"__SECURE-a=1; Secure"}, "CK054", "low");
    row("not for the canonical case", https, {"__Secure-a=1; Secure"}, "CK054", "");
    row("nameless with a prefix", https, {"=__Host-x"}, "CK055", "medium");
    row("not for a plain nameless value", https, {"=hostx"}, "CK055", "");
    row("percent-encoded prefix", https, {"%5F%5FHost-a=1; Secure; Path=/"}, "CK056", "medium");
    row("not for a lookalike-free name", https, {"Host-a=1; Secure; Path=/"}, "CK056", "");
    row("session without __Host-", https, {session + "; Secure; HttpOnly; SameSite=Lax"}, "CK057", "info");
    row("not with __Host-", https, {"__Host-" + session + "; Secure; HttpOnly; Path=/; SameSite=Lax"}, "CK057", "");

    // Lifetime.
    const QByteArray inAnHour = CookieDate::toImfFixdate(Now + 3600 * 1000);
    row("ten years", https, {"a=1; Max-Age=315360000"}, "CK060", "info");
    row("not at exactly 400 days", https, {"a=1; Max-Age=34560000"}, "CK060", "");
    row("Max-Age and Expires a day apart", https, {"a=1; Max-Age=3600; Expires=" + CookieDate::toImfFixdate(Now + 90000 * 1000)}, "CK061",
        "info");
    row("not when they agree", https, {"a=1; Max-Age=3600; Expires=" + inAnHour}, "CK061", "");
    row("unparsable Expires", https, {"a=1; Expires=soon"}, "CK062", "low");
    row("not for a date", https, {"a=1; Expires=" + inAnHour}, "CK062", "");
    row("Max-Age with a unit", https, {"a=1; Max-Age=1h"}, "CK063", "low");
    row("not for seconds", https, {"a=1; Max-Age=3600"}, "CK063", "");
    row("dashed Expires", https, {"a=1; Expires=Wed, 21-Oct-2037 07:28:00 GMT"}, "CK064", "info");
    row("not for IMF-fixdate", https, {"a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT"}, "CK064", "");
    row("30-day session", https, {session + "; Max-Age=2592000; Secure; HttpOnly"}, "CK065", "high");
    row("2-hour session", https, {session + "; Max-Age=7200; Secure; HttpOnly"}, "CK065", "low");
    row("not for a session cookie without lifetime", https, {session + "; Secure; HttpOnly"}, "CK065", "");
    row("deletion", https, {"a=; Max-Age=0"}, "CK066", "info");
    row("not for a live cookie", https, {"a=1; Max-Age=1"}, "CK066", "");
    row("insecure day-long cookie", https, {"a=1; Max-Age=86400"}, "CK068", "info");
    row("not when Secure", https, {"a=1; Max-Age=86400; Secure"}, "CK068", "");

    // Syntax.
    row("control character", https,
        {"a=1\x01"
         "2"},
        "CK070", "medium");
    row("not for clean values", https, {"a=12"}, "CK070", "");
    row("empty line", https, {""}, "CK071", "low");
    row("not for an empty value", https, {"a="}, "CK071", "");
    row("nameless", https, {"=abc"}, "CK072", "low");
    row("nameless with =", https, {"=a=b"}, "CK072", "medium");
    row("not with a name", https, {"x=abc"}, "CK072", "");
    row("space in value", https, {"a=hello world"}, "CK073", "info");
    row("non-ASCII value", https, {"a=caf\xc3\xa9"}, "CK073", "low");
    row("not when encoded", https, {"a=hello%20world"}, "CK073", "");
    row("quoted", https, {"a=\"x\""}, "CK074", "info");
    row("not unquoted", https, {"a=x"}, "CK074", "");
    row("conflicting Paths", https, {"a=1; Path=/; Path=/x"}, "CK075", "medium");
    row("repeated flag", https, {"a=1; Secure; Secure"}, "CK075", "low");
    row("not once each", https, {"a=1; Path=/; Secure"}, "CK075", "");
    row("misspelled Secure", https, {"a=1; Secured"}, "CK076", "medium");
    row("colon instead of =", https, {"a=1; SameSite:Strict"}, "CK076", "medium");
    row("unknown attribute", https, {"a=1; Foo=bar"}, "CK076", "info");
    row("not for Priority", https, {"a=1; Priority=High"}, "CK076", "");
    row("Secure=false", https, {"a=1; Secure=false"}, "CK077", "info");
    row("not for bare Secure", https, {"a=1; Secure"}, "CK077", "");
    row("same name twice", https, {"a=1", "a=2; Path=/x"}, "CK078", "low");
    row("not for different names", https, {"a=1", "b=2"}, "CK078", "");
    row("Set-Cookie2", https, {"a=1"}, "CK079", "info", {}, {"Set-Cookie2: a=1; Version=1"});
    row("not without it", https, {"a=1"}, "CK079", "");

    // Limits.
    row("4097 bytes", https, {"a=" + QByteArray(4096, 'x')}, "CK080", "medium");
    row("not at 4096", https, {"a=" + QByteArray(4095, 'x')}, "CK080", "");
    row("long Path", https, {"a=1; Path=/" + QByteArray(1024, 'p')}, "CK081", "medium");
    row("not at 1024", https, {"a=1; Path=/" + QByteArray(1023, 'p')}, "CK081", "");

    // Partitioned.
    row("Partitioned without Secure", https, {"a=1; Partitioned"}, "CK090", "medium");
    row("not with Secure", https, {"a=1; Secure; Partitioned"}, "CK090", "");
    row("Partitioned without __Host-", https, {"a=1; Secure; Partitioned"}, "CK091", "info");
    row("not with __Host-", https, {"__Host-a=1; Secure; Path=/; Partitioned"}, "CK091", "");
    row("cross-site None", https, {"a=1; SameSite=None; Secure"}, "CK092", "info", crossSubresource);
    row("not when partitioned", https, {"a=1; SameSite=None; Secure; Partitioned"}, "CK092", "", crossSubresource);

    // Value content.
    const QByteArray login = "{\"username\":\"alice\",\"password\":\"s3cretpw\"}";
    const QByteArrayList json = {"Content-Type: application/json"};
    row("submitted password", "https://example.com/login", {"remember=s3cretpw; Secure"}, "CK100", "high", json, {}, login);
    row("base64 of the password", "https://example.com/login", {"remember=czNjcmV0cHc=; Secure"}, "CK100", "high", json, {}, login);
    row("not for another value", "https://example.com/login", {"remember=xyz; Secure"}, "CK100", "", json, {}, login);
    row("reflected parameter", "https://example.com/?lang=en-GB", {"lang=en-GB"}, "CK101", "info");
    row("not for another value", "https://example.com/?lang=en-GB", {"lang=fr"}, "CK101", "");
    row("unsigned JWT", https, {"token=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."}, "CK102", "high");
    row("signed JWT without exp", https, {"token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"}, "CK102", "low");
    row("not for dotted text", https, {"token=abc.def.ghi"}, "CK102", "");
    row("email address", https, {"contact=alice%40example.com"}, "CK103", "medium");
    row("card number", https, {"card=4111111111111111"}, "CK103", "medium");
    row("national identity number", https, {"ssn=123-45-6789"}, "CK103", "medium");
    row("not for a dashed token", https, {"ref=ab-12-cd-345-67-89012"}, "CK103", "");
    row("not for a name", https, {"contact=alice"}, "CK103", "");
    row("role in a cookie", https, {"role=admin"}, "CK104", "medium");
    row("JSON in a cookie", https, {"prefs=%7B%22lang%22%3A%22en%22%7D"}, "CK104", "low");
    row("not for a plain preference", https, {"theme=dark"}, "CK104", "");
    row("Java serialization", https, {"data=rO0ABXNyABFqYXZh"}, "CK105", "high");
    row("PHP serialization", https, {"data=O%3A4%3A%22User%22%3A1%3A%7B%7D"}, "CK105", "high");
    row("not for text", https, {"data=hello"}, "CK105", "");
    row("short session id", https, {"sessionid=1234; Secure; HttpOnly"}, "CK106", "medium");
    row("not for 192 bits", https, {session + "; Secure; HttpOnly"}, "CK106", "");
    row("PHPSESSID", https, {"PHPSESSID=" + Random}, "CK107", "info");
    row("not for a neutral name", https, {"id=" + Random}, "CK107", "");
    row("session id in the URL", "https://example.com/?sid=" + Random, {"sid=" + Random}, "CK108", "medium");
    row("not without it", https, {"sid=" + Random}, "CK108", "");
    row("off-site link", "https://example.com/?sid=" + Random, {"sid=" + Random}, "CK109", "medium", {}, {}, {},
        "<a href=\"https://tracker.test/x\">x</a>");
    row("not for a same-host link", "https://example.com/?sid=" + Random, {"sid=" + Random}, "CK109", "", {}, {}, {},
        "<a href=\"https://example.com/x\">x</a>");
    row("publicly cacheable", https, {session + "; Secure; HttpOnly"}, "CK126", "medium", {}, {"Cache-Control: public, max-age=600"});
    row("not when private", https, {session + "; Secure; HttpOnly"}, "CK126", "", {}, {"Cache-Control: private, max-age=600"});
    row("session identified", https, {session}, "CK131", "info");
    row("not for a preference", https, {"theme=dark"}, "CK131", "");
}

void TestCookieAnalyzer::singleResponse()
{
    QFETCH(QByteArray, url);
    QFETCH(QByteArrayList, setCookies);
    QFETCH(QByteArrayList, requestHeaders);
    QFETCH(QByteArrayList, responseHeaders);
    QFETCH(QByteArray, requestBody);
    QFETCH(QByteArray, responseBody);
    QFETCH(QByteArray, rule);
    QFETCH(QByteArray, severity);
    ExchangeAnalyzer analyzer;
    const QByteArray method = requestBody.isEmpty() ? "GET" : "POST";
    const QList<Finding> findings
        = analyzer.analyze(exchange(method, url, setCookies, requestHeaders, responseHeaders, requestBody, responseBody));
    QByteArrayList ids;
    for (const Finding &f : findings)
        ids.append(f.ruleId() + ':' + severityName(f.severity));
    QVERIFY2(severityOf(findings, rule) == severity, ids.join(' ').constData());
}

void TestCookieAnalyzer::sequences_data()
{
    QTest::addColumn<QList<HttpExchange>>("exchanges");
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QByteArray>("severity"); // on the last exchange; empty: must not be raised

    const QByteArray session = "sessionid=" + Random;
    const QByteArray other = "sessionid=Pp0Oo9Ii8Uu7Yy6Tt5Rr4Ee3Ww2Qq1Aa";
    QTest::addRow("CK005 insecure overwrite of a Secure cookie")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {"a=1; Secure"}), exchange("GET", "http://example.com/", {"a=2"})}
        << QByteArray("CK005") << QByteArray("medium");
    QTest::addRow("CK005 not for another name")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {"a=1; Secure"}), exchange("GET", "http://example.com/", {"b=2"})}
        << QByteArray("CK005") << QByteArray();
    QTest::addRow("CK067 logout deletes with the wrong Path")
        << QList<HttpExchange>{exchange("GET", "https://example.com/app/home", {session + "; Secure; HttpOnly"}),
               exchange("GET", "https://example.com/app/logout", {"sessionid=; Max-Age=0; Path=/"}, {"Cookie: " + session})}
        << QByteArray("CK067") << QByteArray("medium");
    QTest::addRow("CK067 not when the scope matches")
        << QList<HttpExchange>{exchange("GET", "https://example.com/app/home", {session + "; Secure; HttpOnly"}),
               exchange("GET", "https://example.com/app/logout", {"sessionid=; Max-Age=0; Path=/app"}, {"Cookie: " + session})}
        << QByteArray("CK067") << QByteArray();
    QTest::addRow("CK120 login keeps the pre-login session")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure; HttpOnly; Path=/"}),
               exchange("POST", "https://example.com/login", {}, {"Cookie: " + session}, {}, "user=a&pass=b")}
        << QByteArray("CK120") << QByteArray("high");
    QTest::addRow("CK120 not when login issues a new id")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure; HttpOnly; Path=/"}),
               exchange("POST", "https://example.com/login", {other + "; Secure; HttpOnly; Path=/"}, {"Cookie: " + session}, {}, "user=a")}
        << QByteArray("CK120") << QByteArray();
    QTest::addRow("CK123 logout without deletion")
        << QList<HttpExchange>{exchange("GET", "https://example.com/logout", {}, {"Cookie: " + session})} << QByteArray("CK123")
        << QByteArray("low");
    QTest::addRow("CK123 not when deleted") << QList<HttpExchange>{exchange(
        "GET", "https://example.com/logout", {"sessionid=; Max-Age=0; Path=/"}, {"Cookie: " + session})}
                                            << QByteArray("CK123") << QByteArray();
    QTest::addRow("CK124 same name at two paths") << QList<HttpExchange>{exchange("GET", "https://example.com/", {"t=1; Path=/; Secure"}),
        exchange("GET", "https://example.com/app/x", {"t=2; Path=/app; Secure"})}
                                                  << QByteArray("CK124") << QByteArray("low");
    QTest::addRow("CK124 medium for a session tossed from the parent domain")
        << QList<HttpExchange>{exchange("GET", "https://www.example.com/", {session + "; Secure; HttpOnly; Path=/"}),
               exchange("GET", "https://www.example.com/", {other + "; Domain=example.com; Secure; HttpOnly; Path=/"})}
        << QByteArray("CK124") << QByteArray("medium");
    QTest::addRow("CK124 not when replaced") << QList<HttpExchange>{exchange("GET", "https://example.com/", {"t=1; Path=/"}),
        exchange("GET", "https://example.com/", {"t=2; Path=/"})}
                                             << QByteArray("CK124") << QByteArray();
    QTest::addRow("CK125 http and https") << QList<HttpExchange>{exchange("GET", "http://example.com/", {session}),
        exchange("GET", "https://example.com/", {other + "; Secure"})}
                                          << QByteArray("CK125") << QByteArray("medium");
    QTest::addRow("CK125 not over https only") << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure"}),
        exchange("GET", "https://example.com/", {other + "; Secure"})}
                                               << QByteArray("CK125") << QByteArray();
    QTest::addRow("CK127 one value, two clients")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure"}, {}, {}, {}, {}, QStringLiteral("10.0.0.1")),
               exchange("GET", "https://example.com/", {session + "; Secure"}, {}, {}, {}, {}, QStringLiteral("10.0.0.2"))}
        << QByteArray("CK127") << QByteArray("high");
    QTest::addRow("CK127 not for one client") << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure"}),
        exchange("GET", "https://example.com/", {session + "; Secure"})}
                                              << QByteArray("CK127") << QByteArray();
    QTest::addRow("CK106 sequential ids") << QList<HttpExchange>{exchange("GET", "https://example.com/", {"sessionid=100001"}),
        exchange("GET", "https://example.com/", {"sessionid=100002"}), exchange("GET", "https://example.com/", {"sessionid=100003"})}
                                          << QByteArray("CK106") << QByteArray("high");
    QTest::addRow("CK106 time-derived ids") << QList<HttpExchange>{exchange(
        "GET", "https://example.com/", {"sessionid=u7-" + QByteArray::number(Now / 1000)})}
                                            << QByteArray("CK106") << QByteArray("high");
    QTest::addRow("CK130 POST on a SameSite=None session")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure; HttpOnly; SameSite=None"}),
               exchange("POST", "https://example.com/transfer", {}, {"Cookie: " + session}, {}, "amount=10")}
        << QByteArray("CK130") << QByteArray("medium");
    QTest::addRow("CK130 not when Origin is sent")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", {session + "; Secure; HttpOnly; SameSite=None"}),
               exchange("POST", "https://example.com/transfer", {}, {"Cookie: " + session, "Origin: https://example.com"}, {}, "amount=10")}
        << QByteArray("CK130") << QByteArray();
    QList<HttpExchange> bomb;
    QByteArrayList many;
    for (int i = 0; i < 51; ++i)
        many.append("c" + QByteArray::number(i) + "=1");
    bomb.append(exchange("GET", "https://example.com/", many));
    QTest::addRow("CK082 51 cookies for one site") << bomb << QByteArray("CK082") << QByteArray("info");
    QTest::addRow("CK082 not for 50") << QList<HttpExchange>{exchange("GET", "https://example.com/", many.mid(0, 50))}
                                      << QByteArray("CK082") << QByteArray();
    QByteArrayList chips;
    for (int i = 0; i < 11; ++i)
        chips.append("p" + QByteArray::number(i) + "=" + QByteArray(1000, 'x') + "; Secure; SameSite=None; Partitioned");
    QTest::addRow("CK084 11 KB of partitioned cookies")
        << QList<HttpExchange>{exchange("GET", "https://example.com/", chips)} << QByteArray("CK084") << QByteArray("info");
    QTest::addRow("CK084 not for 10 KB") << QList<HttpExchange>{exchange("GET", "https://example.com/", chips.mid(0, 10))}
                                         << QByteArray("CK084") << QByteArray();
    QTest::addRow("CK083 a 9 KB Cookie header") << QList<HttpExchange>{exchange(
        "GET", "https://example.com/", {"a=" + QByteArray(3000, 'x'), "b=" + QByteArray(3000, 'x'), "c=" + QByteArray(3000, 'x')})}
                                                << QByteArray("CK083") << QByteArray("low");
    QTest::addRow("CK083 not for 6 KB") << QList<HttpExchange>{exchange(
        "GET", "https://example.com/", {"a=" + QByteArray(3000, 'x'), "b=" + QByteArray(3000, 'x')})}
                                        << QByteArray("CK083") << QByteArray();
}

void TestCookieAnalyzer::sequences()
{
    QFETCH(QList<HttpExchange>, exchanges);
    QFETCH(QByteArray, rule);
    QFETCH(QByteArray, severity);
    ExchangeAnalyzer analyzer;
    QList<Finding> last;
    for (const HttpExchange &e : exchanges)
        last = analyzer.analyze(e);
    QByteArrayList ids;
    for (const Finding &f : last)
        ids.append(f.ruleId() + ':' + severityName(f.severity));
    QVERIFY2(severityOf(last, rule) == severity, ids.join(' ').constData());
}

void TestCookieAnalyzer::stateChangingGetRoute()
{
    ExchangeAnalyzer analyzer;
    analyzer.setRouteResolver([](QByteArrayView, QByteArrayView) {
        ExchangeAnalyzer::RouteInfo info;
        info.stateChangingGetPaths = {"/logout"};
        return info;
    });
    const QByteArray session = "sessionid=" + Random + "; Secure; HttpOnly; ";
    QCOMPARE(
        severityOf(analyzer.analyze(exchange("GET", "https://example.com/", {session + "SameSite=Lax"})), "CK026"), QByteArray("medium"));
    QCOMPARE(severityOf(analyzer.analyze(exchange("GET", "https://example.com/", {session + "SameSite=Strict"})), "CK026"), QByteArray());
}

void TestCookieAnalyzer::privilegeChangeWithoutRenewal()
{
    ExchangeAnalyzer analyzer;
    analyzer.setRouteResolver([](QByteArrayView, QByteArrayView path) {
        ExchangeAnalyzer::RouteInfo info;
        if (path == "/account/password")
            info.role = AnalysisContext::Role::PrivilegeChange;
        return info;
    });
    const QByteArray session = "sessionid=" + Random;
    const QByteArray renewed = "sessionid=Pp0Oo9Ii8Uu7Yy6Tt5Rr4Ee3Ww2Qq1Aa; Secure; HttpOnly; Path=/";
    QCOMPARE(severityOf(analyzer.analyze(exchange("POST", "https://example.com/account/password", {}, {"Cookie: " + session}, {}, "new=x")),
                 "CK122"),
        QByteArray("medium"));
    QCOMPARE(severityOf(
                 analyzer.analyze(exchange("POST", "https://example.com/account/password", {renewed}, {"Cookie: " + session}, {}, "new=y")),
                 "CK122"),
        QByteArray());
}

void TestCookieAnalyzer::deletionsDoNotRaiseLiveCookieWarnings()
{
    ExchangeAnalyzer analyzer;
    const QList<Finding> findings = analyzer.analyze(
        exchange("GET", "http://example.com/logout", {"auth_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"}));
    QByteArrayList ids;
    for (const Finding &f : findings)
        ids.append(f.ruleId());
    QCOMPARE(ids, QByteArrayList{"CK066"});
}

void TestCookieAnalyzer::findingsCarryTextFixesAndSpans()
{
    ExchangeAnalyzer analyzer;
    const QByteArray header = "auth_token=" + Random + "; Path=/; Secure; SameSite=Lax";
    const QList<Finding> findings = analyzer.analyze(exchange("GET", "http://localhost:8000/", {header}));
    bool sawHttpOnly = false;
    for (const Finding &f : findings) {
        QVERIFY(!f.title().isEmpty());
        QVERIFY(!f.explanation().isEmpty());
        QVERIFY(!f.fix().isEmpty());
        QVERIFY(!f.references().isEmpty());
        QVERIFY(f.span.offset >= 0 && f.span.end() <= header.size());
        if (f.rule == Rule::CK011) {
            sawHttpOnly = true;
            QCOMPARE(f.explanation(),
                QStringLiteral("`auth_token` looks like a session cookie and any script on http://localhost:8000 can read it (HttpOnly is "
                               "missing): one XSS bug and the session is stolen."));
            QCOMPARE(f.fixedHeader(), header + "; HttpOnly");
            QVERIFY(f.fix().endsWith(QString::fromLatin1("Corrected: Set-Cookie: " + header + "; HttpOnly")));
        }
    }
    QVERIFY(sawHttpOnly);
}

void TestCookieAnalyzer::deterministic()
{
    const HttpExchange e = exchange(
        "GET", "https://www.example.com/app/page", {"sid=abc; Domain=.example.com; SameSite=None", "theme=dark; Secured", "=x=y", "sid=2"});
    QByteArrayList first, second;
    ExchangeAnalyzer a, b;
    for (const Finding &f : a.analyze(e))
        first.append(f.ruleId() + QByteArray::number(f.cookieIndex));
    for (const Finding &f : b.analyze(e))
        second.append(f.ruleId() + QByteArray::number(f.cookieIndex));
    QCOMPARE(first, second);
    QVERIFY(first.size() > 5);
}

void TestCookieAnalyzer::repeatedExchangesReuseFindings()
{
    ExchangeAnalyzer analyzer;
    HttpExchange e = exchange("GET", "https://example.com/", {"sessionid=1234"});
    const QList<Finding> first = analyzer.analyze(e);
    e.startedAt += 10;
    const QList<Finding> repeat = analyzer.analyze(e);
    QCOMPARE(repeat.size(), first.size());
    for (int i = 0; i < first.size(); ++i)
        QCOMPARE(repeat.at(i).rule, first.at(i).rule);
    // A different Set-Cookie is analysed afresh: the ids are now sequential-looking or not, but the
    // result reflects the new line.
    HttpExchange other = exchange("GET", "https://example.com/", {"sessionid=" + Random + "; Secure; HttpOnly; SameSite=Lax"});
    other.startedAt = e.startedAt + 10;
    QCOMPARE(severityOf(analyzer.analyze(other), "CK106"), QByteArray());
}

void TestCookieAnalyzer::sessionLike_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("session");
    QTest::addRow("PHPSESSID") << QByteArray("PHPSESSID") << QByteArray("x") << true;
    QTest::addRow("connect.sid") << QByteArray("connect.sid") << QByteArray("x") << true;
    QTest::addRow("auth_token") << QByteArray("auth_token") << QByteArray("x") << true;
    QTest::addRow("laravel_session") << QByteArray("laravel_session") << QByteArray("x") << true;
    QTest::addRow("remember_me") << QByteArray("remember_me") << QByteArray("true") << true;
    QTest::addRow("random value") << QByteArray("id") << Random << true;
    QTest::addRow("JWT value") << QByteArray("x") << QByteArray("eyJhbGciOiJIUzI1NiJ9.eyJ9.sig") << true;
    QTest::addRow("theme") << QByteArray("theme") << QByteArray("dark") << false;
    QTest::addRow("user_id") << QByteArray("user_id") << QByteArray("12345") << false;
    QTest::addRow("long word") << QByteArray("greeting") << QByteArray("hellohellohellohello") << false;
}

void TestCookieAnalyzer::sessionLike()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, session);
    QCOMPARE(CookieAnalyzer::isSessionLike(name, value, false), session);
}

QTEST_APPLESS_MAIN(TestCookieAnalyzer)
#include "tst_cookieanalyzer.moc"
