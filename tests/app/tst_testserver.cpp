// SPDX-License-Identifier: MIT
// The embedded server over real loopback sockets: every route and branch, byte-exact Set-Cookie
// lines, the login flow through the project's own client and jar, and capture of every exchange.
#include "app/cookieroutes.h"
#include "app/labclient.h"
#include "app/labserver.h"
#include "app/testserver.h"
#include "core/cookiedate.h"
#include "rawhttp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace CookieLab;

namespace
{

const QRegularExpression TokenCookie(QStringLiteral("^auth_token=(v1\\.[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+); "
                                                    "Max-Age=86400; Path=/; Secure; HttpOnly; SameSite=Strict$"));
const QByteArray Deletion("auth_token=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax");

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

class TestTestServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void homeEchoesAuthToken_data();
    void homeEchoesAuthToken();
    void documentedCookieRoutes_data();
    void documentedCookieRoutes();
    void rememberMeIsPermanent();
    void loginIssuesFreshTokens();
    void loginRefusals_data();
    void loginRefusals();
    void protectedBranches();
    void fullFlowThroughOwnClientAndJar();
    void tamperedAndExpiredTokens();
    void unknownPathsMethodsAndOversizeBodies();
    void httpbinCookieRoutes();
    void responseHeadersKeepOrderAndRefuseLineBreaks_data();
    void responseHeadersKeepOrderAndRefuseLineBreaks();
    void routeTableListsCookies();
    void policyEditsChangeTheWire();
    void everyExchangeIsCaptured();
    void documentedRoutesRaiseTheExpectedRules_data();
    void documentedRoutesRaiseTheExpectedRules();
    void captureCanBeTurnedOff();
    void usersFileErrors_data();
    void usersFileErrors();
    void portInUseIsAnError();
    void attendeeUrlsForLanBinds_data();
    void attendeeUrlsForLanBinds();
    void httpsWithALocalCertificate();
    void tlsFileErrors();

private:
    RawResponse get(const QByteArray &target, const QByteArrayList &headers = {});
    RawResponse post(const QByteArray &target, const QByteArray &body, const QByteArrayList &headers = {});
    QByteArray loginToken(const char *user = "alice", const char *password = "wonderland");

    std::unique_ptr<LabServer> m_lab;
    quint16 m_port = 0;
};

void TestTestServer::initTestCase()
{
    LabServer::Options options;
    options.port = 0;
    QString error;
    m_lab = LabServer::create(options, &error);
    QVERIFY2(m_lab, qPrintable(error));
    QCOMPARE(m_lab->start(), QString());
    m_port = m_lab->server().port();
    QVERIFY(m_port != 0);
    QCOMPARE(m_lab->server().address(), QHostAddress(QHostAddress::LocalHost));
}

void TestTestServer::init()
{
    // One server for the suite (hashing the users takes a moment); each test starts from clean state.
    m_lab->policy().reset();
    m_lab->recorder().flush(); // exchanges of the previous test may still be on their way
    m_lab->log().clear();
    m_lab->sessions().clear();
    m_lab->sessions().setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
    m_lab->server().setCaptureEnabled(true);
}

void TestTestServer::cleanupTestCase()
{
    m_lab.reset();
}

RawResponse TestTestServer::get(const QByteArray &target, const QByteArrayList &headers)
{
    return rawRequest(m_port, buildRequest("GET", target, headers));
}

RawResponse TestTestServer::post(const QByteArray &target, const QByteArray &body, const QByteArrayList &headers)
{
    return rawRequest(m_port, buildRequest("POST", target, QByteArrayList{"Content-Type: application/json"} + headers, body));
}

