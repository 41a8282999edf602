// SPDX-License-Identifier: MIT
// Runs the input as a `cookielab jar` script. Properties: every GET line is free of CR/LF/NUL and
// no stored cookie outlives now + 400 days.
#include "core/cookiejar.h"
#include "core/httpsyntax.h"
#include "core/jarscript.h"
#include "core/setcookieparser.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CookieJar jar;
    jar.setClock([] { return qint64(1'700'000'000'000); });
    JarScript script(jar);
    script.setOutput([](const QByteArray &line) {
        if (HttpSyntax::hasLineBreakOrNul(line))
            std::abort();
    });
    script.setMessages([](const QString &) {});
    script.run(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    const qint64 limit = jar.now() + SetCookieParser::MaxLifetimeSeconds * 1000;
    for (const StoredCookie &cookie : jar.cookies()) {
        if (cookie.persistent && cookie.expiry > limit && cookie.creation <= jar.now())
            std::abort();
        if (HttpSyntax::hasLineBreakOrNul(cookie.name) || HttpSyntax::hasLineBreakOrNul(cookie.value))
            std::abort();
    }
    return 0;
}
