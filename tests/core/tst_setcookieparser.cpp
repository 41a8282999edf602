// SPDX-License-Identifier: MIT
#include "core/setcookieparser.h"

#include <QDateTime>
#include <QTest>

using namespace CookieLab;
using Kind = SetCookieAttribute::Kind;

namespace
{

const qint64 Now = QDateTime::fromString(QStringLiteral("2015-01-01T00:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
constexpr qint64 Day = 24LL * 60 * 60 * 1000;

QByteArray codes(const SetCookie &cookie)
{
    QByteArrayList names;
    for (const auto &d : cookie.diagnostics)
        names.append(d.codeName());
    return names.join(',');
}

} // namespace

class TestSetCookieParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameValue_data();
    void nameValue();
    void expiry_data();
    void expiry();
    void domainAndPath_data();
    void domainAndPath();
    void flags_data();
    void flags();
    void diagnostics_data();
    void diagnostics();
    void defaultPath_data();
    void defaultPath();
    void attributesInWireOrderWithSpans();
    void oversizedAttributeIsIgnored();
};

void TestSetCookieParser::nameValue_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("ignored");

    QTest::addRow("plain") << QByteArray("a=b") << QByteArray("a") << QByteArray("b") << false;
    QTest::addRow("spaces trimmed") << QByteArray(" a = b ") << QByteArray("a") << QByteArray("b") << false;
    QTest::addRow("tabs trimmed") << QByteArray("\ta=\tb\t") << QByteArray("a") << QByteArray("b") << false;
    QTest::addRow("empty value") << QByteArray("a=") << QByteArray("a") << QByteArray() << false;
    QTest::addRow("nameless with =") << QByteArray("=b") << QByteArray() << QByteArray("b") << false;
    QTest::addRow("nameless without =") << QByteArray("foo") << QByteArray() << QByteArray("foo") << false;
    QTest::addRow("= in value") << QByteArray("a=b=c") << QByteArray("a") << QByteArray("b=c") << false;
    QTest::addRow("quotes kept") << QByteArray("a=\"x y\"") << QByteArray("a") << QByteArray("\"x y\"") << false;
    QTest::addRow("semicolon in quotes splits") << QByteArray("a=\"x;y\"") << QByteArray("a") << QByteArray("\"x") << false;
    QTest::addRow("comma is not a separator") << QByteArray("a=1, b=2") << QByteArray("a") << QByteArray("1, b=2") << false;
    QTest::addRow("tab inside name") << QByteArray("a\tb=c") << QByteArray("a\tb") << QByteArray("c") << false;
    QTest::addRow("UTF-8 bytes kept") << QByteArray("a=\xc3\xa9") << QByteArray("a") << QByteArray("\xc3\xa9") << false;
    QTest::addRow("empty header") << QByteArray() << QByteArray() << QByteArray() << true;
    QTest::addRow("only =") << QByteArray("=") << QByteArray() << QByteArray() << true;
    QTest::addRow("only ;") << QByteArray(";") << QByteArray() << QByteArray() << true;
    QTest::addRow("only attributes") << QByteArray("; Path=/") << QByteArray() << QByteArray() << true;
    QTest::addRow("SOH") << QByteArray("a=b\x01"
                                       "c")
                         << QByteArray("a")
                         << QByteArray("b\x01"
                                       "c")
                         << true;
    QTest::addRow("CR") << QByteArray("a=b\rc") << QByteArray("a") << QByteArray("b\rc") << true;
    QTest::addRow("LF") << QByteArray("a=b\nc") << QByteArray("a") << QByteArray("b\nc") << true;
    QTest::addRow("NUL") << QByteArray("a=b\0c", 5) << QByteArray("a") << QByteArray("b\0c", 3) << true;
    QTest::addRow("DEL") << QByteArray("a=b\x7f") << QByteArray("a") << QByteArray("b\x7f") << true;
    QTest::addRow("control char in attribute") << QByteArray("a=b; Path=/\x02") << QByteArray("a") << QByteArray("b") << true;
    QTest::addRow("4096 bytes") << QByteArray("n=" + QByteArray(4095, 'v')) << QByteArray("n") << QByteArray(4095, 'v') << false;
    QTest::addRow("4097 bytes") << QByteArray("n=" + QByteArray(4096, 'v')) << QByteArray("n") << QByteArray(4096, 'v') << true;
}