QByteArray TestTestServer::loginToken(const char *user, const char *password)
{
    const RawResponse r = post("/login", QByteArray("{\"username\":\"") + user + "\",\"password\":\"" + password + "\"}");
    const auto match = TokenCookie.match(QString::fromLatin1(r.value("set-cookie")));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

void TestTestServer::homeEchoesAuthToken_data()
{
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("no cookie") << QByteArrayList{} << QByteArray("{\"token\":null}");
    QTest::addRow("auth_token") << QByteArrayList{"Cookie: theme=dark; auth_token=abc"} << QByteArray("{\"token\":\"abc\"}");
    QTest::addRow("first of duplicates") << QByteArrayList{"Cookie: auth_token=specific; auth_token=general"}
                                         << QByteArray("{\"token\":\"specific\"}");
    QTest::addRow("two Cookie headers") << QByteArrayList{"Cookie: a=1", "Cookie: auth_token=xyz"} << QByteArray("{\"token\":\"xyz\"}");
    QTest::addRow("empty value") << QByteArrayList{"Cookie: auth_token="} << QByteArray("{\"token\":\"\"}");
}

void TestTestServer::homeEchoesAuthToken()
{
    QFETCH(QByteArrayList, headers);
    QFETCH(QByteArray, body);
    const RawResponse r = get("/", headers);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r.body, body);
    QVERIFY(r.values("set-cookie").isEmpty());
}

void TestTestServer::documentedCookieRoutes_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArrayList>("setCookies");
    QTest::addRow("/set-cookie") << QByteArray("/set-cookie") << QByteArray("{\"status\":\"Cookie set\"}")
                                 << QByteArrayList{"user_id=12345; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax"};
    QTest::addRow("/logout") << QByteArray("/logout") << QByteArray("{\"status\":\"Logged out\"}") << QByteArrayList{Deletion};
    QTest::addRow("/multi-cookie") << QByteArray("/multi-cookie") << QByteArray("{\"status\":\"Cookies set\"}")
                                   << QByteArrayList{"user=john; Max-Age=3600; Path=/; SameSite=Lax",
                                          "theme=dark; Max-Age=86400; Path=/; SameSite=Lax"};
}

void TestTestServer::documentedCookieRoutes()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArrayList, setCookies);
    const RawResponse r = get(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.value("content-type"), QByteArray("application/json"));
    QCOMPARE(r.body, body);
    QCOMPARE(r.values("set-cookie"), setCookies);
    // Each Set-Cookie is its own header line, spelled exactly so.
    QCOMPARE(r.raw.count("\r\nSet-Cookie: "), setCookies.size());
}

void TestTestServer::rememberMeIsPermanent()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const RawResponse r = get("/remember-me");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.value("content-type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(r.body, QByteArray("Cookie set for 10 years"));
    const QByteArray line = r.value("set-cookie");
    const QRegularExpression shape(QStringLiteral("^remember_me=true; Max-Age=315360000; Expires=(.+ GMT); Path=/; SameSite=Lax$"));
    const auto match = shape.match(QString::fromLatin1(line));
    QVERIFY2(match.hasMatch(), line.constData());
    const QByteArray expires = match.captured(1).toLatin1();
    QVERIFY(CookieDate::isImfFixdate(expires));
    const qint64 tenYears = 3650LL * 24 * 3600 * 1000;
    const qint64 expiry = *CookieDate::parse(expires);
    QVERIFY(expiry >= before / 1000 * 1000 + tenYears - 1000);
    QVERIFY(expiry <= QDateTime::currentMSecsSinceEpoch() + tenYears + 1000);
}

void TestTestServer::loginIssuesFreshTokens()
{
    const RawResponse r = post("/login", "{\"username\":\"alice\",\"password\":\"wonderland\"}");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{\"status\":\"Login successful\"}"));
    QCOMPARE(r.values("set-cookie").size(), 1);
    QVERIFY2(TokenCookie.match(QString::fromLatin1(r.value("set-cookie"))).hasMatch(), r.value("set-cookie").constData());
    const QByteArray first = loginToken();
    const QByteArray second = loginToken();
    QVERIFY(!first.isEmpty());
    QVERIFY(first != second);
    QVERIFY(!loginToken("bob", "builder").isEmpty());
}

