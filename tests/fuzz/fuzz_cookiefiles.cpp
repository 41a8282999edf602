// SPDX-License-Identifier: MIT
// cookies.txt and Cookie-Editor JSON (the first byte picks which). Properties: every issue says where
// and why; what was read survives writing and reading again unchanged; nothing written holds CR or NUL.
#include "core/cookieeditorjson.h"
#include "core/netscapecookiefile.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool json = data[0] & 1;
    const QByteArrayView text(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    constexpr qint64 now = 1'767'225'600'000;
    const ImportResult first = json ? CookieEditorJson::read(text, now) : NetscapeCookieFile::read(text, now);
    for (const ImportIssue &issue : first.issues) {
        if (issue.where.isEmpty() || issue.reason.isEmpty())
            std::abort();
    }
    const QByteArray written = json ? CookieEditorJson::write(first.cookies) : NetscapeCookieFile::write(first.cookies);
    if (written.contains('\r') || written.contains('\0'))
        std::abort();
    const ImportResult second = json ? CookieEditorJson::read(written, now) : NetscapeCookieFile::read(written, now);
    if (!second.issues.isEmpty() || second.cookies != first.cookies)
        std::abort();
    return 0;
}
