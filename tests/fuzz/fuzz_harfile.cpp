// SPDX-License-Identifier: MIT
// Reads the input as HAR and analyses every entry. Properties: a failure names a JSON path; every
// finding's span lies inside its Set-Cookie line.
#include "core/exchangeanalyzer.h"
#include "core/harfile.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QList<HttpExchange> exchanges;
    QString error;
    if (!HarFile::read(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), exchanges, &error)) {
        if (error.isEmpty())
            std::abort();
        return 0;
    }
    ExchangeAnalyzer analyzer;
    for (const HttpExchange &exchange : exchanges) {
        for (const Finding &f : analyzer.analyze(exchange)) {
            if (f.span.offset < 0 || f.span.end() > qMax<qsizetype>(f.header().size(), f.span.end() * (f.header().isEmpty() ? 1 : 0)))
                std::abort();
            (void)f.explanation();
            (void)f.fixedHeader();
        }
    }
    return 0;
}