void TestTestServer::loginRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::addRow("wrong password") << QByteArray("{\"username\":\"alice\",\"password\":\"nope\"}") << 401
                                    << QStringLiteral("Invalid credentials");
    QTest::addRow("unknown user") << QByteArray("{\"username\":\"mallory\",\"password\":\"wonderland\"}") << 401
                                  << QStringLiteral("Invalid credentials");
    QTest::addRow("other user's password") << QByteArray("{\"username\":\"bob\",\"password\":\"wonderland\"}") << 401
                                           << QStringLiteral("Invalid credentials");
    QTest::addRow("not JSON") << QByteArray("username=alice") << 400 << QStringLiteral("Request body is not valid JSON");
    QTest::addRow("empty body") << QByteArray() << 400 << QStringLiteral("Request body is not valid JSON");
    QTest::addRow("array") << QByteArray("[\"alice\"]") << 400 << QStringLiteral("must be a JSON object");
    QTest::addRow("missing password") << QByteArray("{\"username\":\"alice\"}") << 400 << QStringLiteral("Missing field \"password\"");
    QTest::addRow("missing username") << QByteArray("{\"password\":\"x\"}") << 400 << QStringLiteral("Missing field \"username\"");
    QTest::addRow("number password") << QByteArray("{\"username\":\"alice\",\"password\":42}") << 400
                                     << QStringLiteral("Field \"password\" must be a string");
    QTest::addRow("null username") << QByteArray("{\"username\":null,\"password\":\"x\"}") << 400
                                   << QStringLiteral("Field \"username\" must be a string");
}

void TestTestServer::loginRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, error);
    const RawResponse r = post("/login", body);
    QCOMPARE(r.status, status);
    QVERIFY(r.values("set-cookie").isEmpty());
    const QString message = jsonOf(r.body).value(QLatin1String("error")).toString();
    QVERIFY2(message.startsWith(error) || message.contains(error), qPrintable(message));
}

void TestTestServer::protectedBranches()
{
    RawResponse r = get("/protected");
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Unauthorized\"}"));
    QVERIFY(r.values("set-cookie").isEmpty());

    r = get("/protected", {"Cookie: auth_token="});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Unauthorized\"}"));

    r = get("/protected", {"Cookie: auth_token=garbage"});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Invalid token\"}"));
    QCOMPARE(r.values("set-cookie"), QByteArrayList{Deletion});

    r = get("/protected", {"Cookie: auth_token=" + loginToken("bob", "builder")});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Welcome bob\"}"));
}

void TestTestServer::fullFlowThroughOwnClientAndJar()
{
    CookieJar jar;
    LabClient client(jar);
    QSignalSpy responses(&client, &LabClient::responseReceived);
    QVERIFY(responses.isValid());
    const QUrl base = m_lab->server().baseUrl();
    const auto send = [&](const char *method, const char *path, const QByteArray &body = {}) {
        LabClient::Request request;
        request.method = method;
        request.url = base.resolved(QUrl(QString::fromLatin1(path)));
        request.body = body;
        if (!body.isEmpty())
            request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        client.send(request);
        if (!responses.wait(10000))
            return LabClient::Response{};
        return responses.takeFirst().at(0).value<LabClient::Response>();
    };

    LabClient::Response r = send("POST", "/login", "{\"username\":\"alice\",\"password\":\"wonderland\"}");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.storeOutcomes.size(), 1);
    QCOMPARE(r.storeOutcomes.first().status, CookieStoreOutcome::Status::Stored); // Secure works on http://127.0.0.1
    const QByteArray token = jar.cookies().value(0).value;
    QVERIFY(token.startsWith("v1."));

    r = send("GET", "/protected");
    QCOMPARE(r.cookieSent, "auth_token=" + token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("{\"message\":\"Welcome alice\"}"));

    r = send("GET", "/");
    QCOMPARE(jsonOf(r.body).value(QLatin1String("token")).toString().toLatin1(), token);

    r = send("GET", "/logout");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.storeOutcomes.value(0).status, CookieStoreOutcome::Status::Deleted);
    QCOMPARE(jar.size(), 0);

    r = send("GET", "/protected");
    QCOMPARE(r.cookieSent, QByteArray());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Unauthorized\"}"));

    // The server revoked the session too: replaying the old token fails.
    const RawResponse replay = get("/protected", {"Cookie: auth_token=" + token});
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.body, QByteArray("{\"error\":\"Invalid token\"}"));
}

