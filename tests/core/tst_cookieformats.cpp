// SPDX-License-Identifier: MIT
// The import and export formats: detection, each reader on real-world shapes, malformed input with
// the error it must give, and round trips that lose exactly the fields CookieFormats::lostFields names.
#include "core/cookieeditorjson.h"
#include "core/cookieexporter.h"
#include "core/cookieheadertext.h"
#include "core/cookieimporter.h"
#include "core/exchangelogfile.h"
#include "core/harfile.h"
#include "core/netscapecookiefile.h"
#include "core/sessionfile.h"
#include "core/setcookietext.h"
#include "core/valueredactor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CookieLab;

namespace
{

constexpr qint64 Now = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr qint64 InOneDay = Now + 86'400'000;

QByteArray describe(const StoredCookie &c)
{
    QByteArray out = c.name + '=' + c.value + " domain=" + c.domain + (c.hostOnly ? " host-only" : " domain-cookie") + " path=" + c.path;
    out += QByteArray(c.secure ? " secure" : "") + (c.httpOnly ? " httponly" : "") + " samesite=" + sameSiteName(c.sameSite);
    out += c.persistent ? QByteArray(" expires=" + QByteArray::number(c.expiry)) : QByteArray(" session");
    if (c.partitioned)
        out += " partitioned=" + c.partitionKey;
    return out;
}

QByteArrayList describeAll(const QList<StoredCookie> &cookies)
{
    QByteArrayList out;
    for (const StoredCookie &c : cookies)
        out.append(describe(c));
    std::sort(out.begin(), out.end());
    return out;
}

StoredCookie cookie(const char *name, const char *value, const char *domain, bool hostOnly, const char *path, bool secure, bool httpOnly,
    SameSite sameSite, qint64 expiry)
{
    StoredCookie c;
    c.name = name;
    c.value = value;
    c.domain = domain;
    c.hostOnly = hostOnly;
    c.path = path;
    c.secure = secure;
    c.httpOnly = httpOnly;
    c.sameSite = sameSite;
    c.persistent = expiry != 0;
    c.expiry = expiry;
    c.creation = c.lastAccess = Now;
    return c;
}

// A jar covering every field a format might drop.
QList<StoredCookie> sampleJar()
{
    StoredCookie partitioned = cookie("__Host-embed", "p1", "widgets.example", true, "/", true, false, SameSite::None, InOneDay);
    partitioned.partitioned = true;
    partitioned.partitionKey = "https://news.example";
    return {
        cookie("user_id", "12345", "127.0.0.1", true, "/", true, true, SameSite::Lax, InOneDay),
        cookie("theme", "dark", "example.com", false, "/", false, false, SameSite::Unspecified, 0),
        cookie("sid", "a b\"c", "shop.example.com", true, "/cart", true, true, SameSite::Strict, Now + 3'600'000),
        cookie("tracker", "x", "ads.example", false, "/", true, false, SameSite::None, InOneDay),
        partitioned,
    };
}

// What a cookie keeps after a trip through a format, per CookieFormats::lostFields.
StoredCookie keptBy(CookieFormat format, StoredCookie c, const QUrl &url)
{
    switch (format) {
    case CookieFormat::Netscape:
        c.sameSite = SameSite::Unspecified;
        c.partitioned = false;
        c.partitionKey.clear();
        break;
    case CookieFormat::CookieHeader: {
        const QByteArray name = c.name, value = c.value;
        c = cookie("", "", "", true, "/", false, false, SameSite::Unspecified, 0);
        c.name = name;
        c.value = value;
        c.domain = url.host().toUtf8();
        break;
    }
    default: break;
    }
    return c;
}

HttpExchange exchange(const char *url, HeaderList request, HeaderList response, qint64 at)
{
    HttpExchange e;
    e.method = "GET";
    e.url = QUrl(QString::fromLatin1(url));
    e.status = 200;
    e.startedAt = at;
    e.durationUsecs = 1500;
    e.clientAddress = QStringLiteral("127.0.0.1");
    e.requestHeaders = std::move(request);
    e.responseHeaders = std::move(response);
    return e;
}

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(COOKIELAB_SOURCE_DIR "/tests/data/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

} // namespace

class TestCookieFormats final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data();
    void detect();
    void netscapeReadsCurlAndWgetFiles();
    void netscapeWritesWhatCurlWrites();
    void cookieEditorReadsChromeExport();
    void cookieJsonReadsDevToolsProtocolAndPlaywright();
    void cookieHeaderAndSetCookieLines();
    void malformed_data();
    void malformed();
    void roundTrip_data();
    void roundTrip();
    void harRoundTripKeepsExchangesAndFillsCookies();
    void harFromChromium();
    void harFirefoxShape();
    void harExportedSanitizedIsExplained();
    void harErrorsNamePathAndKeepValidEntries();
    void harImportCanBeCancelled();
    void exchangeLogReadsServeLogIncludingUnfinishedLastLine();
    void trafficImportReplaysTheJarInOrder();
    void sessionRoundTrip();
    void sessionErrorsNameThePath_data();
    void sessionErrorsNameThePath();
    void sessionSaveIsAtomic();
    void redactionKeepsEqualityNamesAndAttributes();
    void csvQuotesAndDefusesFormulas();
    void curlCommandsPerHost();
};

