// SPDX-License-Identifier: MIT
// Jar rules as browsers apply them. Most rows are jar scripts (the `cookielab jar` language):
// the script and the Cookie headers it must produce are both visible in the table.
#include "core/cookiejar.h"
#include "core/jarscript.h"

#include <QSignalSpy>
#include <QTest>

using namespace CookieLab;
using Status = CookieStoreOutcome::Status;
using StoreReason = CookieStoreOutcome::Reason;
using Inclusion = CookieInclusion::Reason;

namespace
{

constexpr qint64 Start = 1420070400; // 2015-01-01T00:00:00Z

QByteArrayList runScript(CookieJar &jar, const QByteArray &script)
{
    JarScript runner(jar);
    QByteArrayList output;
    QStringList errors;
    runner.setOutput([&output](const QByteArray &line) { output.append(line); });
    runner.setMessages([&errors](const QString &message) { errors.append(message); });
    runner.run(QByteArray("NOW " + QByteArray::number(Start) + '\n' + script));
    if (!errors.isEmpty())
        qWarning("%s", qPrintable(errors.join(u'\n')));
    return output;
}

CookieRequestContext context(const char *url, const char *initiator = nullptr, bool navigation = true, const char *method = "GET")
{
    CookieRequestContext c;
    c.url = QUrl(QString::fromLatin1(url));
    if (initiator)
        c.initiator = QUrl(QString::fromLatin1(initiator));
    c.topLevelNavigation = navigation;
    c.method = method;
    return c;
}

} // namespace

class TestCookieJar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scripts_data();
    void scripts();
    void storeOutcome_data();
    void storeOutcome();
    void inclusion_data();
    void inclusion();
    void thirdPartyPolicyAllow();
    void partitionedCookiesPerTopLevelSite();
    void evictsPerSiteInsecureFirst();
    void evictsGlobalLeastRecentlyUsed();
    void editingAndRemoval();
    void clockTravel();
};