void TestTestServer::tamperedAndExpiredTokens()
{
    const QByteArray token = loginToken();
    QVERIFY(!token.isEmpty());
    // Claim to be bob: the signature no longer matches.
    QList<QByteArray> parts = token.split('.');
    parts[1] = QByteArray("bob").toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    RawResponse r = get("/protected", {"Cookie: auth_token=" + parts.join('.')});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Invalid token\"}"));
    QCOMPARE(m_lab->sessions().verify(parts.join('.')).status, SessionManager::Status::BadSignature);
    // Flip one signature character.
    QByteArray flipped = token;
    flipped[flipped.size() - 1] = flipped.back() == 'A' ? 'B' : 'A';
    QCOMPARE(get("/protected", {"Cookie: auth_token=" + flipped}).status, 401);

    // A day later the token has expired.
    m_lab->sessions().setClock([] { return QDateTime::currentMSecsSinceEpoch() + 86401LL * 1000; });
    r = get("/protected", {"Cookie: auth_token=" + token});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Invalid token\"}"));
    QCOMPARE(r.values("set-cookie"), QByteArrayList{Deletion});
    QCOMPARE(m_lab->sessions().verify(token).status, SessionManager::Status::Expired);
}

void TestTestServer::unknownPathsMethodsAndOversizeBodies()
{
    RawResponse r = get("/nope");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray("{\"error\":\"Not found\"}"));

    r = get("/login");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.value("allow"), QByteArray("POST"));
    r = post("/set-cookie", "{}");
    QCOMPARE(r.status, 405);
    QCOMPARE(r.value("allow"), QByteArray("GET"));

    r = post("/login", QByteArray(CookieRoutes::MaxBodySize + 1, 'x'));
    QCOMPARE(r.status, 413);
    QVERIFY(jsonOf(r.body).value(QLatin1String("error")).toString().contains(QLatin1String("1048577 bytes")));

    r = rawRequest(m_port, buildRequest("HEAD", "/set-cookie"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.values("set-cookie").size(), 1);
}

void TestTestServer::httpbinCookieRoutes()
{
    RawResponse r = get("/cookies", {"Cookie: a=1; b=two; a=3; lonely"});
    QCOMPARE(r.status, 200);
    const QJsonObject echo = jsonOf(r.body);
    QCOMPARE(echo.value(QLatin1String("cookies")).toObject(),
        (QJsonObject{{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QStringLiteral("two")},
            {QString(), QStringLiteral("lonely")}}));
    QCOMPARE(echo.value(QLatin1String("pairs")).toArray().size(), 4);

    r = get("/cookies/set?flavour=oatmeal&count=3");
    QCOMPARE(r.status, 302);
    QCOMPARE(r.value("location"), QByteArray("/cookies"));
    QCOMPARE(r.values("set-cookie"), (QByteArrayList{"flavour=oatmeal; Path=/; SameSite=Lax", "count=3; Path=/; SameSite=Lax"}));

    r = get("/cookies/delete?flavour&count");
    QCOMPARE(r.status, 302);
    QCOMPARE(r.values("set-cookie"),
        (QByteArrayList{"flavour=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax",
            "count=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; SameSite=Lax"}));

    // Injection attempts and values a browser would misread are refused, never sent.
    for (const QByteArray &target : {QByteArray("/cookies/set?a=x%0D%0ASet-Cookie:%20evil=1"), QByteArray("/cookies/set?a=x%3By"),
             QByteArray("/cookies/set?bad%20name=1"), QByteArray("/cookies/delete?a%0Ab")}) {
        r = get(target);
        QCOMPARE(r.status, 400);
        QVERIFY(r.values("set-cookie").isEmpty());
        QVERIFY(!r.raw.contains("evil=1\r\n"));
    }
}

