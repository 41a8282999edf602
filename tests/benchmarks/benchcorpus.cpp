// SPDX-License-Identifier: MIT
#include "benchcorpus.h"

#include "core/harfile.h"

#include <QFile>
#include <QRandomGenerator>

namespace
{

QByteArray randomText(QRandomGenerator &random, int length, const char *alphabet)
{
    const int size = int(qstrlen(alphabet));
    QByteArray text(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        text[i] = alphabet[random.bounded(size)];
    return text;
}

} // namespace

QByteArrayList benchmarkSetCookieCorpus(int count)
{
    static const char Hex[] = "0123456789abcdef";
    static const char Base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QRandomGenerator random(20261203);
    QByteArrayList corpus;
    corpus.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(random.bounded(1000000));
        switch (i % 10) {
        case 0: corpus.append("sid=" + randomText(random, 32, Hex) + "; Path=/; HttpOnly; Secure; SameSite=Lax"); break;
        case 1: corpus.append("_ga=GA1.2." + n + ".1700000000; Expires=Fri, 01 Jan 2027 00:00:00 GMT; Path=/; Domain=.example.com"); break;
        case 2: corpus.append("theme=dark; Max-Age=86400; Path=/"); break;
        case 3:
            corpus.append("csrftoken=" + randomText(random, 64, Base64)
                + "; expires=Wed, 21-Oct-2026 07:28:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax");
            break;
        case 4: corpus.append("__Host-session=" + randomText(random, 43, Base64) + "; Path=/; Secure; HttpOnly; SameSite=Strict"); break;
        case 5: corpus.append("JSESSIONID=" + randomText(random, 32, Hex).toUpper() + "; Path=/app; HttpOnly"); break;
        case 6:
            corpus.append("NID=511=" + randomText(random, 120, Base64)
                + "; expires=Sat, 05-Jun-2027 10:00:00 GMT; path=/; domain=.example.com; HttpOnly");
            break;
        case 7: corpus.append("consent=yes"); break;
        case 8:
            corpus.append("auth_token=" + randomText(random, 86, Base64) + "; Max-Age=86400; Path=/; Secure; HttpOnly; SameSite=Strict");
            break;
        default: corpus.append("user=john; Max-Age=3600; Path=/; SameSite=Lax; Partitioned; Secure"); break;
        }
    }
    return corpus;
}

using namespace CookieLab;

HttpExchangePtr benchmarkBrowserExchange(int i)
{
    auto e = std::make_shared<HttpExchange>();
    e->method = i % 5 == 0 ? "POST" : "GET";
    e->url = QUrl(QStringLiteral("https://shop%1.example.com/catalogue/item?id=%2&ref=home").arg(i % 50).arg(i));
    e->status = 200;
    e->startedAt = 1'767'225'600'000 + i * 37;
    e->durationUsecs = 12'345;
    e->clientAddress = QStringLiteral("192.0.2.1");
    e->requestHeaders
        = {{"Host", "shop.example.com"}, {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36"},
            {"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, {"Accept-Language", "en-GB,en;q=0.9"},
            {"Accept-Encoding", "gzip, deflate, br"}, {"Referer", "https://shop.example.com/"}, {"Sec-Fetch-Site", "same-origin"},
            {"Sec-Fetch-Mode", "navigate"}, {"Sec-Fetch-Dest", "document"},
            {"Cookie", "session=" + QByteArray::number(i * 7919) + "; theme=dark; consent=yes; _ga=GA1.1.123456789.1767225600"}};
    e->responseHeaders = {{"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-store"},
        {"Set-Cookie", "session=" + QByteArray::number(i) + "; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax"},
        {"Set-Cookie", "last_seen=" + QByteArray::number(i) + "; Path=/; Expires=Fri, 01 Jan 2027 00:00:00 GMT"}, {"Server", "nginx"}};
    HttpExchange::setBody(e->responseBody, e->responseBodySize, QByteArray("<!doctype html><title>item</title><p>") + QByteArray(200, 'x'));
    return e;
}

bool writeBenchmarkHar(const QString &path, int entries)
{
    QList<HttpExchangePtr> exchanges;
    exchanges.reserve(entries);
    for (int i = 0; i < entries; ++i)
        exchanges.append(benchmarkBrowserExchange(i));
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(HarFile::write(exchanges, QStringLiteral("bench"))) >= 0;
}