void TestCookieJar::scripts_data()
{
    QTest::addColumn<CookieJar::Profile>("profile");
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QByteArrayList>("expected");

    const auto chromium = CookieJar::Profile::Chromium;
    const auto draft = CookieJar::Profile::Rfc6265bis;

    // Domain and host-only.
    QTest::addRow("host-only stays on its host") << chromium
                                                 << QByteArray("SET http://example.com/ a=1\n"
                                                               "GET http://example.com/\nGET http://sub.example.com/\n")
                                                 << QByteArrayList{"a=1", ""};
    QTest::addRow("Domain reaches subdomains")
        << chromium
        << QByteArray("SET http://www.example.com/ a=1; Domain=example.com\n"
                      "GET http://example.com/\nGET http://deep.sub.example.com/\nGET http://notexample.com/\n")
        << QByteArrayList{"a=1", "a=1", ""};
    QTest::addRow("Domain of another site refused")
        << chromium << QByteArray("SET http://example.com/ a=1; Domain=other.org\nGET http://other.org/\nGET http://example.com/\n")
        << QByteArrayList{"", ""};
    QTest::addRow("Domain of a subdomain refused")
        << chromium << QByteArray("SET http://example.com/ a=1; Domain=sub.example.com\nGET http://sub.example.com/\n")
        << QByteArrayList{""};
    QTest::addRow("public suffix com refused") << chromium
                                               << QByteArray("SET http://example.com/ a=1; Domain=com\nGET http://example.com/\n")
                                               << QByteArrayList{""};
    QTest::addRow("public suffix co.uk refused")
        << chromium << QByteArray("SET http://shop.co.uk/ a=1; Domain=co.uk\nGET http://shop.co.uk/\n") << QByteArrayList{""};
    QTest::addRow("private registry github.io refused")
        << chromium << QByteArray("SET http://me.github.io/ a=1; Domain=github.io\nGET http://you.github.io/\nGET http://me.github.io/\n")
        << QByteArrayList{"", ""};
    QTest::addRow("public suffix equal to host becomes host-only")
        << chromium << QByteArray("SET http://github.io/ a=1; Domain=github.io\nGET http://github.io/\nGET http://me.github.io/\n")
        << QByteArrayList{"a=1", ""};
    QTest::addRow("IP address host") << chromium
                                     << QByteArray("SET http://127.0.0.1:8000/ a=1; Domain=127.0.0.1\nSET http://127.0.0.1:8000/ b=2\n"
                                                   "GET http://127.0.0.1:9000/\nGET http://127.0.0.2/\n")
                                     << QByteArrayList{"a=1; b=2", ""};
    QTest::addRow("host case-insensitive") << chromium << QByteArray("SET http://Example.COM/ a=1\nGET http://example.com/\n")
                                           << QByteArrayList{"a=1"};

    // Path.
    QTest::addRow("default path is the directory")
        << chromium
        << QByteArray("SET http://example.com/dir/page a=1\n"
                      "GET http://example.com/dir\nGET http://example.com/dir/x/y\nGET http://example.com/dirx\nGET http://example.com/\n")
        << QByteArrayList{"a=1", "a=1", "", ""};
    QTest::addRow("Path attribute")
        << chromium << QByteArray("SET http://example.com/ a=1; Path=/app/\nGET http://example.com/app/x\nGET http://example.com/app\n")
        << QByteArrayList{"a=1", ""};
    QTest::addRow("longer path first, then older")
        << chromium
        << QByteArray("SET http://example.com/ b=1; Path=/\nSET http://example.com/ a=1; Path=/x\nSET http://example.com/ c=1; Path=/\n"
                      "GET http://example.com/x/y\n")
        << QByteArrayList{"a=1; b=1; c=1"};
    QTest::addRow("replacement keeps creation order")
        << chromium
        << QByteArray("SET http://example.com/ a=1\nSET http://example.com/ b=1\nSET http://example.com/ a=2\nGET http://example.com/\n")
        << QByteArrayList{"a=2; b=1"};
    QTest::addRow("same name, different paths both kept")
        << chromium
        << QByteArray("SET http://example.com/ t=root; Path=/\nSET http://example.com/ t=app; Path=/app\nGET http://example.com/app\n")
        << QByteArrayList{"t=app; t=root"};

    // Secure.
    QTest::addRow("Secure refused from plain http")
        << chromium << QByteArray("SET http://example.com/ a=1; Secure\nGET https://example.com/\n") << QByteArrayList{""};
    QTest::addRow("Secure from https, never sent over http")
        << chromium << QByteArray("SET https://example.com/ a=1; Secure\nGET https://example.com/\nGET http://example.com/\n")
        << QByteArrayList{"a=1", ""};
    QTest::addRow("Secure works on http://localhost")
        << chromium << QByteArray("SET http://localhost:8000/ a=1; Secure\nGET http://localhost:8000/\n") << QByteArrayList{"a=1"};
    QTest::addRow("Secure works on http://127.0.0.1")
        << chromium << QByteArray("SET http://127.0.0.1:8000/ a=1; Secure\nGET http://127.0.0.1:8000/\n") << QByteArrayList{"a=1"};
    QTest::addRow("insecure origin cannot overwrite Secure")
        << chromium << QByteArray("SET https://example.com/ a=secure; Secure\nSET http://example.com/ a=evil\nGET https://example.com/\n")
        << QByteArrayList{"a=secure"};
    QTest::addRow("insecure origin cannot shadow Secure from a subdomain")
        << chromium
        << QByteArray("SET https://example.com/ a=secure; Secure; Domain=example.com\nSET http://sub.example.com/ a=evil\nGET "
                      "https://sub.example.com/\n")
        << QByteArrayList{"a=secure"};
    QTest::addRow("secure origin may overwrite Secure")
        << chromium << QByteArray("SET https://example.com/ a=1; Secure\nSET https://example.com/ a=2\nGET https://example.com/\n")
        << QByteArrayList{"a=2"};

    // Prefixes (case-insensitive).
    QTest::addRow("__Secure- needs Secure")
        << chromium
        << QByteArray("SET https://example.com/ __Secure-a=1\nSET https://example.com/ __Secure-b=1; Secure\nGET https://example.com/\n")
        << QByteArrayList{"__Secure-b=1"};
    QTest::addRow("__SECURE- matched without case")
        << chromium << QByteArray("SET https://example.com/ __SECURE-a=1\nGET https://example.com/\n") << QByteArrayList{""};
    QTest::addRow("__Host- needs Secure, Path=/ and no Domain")
        << chromium
        << QByteArray("SET https://example.com/ __Host-a=1; Secure; Path=/; Domain=example.com\n"
                      "SET https://example.com/ __Host-b=1; Secure; Path=/x\n"
                      "SET https://example.com/x/y __Host-c=1; Secure\n"
                      "SET https://example.com/ __Host-d=1; Path=/\n"
                      "SET https://example.com/ __Host-ok=1; Secure; Path=/\n"
                      "GET https://example.com/x/z\n")
        << QByteArrayList{"__Host-ok=1"};
    QTest::addRow("__host- matched without case")
        << chromium << QByteArray("SET https://example.com/ __host-a=1; Secure; Domain=example.com; Path=/\nGET https://example.com/\n")
        << QByteArrayList{""};
    QTest::addRow("hidden prefix in a nameless cookie")
        << chromium << QByteArray("SET http://example.com/ =__Secure-x\nSET http://example.com/ __Host-y\nGET http://example.com/\n")
        << QByteArrayList{""};

    // SameSite when storing.
    QTest::addRow("SameSite=None needs Secure") << chromium
                                                << QByteArray("SET https://example.com/ a=1; SameSite=None\nSET https://example.com/ b=1; "
                                                              "SameSite=None; Secure\nGET https://example.com/\n")
                                                << QByteArrayList{"b=1"};

    // SameSite when sending.
    const QByteArray threeCookies("SET https://example.com/ s=1; SameSite=Strict\n"
                                  "SET https://example.com/ l=1; SameSite=Lax\n"
                                  "SET https://example.com/ d=1\n"
                                  "SET https://example.com/ n=1; SameSite=None; Secure\n");
    QTest::addRow("same-site request carries all")
        << chromium << QByteArray(threeCookies + "GET https://example.com/\n") << QByteArrayList{"s=1; l=1; d=1; n=1"};
    QTest::addRow("subdomain initiator is same-site")
        << chromium << QByteArray(threeCookies + "CONTEXT site=https://www.example.com/ nav=0\nGET https://example.com/\n")
        << QByteArrayList{"s=1; l=1; d=1; n=1"};
    QTest::addRow("cross-site link: Lax and default go, Strict stays")
        << chromium << QByteArray(threeCookies + "CONTEXT site=https://attacker.test/ nav=1\nGET https://example.com/\n")
        << QByteArrayList{"l=1; d=1; n=1"};
    QTest::addRow("cross-site POST form: default goes for 2 minutes (Chromium)")
        << chromium
        << QByteArray(threeCookies
               + "CONTEXT site=https://attacker.test/ nav=1 method=POST\nGET https://example.com/\n"
                 "NOW "
               + QByteArray::number(Start + 120)
               + "\nGET https://example.com/\n"
                 "NOW "
               + QByteArray::number(Start + 121) + "\nGET https://example.com/\n")
        << QByteArrayList{"d=1; n=1", "d=1; n=1", "n=1"};
    QTest::addRow("cross-site POST form: default never goes (draft)")
        << draft << QByteArray(threeCookies + "CONTEXT site=https://attacker.test/ nav=1 method=POST\nGET https://example.com/\n")
        << QByteArrayList{"n=1"};
    QTest::addRow("cross-site subresource: third-party cookies blocked")
        << chromium << QByteArray(threeCookies + "CONTEXT site=https://attacker.test/ nav=0\nGET https://example.com/\n")
        << QByteArrayList{""};
    QTest::addRow("http and https are different sites")
        << chromium << QByteArray(threeCookies + "CONTEXT site=http://example.com/ nav=1\nGET https://example.com/\n")
        << QByteArrayList{"l=1; d=1; n=1"};
    QTest::addRow("cross-site subresource response cannot set cookies")
        << chromium
        << QByteArray("CONTEXT site=https://attacker.test/ nav=0\nSET https://example.com/ a=1; SameSite=None; Secure\n"
                      "CONTEXT\nGET https://example.com/\n")
        << QByteArrayList{""};
    QTest::addRow("cross-site navigation response sets Strict")
        << chromium
        << QByteArray("CONTEXT site=https://attacker.test/ nav=1\nSET https://example.com/ a=1; SameSite=Strict\n"
                      "CONTEXT\nGET https://example.com/\n")
        << QByteArrayList{"a=1"};

    // Expiry.
    QTest::addRow("Max-Age counts down") << chromium
                                         << QByteArray("SET http://example.com/ a=1; Max-Age=60\nNOW " + QByteArray::number(Start + 59)
                                                + "\nGET http://example.com/\n"
                                                  "NOW "
                                                + QByteArray::number(Start + 60) + "\nGET http://example.com/\n")
                                         << QByteArrayList{"a=1", ""};
    QTest::addRow("400-day cap") << chromium
                                 << QByteArray("SET http://example.com/ a=1; Max-Age=315360000\n"
                                               "NOW "
                                        + QByteArray::number(Start + 400 * 86400 - 1)
                                        + "\nGET http://example.com/\n"
                                          "NOW "
                                        + QByteArray::number(Start + 400 * 86400) + "\nGET http://example.com/\n")
                                 << QByteArrayList{"a=1", ""};
    QTest::addRow("Max-Age=0 deletes")
        << chromium << QByteArray("SET http://example.com/ a=1\nSET http://example.com/ a=; Max-Age=0\nGET http://example.com/\n")
        << QByteArrayList{""};
    QTest::addRow("past Expires deletes")
        << chromium
        << QByteArray(
               "SET http://example.com/ a=1\nSET http://example.com/ a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT\nGET http://example.com/\n")
        << QByteArrayList{""};
    QTest::addRow("deletion with another path leaves the cookie")
        << chromium
        << QByteArray("SET http://example.com/app/page a=1\nSET http://example.com/ a=; Max-Age=0; Path=/\nGET http://example.com/app/x\n")
        << QByteArrayList{"a=1"};
    QTest::addRow("deletion with a Domain leaves the host-only cookie")
        << chromium
        << QByteArray("SET http://example.com/ a=1\nSET http://example.com/ a=; Max-Age=0; Domain=example.com\nGET http://example.com/\n")
        << QByteArrayList{"a=1"};

    // Script API (document.cookie).
    QTest::addRow("HttpOnly hidden from scripts")
        << chromium
        << QByteArray("SET http://example.com/ h=1; HttpOnly\nSET http://example.com/ v=1\nCONTEXT api=script\nGET http://example.com/\n")
        << QByteArrayList{"v=1"};
    QTest::addRow("scripts cannot create or overwrite HttpOnly")
        << chromium
        << QByteArray("SET http://example.com/ h=1; HttpOnly\nCONTEXT api=script\nSET http://example.com/ h=2\nSET http://example.com/ "
                      "x=1; HttpOnly\n"
                      "CONTEXT\nGET http://example.com/\n")
        << QByteArrayList{"h=1"};

    // Nameless cookies.
    QTest::addRow("nameless cookie sent as its value")
        << chromium << QByteArray("SET http://example.com/ =token\nSET http://example.com/ plain\nGET http://example.com/\n")
        << QByteArrayList{"plain"};
    QTest::addRow("ambiguous nameless refused by Chromium")
        << chromium << QByteArray("SET http://example.com/ =a=b\nGET http://example.com/\n") << QByteArrayList{""};
    QTest::addRow("ambiguous nameless kept by the draft")
        << draft << QByteArray("SET http://example.com/ =a=b\nGET http://example.com/\n") << QByteArrayList{"a=b"};
    QTest::addRow("Partitioned ignored by the draft")
        << draft << QByteArray("SET https://example.com/ a=1; Partitioned\nGET https://example.com/\n") << QByteArrayList{"a=1"};
    QTest::addRow("Partitioned needs Secure (Chromium)")
        << chromium
        << QByteArray(
               "SET https://example.com/ a=1; Partitioned\nSET https://example.com/ b=1; Partitioned; Secure\nGET https://example.com/\n")
        << QByteArrayList{"b=1"};
}

