// SPDX-License-Identifier: MIT
#include "core/cookiedate.h"

#include <QDateTime>
#include <QTest>

using namespace CookieLab;

class TestCookieDate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void imfFixdate_data();
    void imfFixdate();
    void format_data();
    void format();
};

void TestCookieDate::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // ISO 8601 UTC, or empty when the text is not a cookie date

    // The three HTTP date forms.
    QTest::addRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << QStringLiteral("1994-11-06T08:49:37Z");
    QTest::addRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << QStringLiteral("1994-11-06T08:49:37Z");
    QTest::addRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << QStringLiteral("1994-11-06T08:49:37Z");
    QTest::addRow("Netscape dashes") << QByteArray("Wed, 21-Oct-2015 07:28:00 GMT") << QStringLiteral("2015-10-21T07:28:00Z");
    // Tokens in any order; the first token of each kind wins.
    QTest::addRow("year first") << QByteArray("2015 Jan 1 00:00:00") << QStringLiteral("2015-01-01T00:00:00Z");
    QTest::addRow("time first") << QByteArray("00:00:00 Jan 1 70") << QStringLiteral("1970-01-01T00:00:00Z");
    QTest::addRow("second day token ignored") << QByteArray("1 1 Jan 2015 00:00:00") << QStringLiteral("2015-01-01T00:00:00Z");
    QTest::addRow("one-digit time fields") << QByteArray("1:2:3 1 jan 2000") << QStringLiteral("2000-01-01T01:02:03Z");
    QTest::addRow("trailing text on tokens") << QByteArray("January 1st, 2020 10:00:00xyz") << QStringLiteral("2020-01-01T10:00:00Z");
    QTest::addRow("odd delimiters") << QByteArray("Thu,01-Jan-1970/00:00:01;GMT") << QStringLiteral("1970-01-01T00:00:01Z");
    QTest::addRow("month case-insensitive") << QByteArray("01 DEC 2015 00:00:00") << QStringLiteral("2015-12-01T00:00:00Z");
    // Two-digit (and short) years.
    QTest::addRow("year 70 is 1970") << QByteArray("01 Jan 70 00:00:00") << QStringLiteral("1970-01-01T00:00:00Z");
    QTest::addRow("year 99 is 1999") << QByteArray("01 Jan 99 00:00:00") << QStringLiteral("1999-01-01T00:00:00Z");
    QTest::addRow("year 69 is 2069") << QByteArray("01 Jan 69 00:00:00") << QStringLiteral("2069-01-01T00:00:00Z");
    QTest::addRow("year 0001 is 2001") << QByteArray("01 Jan 0001 00:00:00") << QStringLiteral("2001-01-01T00:00:00Z");
    QTest::addRow("leap day") << QByteArray("29 Feb 2016 12:00:00") << QStringLiteral("2016-02-29T12:00:00Z");
    QTest::addRow("earliest year 1601") << QByteArray("01 Jan 1601 00:00:00") << QStringLiteral("1601-01-01T00:00:00Z");
    // Not cookie dates.
    QTest::addRow("empty") << QByteArray() << QString();
    QTest::addRow("garbage") << QByteArray("garbage") << QString();
    QTest::addRow("no time") << QByteArray("1 Jan 2015") << QString();
    QTest::addRow("no year") << QByteArray("1 Jan 00:00:00") << QString();
    QTest::addRow("hour 24") << QByteArray("1 Jan 2015 24:00:00") << QString();
    QTest::addRow("minute 60") << QByteArray("1 Jan 2015 23:60:00") << QString();
    QTest::addRow("leap second") << QByteArray("1 Jan 2015 23:59:60") << QString();
    QTest::addRow("day 32") << QByteArray("32 Jan 2015 00:00:00") << QString();
    QTest::addRow("day 0") << QByteArray("0 Jan 2015 00:00:00") << QString();
    QTest::addRow("30 February") << QByteArray("30 Feb 2016 00:00:00") << QString();
    QTest::addRow("29 February, not leap") << QByteArray("29 Feb 2015 00:00:00") << QString();
    QTest::addRow("31 June") << QByteArray("31 Jun 2015 00:00:00") << QString();
    QTest::addRow("year 1600") << QByteArray("31 Dec 1600 23:59:59") << QString();
    QTest::addRow("five-digit year") << QByteArray("01 Jan 10000 00:00:00") << QString();
    QTest::addRow("three-digit time field") << QByteArray("01 Jan 2015 001:00:00") << QString();
}

void TestCookieDate::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const std::optional<qint64> parsed = CookieDate::parse(text);
    if (expected.isEmpty()) {
        QVERIFY2(!parsed, qPrintable(QDateTime::fromMSecsSinceEpoch(parsed.value_or(0), Qt::UTC).toString(Qt::ISODate)));
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(*parsed, Qt::UTC).toString(Qt::ISODate), expected);
}

void TestCookieDate::imfFixdate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("imf");
    QTest::addRow("canonical") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << true;
    QTest::addRow("dashes") << QByteArray("Sun, 06-Nov-1994 08:49:37 GMT") << false;
    QTest::addRow("two-digit year") << QByteArray("Sun, 06 Nov 94 08:49:37 GMT") << false;
    QTest::addRow("lower-case month") << QByteArray("Sun, 06 nov 1994 08:49:37 GMT") << false;
    QTest::addRow("one-digit day") << QByteArray("Sun, 6 Nov 1994 08:49:37 GMT") << false;
    QTest::addRow("UTC instead of GMT") << QByteArray("Sun, 06 Nov 1994 08:49:37 UTC") << false;
    QTest::addRow("long day name") << QByteArray("Sunday, 06 Nov 1994 08:49:37 GMT") << false;
}

void TestCookieDate::imfFixdate()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, imf);
    QCOMPARE(CookieDate::isImfFixdate(text), imf);
}

void TestCookieDate::format_data()
{
    QTest::addColumn<QString>("iso");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << QByteArray("Thu, 01 Jan 1970 00:00:00 GMT");
    QTest::addRow("RFC 9110 example") << QStringLiteral("1994-11-06T08:49:37Z") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT");
    QTest::addRow("leap day") << QStringLiteral("2024-02-29T23:59:59Z") << QByteArray("Thu, 29 Feb 2024 23:59:59 GMT");
    QTest::addRow("before epoch") << QStringLiteral("1969-12-31T23:59:59Z") << QByteArray("Wed, 31 Dec 1969 23:59:59 GMT");
}

void TestCookieDate::format()
{
    QFETCH(QString, iso);
    QFETCH(QByteArray, expected);
    const qint64 msecs = QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch();
    QCOMPARE(CookieDate::toImfFixdate(msecs), expected);
    QCOMPARE(CookieDate::parse(expected), std::optional<qint64>(msecs));
}

QTEST_APPLESS_MAIN(TestCookieDate)
#include "tst_cookiedate.moc"
