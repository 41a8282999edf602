// SPDX-License-Identifier: MIT
// Properties: spans stay inside the header; a header browsers keep has no CR/LF/NUL in its name or
// value; expiry never exceeds now + 400 days; a valid cookie re-serialized parses back the same.
#include "core/httpsyntax.h"
#include "core/setcookieparser.h"
#include "core/setcookieserializer.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr qint64 Now = 1'700'000'000'000;
    const QByteArray header(reinterpret_cast<const char *>(data), qsizetype(size));
    const SetCookie cookie = SetCookieParser::parse(header, Now);
    const auto inside = [&](ByteSpan span) { return span.offset >= 0 && span.length >= 0 && span.end() <= header.size(); };
    if (!inside(cookie.nameSpan) || !inside(cookie.valueSpan))
        std::abort();
    for (const SetCookieAttribute &a : cookie.attributes) {
        if (!inside(a.span) || !inside(a.nameSpan) || !inside(a.valueSpan))
            std::abort();
    }
    for (const auto &d : cookie.diagnostics) {
        if (!inside(d.span) || d.message().isEmpty())
            std::abort();
    }
    if (cookie.persistent && cookie.expiry > Now + SetCookieParser::MaxLifetimeSeconds * 1000)
        std::abort();
    if (cookie.isIgnored())
        return 0;
    if (HttpSyntax::hasLineBreakOrNul(cookie.name) || HttpSyntax::hasLineBreakOrNul(cookie.value))
        std::abort();
    CookieOptions options;
    options.key = cookie.name;
    options.value = cookie.value;
    const auto serialized = SetCookieSerializer::serialize(options);
    if (serialized.ok()) {
        const SetCookie again = SetCookieParser::parse(serialized.header, Now);
        if (again.name != cookie.name || again.value != cookie.value || again.isIgnored())
            std::abort();
    }
    return 0;
}