void TestCookieJar::scripts()
{
    QFETCH(CookieJar::Profile, profile);
    QFETCH(QByteArray, script);
    QFETCH(QByteArrayList, expected);
    CookieJar jar;
    jar.setProfile(profile);
    QCOMPARE(runScript(jar, script), expected);
}

void TestCookieJar::storeOutcome_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<CookieRequestContext>("where");
    QTest::addColumn<Status>("status");
    QTest::addColumn<StoreReason>("reason");

    const auto https = context("https://example.com/");
    const auto http = context("http://example.com/");
    QTest::addRow("stored") << QByteArray("a=1") << https << Status::Stored << StoreReason::None;
    QTest::addRow("expired, nothing to delete") << QByteArray("a=1; Max-Age=0") << https << Status::Expired << StoreReason::None;
    QTest::addRow("ftp") << QByteArray("a=1") << context("ftp://example.com/") << Status::Rejected << StoreReason::NonCookieableScheme;
    QTest::addRow("control character") << QByteArray("a=1\x01") << https << Status::Rejected << StoreReason::DisallowedCharacter;
    QTest::addRow("empty") << QByteArray("") << https << Status::Rejected << StoreReason::NoCookieContent;
    QTest::addRow("too large") << QByteArray("a=" + QByteArray(4096, 'x')) << https << Status::Rejected << StoreReason::NameValueTooLarge;
    QTest::addRow("ambiguous") << QByteArray("=a=b") << https << Status::Rejected << StoreReason::AmbiguousSerialization;
    QTest::addRow("public suffix") << QByteArray("a=1; Domain=com") << https << Status::Rejected << StoreReason::PublicSuffixDomain;
    QTest::addRow("domain mismatch") << QByteArray("a=1; Domain=example.org") << https << Status::Rejected << StoreReason::DomainMismatch;
    QTest::addRow("secure over http") << QByteArray("a=1; Secure") << http << Status::Rejected << StoreReason::SecureOnly;
    QTest::addRow("None without Secure") << QByteArray("a=1; SameSite=None") << https << Status::Rejected
                                         << StoreReason::SameSiteNoneInsecure;
    QTest::addRow("bad prefix") << QByteArray("__Host-a=1; Secure") << https << Status::Rejected << StoreReason::InvalidPrefix;
    QTest::addRow("partitioned without Secure")
        << QByteArray("a=1; Partitioned") << https << Status::Rejected << StoreReason::InvalidPartitioned;
    QTest::addRow("third-party blocked") << QByteArray("a=1; SameSite=None; Secure")
                                         << context("https://example.com/", "https://other.test/", false) << Status::Rejected
                                         << StoreReason::ThirdPartyBlocked;
    CookieRequestContext script = https;
    script.api = CookieRequestContext::Api::Script;
    QTest::addRow("HttpOnly from script") << QByteArray("a=1; HttpOnly") << script << Status::Rejected << StoreReason::HttpOnlyFromScript;
}

