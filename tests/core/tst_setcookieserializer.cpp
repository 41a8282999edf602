// SPDX-License-Identifier: MIT
#include "core/cookiedate.h"
#include "core/httpsyntax.h"
#include "core/responsecookies.h"
#include "core/setcookieparser.h"
#include "core/setcookieserializer.h"

#include <QTest>

using namespace CookieLab;

namespace
{

const qint64 Now = QDateTime::fromString(QStringLiteral("2026-12-03T12:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();

CookieOptions options(const QByteArray &key, const QByteArray &value)
{
    CookieOptions o;
    o.key = key;
    o.value = value;
    return o;
}

} // namespace

class TestSetCookieSerializer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonical_data();
    void canonical();
    void refused_data();
    void refused();
    void documentedResponseApi();
    void deletionOfPrefixedCookie();
    void permanentCookie();
    void setCookiesCollectsErrors();
    void roundTrip_data();
    void roundTrip();
    void noLineBreakEverReachesAHeader();
};

void TestSetCookieSerializer::canonical_data()
{
    QTest::addColumn<CookieOptions>("options");
    QTest::addColumn<QByteArray>("header");

    CookieOptions documented = options("user_id", "12345");
    documented.maxAge = 3600;
    documented.httpOnly = true;
    documented.secure = true;
    QTest::addRow("documented /set-cookie") << documented
                                            << QByteArray("user_id=12345; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax");

    QTest::addRow("defaults") << options("a", "b") << QByteArray("a=b; Path=/; SameSite=Lax");
    QTest::addRow("empty value") << options("a", "") << QByteArray("a=; Path=/; SameSite=Lax");
    QTest::addRow("quoted value") << options("a", "\"b\"") << QByteArray("a=\"b\"; Path=/; SameSite=Lax");

    CookieOptions all = options("a", "b");
    all.maxAge = 10;
    all.expires = QDateTime::fromString(QStringLiteral("2015-10-21T07:28:00Z"), Qt::ISODate);
    all.domain = "example.com";
    all.path = "/p";
    all.secure = true;
    all.httpOnly = true;
    all.sameSite = "NONE";
    all.partitioned = true;
    QTest::addRow("every attribute in order") << all
                                              << QByteArray("a=b; Max-Age=10; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Domain=example.com; "
                                                            "Path=/p; Secure; HttpOnly; SameSite=None; Partitioned");

    CookieOptions strict = options("s", "1");
    strict.sameSite = "Strict";
    QTest::addRow("samesite any case") << strict << QByteArray("s=1; Path=/; SameSite=Strict");
    CookieOptions noSameSite = options("s", "1");
    noSameSite.sameSite.clear();
    noSameSite.path.clear();
    QTest::addRow("no samesite, no path") << noSameSite << QByteArray("s=1");
    CookieOptions unixExpiry = options("t", "1");
    unixExpiry.expiresAtUnix(0);
    QTest::addRow("expires from a timestamp") << unixExpiry
                                              << QByteArray("t=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax");
}

void TestSetCookieSerializer::canonical()
{
    QFETCH(CookieOptions, options);
    QFETCH(QByteArray, header);
    const auto result = SetCookieSerializer::serialize(options);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.header, header);
}

void TestSetCookieSerializer::refused_data()
{
    QTest::addColumn<CookieOptions>("options");
    QTest::addColumn<QString>("errorPart"); // what the message must mention

    QTest::addRow("empty name") << options("", "v") << QStringLiteral("name is empty");
    QTest::addRow("space in name") << options("a b", "v") << QStringLiteral("a space at byte 1");
    QTest::addRow("; in name") << options("a;b", "v") << QStringLiteral("';' at byte 1");
    QTest::addRow("= in name") << options("a=b", "v") << QStringLiteral("'=' at byte 1");
    QTest::addRow("CRLF in name") << options("a\r\nX", "v") << QStringLiteral("CR at byte 1");
    QTest::addRow("; in value") << options("a", "x;y") << QStringLiteral("';' at byte 1");
    QTest::addRow("header injection in value") << options("a", "x\r\nSet-Cookie: evil=1") << QStringLiteral("CR at byte 1");
    QTest::addRow("LF in value") << options("a", "x\ny") << QStringLiteral("LF at byte 1");
    QTest::addRow("NUL in value") << options("a", QByteArray("x\0y", 3)) << QStringLiteral("NUL at byte 1");
    QTest::addRow("space in value") << options("a", "x y") << QStringLiteral("a space at byte 1");
    QTest::addRow("comma in value") << options("a", "x,y") << QStringLiteral("',' at byte 1");
    QTest::addRow("backslash in value") << options("a", "x\\y") << QStringLiteral("'\\' at byte 1");
    QTest::addRow("quote inside value") << options("a", "x\"y") << QStringLiteral("a double quote at byte 1");
    QTest::addRow("control byte in value") << options("a", "x\x01") << QStringLiteral("control byte 0x01 at byte 1");
    QTest::addRow("non-ASCII value") << options("a", "\xc3\xa9") << QStringLiteral("non-ASCII byte 0xc3 at byte 0");

    CookieOptions sameSite = options("a", "b");
    sameSite.sameSite = "bogus";
    QTest::addRow("unknown samesite") << sameSite << QStringLiteral("\"bogus\"");
    CookieOptions domain = options("a", "b");
    domain.domain = "a;b.com";
    QTest::addRow("; in domain") << domain << QStringLiteral("Domain contains ';'");
    CookieOptions dot = options("a", "b");
    dot.domain = ".";
    QTest::addRow("Domain of a lone dot (fuzz regression)") << dot << QStringLiteral("empty label");
    CookieOptions dots = options("a", "b");
    dots.domain = "example..com";
    QTest::addRow("Domain with an empty label") << dots << QStringLiteral("empty label");
    CookieOptions trailing = options("a", "b");
    trailing.path = "/a ";
    QTest::addRow("Path with trailing space (fuzz regression)") << trailing << QStringLiteral("ends with whitespace");
    CookieOptions path = options("a", "b");
    path.path = "/a\r\nX: y";
    QTest::addRow("CRLF in path") << path << QStringLiteral("Path contains CR at byte 2");
    CookieOptions relative = options("a", "b");
    relative.path = "docs";
    QTest::addRow("relative path") << relative << QStringLiteral("must start with '/'");
    CookieOptions longPath = options("a", "b");
    longPath.path = "/" + QByteArray(1024, 'p');
    QTest::addRow("path over 1024 bytes") << longPath << QStringLiteral("1025 bytes");
    QTest::addRow("name and value over 4096") << options("a", QByteArray(4096, 'v')) << QStringLiteral("4097 bytes");
}

