// SPDX-License-Identifier: MIT
#include "core/valuedecoder.h"

#include <QDateTime>
#include <QTest>

using namespace CookieLab;
using Kind = DecodedValue::Kind;

class TestValueDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void jwt();
    void serialized_data();
    void serialized();
};

void TestValueDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArrayList>("kinds");
    QTest::addColumn<QByteArray>("firstDecoded");
    QTest::addRow("URL-encoded") << QByteArray("hello%20world%21") << QByteArrayList{"URL-decoded"} << QByteArray("hello world!");
    QTest::addRow("plus is a space") << QByteArray("a+b") << QByteArrayList{"URL-decoded"} << QByteArray("a b");
    QTest::addRow("URL-encoded JSON") << QByteArray("%7B%22a%22%3A1%7D") << QByteArrayList{"URL-decoded", "JSON"}
                                      << QByteArray("{\"a\":1}");
    QTest::addRow("base64 text") << QByteArray("dXNlcj1hbGljZQ==") << QByteArrayList{"base64"} << QByteArray("user=alice");
    QTest::addRow("base64url JSON") << QByteArray("eyJyb2xlIjoiYWRtaW4ifQ") << QByteArrayList{"base64url", "JSON"}
                                    << QByteArray("{\"role\":\"admin\"}");
    QTest::addRow("odd-length hex is not hex") << QByteArray("68656c6c6f212") << QByteArrayList{} << QByteArray();
    QTest::addRow("hex text") << QByteArray("68656c6c6f21") << QByteArrayList{"hex"} << QByteArray("hello!");
    QTest::addRow("random token") << QByteArray("Zq8XvN2mK4pR7tW1yB6cD9fG3hJ5kL0n") << QByteArrayList{} << QByteArray();
    QTest::addRow("plain word") << QByteArray("dark") << QByteArrayList{} << QByteArray();
}

void TestValueDecoder::decode()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArrayList, kinds);
    QFETCH(QByteArray, firstDecoded);
    const QList<DecodedValue> decoded = ValueDecoder::decode(value);
    QByteArrayList actual;
    for (const DecodedValue &d : decoded)
        actual.append(DecodedValue::kindName(d.kind));
    QCOMPARE(actual, kinds);
    if (!decoded.isEmpty())
        QCOMPARE(decoded.first().bytes, firstDecoded);
}

void TestValueDecoder::jwt()
{
    // {"alg":"HS256","typ":"JWT"} . {"sub":"alice","exp":1767225600} . signature
    const QByteArray token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImV4cCI6MTc2NzIyNTYwMH0.c2lnbmF0dXJl";
    const auto jwt = ValueDecoder::decodeJwt(token);
    QVERIFY(jwt);
    QCOMPARE(jwt->jwtHeader.value(QLatin1String("alg")).toString(), QStringLiteral("HS256"));
    QCOMPARE(jwt->jwtPayload.value(QLatin1String("sub")).toString(), QStringLiteral("alice"));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(*jwt->jwtExpiry(), Qt::UTC).toString(Qt::ISODate), QStringLiteral("2026-01-01T00:00:00Z"));
    QVERIFY(!jwt->jwtUnsigned);
    QVERIFY(ValueDecoder::decodeJwt("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")->jwtUnsigned);
    QVERIFY(!ValueDecoder::decodeJwt("abc.def.ghi"));
    QVERIFY(!ValueDecoder::decodeJwt("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.x")); // header without alg
    QCOMPARE(ValueDecoder::decode(token).first().kind, Kind::Jwt);
}

void TestValueDecoder::serialized_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("kind");
    QTest::addRow("Java base64") << QByteArray("rO0ABXNyABFqYXZh") << QStringLiteral("Java");
    QTest::addRow("Java raw magic (NUL inside)") << QByteArray("\xac\xed\x00\x05sr", 6) << QStringLiteral("Java");
    QTest::addRow("not Java: same first two bytes") << QByteArray("\xac\xedXY", 4) << QString();
    QTest::addRow(".NET") << QByteArray("AAEAAAD/////AQAAAA") << QStringLiteral(".NET BinaryFormatter");
    QTest::addRow("PHP object") << QByteArray("O:4:\"User\":1:{}") << QStringLiteral("PHP");
    QTest::addRow("PHP array, URL-encoded") << QByteArray("a%3A2%3A%7Bi%3A0%3B%7D") << QStringLiteral("PHP");
    QTest::addRow("pickle") << QByteArray("gASVCwAAAAAAAACMBWhlbGxvlC4=") << QStringLiteral("Python pickle");
    QTest::addRow("Ruby Marshal") << QByteArray("BAhJIgphbGljZQY6BkVU") << QStringLiteral("Ruby Marshal");
    QTest::addRow("plain") << QByteArray("Order:12") << QString();
    QTest::addRow("almost PHP") << QByteArray("a:b") << QString();
}

void TestValueDecoder::serialized()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, kind);
    QCOMPARE(ValueDecoder::serializedObjectKind(value), kind);
}

QTEST_APPLESS_MAIN(TestValueDecoder)
#include "tst_valuedecoder.moc"