void TestCookieJar::storeOutcome()
{
    QFETCH(QByteArray, header);
    QFETCH(CookieRequestContext, where);
    QFETCH(Status, status);
    QFETCH(StoreReason, reason);
    CookieJar jar;
    const CookieStoreOutcome outcome = jar.setCookie(header, where);
    QCOMPARE(outcome.status, status);
    QCOMPARE(outcome.reason, reason);
    QVERIFY(!outcome.explanation().isEmpty());
    QCOMPARE(jar.size(), outcome.isStored() ? 1 : 0);
}

void TestCookieJar::inclusion_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<CookieRequestContext>("request");
    QTest::addColumn<Inclusion>("reason");
    QTest::addColumn<QByteArray>("check");

    const auto set = context("https://www.example.com/app/page");
    Q_UNUSED(set)
    QTest::addRow("included") << QByteArray("a=1") << context("https://www.example.com/app/x") << Inclusion::Included
                              << QByteArray("samesite");
    QTest::addRow("other host") << QByteArray("a=1") << context("https://other.com/app/") << Inclusion::DomainMismatch
                                << QByteArray("domain");
    QTest::addRow("host-only vs subdomain") << QByteArray("a=1") << context("https://x.www.example.com/app/") << Inclusion::HostOnlyMismatch
                                            << QByteArray("domain");
    QTest::addRow("path") << QByteArray("a=1") << context("https://www.example.com/other") << Inclusion::PathMismatch << QByteArray("path");
    QTest::addRow("secure") << QByteArray("a=1; Secure") << context("http://www.example.com/app/") << Inclusion::SecureOnly
                            << QByteArray("secure");
    QTest::addRow("strict") << QByteArray("a=1; SameSite=Strict") << context("https://www.example.com/app/", "https://evil.test/")
                            << Inclusion::SameSiteStrict << QByteArray("samesite");
    QTest::addRow("lax POST") << QByteArray("a=1; SameSite=Lax")
                              << context("https://www.example.com/app/", "https://evil.test/", true, "POST") << Inclusion::SameSiteLax
                              << QByteArray("samesite");
    QTest::addRow("default POST within 2 minutes")
        << QByteArray("a=1") << context("https://www.example.com/app/", "https://evil.test/", true, "POST")
        << Inclusion::IncludedLaxAllowingUnsafe << QByteArray("samesite");
    QTest::addRow("third party") << QByteArray("a=1; SameSite=None; Secure")
                                 << context("https://www.example.com/app/", "https://evil.test/", false) << Inclusion::ThirdPartyBlocked
                                 << QByteArray("third-party");
    CookieRequestContext script = context("https://www.example.com/app/");
    script.api = CookieRequestContext::Api::Script;
    QTest::addRow("httponly from script") << QByteArray("a=1; HttpOnly") << script << Inclusion::HttpOnly << QByteArray("httponly");
}

