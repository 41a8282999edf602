// SPDX-License-Identifier: MIT
#include "benchcorpus.h"

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