void TestTestServer::responseHeadersKeepOrderAndRefuseLineBreaks_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArrayList>("setCookies");
    QTest::addRow("order kept") << QByteArray("Set-Cookie=z%3D1&Set-Cookie=a%3D2%3B%20Path%3D%2F&Set-Cookie=m%3D3") << 200
                                << QByteArrayList{"z=1", "a=2; Path=/", "m=3"};
    QTest::addRow("same name twice") << QByteArray("Set-Cookie=a%3D1&Set-Cookie=a%3D2") << 200 << QByteArrayList{"a=1", "a=2"};
    QTest::addRow("odd attributes byte for byte")
        << QByteArray("Set-Cookie=x%3D%22q%22%3B%20secure%3Dfalse%3B%20SameSite%3Dbogus%3B%20Expires%3DWed,%2021-Oct-2015%2007:28:00%20GMT")
        << 200 << QByteArrayList{"x=\"q\"; secure=false; SameSite=bogus; Expires=Wed, 21-Oct-2015 07:28:00 GMT"};
    QTest::addRow("plus is a space") << QByteArray("Set-Cookie=a%3D1;+Path%3D/") << 200 << QByteArrayList{"a=1; Path=/"};
    QTest::addRow("CRLF refused") << QByteArray("Set-Cookie=a%3D1%0D%0AX-Injected:%20yes") << 400 << QByteArrayList{};
    QTest::addRow("bare LF refused") << QByteArray("Set-Cookie=a%3D1%0Ab%3D2") << 400 << QByteArrayList{};
    QTest::addRow("NUL refused") << QByteArray("Set-Cookie=a%3D1%00") << 400 << QByteArrayList{};
    QTest::addRow("framing header refused") << QByteArray("Content-Length=0") << 400 << QByteArrayList{};
}

void TestTestServer::responseHeadersKeepOrderAndRefuseLineBreaks()
{
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QByteArrayList, setCookies);
    const RawResponse r = get("/response-headers?" + query);
    QCOMPARE(r.status, status);
    QCOMPARE(r.values("set-cookie"), setCookies);
    QVERIFY(r.values("x-injected").isEmpty());
}

void TestTestServer::routeTableListsCookies()
{
    const RawResponse r = get("/routes");
    QCOMPARE(r.status, 200);
    const QJsonArray routes = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(routes.size(), CookieRoutes::routes().size());
    QStringList paths;
    for (const QJsonValue &route : routes) {
        paths.append(route[QLatin1String("method")].toString() + u' ' + route[QLatin1String("path")].toString());
        QVERIFY(!route[QLatin1String("description")].toString().isEmpty());
    }
    for (const char *expected :
        {"GET /", "GET /set-cookie", "GET /logout", "GET /remember-me", "GET /multi-cookie", "POST /login", "GET /protected"})
        QVERIFY2(paths.contains(QLatin1String(expected)), expected);
    const QJsonObject setCookie = routes.at(1).toObject();
    QCOMPARE(setCookie[QLatin1String("cookies")].toArray().at(0)[QLatin1String("setCookie")].toString(),
        QStringLiteral("user_id=12345; Max-Age=3600; Path=/; Secure; HttpOnly; SameSite=Lax"));
}

void TestTestServer::policyEditsChangeTheWire()
{
    RouteCookie login = *m_lab->policy().cookie("/login auth_token");
    login.options.httpOnly = false;
    login.options.sameSite = "none";
    QCOMPARE(m_lab->policy().update(login), QString());
    RawResponse r = post("/login", "{\"username\":\"alice\",\"password\":\"wonderland\"}");
    QVERIFY2(r.value("set-cookie").endsWith("; Max-Age=86400; Path=/; Secure; SameSite=None"), r.value("set-cookie").constData());

    RouteCookie bad = login;
    bad.options.path = "/a\r\nX-Injected: 1";
    QVERIFY(m_lab->policy().update(bad).contains(QLatin1String("CR")));

    m_lab->policy().reset();
    r = post("/login", "{\"username\":\"alice\",\"password\":\"wonderland\"}");
    QVERIFY(TokenCookie.match(QString::fromLatin1(r.value("set-cookie"))).hasMatch());
}

