// SPDX-License-Identifier: MIT
// Fields from NUL-separated input. Properties: a refused cookie yields no header and a reason; an
// accepted one has no CR/LF/NUL and parses back to the same name, value and attributes.
#include "core/httpsyntax.h"
#include "core/setcookieparser.h"
#include "core/setcookieserializer.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> fields = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    CookieOptions options;
    options.key = fields.value(0);
    options.value = fields.value(1);
    options.domain = fields.value(2);
    options.path = fields.value(3);
    options.sameSite = fields.value(4);
    const QByteArray flags = fields.value(5);
    options.secure = flags.contains('s');
    options.httpOnly = flags.contains('h');
    options.partitioned = flags.contains('p');
    if (flags.contains('m'))
        options.maxAge = qint64(flags.size()) * 1000 - 3000;
    const auto result = SetCookieSerializer::serialize(options);
    if (!result.ok()) {
        if (!result.header.isEmpty() || result.error.isEmpty())
            std::abort();
        return 0;
    }
    if (HttpSyntax::hasLineBreakOrNul(result.header))
        std::abort();
    const SetCookie parsed = SetCookieParser::parse(result.header, 0);
    if (parsed.isIgnored() || parsed.name != options.key || parsed.value != options.value || parsed.secure != options.secure
        || parsed.httpOnly != options.httpOnly || parsed.partitioned != options.partitioned
        || parsed.domain != (options.domain.startsWith('.') ? options.domain.mid(1) : options.domain).toLower()
        || parsed.path != options.path || parsed.maxAge != options.maxAge)
        std::abort();
    return 0;
}