void TestSetCookieSerializer::refused()
{
    QFETCH(CookieOptions, options);
    QFETCH(QString, errorPart);
    const auto result = SetCookieSerializer::serialize(options);
    QVERIFY(!result.ok());
    QVERIFY(result.header.isEmpty());
    QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
}

void TestSetCookieSerializer::documentedResponseApi()
{
    ResponseCookies cookies(Now);
    CookieOptions user = options("user", "john");
    user.maxAge = 3600;
    CookieOptions theme = options("theme", "dark");
    theme.maxAge = 86400;
    cookies.setCookies({user, theme}).deleteCookie("auth_token");
    QVERIFY(cookies.ok());
    QCOMPARE(cookies.headers(),
        QList<QByteArray>({"user=john; Max-Age=3600; Path=/; SameSite=Lax", "theme=dark; Max-Age=86400; Path=/; SameSite=Lax",
            "auth_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax"}));
}

void TestSetCookieSerializer::deletionOfPrefixedCookie()
{
    ResponseCookies cookies(Now);
    cookies.deleteCookie("__Host-sid", "/", {}, true, true, "strict");
    QCOMPARE(cookies.headers().value(0),
        QByteArray("__Host-sid=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure; HttpOnly; SameSite=Strict"));
    const SetCookie parsed = SetCookieParser::parse(cookies.headers().value(0), Now);
    QVERIFY(parsed.isDeletion());
}

void TestSetCookieSerializer::permanentCookie()
{
    ResponseCookies cookies(Now);
    cookies.setPermanentCookie("remember_me", "true");
    const QByteArray expires = CookieDate::toImfFixdate(Now + 3650LL * 24 * 3600 * 1000);
    QCOMPARE(cookies.headers().value(0), "remember_me=true; Max-Age=315360000; Expires=" + expires + "; Path=/; SameSite=Lax");
}

void TestSetCookieSerializer::setCookiesCollectsErrors()
{
    ResponseCookies cookies(Now);
    cookies.setCookies({options("good", "1"), options("bad", "a;b"), options("also_good", "2")});
    QCOMPARE(cookies.headers().size(), 2);
    QCOMPARE(cookies.errors().size(), 1);
    QVERIFY(cookies.errors().first().startsWith(QStringLiteral("Cookie \"bad\"")));
}

void TestSetCookieSerializer::roundTrip_data()
{
    QTest::addColumn<CookieOptions>("options");
    CookieOptions a = options("sid", "abc123");
    a.maxAge = 60;
    a.domain = "example.com";
    a.path = "/app";
    a.secure = true;
    a.httpOnly = true;
    a.sameSite = "strict";
    QTest::addRow("full") << a;
    QTest::addRow("minimal") << options("x", "");
    CookieOptions b = options("__Secure-p", "\"quoted\"");
    b.secure = true;
    b.partitioned = true;
    b.sameSite = "none";
    QTest::addRow("partitioned") << b;
}

void TestSetCookieSerializer::roundTrip()
{
    QFETCH(CookieOptions, options);
    const auto result = SetCookieSerializer::serialize(options);
    QVERIFY(result.ok());
    const SetCookie parsed = SetCookieParser::parse(result.header, Now);
    QVERIFY(parsed.diagnostics.isEmpty() || parsed.hasDiagnostic(SetCookieDiagnostic::Code::QuotedValue));
    QCOMPARE(parsed.name, options.key);
    QCOMPARE(parsed.value, options.value);
    QCOMPARE(parsed.domain, options.domain);
    QCOMPARE(parsed.path, options.path);
    QCOMPARE(parsed.secure, options.secure);
    QCOMPARE(parsed.httpOnly, options.httpOnly);
    QCOMPARE(parsed.partitioned, options.partitioned);
    QCOMPARE(sameSiteName(parsed.sameSite).toLower(), options.sameSite.toLower());
    if (options.maxAge)
        QCOMPARE(parsed.maxAge, options.maxAge);
}

void TestSetCookieSerializer::noLineBreakEverReachesAHeader()
{
    // Every byte in every field: either a clear refusal or a header free of CR, LF and NUL.
    for (int byte = 0; byte < 256; ++byte) {
        const QByteArray b(1, char(byte));
        for (int field = 0; field < 4; ++field) {
            CookieOptions o = options("n", "v");
            (field == 0 ? o.key : field == 1 ? o.value : field == 2 ? o.domain : o.path) += b;
            const auto result = SetCookieSerializer::serialize(o);
            QVERIFY(result.ok() != result.header.isEmpty());
            QVERIFY(result.ok() || !result.error.isEmpty());
            QVERIFY2(!HttpSyntax::hasLineBreakOrNul(result.header), qPrintable(QString::number(byte)));
        }
    }
}

QTEST_APPLESS_MAIN(TestSetCookieSerializer)
#include "tst_setcookieserializer.moc"