void TestCookieFormats::detect_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<CookieFormat>("expected");
    QTest::addRow("curl jar") << QByteArray("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\ta\tb\n") << QString()
                              << CookieFormat::Netscape;
    QTest::addRow("wget jar, no header") << QByteArray(".example.com\tTRUE\t/\tFALSE\t1767225600\ta\tb\n") << QString()
                                         << CookieFormat::Netscape;
    QTest::addRow("httponly line first") << QByteArray("#HttpOnly_example.com\tFALSE\t/\tTRUE\t0\ta\tb\n") << QString()
                                         << CookieFormat::Netscape;
    QTest::addRow("cookie-editor") << QByteArray("[\n {\"domain\": \".example.com\", \"name\": \"a\"}]") << QString()
                                   << CookieFormat::CookieEditorJson;
    QTest::addRow("playwright storage state") << QByteArray("{\"cookies\": [], \"origins\": []}") << QString()
                                              << CookieFormat::CookieEditorJson;
    QTest::addRow("har") << QByteArray("{\n  \"log\": {\n    \"version\": \"1.2\", \"entries\": []}}") << QString() << CookieFormat::Har;
    QTest::addRow("har by suffix") << QByteArray("garbage") << QStringLiteral("x.HAR") << CookieFormat::Har;
    QTest::addRow("serve log") << QByteArray("{\"id\":1,\"startedAt\":\"2026-01-01T00:00:00.000Z\"}\n{\"id\":2,\"startedAt\":\"x\"}\n")
                               << QString() << CookieFormat::ExchangeLog;
    QTest::addRow("session") << QByteArray("{\"format\":\"cookielab-session\",\"version\":1}") << QString() << CookieFormat::Session;
    QTest::addRow("cookie header") << QByteArray("Cookie: a=b; c=d\n") << QString() << CookieFormat::CookieHeader;
    QTest::addRow("bare pairs") << QByteArray("a=b; c=d") << QString() << CookieFormat::CookieHeader;
    QTest::addRow("set-cookie prefixed") << QByteArray("Set-Cookie: a=b; Path=/\n") << QString() << CookieFormat::SetCookieLines;
    QTest::addRow("one line with attributes") << QByteArray("a=b; HttpOnly; SameSite=Lax") << QString() << CookieFormat::SetCookieLines;
    QTest::addRow("curl -I dump") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: a=b\r\n") << QString()
                                  << CookieFormat::SetCookieLines;
    QTest::addRow("empty") << QByteArray(" \n ") << QString() << CookieFormat::Unknown;
}

void TestCookieFormats::detect()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, fileName);
    QFETCH(CookieFormat, expected);
    QCOMPARE(CookieFormats::detect(data, fileName), expected);
}

void TestCookieFormats::netscapeReadsCurlAndWgetFiles()
{
    // As curl -c writes it (lib/cookie.c: "#HttpOnly_" prefix, leading dot and TRUE for domain cookies, 0 for session).
    const QByteArray text = "# Netscape HTTP Cookie File\n"
                            "# https://curl.se/docs/http-cookies.html\n"
                            "# This file was generated by libcurl! Edit at your own risk.\n\n"
                            "#HttpOnly_127.0.0.1\tFALSE\t/\tTRUE\t1767312000\tuser_id\t12345\n"
                            ".example.com\tTRUE\t/docs\tFALSE\t0\ttheme\tdark\r\n"
                            "example.org\tFALSE\t/\tFALSE\t1767312000\tempty\n";
    const ImportResult result = NetscapeCookieFile::read(text, Now);
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(describeAll(result.cookies),
        QByteArrayList({"empty= domain=example.org host-only path=/ samesite= expires=1767312000000",
            "theme=dark domain=example.com domain-cookie path=/docs samesite= session",
            "user_id=12345 domain=127.0.0.1 host-only path=/ secure httponly samesite= expires=1767312000000"}));
    QCOMPARE(result.cookies.constFirst().creation, Now);
}

void TestCookieFormats::netscapeWritesWhatCurlWrites()
{
    const QByteArray text = NetscapeCookieFile::write(sampleJar().mid(0, 2));
    QVERIFY(text.startsWith("# Netscape HTTP Cookie File\n"));
    QVERIFY(text.contains("\n#HttpOnly_127.0.0.1\tFALSE\t/\tTRUE\t1767312000\tuser_id\t12345\n"));
    QVERIFY(text.contains("\n.example.com\tTRUE\t/\tFALSE\t0\ttheme\tdark\n"));
    QList<ImportIssue> skipped;
    NetscapeCookieFile::write({cookie("a", "tab\there", "x.example", true, "/", false, false, SameSite::Lax, 0)}, &skipped);
    QCOMPARE(skipped.size(), 1);
}

void TestCookieFormats::cookieEditorReadsChromeExport()
{
    // The shape Cookie-Editor exports from Chrome (chrome.cookies.Cookie objects).
    const QByteArray json = R"([
    {
        "domain": ".github.com",
        "expirationDate": 1798761600.5,
        "hostOnly": false,
        "httpOnly": false,
        "name": "_octo",
        "path": "/",
        "sameSite": "lax",
        "secure": true,
        "session": false,
        "storeId": "0",
        "value": "GH1.1.123"
    },
    {
        "domain": "github.com",
        "hostOnly": true,
        "httpOnly": true,
        "name": "_gh_sess",
        "path": "/",
        "sameSite": "strict",
        "secure": true,
        "session": true,
        "storeId": "0",
        "value": "abc%3D%3D"
    },
    {
        "domain": "embed.example",
        "hostOnly": true,
        "httpOnly": false,
        "name": "chips",
        "path": "/",
        "sameSite": "no_restriction",
        "secure": true,
        "session": true,
        "value": "1",
        "partitionKey": {"topLevelSite": "https://news.example", "hasCrossSiteAncestor": false}
    },
    {"domain": "legacy.example", "name": "old", "value": "1", "sameSite": null}
])";
    const ImportResult result = CookieEditorJson::read(json, Now);
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(describeAll(result.cookies),
        QByteArrayList({"_gh_sess=abc%3D%3D domain=github.com host-only path=/ secure httponly samesite=Strict session",
            "_octo=GH1.1.123 domain=github.com domain-cookie path=/ secure samesite=Lax expires=1798761600500",
            "chips=1 domain=embed.example host-only path=/ secure samesite=None session partitioned=https://news.example",
            "old=1 domain=legacy.example host-only path=/ samesite= session"}));
}

