// SPDX-License-Identifier: MIT
// Session files. Properties: a refused file says why; an accepted one survives writing and reading again.
#include "core/sessionfile.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    WorkshopSession session;
    QString error;
    if (!SessionFile::read(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), session, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    WorkshopSession again;
    if (!SessionFile::read(SessionFile::write(session), again, &error))
        std::abort();
    if (again.jar != session.jar || again.routeCookies != session.routeCookies || again.exchanges.size() != session.exchanges.size()
        || again.vulnerabilities != session.vulnerabilities || again.lessonProgress != session.lessonProgress)
        std::abort();
    return 0;
}
