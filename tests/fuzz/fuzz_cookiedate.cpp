// SPDX-License-Identifier: MIT
// Properties: a parsed date is in the years 1601–9999 and survives IMF-fixdate formatting unchanged.
#include "core/cookiedate.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto parsed = CookieDate::parse(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!parsed)
        return 0;
    constexpr qint64 Year1601 = -11644473600000;
    constexpr qint64 Year10000 = 253402300800000;
    if (*parsed < Year1601 || *parsed >= Year10000)
        std::abort();
    const QByteArray imf = CookieDate::toImfFixdate(*parsed);
    if (!CookieDate::isImfFixdate(imf) || CookieDate::parse(imf) != parsed)
        std::abort();
    return 0;
}
