// SPDX-License-Identifier: MIT
#include "core/exchangelogfile.h"

#include "core/exchangejson.h"

#include <QJsonDocument>

namespace CookieLab
{

ImportResult ExchangeLogFile::read(QByteArrayView text, const HarFile::Progress &progress)
{
    ImportResult result;
    int number = 0;
    qsizetype start = 0;
    qint64 reportedAt = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start).trimmed();
        start = end + 1;
        ++number;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &parseError);
        const QString where = QStringLiteral("line %1").arg(number);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            result.issues.append(
                {where, QStringLiteral("not a JSON object (column %1: %2)").arg(parseError.offset + 1).arg(parseError.errorString())});
            continue;
        }
        HttpExchange exchange;
        QString error;
        if (!ExchangeJson::fromJson(document.object(), exchange, &error)) {
            result.issues.append({where, error});
            continue;
        }
        exchange.source = HttpExchange::Source::Imported;
        result.exchanges.append(std::move(exchange));
        if (progress && start - reportedAt >= (qint64(1) << 20)) {
            reportedAt = start;
            if (!progress(qMin(start, text.size()), text.size())) {
                result.cancelled = true;
                return result;
            }
        }
    }
    return result;
}

QByteArray ExchangeLogFile::write(const QList<HttpExchangePtr> &exchanges)
{
    QByteArray out;
    for (const HttpExchangePtr &exchange : exchanges)
        out += QJsonDocument(ExchangeJson::toJson(*exchange)).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

} // namespace CookieLab
