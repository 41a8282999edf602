// SPDX-License-Identifier: MIT
// Properties: no pair holds ';', none starts or ends with whitespace, and the first-occurrence
// lookup agrees with the pair list.
#include "core/httpsyntax.h"
#include "core/requestcookies.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const RequestCookies cookies = RequestCookies::parse(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const CookiePair &pair : cookies.pairs()) {
        for (const QByteArray *text : {&pair.name, &pair.value}) {
            if (text->contains(';'))
                std::abort();
            if (!text->isEmpty() && (HttpSyntax::isWsp(uchar(text->front())) || HttpSyntax::isWsp(uchar(text->back()))))
                std::abort();
        }
        if (!cookies.value(pair.name))
            std::abort();
    }
    return 0;
}