void TestCookieFormats::cookieJsonReadsDevToolsProtocolAndPlaywright()
{
    // Network.getCookies as Chrome's DevTools protocol answers it (expires in seconds, -1 for a
    // session cookie, sameSite capitalised, extra fields such as size and priority).
    const QByteArray cdp = R"({"cookies": [
    {"name": "NID", "value": "511=x", "domain": ".google.com", "path": "/", "expires": 1798761600.25, "size": 8,
     "httpOnly": true, "secure": true, "session": false, "sameSite": "None", "priority": "Medium", "sameParty": false,
     "sourceScheme": "Secure", "sourcePort": 443},
    {"name": "pref", "value": "1", "domain": "www.example.com", "path": "/docs", "expires": -1, "size": 5,
     "httpOnly": false, "secure": false, "session": true, "priority": "Medium", "sourceScheme": "NonSecure", "sourcePort": 80},
    {"name": "chips", "value": "1", "domain": "embed.example", "path": "/", "expires": -1, "httpOnly": false, "secure": true,
     "session": true, "sameSite": "None", "partitionKey": "https://news.example"}
]})";
    QCOMPARE(CookieFormats::detect(cdp, QString()), CookieFormat::CookieEditorJson);
    const ImportResult fromCdp = CookieImporter::read(cdp, CookieFormat::CookieEditorJson, {});
    QVERIFY2(fromCdp.issues.isEmpty(), qPrintable(fromCdp.issues.value(0).toString()));
    QCOMPARE(describeAll(fromCdp.cookies),
        QByteArrayList({"NID=511=x domain=google.com domain-cookie path=/ secure httponly samesite=None expires=1798761600250",
            "chips=1 domain=embed.example host-only path=/ secure samesite=None session partitioned=https://news.example",
            "pref=1 domain=www.example.com host-only path=/docs samesite= session"}));

    // Playwright's context.storageState(): no "session" field, so expires -1 alone makes a session cookie.
    const QByteArray playwright = R"({"cookies": [
    {"name": "sid", "value": "abc", "domain": "app.example", "path": "/", "expires": -1, "httpOnly": true, "secure": true, "sameSite": "Strict"},
    {"name": "theme", "value": "dark", "domain": ".example", "path": "/", "expires": 1798761600, "httpOnly": false, "secure": false, "sameSite": "Lax"}
], "origins": [{"origin": "https://app.example", "localStorage": [{"name": "k", "value": "v"}]}]})";
    const ImportResult fromPlaywright = CookieImporter::read(playwright, CookieFormats::detect(playwright, QString()), {});
    QVERIFY2(fromPlaywright.issues.isEmpty(), qPrintable(fromPlaywright.issues.value(0).toString()));
    QCOMPARE(describeAll(fromPlaywright.cookies),
        QByteArrayList({"sid=abc domain=app.example host-only path=/ secure httponly samesite=Strict session",
            "theme=dark domain=example domain-cookie path=/ samesite=Lax expires=1798761600000"}));

    // Errors name the path inside the wrapper.
    const ImportResult bad
        = CookieImporter::read(R"({"cookies": [{"name": "a", "value": "1", "domain": "x.example", "expires": "never", "session": false}]})",
            CookieFormat::CookieEditorJson, {});
    QCOMPARE(bad.issues.size(), 1);
    QCOMPARE(bad.issues.constFirst().where, QStringLiteral("cookies[0].expires"));
}

void TestCookieFormats::cookieHeaderAndSetCookieLines()
{
    const QUrl url(QStringLiteral("http://127.0.0.1:8000/protected"));
    ImportResult header = CookieHeaderText::read("Cookie: auth_token=abc; theme=dark", url, Now);
    QVERIFY(header.issues.isEmpty());
    QCOMPARE(describeAll(header.cookies),
        QByteArrayList({"auth_token=abc domain=127.0.0.1 host-only path=/ samesite= session",
            "theme=dark domain=127.0.0.1 host-only path=/ samesite= session"}));

    // Stored as a browser at url would store them: the Domain line for another site is refused and named.
    const ImportResult lines = SetCookieText::read("Set-Cookie: user_id=12345; Max-Age=3600; HttpOnly\n"
                                                   "Set-Cookie: evil=1; Domain=example.com\n"
                                                   "theme=dark; Path=/docs/; SameSite=Strict\n",
        url, Now);
    QCOMPARE(lines.issues.size(), 1);
    QCOMPARE(lines.issues.constFirst().where, QStringLiteral("line 2"));
    QVERIFY2(lines.issues.constFirst().reason.contains(QLatin1String("evil")), qPrintable(lines.issues.constFirst().reason));
    QCOMPARE(describeAll(lines.cookies),
        QByteArrayList({"theme=dark domain=127.0.0.1 host-only path=/docs/ samesite=Strict session",
            "user_id=12345 domain=127.0.0.1 host-only path=/ httponly samesite= expires=" + QByteArray::number(Now + 3'600'000)}));
}