void TestSetCookieParser::nameValue()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(bool, ignored);
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    QCOMPARE(cookie.name, name);
    QCOMPARE(cookie.value, value);
    QCOMPARE(cookie.isIgnored(), ignored);
    QCOMPARE(cookie.header, header);
}

void TestSetCookieParser::expiry_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("persistent");
    QTest::addColumn<qint64>("expiry"); // ms relative to Now, or SetCookie::EarliestTime
    QTest::addColumn<bool>("capped");

    const qint64 cap = 400 * Day;
    const qint64 oct2015 = QDateTime::fromString(QStringLiteral("2015-10-21T07:28:00Z"), Qt::ISODate).toMSecsSinceEpoch() - Now;
    QTest::addRow("session") << QByteArray("a=1") << false << qint64(0) << false;
    QTest::addRow("Max-Age") << QByteArray("a=1; Max-Age=3600") << true << qint64(3600000) << false;
    QTest::addRow("Max-Age 0 deletes") << QByteArray("a=1; Max-Age=0") << true << SetCookie::EarliestTime << false;
    QTest::addRow("negative Max-Age deletes") << QByteArray("a=1; Max-Age=-5") << true << SetCookie::EarliestTime << false;
    QTest::addRow("Max-Age leading zeros") << QByteArray("a=1; Max-Age=007") << true << qint64(7000) << false;
    QTest::addRow("Max-Age letters ignored") << QByteArray("a=1; Max-Age=abc") << false << qint64(0) << false;
    QTest::addRow("Max-Age plus sign ignored") << QByteArray("a=1; Max-Age=+5") << false << qint64(0) << false;
    QTest::addRow("Max-Age lone minus ignored") << QByteArray("a=1; Max-Age=-") << false << qint64(0) << false;
    QTest::addRow("Max-Age empty ignored") << QByteArray("a=1; Max-Age=") << false << qint64(0) << false;
    QTest::addRow("Max-Age decimal ignored") << QByteArray("a=1; Max-Age=1.5") << false << qint64(0) << false;
    QTest::addRow("Max-Age exactly 400 days") << QByteArray("a=1; Max-Age=34560000") << true << cap << false;
    QTest::addRow("Max-Age over 400 days") << QByteArray("a=1; Max-Age=34560001") << true << cap << true;
    QTest::addRow("Max-Age beyond int32") << QByteArray("a=1; Max-Age=99999999999") << true << cap << true;
    QTest::addRow("Max-Age beyond int64") << QByteArray("a=1; Max-Age=99999999999999999999999") << true << cap << true;
    QTest::addRow("Max-Age wins over later Expires")
        << QByteArray("a=1; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT") << true << qint64(60000) << false;
    QTest::addRow("Max-Age wins over earlier Expires")
        << QByteArray("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=60") << true << qint64(60000) << false;
    QTest::addRow("invalid Max-Age keeps earlier one") << QByteArray("a=1; Max-Age=60; Max-Age=abc") << true << qint64(60000) << false;
    QTest::addRow("last Max-Age wins") << QByteArray("a=1; Max-Age=60; Max-Age=120") << true << qint64(120000) << false;
    QTest::addRow("Expires") << QByteArray("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT") << true << oct2015 << false;
    QTest::addRow("Expires unparsable") << QByteArray("a=1; Expires=garbage") << false << qint64(0) << false;
    QTest::addRow("Expires far future capped") << QByteArray("a=1; Expires=Thu, 01 Jan 2099 00:00:00 GMT") << true << cap << true;
    QTest::addRow("Expires in the past") << QByteArray("a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT") << true << -Now << false;
}

