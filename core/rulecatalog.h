// SPDX-License-Identifier: MIT
#pragma once

#include "core/severity.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace CookieLab
{

/** Rule identifiers of ../shared/docs/cookie-rules.md; the numbers are the public IDs (CK001 = 1). */
enum class Rule : quint16
{
    CK001 = 1,
    CK002 = 2,
    CK003 = 3,
    CK004 = 4,
    CK005 = 5,
    CK006 = 6,
    CK010 = 10,
    CK011 = 11,
    CK020 = 20,
    CK021 = 21,
    CK022 = 22,
    CK023 = 23,
    CK024 = 24,
    CK025 = 25,
    CK026 = 26,
    CK030 = 30,
    CK031 = 31,
    CK032 = 32,
    CK033 = 33,
    CK034 = 34,
    CK035 = 35,
    CK040 = 40,
    CK041 = 41,
    CK042 = 42,
    CK050 = 50,
    CK051 = 51,
    CK052 = 52,
    CK053 = 53,
    CK054 = 54,
    CK055 = 55,
    CK056 = 56,
    CK057 = 57,
    CK060 = 60,
    CK061 = 61,
    CK062 = 62,
    CK063 = 63,
    CK064 = 64,
    CK065 = 65,
    CK066 = 66,
    CK067 = 67,
    CK068 = 68,
    CK070 = 70,
    CK071 = 71,
    CK072 = 72,
    CK073 = 73,
    CK074 = 74,
    CK075 = 75,
    CK076 = 76,
    CK077 = 77,
    CK078 = 78,
    CK079 = 79,
    CK080 = 80,
    CK081 = 81,
    CK082 = 82,
    CK083 = 83,
    CK084 = 84,
    CK090 = 90,
    CK091 = 91,
    CK092 = 92,
    CK100 = 100,
    CK101 = 101,
    CK102 = 102,
    CK103 = 103,
    CK104 = 104,
    CK105 = 105,
    CK106 = 106,
    CK107 = 107,
    CK108 = 108,
    CK109 = 109,
    CK120 = 120,
    CK122 = 122,
    CK123 = 123,
    CK124 = 124,
    CK125 = 125,
    CK126 = 126,
    CK127 = 127,
    CK130 = 130,
    CK131 = 131,
};

/** What the catalogue says about one rule. */
struct RuleInfo
{
    Rule rule;
    const char *title;
    Severity defaultSeverity;
    const char *references; ///< "; "-separated: RFC section, OWASP, tool equivalents
    const char *advice; ///< the general fix
};

/** The implemented rules of the catalogue, in ID order. */
class RuleCatalog final
{
public:
    RuleCatalog() = delete;

    static const QList<RuleInfo> &rules();
    static const RuleInfo &info(Rule rule);
    /** "CK001". */
    static QByteArray id(Rule rule);
    static std::optional<Rule> fromId(QByteArrayView id);
    static QStringList references(Rule rule);
};

} // namespace CookieLab