void TestTestServer::everyExchangeIsCaptured()
{
    QSignalSpy recorded(&m_lab->log(), &ExchangeLog::exchangesRecorded);
    QVERIFY(recorded.isValid());
    get("/multi-cookie", {"Cookie: b=2; a=1", "X-Trace: one"});
    get("/missing");
    post("/login", "{\"username\":\"alice\",\"password\":\"wonderland\"}");
    post("/login", QByteArray(HttpExchange::DefaultBodyLimit + 10, ' '));
    QTRY_COMPARE(m_lab->log().size(), 4);

    const QList<HttpExchangePtr> entries = m_lab->log().entries();
    QCOMPARE(entries.size(), 4);
    const HttpExchange &multi = *entries.at(0);
    QCOMPARE(multi.method, QByteArray("GET"));
    QCOMPARE(multi.path(), QByteArray("/multi-cookie"));
    QCOMPARE(multi.clientAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(multi.requestCookieHeaders(), QByteArrayList{"b=2; a=1"});
    QCOMPARE(multi.requestHeaders.at(0).first, QByteArray("Host"));
    QCOMPARE(multi.requestHeaders.last().first, QByteArray("X-Trace"));
    QCOMPARE(multi.status, 200);
    const QList<SetCookie> multiCookies = multi.setCookies();
    QCOMPARE(multiCookies.size(), 2);
    QCOMPARE(multiCookies.at(0).name, QByteArray("user"));
    QCOMPARE(*multiCookies.at(1).maxAge, 86400);
    QCOMPARE(multi.responseBody, QByteArray("{\"status\":\"Cookies set\"}"));
    QVERIFY(multi.durationUsecs >= 0);
    QVERIFY(qAbs(multi.startedAt - QDateTime::currentMSecsSinceEpoch()) < 60000);

    QCOMPARE(entries.at(1)->status, 404);
    QCOMPARE(entries.at(2)->setCookies().value(0).name, QByteArray("auth_token"));
    QVERIFY(entries.at(2)->setCookies().value(0).httpOnly);
    const HttpExchange &large = *entries.at(3);
    QVERIFY(large.requestBodyTruncated());
    QCOMPARE(large.requestBodySize, HttpExchange::DefaultBodyLimit + 10);
    QCOMPARE(large.requestBody.size(), HttpExchange::DefaultBodyLimit);
    QVERIFY(entries.at(0)->id < entries.at(3)->id);
}

void TestTestServer::documentedRoutesRaiseTheExpectedRules_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArrayList>("rules"); // sorted "CKnnn cookie" pairs, one per finding

    // Served over http://127.0.0.1, which browsers treat as a secure context (localhost).
    QTest::addRow("/set-cookie") << QByteArray("GET") << QByteArray("/set-cookie") << QByteArrayList{"CK004 user_id", "CK104 user_id"};
    QTest::addRow("/logout") << QByteArray("GET") << QByteArray("/logout") << QByteArrayList{"CK066 auth_token"};
    QTest::addRow("/remember-me") << QByteArray("GET") << QByteArray("/remember-me")
                                  << QByteArrayList{"CK002 remember_me", "CK011 remember_me", "CK026 remember_me", "CK057 remember_me",
                                         "CK060 remember_me", "CK065 remember_me", "CK068 remember_me", "CK106 remember_me",
                                         "CK131 remember_me"};
    QTest::addRow("/multi-cookie") << QByteArray("GET") << QByteArray("/multi-cookie")
                                   << QByteArrayList{"CK010 theme", "CK010 user", "CK068 theme", "CK104 user"};
    QTest::addRow("/login") << QByteArray("POST") << QByteArray("/login")
                            << QByteArrayList{"CK004 auth_token", "CK057 auth_token", "CK065 auth_token", "CK131 auth_token"};
    QTest::addRow("/protected with a bad token") << QByteArray("GET") << QByteArray("/protected") << QByteArrayList{"CK066 auth_token"};
}