void TestSetCookieParser::expiry()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, persistent);
    QFETCH(qint64, expiry);
    QFETCH(bool, capped);
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    QCOMPARE(cookie.persistent, persistent);
    if (persistent)
        QCOMPARE(cookie.expiry, expiry == SetCookie::EarliestTime ? expiry : Now + expiry);
    QCOMPARE(cookie.expiryCapped, capped);
    QCOMPARE(cookie.hasDiagnostic(SetCookieDiagnostic::Code::ExpiryCapped), capped);
    QCOMPARE(cookie.isDeletion(), persistent && cookie.expiry <= Now);
}

void TestSetCookieParser::domainAndPath_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("hasDomain");
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<bool>("hasPath");
    QTest::addColumn<QByteArray>("path");

    QTest::addRow("none") << QByteArray("a=1") << false << QByteArray() << false << QByteArray();
    QTest::addRow("leading dot and case") << QByteArray("a=1; Domain=.Example.COM") << true << QByteArray("example.com") << false
                                          << QByteArray();
    QTest::addRow("empty domain recorded") << QByteArray("a=1; Domain=") << true << QByteArray() << false << QByteArray();
    QTest::addRow("last domain wins") << QByteArray("a=1; Domain=a.com; Domain=b.com") << true << QByteArray("b.com") << false
                                      << QByteArray();
    QTest::addRow("empty domain after domain wins")
        << QByteArray("a=1; domain=a.com; domain=") << true << QByteArray() << false << QByteArray();
    QTest::addRow("path") << QByteArray("a=1; Path=/x") << false << QByteArray() << true << QByteArray("/x");
    QTest::addRow("last path wins") << QByteArray("a=1; Path=/x; path=/y") << false << QByteArray() << true << QByteArray("/y");
    QTest::addRow("relative path kept as sent")
        << QByteArray("a=1; Path=relative") << false << QByteArray() << true << QByteArray("relative");
    QTest::addRow("attribute name case") << QByteArray("a=1; DOMAIN=x.org; PATH=/p") << true << QByteArray("x.org") << true
                                         << QByteArray("/p");
}

void TestSetCookieParser::domainAndPath()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, hasDomain);
    QFETCH(QByteArray, domain);
    QFETCH(bool, hasPath);
    QFETCH(QByteArray, path);
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    QCOMPARE(cookie.hasDomain, hasDomain);
    QCOMPARE(cookie.domain, domain);
    QCOMPARE(cookie.hasPath, hasPath);
    QCOMPARE(cookie.path, path);
}

void TestSetCookieParser::flags_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<bool>("httpOnly");
    QTest::addColumn<SameSite>("sameSite");
    QTest::addColumn<bool>("partitioned");

    QTest::addRow("none") << QByteArray("a=1") << false << false << SameSite::Unspecified << false;
    QTest::addRow("Secure") << QByteArray("a=1; Secure") << true << false << SameSite::Unspecified << false;
    QTest::addRow("Secure=false is Secure") << QByteArray("a=1; Secure=false") << true << false << SameSite::Unspecified << false;
    QTest::addRow("HTTPONLY") << QByteArray("a=1; HTTPONLY") << false << true << SameSite::Unspecified << false;
    QTest::addRow("SameSite=lax") << QByteArray("a=1; SameSite=lax") << false << false << SameSite::Lax << false;
    QTest::addRow("SAMESITE=STRICT") << QByteArray("a=1; SAMESITE=STRICT") << false << false << SameSite::Strict << false;
    QTest::addRow("SameSite=None") << QByteArray("a=1; SameSite=None; Secure") << true << false << SameSite::None << false;
    QTest::addRow("SameSite bogus") << QByteArray("a=1; SameSite=Bogus") << false << false << SameSite::Invalid << false;
    QTest::addRow("SameSite without value") << QByteArray("a=1; SameSite") << false << false << SameSite::Invalid << false;
    QTest::addRow("last SameSite wins") << QByteArray("a=1; SameSite=Strict; SameSite=None") << false << false << SameSite::None << false;
    QTest::addRow("Partitioned") << QByteArray("a=1; Secure; Partitioned") << true << false << SameSite::Unspecified << true;
    QTest::addRow("misspelled flags do nothing") << QByteArray("a=1; Secur; Http-Only") << false << false << SameSite::Unspecified << false;
    QTest::addRow("colon is not =") << QByteArray("a=1; SameSite:Strict") << false << false << SameSite::Unspecified << false;
}

