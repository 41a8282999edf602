// SPDX-License-Identifier: MIT
// Reads the input as HAR and analyses every entry. Properties: every issue says where and why; every
// finding's span lies inside its Set-Cookie line.
#include "core/exchangeanalyzer.h"
#include "core/harfile.h"

#include <cstdlib>

using namespace CookieLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ImportResult result = HarFile::read(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    for (const ImportIssue &issue : result.issues) {
        if (issue.where.isEmpty() || issue.reason.isEmpty())
            std::abort();
    }
    ExchangeAnalyzer analyzer;
    for (const HttpExchange &exchange : result.exchanges) {
        for (const Finding &f : analyzer.analyze(exchange)) {
            if (f.span.offset < 0 || f.span.end() > qMax<qsizetype>(f.header().size(), f.span.end() * (f.header().isEmpty() ? 1 : 0)))
                std::abort();
            (void)f.explanation();
            (void)f.fixedHeader();
        }
    }
    return 0;
}