void TestTestServer::documentedRoutesRaiseTheExpectedRules()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArrayList, rules);
    if (method == "POST")
        post(path, "{\"username\":\"alice\",\"password\":\"wonderland\"}");
    else
        get(path, {"Cookie: auth_token=forged"});
    m_lab->recorder().flush();
    const HttpExchangePtr exchange = m_lab->log().entries().value(0);
    QVERIFY(exchange);
    QByteArrayList actual;
    for (const Finding &f : exchange->findings)
        actual.append(f.ruleId() + ' ' + f.cookieName());
    std::sort(actual.begin(), actual.end());
    QCOMPARE(actual, rules);
    // Severities a reviewer would expect for the loudest ones.
    for (const Finding &f : exchange->findings) {
        if (f.rule == Rule::CK065 && path == "/remember-me")
            QCOMPARE(f.severity, Severity::High);
        if (f.rule == Rule::CK060)
            QCOMPARE(f.severity, Severity::Info);
        if (f.rule == Rule::CK004)
            QCOMPARE(f.severity, Severity::Info);
    }
}

void TestTestServer::captureCanBeTurnedOff()
{
    m_lab->server().setCaptureEnabled(false);
    QCOMPARE(get("/set-cookie").status, 200);
    m_lab->recorder().flush();
    QCOMPARE(m_lab->log().size(), 0);
}

void TestTestServer::usersFileErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addRow("not JSON") << QByteArray("[{") << QStringLiteral("not valid JSON at offset");
    QTest::addRow("object") << QByteArray("{}") << QStringLiteral("expected a JSON array");
    QTest::addRow("no username") << QByteArray("[{\"password\":\"x\"}]")
                                 << QStringLiteral("entry [0] needs a non-empty string \"username\"");
    QTest::addRow("no password") << QByteArray("[{\"username\":\"x\"}]") << QStringLiteral("entry [0] needs exactly one of");
    QTest::addRow("duplicate") << QByteArray("[{\"username\":\"x\",\"password\":\"1\"},{\"username\":\"x\",\"password\":\"2\"}]")
                               << QStringLiteral("entry [1] repeats the username \"x\"");
    QTest::addRow("bad hash") << QByteArray("[{\"username\":\"x\",\"password_hash\":\"md5$abc\"}]")
                              << QStringLiteral("\"password_hash\" is malformed");
    QTest::addRow("empty") << QByteArray("[]") << QStringLiteral("no users");
}