void TestCookieJar::inclusion()
{
    QFETCH(QByteArray, header);
    QFETCH(CookieRequestContext, request);
    QFETCH(Inclusion, reason);
    QFETCH(QByteArray, check);
    CookieJar jar;
    jar.setClock([] { return Start * 1000; });
    QVERIFY(jar.setCookie(header, context("https://www.example.com/app/page")).isStored());
    const QList<CookieInclusion> decisions = jar.explain(request);
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.first().reason, reason);
    QCOMPARE(decisions.first().check(), check);
    QVERIFY(!decisions.first().explanation().isEmpty());
    QCOMPARE(jar.cookieHeader(request).isEmpty(), !decisions.first().isIncluded());
    // The analyzer's cheaper question: only the cookies that go, with the same reason.
    const QList<CookieInclusion> included = jar.includedCookies(request);
    QCOMPARE(included.size(), decisions.first().isIncluded() ? 1 : 0);
    if (!included.isEmpty())
        QCOMPARE(included.first().reason, reason);
}

void TestCookieJar::thirdPartyPolicyAllow()
{
    CookieJar jar;
    jar.setThirdPartyPolicy(CookieJar::ThirdPartyPolicy::Allow);
    const auto embedded = context("https://widget.test/", "https://news.example/", false);
    QCOMPARE(jar.setCookie("lax=1; SameSite=Lax", embedded).reason, StoreReason::SameSiteLax);
    QCOMPARE(jar.setCookie("def=1", embedded).reason, StoreReason::SameSiteUnspecifiedTreatedAsLax);
    QCOMPARE(jar.setCookie("strict=1; SameSite=Strict", embedded).reason, StoreReason::SameSiteStrict);
    QVERIFY(jar.setCookie("none=1; SameSite=None; Secure", embedded).isStored());
    QCOMPARE(jar.cookieHeader(embedded), QByteArray("none=1"));
}

