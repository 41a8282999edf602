// SPDX-License-Identifier: MIT
#include "core/setcookieparser.h"

#include "core/cookiedate.h"
#include "core/httpsyntax.h"

namespace CookieLab
{

namespace
{

using Kind = SetCookieAttribute::Kind;
using Code = SetCookieDiagnostic::Code;

constexpr int KindCount = int(Kind::Unknown) + 1;
const QByteArray RootPath = QByteArrayLiteral("/"); // shared: most cookies have Path=/

struct Trimmed
{
    qsizetype begin;
    qsizetype end;
};

Trimmed trimWsp(QByteArrayView text, qsizetype begin, qsizetype end)
{
    while (begin < end && HttpSyntax::isWsp(uchar(text[begin])))
        ++begin;
    while (end > begin && HttpSyntax::isWsp(uchar(text[end - 1])))
        --end;
    return {begin, end};
}

Kind attributeKind(QByteArrayView name)
{
    const auto is = [&](QByteArrayView known) { return HttpSyntax::equalsLowerCase(name, known); };
    switch (name.size()) {
    case 4: return is("path") ? Kind::Path : Kind::Unknown;
    case 6: return is("secure") ? Kind::Secure : is("domain") ? Kind::Domain : Kind::Unknown;
    case 7: return is("expires") ? Kind::Expires : is("max-age") ? Kind::MaxAge : Kind::Unknown;
    case 8: return is("httponly") ? Kind::HttpOnly : is("samesite") ? Kind::SameSite : Kind::Unknown;
    case 11: return is("partitioned") ? Kind::Partitioned : Kind::Unknown;
    default: return Kind::Unknown;
    }
}

// RFC 6265bis §5.6.2: [-]1*DIGIT, saturating on overflow.
std::optional<qint64> parseMaxAge(QByteArrayView value)
{
    if (value.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    const bool negative = value[0] == '-';
    if (negative)
        ++i;
    if (i >= value.size())
        return std::nullopt;
    qint64 result = 0;
    bool saturated = false;
    for (; i < value.size(); ++i) {
        const char c = value[i];
        if (c < '0' || c > '9')
            return std::nullopt;
        if (!saturated) {
            if (result > (std::numeric_limits<qint64>::max() - (c - '0')) / 10)
                saturated = true;
            else
                result = result * 10 + (c - '0');
        }
    }
    if (saturated)
        return negative ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return negative ? -result : result;
}

// now + seconds, saturating at the ends of qint64 (clocks and lifetimes come from input).
qint64 addSeconds(qint64 nowMsecs, qint64 seconds)
{
    qint64 msecs = 0;
    qint64 sum = 0;
    if (__builtin_mul_overflow(seconds, qint64(1000), &msecs) || __builtin_add_overflow(nowMsecs, msecs, &sum))
        return seconds > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

SameSite parseSameSite(QByteArrayView value)
{
    if (HttpSyntax::equalsLowerCase(value, "strict"))
        return SameSite::Strict;
    if (HttpSyntax::equalsLowerCase(value, "lax"))
        return SameSite::Lax;
    if (HttpSyntax::equalsLowerCase(value, "none"))
        return SameSite::None;
    return SameSite::Invalid;
}

} // namespace

SetCookie SetCookieParser::parse(const QByteArray &header, qint64 nowMsecs)
{
    SetCookie cookie;
    cookie.header = header;
    cookie.receivedAt = nowMsecs;
    const QByteArrayView text(cookie.header);
    const qsizetype size = text.size();

    const auto addDiagnostic = [&cookie](Code code, ByteSpan span, QByteArray subject = {}) {
        cookie.diagnostics.append({code, span, std::move(subject)});
    };

    if (const qsizetype control = HttpSyntax::indexOfCookieControl(text); control >= 0)
        addDiagnostic(Code::ControlCharacter, {control, 1});

    const qsizetype semicolon = text.indexOf(';');
    const qsizetype pairEnd = semicolon < 0 ? size : semicolon;
    const qsizetype equals = text.first(pairEnd).indexOf('=');
    if (equals >= 0) {
        const Trimmed n = trimWsp(text, 0, equals);
        const Trimmed v = trimWsp(text, equals + 1, pairEnd);
        cookie.nameSpan = {n.begin, n.end - n.begin};
        cookie.valueSpan = {v.begin, v.end - v.begin};
    } else {
        const Trimmed v = trimWsp(text, 0, pairEnd);
        cookie.nameSpan = {v.begin, 0};
        cookie.valueSpan = {v.begin, v.end - v.begin};
    }
    cookie.name = text.sliced(cookie.nameSpan.offset, cookie.nameSpan.length).toByteArray();
    cookie.value = text.sliced(cookie.valueSpan.offset, cookie.valueSpan.length).toByteArray();
    const ByteSpan pairSpan{0, pairEnd};

    if (cookie.name.size() + cookie.value.size() > MaxNameValueSize)
        addDiagnostic(Code::NameValueTooLong, pairSpan);
    if (cookie.name.isEmpty() && cookie.value.isEmpty()) {
        addDiagnostic(Code::EmptyCookie, pairSpan);
    } else if (cookie.name.isEmpty()) {
        addDiagnostic(Code::NamelessCookie, pairSpan);
        if (cookie.value.contains('='))
            addDiagnostic(Code::AmbiguousNameless, cookie.valueSpan, cookie.value);
    } else if (!HttpSyntax::isToken(cookie.name)) {
        addDiagnostic(Code::NonTokenName, cookie.nameSpan, cookie.name);
    }
    QByteArrayView bareValue(cookie.value);
    if (bareValue.size() >= 2 && bareValue.front() == '"' && bareValue.back() == '"') {
        addDiagnostic(Code::QuotedValue, cookie.valueSpan);
        bareValue = bareValue.sliced(1, bareValue.size() - 2);
    }
    if (!HttpSyntax::isCookieOctets(bareValue))
        addDiagnostic(Code::NonCookieOctetValue, cookie.valueSpan);

    // Index of the attribute currently in effect for each kind, and how often each kind was seen.
    qsizetype effectiveIndex[KindCount];
    int seen[KindCount] = {};
    std::fill(std::begin(effectiveIndex), std::end(effectiveIndex), -1);
    std::optional<qint64> expiresAt;

    qsizetype pos = semicolon < 0 ? size : semicolon + 1;
    while (semicolon >= 0 && pos <= size) {
        qsizetype avEnd = text.indexOf(';', pos);
        if (avEnd < 0)
            avEnd = size;
        const Trimmed av = trimWsp(text, pos, avEnd);
        pos = avEnd + 1;
        if (av.begin == av.end)
            continue;

        SetCookieAttribute attribute;
        attribute.span = {av.begin, av.end - av.begin};
        const qsizetype eq = text.sliced(av.begin, av.end - av.begin).indexOf('=');
        if (eq >= 0) {
            attribute.hasEquals = true;
            const Trimmed n = trimWsp(text, av.begin, av.begin + eq);
            const Trimmed v = trimWsp(text, av.begin + eq + 1, av.end);
            attribute.nameSpan = {n.begin, n.end - n.begin};
            attribute.valueSpan = {v.begin, v.end - v.begin};
        } else {
            attribute.nameSpan = attribute.span;
            attribute.valueSpan = {av.end, 0};
        }
        const QByteArrayView name = text.sliced(attribute.nameSpan.offset, attribute.nameSpan.length);
        const QByteArrayView value = text.sliced(attribute.valueSpan.offset, attribute.valueSpan.length);
        attribute.kind = attributeKind(name);
        const int k = int(attribute.kind);
        const qsizetype index = cookie.attributes.size();

        if (attribute.kind != Kind::Unknown && ++seen[k] == 2)
            addDiagnostic(Code::DuplicateAttribute, attribute.span, name.toByteArray());

        bool takesEffect = false;
        if (value.size() > MaxAttributeValueSize) {
            addDiagnostic(Code::AttributeValueTooLong, attribute.valueSpan, name.toByteArray());
        } else {
            switch (attribute.kind) {
            case Kind::Expires:
                if (const auto date = CookieDate::parse(value)) {
                    takesEffect = true;
                    expiresAt = date;
                    if (!CookieDate::isImfFixdate(value))
                        addDiagnostic(Code::NonImfFixdateExpires, attribute.valueSpan, value.toByteArray());
                } else {
                    addDiagnostic(Code::UnparsableExpires, attribute.valueSpan, value.toByteArray());
                }
                break;
            case Kind::MaxAge:
                if (const auto seconds = parseMaxAge(value)) {
                    takesEffect = true;
                    cookie.maxAge = seconds;
                    if (*seconds <= 0)
                        addDiagnostic(Code::NonPositiveMaxAge, attribute.valueSpan, value.toByteArray());
                } else {
                    addDiagnostic(Code::InvalidMaxAge, attribute.valueSpan, value.toByteArray());
                }
                break;
            case Kind::Domain: {
                takesEffect = true;
                cookie.hasDomain = true;
                QByteArrayView domain = value;
                if (domain.isEmpty()) {
                    addDiagnostic(Code::EmptyDomain, attribute.span);
                } else if (domain.front() == '.') {
                    addDiagnostic(Code::LeadingDotDomain, attribute.valueSpan, value.toByteArray());
                    domain = domain.sliced(1);
                }
                cookie.domain = domain.toByteArray().toLower();
                break;
            }
            case Kind::Path:
                takesEffect = true;
                cookie.hasPath = true;
                cookie.path = value == "/" ? RootPath : value.toByteArray();
                if (!cookie.path.startsWith('/'))
                    addDiagnostic(Code::PathNotAbsolute, attribute.span, value.toByteArray());
                break;
            case Kind::Secure:
            case Kind::HttpOnly:
            case Kind::Partitioned:
                takesEffect = true;
                (attribute.kind == Kind::Secure            ? cookie.secure
                        : attribute.kind == Kind::HttpOnly ? cookie.httpOnly
                                                           : cookie.partitioned)
                    = true;
                if (attribute.hasEquals)
                    addDiagnostic(Code::FlagWithValue, attribute.span, name.toByteArray());
                break;
            case Kind::SameSite:
                takesEffect = true;
                cookie.sameSite = parseSameSite(value);
                if (cookie.sameSite == SameSite::Invalid)
                    addDiagnostic(Code::InvalidSameSite, attribute.span, value.toByteArray());
                break;
            case Kind::Unknown: addDiagnostic(Code::UnknownAttribute, attribute.nameSpan, name.toByteArray()); break;
            }
        }
        if (takesEffect) {
            if (effectiveIndex[k] >= 0)
                cookie.attributes[effectiveIndex[k]].effective = false;
            effectiveIndex[k] = index;
            attribute.effective = true;
        }
        cookie.attributes.append(attribute);
    }
    for (int k = 0; k < KindCount - 1; ++k) // Unknown attributes never take effect
        cookie.effectiveIndex[size_t(k)] = int(effectiveIndex[k]);

    // §5.7 step 6: Max-Age wins over Expires; both are capped at 400 days.
    const qint64 cap = addSeconds(nowMsecs, MaxLifetimeSeconds);
    qsizetype lifetimeIndex = -1;
    if (cookie.maxAge) {
        cookie.persistent = true;
        lifetimeIndex = effectiveIndex[int(Kind::MaxAge)];
        cookie.requestedExpiry = *cookie.maxAge <= 0 ? SetCookie::EarliestTime : addSeconds(nowMsecs, *cookie.maxAge);
        if (expiresAt)
            addDiagnostic(Code::MaxAgeOverridesExpires, cookie.attributes[lifetimeIndex].span);
    } else if (expiresAt) {
        cookie.persistent = true;
        lifetimeIndex = effectiveIndex[int(Kind::Expires)];
        cookie.requestedExpiry = *expiresAt;
    }
    if (cookie.persistent) {
        cookie.expiry = std::min(cookie.requestedExpiry, cap);
        if (cookie.requestedExpiry > cap) {
            cookie.expiryCapped = true;
            addDiagnostic(Code::ExpiryCapped, cookie.attributes[lifetimeIndex].span);
        }
    }
    return cookie;
}

} // namespace CookieLab
