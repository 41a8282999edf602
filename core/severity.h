// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <optional>

namespace CookieLab
{

/** Finding severities of the rule catalogue, lowest first. */
enum class Severity
{
    Info,
    Low,
    Medium,
    High,
};

/** "info", "low", "medium", "high". */
QByteArray severityName(Severity severity);
std::optional<Severity> severityFromName(QByteArrayView name);

} // namespace CookieLab
