// SPDX-License-Identifier: MIT
#include "core/cookiedate.h"

#include <array>

namespace CookieLab
{

namespace
{

constexpr std::array<const char *, 12> MonthNames = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<const char *, 7> DayNames = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
constexpr std::array<const char *, 12> MonthTitles = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
bool isDelimiter(uchar c)
{
    return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

bool isDigit(uchar c)
{
    return c >= '0' && c <= '9';
}

// Reads 1 to maxDigits digits at pos; the digit run must end the token or be followed by a non-digit.
std::optional<int> leadingNumber(QByteArrayView token, qsizetype &pos, int minDigits, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (pos < token.size() && isDigit(uchar(token[pos]))) {
        if (++digits > maxDigits)
            return std::nullopt;
        value = value * 10 + (token[pos] - '0');
        ++pos;
    }
    if (digits < minDigits)
        return std::nullopt;
    return value;
}

// time = hms-time [ non-digit *OCTET ]; hms-time = time-field ":" time-field ":" time-field
bool matchTime(QByteArrayView token, int &hour, int &minute, int &second)
{
    qsizetype pos = 0;
    const auto h = leadingNumber(token, pos, 1, 2);
    if (!h || pos >= token.size() || token[pos] != ':')
        return false;
    ++pos;
    const auto m = leadingNumber(token, pos, 1, 2);
    if (!m || pos >= token.size() || token[pos] != ':')
        return false;
    ++pos;
    const auto s = leadingNumber(token, pos, 1, 2);
    if (!s)
        return false;
    hour = *h;
    minute = *m;
    second = *s;
    return true;
}

// day-of-month = 1*2DIGIT [ non-digit *OCTET ]; year = 2*4DIGIT [ non-digit *OCTET ]
bool matchNumber(QByteArrayView token, int minDigits, int maxDigits, int &out)
{
    qsizetype pos = 0;
    const auto value = leadingNumber(token, pos, minDigits, maxDigits);
    if (!value)
        return false;
    out = *value;
    return true;
}

bool matchMonth(QByteArrayView token, int &month)
{
    if (token.size() < 3)
        return false;
    for (int i = 0; i < 12; ++i) {
        const char *name = MonthNames[size_t(i)];
        bool same = true;
        for (int k = 0; k < 3 && same; ++k)
            same = (uchar(token[k]) | 0x20) == uchar(name[k]);
        if (same) {
            month = i + 1;
            return true;
        }
    }
    return false;
}

int daysInMonth(int year, int month)
{
    static constexpr std::array<int, 12> Days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : Days[size_t(month - 1)];
}

void appendTwoDigits(QByteArray &out, int value)
{
    out.append(char('0' + value / 10));
    out.append(char('0' + value % 10));
}

} // namespace

qint64 CookieDate::daysFromCivil(int year, int month, int day)
{
    // Howard Hinnant's days_from_civil.
    const qint64 y = qint64(year) - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::optional<qint64> CookieDate::parse(QByteArrayView text)
{
    bool foundTime = false, foundDay = false, foundMonth = false, foundYear = false;
    int hour = 0, minute = 0, second = 0, day = 0, month = 0, year = 0;

    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && isDelimiter(uchar(text[i])))
            ++i;
        const qsizetype start = i;
        while (i < n && !isDelimiter(uchar(text[i])))
            ++i;
        if (start == i)
            break;
        const QByteArrayView token = text.sliced(start, i - start);
        if (!foundTime && matchTime(token, hour, minute, second)) {
            foundTime = true;
            continue;
        }
        if (!foundDay && matchNumber(token, 1, 2, day)) {
            foundDay = true;
            continue;
        }
        if (!foundMonth && matchMonth(token, month)) {
            foundMonth = true;
            continue;
        }
        if (!foundYear && matchNumber(token, 2, 4, year)) {
            foundYear = true;
            continue;
        }
    }

    if (year >= 70 && year <= 99)
        year += 1900;
    else if (year >= 0 && year <= 69)
        year += 2000;

    if (!foundTime || !foundDay || !foundMonth || !foundYear)
        return std::nullopt;
    if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    if (day > daysInMonth(year, month))
        return std::nullopt;

    const qint64 days = daysFromCivil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60 * 1000 + qint64(second) * 1000;
}

bool CookieDate::isImfFixdate(QByteArrayView text)
{
    // "Sun, 06 Nov 1994 08:49:37 GMT": exactly 29 octets.
    if (text.size() != 29)
        return false;
    static constexpr std::array<const char *, 7> Week = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    bool dayOk = false;
    for (const char *d : Week)
        dayOk = dayOk || text.first(3) == QByteArrayView(d);
    bool monthOk = false;
    for (const char *m : MonthTitles)
        monthOk = monthOk || text.sliced(8, 3) == QByteArrayView(m);
    const auto digitsAt = [&](std::initializer_list<int> positions) {
        for (int p : positions) {
            if (!isDigit(uchar(text[p])))
                return false;
        }
        return true;
    };
    return dayOk && monthOk && text.sliced(3, 2) == ", " && digitsAt({5, 6, 12, 13, 14, 15, 17, 18, 20, 21, 23, 24}) && text[7] == ' '
        && text[11] == ' ' && text[16] == ' ' && text[19] == ':' && text[22] == ':' && text.sliced(25) == " GMT";
}

QByteArray CookieDate::toImfFixdate(qint64 msecsSinceEpoch)
{
    qint64 seconds = msecsSinceEpoch / 1000;
    if (msecsSinceEpoch < 0 && msecsSinceEpoch % 1000 != 0)
        --seconds;
    qint64 days = seconds / 86400;
    qint64 rem = seconds % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    // civil_from_days (Howard Hinnant).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const int weekday = int(((days % 7) + 7) % 7);

    QByteArray out;
    out.reserve(29);
    out.append(DayNames[size_t(weekday)]);
    out.append(", ");
    appendTwoDigits(out, day);
    out.append(' ');
    out.append(MonthTitles[size_t(month - 1)]);
    out.append(' ');
    out.append(QByteArray::number(year).rightJustified(4, '0'));
    out.append(' ');
    appendTwoDigits(out, int(rem / 3600));
    out.append(':');
    appendTwoDigits(out, int(rem / 60 % 60));
    out.append(':');
    appendTwoDigits(out, int(rem % 60));
    out.append(" GMT");
    return out;
}

} // namespace CookieLab