void TestCookieJar::partitionedCookiesPerTopLevelSite()
{
    CookieJar jar;
    const auto onNews = context("https://widget.test/", "https://news.example/", false);
    const auto onShop = context("https://widget.test/", "https://shop.example/", false);
    const CookieStoreOutcome outcome = jar.setCookie("chip=1; SameSite=None; Secure; Partitioned; Path=/", onNews);
    QVERIFY(outcome.isStored());
    QCOMPARE(outcome.cookie.partitionKey, QByteArray("https://news.example"));
    QCOMPARE(jar.cookieHeader(onNews), QByteArray("chip=1"));
    QCOMPARE(jar.cookieHeader(onShop), QByteArray());
    QCOMPARE(jar.explain(onShop).first().reason, Inclusion::PartitionMismatch);
    // The same name partitioned under another top-level site is a separate cookie.
    QVERIFY(jar.setCookie("chip=2; SameSite=None; Secure; Partitioned; Path=/", onShop).isStored());
    QCOMPARE(jar.size(), 2);
}

void TestCookieJar::evictsPerSiteInsecureFirst()
{
    CookieJar jar;
    qint64 now = Start * 1000;
    jar.setClock([&now] { return now; });
    // 10 secure cookies first (the oldest), then insecure ones until the site holds 181.
    for (int i = 0; i < 10; ++i, now += 1000)
        QVERIFY(jar.setCookie(QByteArray("s" + QByteArray::number(i) + "=1; Secure"), context("https://example.com/")).isStored());
    for (int i = 0; i < 171; ++i, now += 1000)
        QVERIFY(jar.setCookie(QByteArray("i" + QByteArray::number(i) + "=1; Domain=example.com"), context("https://www.example.com/"))
                    .isStored());
    QCOMPARE(jar.size(), CookieJar::MaxCookiesPerSite - CookieJar::PurgeCookiesPerSite);
    int secure = 0;
    QByteArrayList names;
    for (const StoredCookie &c : jar.cookies()) {
        secure += c.secure ? 1 : 0;
        names.append(c.name);
    }
    QCOMPARE(secure, 10);
    QVERIFY(!names.contains("i0"));
    QVERIFY(!names.contains("i30"));
    QVERIFY(names.contains("i31"));
    // Another site is not touched by this site's purge.
    QVERIFY(jar.setCookie("other=1", context("https://other.org/")).isStored());
    QCOMPARE(jar.size(), 151);
}