void TestCookieFormats::malformed_data()
{
    QTest::addColumn<CookieFormat>("format");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("where");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<int>("validCookies");
    const QByteArray good = "example.com\tFALSE\t/\tFALSE\t0\tok\t1\n";
    QTest::addRow("netscape: five fields") << CookieFormat::Netscape << good + "example.com\tFALSE\t/\tFALSE\t0\n"
                                           << QByteArray("line 2") << QByteArray("expected 7 TAB-separated fields") << 1;
    QTest::addRow("netscape: spaces for tabs") << CookieFormat::Netscape << QByteArray("example.com FALSE / FALSE 0 a b\n") + good
                                               << QByteArray("line 1") << QByteArray("found 1") << 1;
    QTest::addRow("netscape: flag") << CookieFormat::Netscape << good + "example.com\tyes\t/\tFALSE\t0\ta\tb\n"
                                    << QByteArray("line 2") << QByteArray("field 2 must be TRUE or FALSE, not \"yes\"") << 1;
    QTest::addRow("netscape: expiry") << CookieFormat::Netscape << good + "example.com\tFALSE\t/\tFALSE\ttomorrow\ta\tb\n"
                                      << QByteArray("line 2") << QByteArray("the expiry \"tomorrow\" is not a number") << 1;
    QTest::addRow("netscape: relative path") << CookieFormat::Netscape << good + "example.com\tFALSE\tdocs\tFALSE\t0\ta\tb\n"
                                             << QByteArray("line 2") << QByteArray("the path \"docs\" does not start with '/'") << 1;
    QTest::addRow("netscape: CR inside value") << CookieFormat::Netscape << good + "example.com\tFALSE\t/\tFALSE\t0\ta\tb\rc\n"
                                               << QByteArray("line 2") << QByteArray("the value contains a control character") << 1;
    // Found by fuzz_cookiefiles: "..x" lost its first dot on each trip through the file.
    QTest::addRow("netscape: two leading dots") << CookieFormat::Netscape << good + "..0.0.1\tFALSE\t/\tFALSE\t0\ta\tb\n"
                                                << QByteArray("line 2") << QByteArray("the domain \".0.0.1\" is not a host name") << 1;
    QTest::addRow("json: not json") << CookieFormat::CookieEditorJson << QByteArray("[{\"name\": }]") << QByteArray("byte 11")
                                    << QByteArray("not valid JSON") << 0;
    QTest::addRow("json: object") << CookieFormat::CookieEditorJson << QByteArray("{\"name\": \"a\"}") << QByteArray("$")
                                  << QByteArray("expected an array of cookie objects") << 0;
    const QByteArray valid = R"({"name": "ok", "value": "1", "domain": "example.com"})";
    QTest::addRow("json: missing domain") << CookieFormat::CookieEditorJson << QByteArray("[") + valid + R"(, {"name": "a", "value": "b"}])"
                                          << QByteArray("[1].domain") << QByteArray("missing or not a string") << 1;
    QTest::addRow("json: secure as string") << CookieFormat::CookieEditorJson
                                            << QByteArray("[") + valid
            + R"(, {"name": "a", "value": "b", "domain": "x.example", "secure": "yes"}])"
                                            << QByteArray("[1].secure") << QByteArray("expected true or false") << 1;
    QTest::addRow("json: samesite") << CookieFormat::CookieEditorJson
                                    << QByteArray("[") + valid
            + R"(, {"name": "a", "value": "b", "domain": "x.example", "sameSite": "sometimes"}])"
                                    << QByteArray("[1].sameSite") << QByteArray("expected \"no_restriction\"") << 1;
    QTest::addRow("json: no expiry") << CookieFormat::CookieEditorJson
                                     << QByteArray("[") + valid
            + R"(, {"name": "a", "value": "b", "domain": "x.example", "session": false}])"
                                     << QByteArray("[1].expirationDate") << QByteArray("needs a number of seconds") << 1;
    QTest::addRow("header: nothing") << CookieFormat::CookieHeader << QByteArray("Cookie: ;;") << QByteArray("")
                                     << QByteArray("no name=value pairs found") << 0;
    QTest::addRow("set-cookie: NUL") << CookieFormat::SetCookieLines << QByteArray("a=1\nb=\0", 7) << QByteArray("")
                                     << QByteArray("line 2: contains NUL bytes") << 0;
}

void TestCookieFormats::malformed()
{
    QFETCH(CookieFormat, format);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, where);
    QFETCH(QByteArray, reason);
    QFETCH(int, validCookies);
    CookieImporter::Options options;
    options.now = Now;
    const ImportResult result = CookieImporter::read(data, format, options);
    QVERIFY(!result.isClean());
    QCOMPARE(result.issues.constFirst().where.toUtf8(), where);
    QVERIFY2(result.issues.constFirst().reason.toUtf8().contains(reason), qPrintable(result.issues.constFirst().reason));
    QCOMPARE(result.cookies.size(), validCookies); // what "keep the valid part" would keep
}

void TestCookieFormats::roundTrip_data()
{
    QTest::addColumn<CookieFormat>("format");
    QTest::addRow("netscape") << CookieFormat::Netscape;
    QTest::addRow("cookie-editor json") << CookieFormat::CookieEditorJson;
    QTest::addRow("cookie header") << CookieFormat::CookieHeader;
    QTest::addRow("set-cookie lines") << CookieFormat::SetCookieLines;
}

void TestCookieFormats::roundTrip()
{
    QFETCH(CookieFormat, format);
    QVERIFY(!CookieFormats::lostFields(format).isEmpty() || format == CookieFormat::Session);
    QList<StoredCookie> jar = sampleJar();
    if (format == CookieFormat::SetCookieLines || format == CookieFormat::CookieHeader) {
        // These formats do not say which site a cookie belongs to: one site's cookies go through.
        jar = {cookie("user_id", "12345", "127.0.0.1", true, "/", true, true, SameSite::Lax, InOneDay),
            cookie("theme", "dark", "127.0.0.1", true, "/docs", false, false, SameSite::Strict, 0),
            cookie("__Host-id", "1", "127.0.0.1", true, "/", true, true, SameSite::None, InOneDay)};
    }
    const QUrl url(QStringLiteral("http://127.0.0.1/"));
    CookieImporter::Options options;
    options.url = url;
    options.now = Now;
    const QByteArray written = CookieExporter::writeCookies(format, jar);
    const ImportResult first = CookieImporter::read(written, CookieFormat::Unknown, options);
    QVERIFY2(first.issues.isEmpty(), qPrintable(first.issues.value(0).toString() + QStringLiteral("\n") + QString::fromUtf8(written)));
    QList<StoredCookie> expected;
    for (const StoredCookie &c : std::as_const(jar))
        expected.append(keptBy(format, c, url));
    QCOMPARE(describeAll(first.cookies), describeAll(expected));
    // A second trip changes nothing more.
    const ImportResult second = CookieImporter::read(CookieExporter::writeCookies(format, first.cookies), format, options);
    QCOMPARE(describeAll(second.cookies), describeAll(first.cookies));
}