void TestTestServer::usersFileErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(json);
    file.flush();
    LabServer::Options options;
    options.port = 0;
    options.usersFile = file.fileName();
    QString message;
    QVERIFY(!LabServer::create(options, &message));
    QVERIFY2(message.startsWith(file.fileName()), qPrintable(message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestTestServer::portInUseIsAnError()
{
    LabServer::Options options;
    options.port = m_port;
    QString error;
    const auto second = LabServer::create(options, &error);
    QVERIFY(second);
    const QString message = second->start();
    QVERIFY2(message.contains(QString::number(m_port)), qPrintable(message));
    QVERIFY(!second->server().isListening());
}

QTEST_GUILESS_MAIN(TestTestServer)
void TestTestServer::attendeeUrlsForLanBinds_data()
{
    QTest::addColumn<QHostAddress>("bound");
    QTest::addColumn<QStringList>("expected");
    const QString lan = QStringLiteral("http://192.168.1.20:8000/lab/");
    const QString vpn = QStringLiteral("http://10.0.0.5:8000/lab/");
    const QString ipv6 = QStringLiteral("http://[2001:db8::5]:8000/lab/");
    QTest::addRow("loopback") << QHostAddress(QHostAddress::LocalHost) << QStringList();
    QTest::addRow("IPv6 loopback") << QHostAddress(QHostAddress::LocalHostIPv6) << QStringList();
    QTest::addRow("one LAN address") << QHostAddress(QStringLiteral("192.168.1.20")) << QStringList{lan};
    QTest::addRow("0.0.0.0") << QHostAddress(QStringLiteral("0.0.0.0")) << QStringList{lan, vpn};
    QTest::addRow("::") << QHostAddress(QStringLiteral("::")) << QStringList{ipv6};
    QTest::addRow("dual stack") << QHostAddress(QHostAddress::Any) << QStringList{lan, vpn, ipv6};
}

void TestTestServer::attendeeUrlsForLanBinds()
{
    QFETCH(QHostAddress, bound);
    QFETCH(QStringList, expected);
    // What QNetworkInterface::allAddresses() gives on a laptop on Wi-Fi: loopback and link-local
    // addresses are of no use to another machine.
    const QList<QHostAddress> interfaces{QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("192.168.1.20")),
        QHostAddress(QStringLiteral("10.0.0.5")), QHostAddress(QStringLiteral("::1")), QHostAddress(QStringLiteral("fe80::1")),
        QHostAddress(QStringLiteral("2001:db8::5"))};
    QStringList urls;
    for (const QUrl &url : TestServer::labUrlsFor(bound, interfaces, QUrl(QStringLiteral("http://127.0.0.1:8000/"))))
        urls.append(url.toString());
    QCOMPARE(urls, expected);
}

void TestTestServer::httpsWithALocalCertificate()
{
    // The README's one-line local certificate, made with the openssl command line.
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
            QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
            QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"), QStringLiteral("-keyout"), key,
            QStringLiteral("-out"), cert});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);

    LabServer::Options options;
    options.port = 0;
    options.tlsCertificate = cert;
    options.tlsKey = key;
    QString error;
    const auto lab = LabServer::create(options, &error);
    QVERIFY2(lab, qPrintable(error));
    QCOMPARE(lab->start(), QString());
    QCOMPARE(lab->server().baseUrl().scheme(), QStringLiteral("https"));

    CookieJar jar;
    LabClient client(jar);
    client.setIgnoreCertificateErrors(true); // self-signed
    QSignalSpy answered(&client, &LabClient::responseReceived);
    LabClient::Request request;
    request.url = lab->server().baseUrl().resolved(QUrl(QStringLiteral("/set-cookie")));
    client.send(request);
    QVERIFY(answered.wait(10000));
    QCOMPARE(answered.constFirst().constFirst().value<LabClient::Response>().status, 200);
    QCOMPARE(jar.cookies().constFirst().name, QByteArray("user_id")); // Secure cookie from a secure origin
    lab->recorder().flush();
    const HttpExchangePtr exchange = lab->log().entries().constFirst();
    QCOMPARE(exchange->url.scheme(), QStringLiteral("https"));
    for (const Finding &f : exchange->findings)
        QVERIFY(f.rule != Rule::CK003 && f.rule != Rule::CK004); // no cleartext findings over HTTPS
}

void TestTestServer::tlsFileErrors()
{
    QTemporaryDir dir;
    QFile notPem(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(notPem.open(QIODevice::WriteOnly));
    notPem.write("hello");
    notPem.close();
    LabServer::Options options;
    options.port = 0;
    options.tlsCertificate = notPem.fileName();
    options.tlsKey = dir.filePath(QStringLiteral("key.pem"));
    QString error;
    QVERIFY(!LabServer::create(options, &error));
    QCOMPARE(error, notPem.fileName() + QStringLiteral(": no PEM certificate found"));
    options.tlsKey.clear();
    QVERIFY(!LabServer::create(options, &error));
    QCOMPARE(error, QStringLiteral("HTTPS needs both --tls-cert and --tls-key"));
}

#include "tst_testserver.moc"