void TestCookieJar::evictsGlobalLeastRecentlyUsed()
{
    CookieJar jar;
    qint64 now = Start * 1000;
    jar.setClock([&now] { return now; });
    for (int i = 0; i < CookieJar::MaxCookies; ++i, now += 10)
        jar.setCookie(
            QByteArray("c" + QByteArray::number(i % 100) + "=1"), context(qPrintable(QStringLiteral("http://site%1.test/").arg(i / 100))));
    QCOMPARE(jar.size(), CookieJar::MaxCookies);
    // Touch the oldest site so it is recently used; the next insert purges 300 others.
    QCOMPARE(jar.cookiesForRequest(context("http://site0.test/")).size(), 100);
    jar.setCookie("last=1", context("http://newcomer.test/"));
    QCOMPARE(jar.size(), CookieJar::MaxCookies - CookieJar::PurgeCookies);
    QCOMPARE(jar.cookiesForRequest(context("http://site0.test/")).size(), 100);
    QCOMPARE(jar.cookiesForRequest(context("http://site1.test/")).size(), 0);
    QCOMPARE(jar.cookiesForRequest(context("http://newcomer.test/")).size(), 1);
}

void TestCookieJar::editingAndRemoval()
{
    CookieJar jar;
    QSignalSpy changed(&jar, &CookieJar::changed);
    QVERIFY(changed.isValid());
    jar.setCookie("a=1", context("http://example.com/"));
    jar.setCookie("b=1; Max-Age=60", context("http://example.com/"));
    jar.setCookie("c=1", context("http://other.com/"));
    QCOMPARE(changed.count(), 3);

    StoredCookie edited = jar.cookies().first();
    edited.value = "edited";
    jar.insert(edited);
    QCOMPARE(jar.size(), 3);
    QCOMPARE(jar.cookieHeader(context("http://example.com/")), QByteArray("a=edited; b=1"));

    QCOMPARE(jar.removeSessionCookies(), 2);
    QCOMPARE(jar.cookieHeader(context("http://example.com/")), QByteArray("b=1"));
    QCOMPARE(jar.removeHost("example.com"), 1);
    QCOMPARE(jar.size(), 0);
}

void TestCookieJar::clockTravel()
{
    CookieJar jar;
    qint64 offset = 0;
    jar.setClock([&offset] { return Start * 1000 + offset; });
    jar.setCookie("user_id=12345; Max-Age=3600", context("http://localhost:8000/"));
    offset = 3599 * 1000;
    QCOMPARE(jar.cookieHeader(context("http://localhost:8000/")), QByteArray("user_id=12345"));
    offset = 3600 * 1000;
    QCOMPARE(jar.explain(context("http://localhost:8000/")).first().reason, Inclusion::Expired);
    QCOMPARE(jar.removeExpired(), 1);
}

QTEST_APPLESS_MAIN(TestCookieJar)
#include "tst_cookiejar.moc"