void TestCookieFormats::harRoundTripKeepsExchangesAndFillsCookies()
{
    HttpExchange login = exchange("http://127.0.0.1:8000/login", {{"Host", "127.0.0.1:8000"}, {"Content-Type", "application/json"}},
        {{"Content-Type", "application/json"}, {"Set-Cookie", "auth_token=abc; Max-Age=86400; Path=/; HttpOnly; Secure; SameSite=Strict"}},
        Now);
    HttpExchange::setBody(login.requestBody, login.requestBodySize, R"({"username":"alice","password":"wonderland"})");
    login.method = "POST";
    const HttpExchange protectedPage = exchange("http://127.0.0.1:8000/protected?x=1",
        {{"Host", "127.0.0.1:8000"}, {"Cookie", "auth_token=abc; theme=dark"}}, {{"Content-Type", "application/json"}}, Now + 10);
    const QByteArray har
        = HarFile::write({std::make_shared<HttpExchange>(login), std::make_shared<HttpExchange>(protectedPage)}, QStringLiteral("1.0"));

    const QJsonObject log = QJsonDocument::fromJson(har).object().value(QLatin1String("log")).toObject();
    QCOMPARE(log.value(QLatin1String("version")).toString(), QStringLiteral("1.2"));
    const QJsonArray entries = log.value(QLatin1String("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    const QJsonObject setCookie = entries.at(0)[QLatin1String("response")][QLatin1String("cookies")].toArray().at(0).toObject();
    QCOMPARE(setCookie.value(QLatin1String("name")).toString(), QStringLiteral("auth_token"));
    QCOMPARE(setCookie.value(QLatin1String("path")).toString(), QStringLiteral("/"));
    QCOMPARE(setCookie.value(QLatin1String("httpOnly")).toBool(), true);
    QCOMPARE(setCookie.value(QLatin1String("secure")).toBool(), true);
    QCOMPARE(setCookie.value(QLatin1String("sameSite")).toString(), QStringLiteral("Strict"));
    QCOMPARE(setCookie.value(QLatin1String("expires")).toString(), QStringLiteral("2026-01-02T00:00:00.000Z"));
    const QJsonArray sent = entries.at(1)[QLatin1String("request")][QLatin1String("cookies")].toArray();
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(1)[QLatin1String("value")].toString(), QStringLiteral("dark"));
    QCOMPARE(entries.at(1)[QLatin1String("request")][QLatin1String("queryString")].toArray().at(0)[QLatin1String("name")].toString(),
        QStringLiteral("x"));
    QCOMPARE(entries.at(0)[QLatin1String("request")][QLatin1String("postData")][QLatin1String("mimeType")].toString(),
        QStringLiteral("application/json"));

    const ImportResult back = HarFile::read(har);
    QVERIFY(back.isClean());
    QCOMPARE(back.exchanges.size(), 2);
    const HttpExchange &again = back.exchanges.constFirst();
    QCOMPARE(again.method, login.method);
    QCOMPARE(again.url.toEncoded(), login.url.toEncoded());
    QCOMPARE(again.requestHeaders, login.requestHeaders);
    QCOMPARE(again.responseHeaders, login.responseHeaders);
    QCOMPARE(again.requestBody, login.requestBody);
    QCOMPARE(again.startedAt, login.startedAt);
    QCOMPARE(again.durationUsecs, login.durationUsecs);
    QCOMPARE(again.clientAddress, login.clientAddress);
    QCOMPARE(back.exchanges.at(1).url.toEncoded(), protectedPage.url.toEncoded());
}

void TestCookieFormats::harFromChromium()
{
    // Recorded from Debian's Chromium (headless, driven by playwright-core) against `cookielab serve`:
    // tests/data/make-chromium-har.mjs.
    const ImportResult result = CookieImporter::read(fixture("chromium-session.har"), CookieFormat::Har, {});
    QVERIFY2(result.isClean(), qPrintable(result.issues.value(0).toString()));
    QVERIFY(result.exchanges.size() >= 5);
    QStringList paths;
    int setCookies = 0;
    for (const HttpExchange &e : result.exchanges) {
        paths.append(e.url.path());
        setCookies += int(e.setCookieCount());
    }
    for (const char *path : {"/set-cookie", "/multi-cookie", "/login", "/protected", "/logout"})
        QVERIFY2(paths.contains(QLatin1String(path)), qPrintable(paths.join(QLatin1Char(' '))));
    QVERIFY(setCookies >= 5);
    // The browser sent the login cookie back: the jar replay agrees with what Chromium did.
    const auto protectedPage = std::find_if(result.exchanges.begin(), result.exchanges.end(),
        [](const HttpExchange &e) { return e.url.path() == QLatin1String("/protected"); });
    QVERIFY(protectedPage->requestCookieHeaders().value(0).contains("auth_token="));
    QCOMPARE(protectedPage->status, 200);
    const auto names = describeAll(result.cookies).join('\n');
    QVERIFY2(names.contains("user_id=12345"), names.constData());
    QVERIFY2(!names.contains("auth_token="), names.constData()); // logout deleted it
    QVERIFY(result.notices.isEmpty());
}

void TestCookieFormats::harExportedSanitizedIsExplained()
{
    // What Chrome DevTools' default "Export HAR (sanitized)" writes: Cookie and Set-Cookie headers
    // left out and the cookies arrays empty. Nothing is wrong with the file, but there is nothing to see.
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[
{"_initiator":{"type":"other"},"_priority":"VeryHigh","_resourceType":"document","cache":{},"connection":"443",
 "request":{"method":"GET","url":"https://example.com/account","httpVersion":"http/2.0",
  "headers":[{"name":":authority","value":"example.com"},{"name":"accept","value":"text/html"}],"queryString":[],"cookies":[],
  "headersSize":-1,"bodySize":0},
 "response":{"status":200,"statusText":"","httpVersion":"http/2.0","headers":[{"name":"content-type","value":"text/html"}],
  "cookies":[],"content":{"size":10,"mimeType":"text/html"},"redirectURL":"","headersSize":-1,"bodySize":-1,"_transferSize":100,
  "_error":null},
 "serverIPAddress":"192.0.2.1","startedDateTime":"2026-12-01T10:00:00.000Z","time":12.5,
 "timings":{"blocked":1,"dns":-1,"ssl":-1,"connect":-1,"send":0,"wait":10,"receive":1.5,"_blocked_queueing":0.5}}]}})";
    const ImportResult result = CookieImporter::read(har, CookieFormat::Har, {});
    QVERIFY(result.isClean());
    QCOMPARE(result.exchanges.size(), 1);
    QCOMPARE(result.notices, QStringList{HarFile::SanitizedNotice});
    QVERIFY(HarFile::SanitizedNotice.contains(QLatin1String("with sensitive data")));
    // One cookie anywhere (here a request Cookie header) and the file is taken as complete.
    QByteArray withCookie = har;
    withCookie.replace(R"({"name":"accept","value":"text/html"})", R"({"name":"cookie","value":"sid=1"})");
    QVERIFY(CookieImporter::read(withCookie, CookieFormat::Har, {}).notices.isEmpty());
}

