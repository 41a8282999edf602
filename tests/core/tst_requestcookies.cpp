// SPDX-License-Identifier: MIT
#include "core/requestcookies.h"

#include <QTest>

using namespace CookieLab;

class TestRequestCookies final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void firstOccurrenceWins();
    void severalHeaders();
    void unquoted();
};

void TestRequestCookies::parse_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArrayList>("pairs"); // "name=value", "=value" for nameless

    QTest::addRow("one") << QByteArray("a=1") << QByteArrayList{"a=1"};
    QTest::addRow("browser form") << QByteArray("a=1; b=2") << QByteArrayList{"a=1", "b=2"};
    QTest::addRow("no space") << QByteArray("a=1;b=2") << QByteArrayList{"a=1", "b=2"};
    QTest::addRow("surrounding spaces") << QByteArray("  a = 1 ;  b=2  ") << QByteArrayList{"a=1", "b=2"};
    QTest::addRow("empty pieces") << QByteArray("; ;a=1;; ;") << QByteArrayList{"a=1"};
    QTest::addRow("nameless cookie") << QByteArray("a=1; lonely; b=2") << QByteArrayList{"a=1", "=lonely", "b=2"};
    QTest::addRow("empty value") << QByteArray("a=") << QByteArrayList{"a="};
    QTest::addRow("= in value") << QByteArray("token=abc==") << QByteArrayList{"token=abc=="};
    QTest::addRow("quoted value kept") << QByteArray("a=\"x y\"") << QByteArrayList{"a=\"x y\""};
    QTest::addRow("duplicates kept") << QByteArray("a=1; a=2") << QByteArrayList{"a=1", "a=2"};
    QTest::addRow("comma is part of value") << QByteArray("a=1, b=2") << QByteArrayList{"a=1, b=2"};
    QTest::addRow("empty header") << QByteArray() << QByteArrayList{};
}

void TestRequestCookies::parse()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArrayList, pairs);
    QByteArrayList actual;
    const RequestCookies cookies = RequestCookies::parse(header);
    for (const CookiePair &pair : cookies.pairs())
        actual.append(pair.name + '=' + pair.value);
    QCOMPARE(actual, pairs);
}

void TestRequestCookies::firstOccurrenceWins()
{
    const RequestCookies cookies = RequestCookies::parse("auth_token=specific; auth_token=general");
    QCOMPARE(cookies.value("auth_token"), std::optional<QByteArray>("specific"));
    QCOMPARE(cookies.value("missing"), std::nullopt);
    QVERIFY(cookies.contains("auth_token"));
}

void TestRequestCookies::severalHeaders()
{
    const RequestCookies cookies = RequestCookies::parse(QList<QByteArray>{"a=1; b=2", "c=3"});
    QCOMPARE(cookies.size(), 3);
    QCOMPARE(cookies.value("c"), std::optional<QByteArray>("3"));
}

void TestRequestCookies::unquoted()
{
    QCOMPARE((CookiePair{"a", "\"x\""}.unquotedValue()), QByteArray("x"));
    QCOMPARE((CookiePair{"a", "\""}.unquotedValue()), QByteArray("\""));
    QCOMPARE((CookiePair{"a", "x"}.unquotedValue()), QByteArray("x"));
}

QTEST_APPLESS_MAIN(TestRequestCookies)
#include "tst_requestcookies.moc"