void TestSetCookieParser::flags()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, secure);
    QFETCH(bool, httpOnly);
    QFETCH(SameSite, sameSite);
    QFETCH(bool, partitioned);
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    QCOMPARE(cookie.secure, secure);
    QCOMPARE(cookie.httpOnly, httpOnly);
    QCOMPARE(cookie.sameSite, sameSite);
    QCOMPARE(cookie.partitioned, partitioned);
}

void TestSetCookieParser::diagnostics_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("codes"); // in the order they are found

    QTest::addRow("clean") << QByteArray("user_id=12345; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax") << QByteArray();
    QTest::addRow("empty") << QByteArray("") << QByteArray("empty-cookie");
    QTest::addRow("control character") << QByteArray("a=b\rc") << QByteArray("control-character,non-cookie-octet-value");
    QTest::addRow("oversize") << QByteArray("n=" + QByteArray(4096, 'v')) << QByteArray("name-value-too-long");
    QTest::addRow("nameless") << QByteArray("foo") << QByteArray("nameless-cookie");
    QTest::addRow("nameless with =") << QByteArray("=a=b") << QByteArray("nameless-cookie,ambiguous-nameless");
    QTest::addRow("non-token name") << QByteArray("a b=1") << QByteArray("non-token-name");
    QTest::addRow("quoted value") << QByteArray("a=\"x\"") << QByteArray("quoted-value");
    QTest::addRow("space in value") << QByteArray("a=hello world") << QByteArray("non-cookie-octet-value");
    QTest::addRow("invalid Max-Age") << QByteArray("a=1; Max-Age=soon") << QByteArray("invalid-max-age");
    QTest::addRow("zero Max-Age") << QByteArray("a=; Max-Age=0") << QByteArray("non-positive-max-age");
    QTest::addRow("unparsable Expires") << QByteArray("a=1; Expires=tomorrow") << QByteArray("unparsable-expires");
    QTest::addRow("legacy Expires") << QByteArray("a=1; Expires=Wed, 21-Oct-2015 07:28:00 GMT") << QByteArray("non-imf-fixdate-expires");
    QTest::addRow("capped") << QByteArray("a=1; Max-Age=315360000") << QByteArray("expiry-capped");
    QTest::addRow("Max-Age and Expires") << QByteArray("a=1; Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT")
                                         << QByteArray("max-age-overrides-expires");
    QTest::addRow("duplicate") << QByteArray("a=1; Path=/a; Path=/b") << QByteArray("duplicate-attribute");
    QTest::addRow("flag with value") << QByteArray("a=1; Secure=false") << QByteArray("flag-with-value");
    QTest::addRow("unknown") << QByteArray("a=1; Foo=bar") << QByteArray("unknown-attribute");
    QTest::addRow("invalid SameSite") << QByteArray("a=1; SameSite=yes") << QByteArray("invalid-samesite");
    QTest::addRow("empty Domain") << QByteArray("a=1; Domain=") << QByteArray("empty-domain");
    QTest::addRow("leading dot") << QByteArray("a=1; Domain=.example.com") << QByteArray("leading-dot-domain");
    QTest::addRow("relative Path") << QByteArray("a=1; Path=docs") << QByteArray("path-not-absolute");
    QTest::addRow("attribute too long") << QByteArray("a=1; Path=/" + QByteArray(1024, 'p')) << QByteArray("attribute-value-too-long");
    QTest::addRow("trailing semicolons are quiet") << QByteArray("a=1;;; ") << QByteArray();
}