void TestCookieFormats::harFirefoxShape()
{
    // Firefox joins a response's Set-Cookie lines into one header value separated by newlines.
    const QByteArray har
        = R"({"log":{"version":"1.2","creator":{"name":"Firefox","version":"128.0"},"browser":{"name":"Firefox","version":"128.0"},
"pages":[{"startedDateTime":"2026-01-01T00:00:00.000+01:00","id":"page_1","title":"t","pageTimings":{"onContentLoad":-1,"onLoad":-1}}],
"entries":[{"pageref":"page_1","startedDateTime":"2026-01-01T01:00:00.000+01:00","request":{"bodySize":0,"method":"GET",
"url":"http://127.0.0.1:8000/multi-cookie","httpVersion":"HTTP/1.1","headers":[{"name":"Host","value":"127.0.0.1:8000"}],"cookies":[],
"queryString":[],"headersSize":300},"response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[
{"name":"content-type","value":"application/json"},{"name":"set-cookie","value":"user=john; Max-Age=3600; Path=/; SameSite=lax\ntheme=dark; Max-Age=86400; Path=/; SameSite=lax"}],
"cookies":[{"name":"user","value":"john"},{"name":"theme","value":"dark"}],"content":{"mimeType":"application/json","size":2,"text":"{}"},
"redirectURL":"","headersSize":200,"bodySize":2},"cache":{},"timings":{"blocked":0,"dns":0,"connect":0,"ssl":0,"send":0,"wait":1,"receive":0},"time":1}]}})";
    const ImportResult result = CookieImporter::read(har, CookieFormat::Unknown, {});
    QVERIFY2(result.isClean(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.exchanges.size(), 1);
    QCOMPARE(HttpExchange::values(result.exchanges.constFirst().responseHeaders, "set-cookie"),
        QList<QByteArray>({"user=john; Max-Age=3600; Path=/; SameSite=lax", "theme=dark; Max-Age=86400; Path=/; SameSite=lax"}));
    QCOMPARE(result.exchanges.constFirst().startedAt, Now);
    QCOMPARE(describeAll(result.cookies),
        QByteArrayList({"theme=dark domain=127.0.0.1 host-only path=/ samesite=Lax expires=" + QByteArray::number(Now + 86'400'000),
            "user=john domain=127.0.0.1 host-only path=/ samesite=Lax expires=" + QByteArray::number(Now + 3'600'000)}));
}

void TestCookieFormats::harErrorsNamePathAndKeepValidEntries()
{
    const QByteArray entry
        = R"({"startedDateTime":"2026-01-01T00:00:00Z","time":1,"request":{"method":"GET","url":"http://a.example/","headers":[]},
"response":{"status":200,"headers":[{"name":"Set-Cookie","value":"a=1"}]}})";
    const QByteArray noUrl
        = R"({"startedDateTime":"2026-01-01T00:00:00Z","request":{"method":"GET","headers":[]},"response":{"status":200}})";
    ImportResult result = HarFile::read(QByteArray(R"({"log":{"version":"1.2","entries":[)" + entry + "," + noUrl + "," + entry + "]}}"));
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.constFirst().toString(), QStringLiteral("log.entries[1].request.url: missing or not an absolute URL"));
    QCOMPARE(result.exchanges.size(), 2);

    result = HarFile::read(QByteArray(R"({"log":{"version":"1.2","entries":[)" + entry + ",\n" + entry.left(60)));
    QCOMPARE(result.issues.size(), 1);
    QVERIFY2(result.issues.constFirst().reason.contains(QLatin1String("truncated")), qPrintable(result.issues.constFirst().toString()));
    QCOMPARE(result.issues.constFirst().where.left(7), QStringLiteral("line 3 ")); // the entry text spans two lines
    QCOMPARE(result.exchanges.size(), 1);

    result = HarFile::read(R"({"log":{"version":"1.2","pages":[}],"entries":[]}})");
    QCOMPARE(result.issues.size(), 1);
    QVERIFY2(result.issues.constFirst().reason.contains(QLatin1String("log.pages")), qPrintable(result.issues.constFirst().toString()));

    result = HarFile::read(R"({"entries":[]})");
    QCOMPARE(result.issues.constFirst().toString(), QStringLiteral("log.entries: missing or not an array (is this a HAR file?)"));

    result = HarFile::read(R"({"log":{"entries":[{"request": nope}]}})");
    QCOMPARE(result.issues.constFirst().where, QStringLiteral("log.entries[0]"));
    QVERIFY(result.issues.constFirst().reason.startsWith(QLatin1String("not a valid JSON object (line 1)")));
}

