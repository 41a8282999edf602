// SPDX-License-Identifier: MIT
#include "core/severity.h"

namespace CookieLab
{

QByteArray severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Low: return "low";
    case Severity::Medium: return "medium";
    case Severity::High: return "high";
    }
    return {};
}

std::optional<Severity> severityFromName(QByteArrayView name)
{
    for (Severity s : {Severity::Info, Severity::Low, Severity::Medium, Severity::High}) {
        if (name.compare(severityName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

} // namespace CookieLab