void TestSetCookieParser::diagnostics()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, codes);
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    QCOMPARE(::codes(cookie), codes);
    for (const auto &d : cookie.diagnostics) {
        QVERIFY(!d.message().isEmpty());
        QVERIFY(d.span.offset >= 0 && d.span.end() <= header.size());
    }
}

void TestSetCookieParser::defaultPath_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("requestPath");
    QTest::addColumn<QByteArray>("effectivePath");
    QTest::addRow("directory of request") << QByteArray("a=1") << QByteArray("/dir/page") << QByteArray("/dir");
    QTest::addRow("root page") << QByteArray("a=1") << QByteArray("/page") << QByteArray("/");
    QTest::addRow("root") << QByteArray("a=1") << QByteArray("/") << QByteArray("/");
    QTest::addRow("empty request path") << QByteArray("a=1") << QByteArray() << QByteArray("/");
    QTest::addRow("trailing slash") << QByteArray("a=1") << QByteArray("/dir/sub/") << QByteArray("/dir/sub");
    QTest::addRow("relative Path uses default") << QByteArray("a=1; Path=docs") << QByteArray("/dir/page") << QByteArray("/dir");
    QTest::addRow("empty Path uses default") << QByteArray("a=1; Path=") << QByteArray("/dir/page") << QByteArray("/dir");
    QTest::addRow("absolute Path") << QByteArray("a=1; Path=/x/y") << QByteArray("/dir/page") << QByteArray("/x/y");
}

void TestSetCookieParser::defaultPath()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, requestPath);
    QFETCH(QByteArray, effectivePath);
    QCOMPARE(SetCookieParser::parse(header, Now).effectivePath(requestPath), effectivePath);
}

void TestSetCookieParser::attributesInWireOrderWithSpans()
{
    const QByteArray header("sid = abc ; Max-Age=60;Foo = bar ; Secure; Baz");
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    QCOMPARE(header.mid(cookie.nameSpan.offset, cookie.nameSpan.length), QByteArray("sid"));
    QCOMPARE(header.mid(cookie.valueSpan.offset, cookie.valueSpan.length), QByteArray("abc"));
    QCOMPARE(cookie.attributes.size(), 4);
    const QList<Kind> kinds{Kind::MaxAge, Kind::Unknown, Kind::Secure, Kind::Unknown};
    const QByteArrayList names{"Max-Age", "Foo", "Secure", "Baz"};
    const QByteArrayList values{"60", "bar", "", ""};
    const QByteArrayList spans{"Max-Age=60", "Foo = bar", "Secure", "Baz"};
    for (int i = 0; i < 4; ++i) {
        const SetCookieAttribute &a = cookie.attributes.at(i);
        QCOMPARE(a.kind, kinds.at(i));
        QCOMPARE(cookie.text(a.nameSpan), names.at(i));
        QCOMPARE(cookie.text(a.valueSpan), values.at(i));
        QCOMPARE(header.mid(a.span.offset, a.span.length), spans.at(i));
        QCOMPARE(header.mid(a.nameSpan.offset, a.nameSpan.length), names.at(i));
        QCOMPARE(header.mid(a.valueSpan.offset, a.valueSpan.length), values.at(i));
    }
    QVERIFY(cookie.attributes.at(0).effective);
    QVERIFY(!cookie.attributes.at(1).effective);
}

void TestSetCookieParser::oversizedAttributeIsIgnored()
{
    const SetCookie path = SetCookieParser::parse(QByteArray("a=1; Path=/ok; Path=/" + QByteArray(1024, 'p')), Now);
    QCOMPARE(path.path, QByteArray("/ok"));
    QVERIFY(!path.isIgnored());
    const SetCookie domain = SetCookieParser::parse(QByteArray("a=1; Domain=" + QByteArray(1025, 'd')), Now);
    QVERIFY(!domain.hasDomain);
    const SetCookie exactly = SetCookieParser::parse(QByteArray("a=1; Path=/" + QByteArray(1023, 'p')), Now);
    QCOMPARE(exactly.path.size(), 1024);
}

QTEST_APPLESS_MAIN(TestSetCookieParser)
#include "tst_setcookieparser.moc"