void TestCookieFormats::harImportCanBeCancelled()
{
    QList<HttpExchangePtr> many;
    const auto one
        = std::make_shared<HttpExchange>(exchange("http://a.example/", {}, {{"Set-Cookie", QByteArray("a=").append(4000, 'x')}}, Now));
    for (int i = 0; i < 1000; ++i)
        many.append(one);
    const QByteArray har = HarFile::write(many, QStringLiteral("1"));
    int calls = 0;
    const ImportResult result = HarFile::read(har, [&calls](qint64 done, qint64 total) {
        [&] { QVERIFY(done > 0 && done <= total); }();
        return ++calls < 2;
    });
    QVERIFY(result.cancelled);
    QVERIFY(!result.isClean());
    QCOMPARE(calls, 2);
    QVERIFY(result.exchanges.size() < 1000);
}

void TestCookieFormats::exchangeLogReadsServeLogIncludingUnfinishedLastLine()
{
    const auto a = std::make_shared<HttpExchange>(exchange("http://127.0.0.1:8000/set-cookie", {}, {{"Set-Cookie", "user_id=12345"}}, Now));
    const auto b = std::make_shared<HttpExchange>(exchange("http://127.0.0.1:8000/", {}, {}, Now + 1));
    QByteArray text = ExchangeLogFile::write({a, b});
    QCOMPARE(text.count('\n'), 2);
    ImportResult result = ExchangeLogFile::read(text.chopped(1)); // killed before the last newline
    QVERIFY(result.isClean());
    QCOMPARE(result.exchanges.size(), 2);
    QCOMPARE(result.exchanges.at(1).url.path(), QStringLiteral("/"));

    result = ExchangeLogFile::read(QByteArray(text + "{\"startedAt\": \"2026-01-01T00:00:00Z\", \"meth")); // killed mid-line
    QCOMPARE(result.exchanges.size(), 2);
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.constFirst().where, QStringLiteral("line 3"));

    result = ExchangeLogFile::read(QByteArray(text + "{\"startedAt\": \"2026-01-01T00:00:00Z\"}\n"));
    QCOMPARE(result.issues.constFirst().toString(), QStringLiteral("line 3: field \"method\" is missing or has the wrong type"));
}

void TestCookieFormats::trafficImportReplaysTheJarInOrder()
{
    // set → replace → delete, each at its own time: the jar keeps only what is still alive afterwards.
    const QList<HttpExchangePtr> exchanges{
        std::make_shared<HttpExchange>(
            exchange("https://shop.example/", {}, {{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=1; Max-Age=60"}}, Now)),
        std::make_shared<HttpExchange>(exchange("https://shop.example/", {}, {{"Set-Cookie", "a=2; Secure"}}, Now + 1000)),
        std::make_shared<HttpExchange>(exchange("https://shop.example/", {}, {{"Set-Cookie", "b=; Max-Age=0"}}, Now + 2000)),
    };
    CookieImporter::Options options;
    options.now = Now;
    const ImportResult result = CookieImporter::read(ExchangeLogFile::write(exchanges), CookieFormat::Unknown, options);
    QVERIFY(result.isClean());
    QCOMPARE(describeAll(result.cookies), QByteArrayList({"a=2 domain=shop.example host-only path=/ secure samesite= session"}));
}

void TestCookieFormats::sessionRoundTrip()
{
    WorkshopSession session;
    session.savedAt = Now;
    auto e = exchange("http://127.0.0.1:8000/login", {{"Host", "127.0.0.1:8000"}}, {{"Set-Cookie", "auth_token=\xff\xfe"}}, Now);
    e.source = HttpExchange::Source::Client;
    session.exchanges = {std::make_shared<HttpExchange>(e)};
    session.jar = sampleJar();
    session.jar[0].sourceHeader = "user_id=12345; Max-Age=86400; Secure; HttpOnly";
    session.jar[1].value = "\xff"; // not UTF-8: must survive
    RouteCookie edited = RouteCookiePolicy::documentedDefaults().constFirst();
    edited.options.httpOnly = !edited.options.httpOnly;
    edited.options.sameSite = "none";
    edited.options.secure = true;
    session.routeCookies = {edited};
    session.vulnerabilities = QJsonObject{{QStringLiteral("predictable-tokens"), true}};
    session.lessonProgress = QJsonObject{{QStringLiteral("deleting"), QJsonArray{true, false}}};

    WorkshopSession back;
    QString error;
    QVERIFY2(SessionFile::read(SessionFile::write(session), back, &error), qPrintable(error));
    QCOMPARE(back.savedAt, Now);
    QCOMPARE(back.jar, session.jar);
    QCOMPARE(back.routeCookies, session.routeCookies);
    QCOMPARE(back.vulnerabilities, session.vulnerabilities);
    QCOMPARE(back.lessonProgress, session.lessonProgress);
    QCOMPARE(back.exchanges.size(), 1);
    QCOMPARE(back.exchanges.constFirst()->responseHeaders, e.responseHeaders);
    QCOMPARE(back.exchanges.constFirst()->source, HttpExchange::Source::Client);
}

void TestCookieFormats::sessionErrorsNameThePath_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("error");
    QTest::addRow("truncated") << QByteArray("{\"format\":\"cookielab-session\",\n\"version\":1,") << QByteArray("line 2: not valid JSON");
    QTest::addRow("other json") << QByteArray("{\"log\":{}}") << QByteArray("format: not a CookieLab session file");
    QTest::addRow("future version") << QByteArray(R"({"format":"cookielab-session","version":7})")
                                    << QByteArray("version: 7 is not a session version");
    QTest::addRow("jar domain") << QByteArray(R"({"format":"cookielab-session","version":1,"jar":[{"name":"a","value":"b","path":"/"}]})")
                                << QByteArray("jar[0].domain");
    QTest::addRow("exchange") << QByteArray(R"({"format":"cookielab-session","version":1,"exchanges":[{"method":"GET"}]})")
                              << QByteArray("exchanges[0]: field \"startedAt\"");
    QTest::addRow("route cookie") << QByteArray(R"({"format":"cookielab-session","version":1,"routeCookies":[{"id":"/nowhere x"}]})")
                                  << QByteArray("routeCookies[0].id: no route cookie is called \"/nowhere x\"");
}

void TestCookieFormats::sessionErrorsNameThePath()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, error);
    WorkshopSession session;
    session.savedAt = 42;
    QString message;
    QVERIFY(!SessionFile::read(data, session, &message));
    QVERIFY2(message.toUtf8().startsWith(error), qPrintable(message));
    QCOMPARE(session.savedAt, 42); // untouched
}

void TestCookieFormats::sessionSaveIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("workshop.cookielab"));
    WorkshopSession session;
    session.jar = sampleJar();
    QString error;
    QVERIFY2(SessionFile::save(path, session, &error), qPrintable(error));
    session.jar.removeLast();
    QVERIFY(SessionFile::save(path, session, &error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("workshop.cookielab")}); // no temporary left behind
    WorkshopSession loaded;
    QVERIFY(SessionFile::load(path, loaded, &error));
    QCOMPARE(loaded.jar.size(), sampleJar().size() - 1);
    QVERIFY(!SessionFile::save(dir.filePath(QStringLiteral("missing/dir/x.cookielab")), session, &error));
    QVERIFY2(error.contains(QLatin1String("missing/dir/x.cookielab")), qPrintable(error));
}

