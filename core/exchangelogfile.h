// SPDX-License-Identifier: MIT
#pragma once

#include "core/harfile.h"
#include "core/importresult.h"

namespace CookieLab
{

/** The JSON-lines exchange log of `cookielab serve --log FILE.jsonl`: one ExchangeJson object per line. */
class ExchangeLogFile final
{
public:
    ExchangeLogFile() = delete;

    /** Issues are named "line N". A last line without its newline (the writer was killed) is still read when it is whole. */
    static ImportResult read(QByteArrayView text, const HarFile::Progress &progress = {});
    static QByteArray write(const QList<HttpExchangePtr> &exchanges);
};

} // namespace CookieLab