void TestCookieFormats::redactionKeepsEqualityNamesAndAttributes()
{
    const ValueRedactor redactor(QByteArrayLiteral("salt"));
    QCOMPARE(redactor.redact("abc"), redactor.redact("abc"));
    QVERIFY(redactor.redact("abc") != redactor.redact("abd"));
    QVERIFY(redactor.redact("abc") != ValueRedactor(QByteArrayLiteral("pepper")).redact("abc"));
    QVERIFY(redactor.redact("abc").startsWith("redacted-"));
    QCOMPARE(redactor.redact(""), QByteArray());

    HttpExchange login = exchange("http://127.0.0.1:8000/login", {{"Cookie", "auth_token=abc; theme=dark"}},
        {{"Set-Cookie", "auth_token=abc; Max-Age=86400; HttpOnly; Secure; SameSite=Strict"}}, Now);
    login.requestBody = R"({"username":"alice","password":"wonderland"})";
    const HttpExchange redacted = redactor.redact(login);
    const QByteArray token = redactor.redact("abc");
    QCOMPARE(redacted.requestHeaders.constFirst().second, "auth_token=" + token + "; theme=" + redactor.redact("dark"));
    QCOMPARE(redacted.responseHeaders.constFirst().second, "auth_token=" + token + "; Max-Age=86400; HttpOnly; Secure; SameSite=Strict");
    QVERIFY(!redacted.requestBody.contains("wonderland"));
    QVERIFY(redacted.requestBody.contains("alice"));

    const StoredCookie c = redactor.redact(sampleJar().constFirst());
    StoredCookie expected = sampleJar().constFirst();
    expected.value = redactor.redact("12345");
    QCOMPARE(c, expected);
}

void TestCookieFormats::csvQuotesAndDefusesFormulas()
{
    QList<StoredCookie> jar{cookie("sid", "a,b\"c", "example.com", true, "/", true, false, SameSite::Lax, InOneDay),
        cookie("calc", "=1+1", "example.com", false, "/", false, true, SameSite::Unspecified, 0)};
    const QList<QByteArray> rows = CookieExporter::csv(jar).split('\n');
    QCOMPARE(
        rows.at(0), "name,value,domain,host_only,path,expires,secure,http_only,same_site,partitioned,partition_key,created,last_access\r");
    QCOMPARE(rows.at(1),
        "sid,\"a,b\"\"c\",example.com,true,/"
        ",2026-01-02T00:00:00.000Z,true,false,Lax,false,,2026-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z\r");
    QVERIFY2(rows.at(2).startsWith("calc,'=1+1,example.com,false,/,session,false,true,,"), rows.at(2).constData());
}

void TestCookieFormats::curlCommandsPerHost()
{
    const QByteArray text = CookieExporter::curlCommands(
        sampleJar().mid(0, 2) + QList<StoredCookie>{cookie("lang", "it's", "127.0.0.1", true, "/", false, false, SameSite::Lax, 0)});
    QVERIFY2(text.contains("curl 'https://127.0.0.1/' -b 'user_id=12345; lang=it'\\''s'\n"), text.constData());
    QVERIFY2(text.contains("curl 'http://example.com/' -b 'theme=dark'\n"), text.constData());
}

QTEST_GUILESS_MAIN(TestCookieFormats)
#include "tst_cookieformats.moc"
