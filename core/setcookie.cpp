// SPDX-License-Identifier: MIT
#include "core/setcookie.h"

namespace CookieLab
{

using Code = SetCookieDiagnostic::Code;

SetCookieDiagnostic::Severity SetCookieDiagnostic::severity() const
{
    switch (code) {
    case Code::EmptyCookie:
    case Code::ControlCharacter:
    case Code::NameValueTooLong: return Severity::Error;
    case Code::QuotedValue:
    case Code::NonImfFixdateExpires:
    case Code::MaxAgeOverridesExpires:
    case Code::LeadingDotDomain:
    case Code::NonPositiveMaxAge: return Severity::Note;
    default: return Severity::Warning;
    }
}

QByteArray SetCookieDiagnostic::codeName() const
{
    switch (code) {
    case Code::EmptyCookie: return "empty-cookie";
    case Code::ControlCharacter: return "control-character";
    case Code::NameValueTooLong: return "name-value-too-long";
    case Code::NamelessCookie: return "nameless-cookie";
    case Code::AmbiguousNameless: return "ambiguous-nameless";
    case Code::NonTokenName: return "non-token-name";
    case Code::QuotedValue: return "quoted-value";
    case Code::NonCookieOctetValue: return "non-cookie-octet-value";
    case Code::AttributeValueTooLong: return "attribute-value-too-long";
    case Code::InvalidMaxAge: return "invalid-max-age";
    case Code::NonPositiveMaxAge: return "non-positive-max-age";
    case Code::UnparsableExpires: return "unparsable-expires";
    case Code::NonImfFixdateExpires: return "non-imf-fixdate-expires";
    case Code::ExpiryCapped: return "expiry-capped";
    case Code::MaxAgeOverridesExpires: return "max-age-overrides-expires";
    case Code::DuplicateAttribute: return "duplicate-attribute";
    case Code::FlagWithValue: return "flag-with-value";
    case Code::UnknownAttribute: return "unknown-attribute";
    case Code::InvalidSameSite: return "invalid-samesite";
    case Code::EmptyDomain: return "empty-domain";
    case Code::LeadingDotDomain: return "leading-dot-domain";
    case Code::PathNotAbsolute: return "path-not-absolute";
    }
    return "unknown";
}

QString SetCookieDiagnostic::message() const
{
    const QString s = QString::fromUtf8(subject);
    switch (code) {
    case Code::EmptyCookie: return QStringLiteral("The header has neither a name nor a value; browsers ignore it.");
    case Code::ControlCharacter:
        return QStringLiteral("The header contains a control character (other than tab); browsers ignore the whole header.");
    case Code::NameValueTooLong: return QStringLiteral("Name and value together exceed 4096 bytes; browsers ignore the whole header.");
    case Code::NamelessCookie:
        return QStringLiteral("The cookie has no name; browsers store it with an empty name and send only its value.");
    case Code::AmbiguousNameless:
        return QStringLiteral(
            "A nameless cookie whose value contains '=' is sent as \"%1\" and looks like a named cookie; Chromium rejects it.")
            .arg(s);
    case Code::NonTokenName:
        return QStringLiteral("The name \"%1\" is not an HTTP token; servers must not send it and other parsers may read it differently.")
            .arg(s);
    case Code::QuotedValue: return QStringLiteral("The value is in double quotes; the quotes are part of the value.");
    case Code::NonCookieOctetValue:
        return QStringLiteral(
            "The value contains characters outside cookie-octet (space, comma, backslash, quote or non-ASCII); encode it.");
    case Code::AttributeValueTooLong: return QStringLiteral("The value of %1 exceeds 1024 bytes; browsers ignore this attribute.").arg(s);
    case Code::InvalidMaxAge: return QStringLiteral("Max-Age \"%1\" is not an integer; browsers ignore it.").arg(s);
    case Code::NonPositiveMaxAge:
        return QStringLiteral("Max-Age %1 is zero or negative: the cookie expires immediately (a deletion).").arg(s);
    case Code::UnparsableExpires: return QStringLiteral("Expires \"%1\" is not a cookie date; browsers ignore it.").arg(s);
    case Code::NonImfFixdateExpires:
        return QStringLiteral("Expires \"%1\" is not in IMF-fixdate form (e.g. \"Sun, 06 Nov 1994 08:49:37 GMT\"); browsers accept it but "
                              "servers should not send it.")
            .arg(s);
    case Code::ExpiryCapped: return QStringLiteral("The requested lifetime exceeds 400 days; browsers cap it at 400 days.");
    case Code::MaxAgeOverridesExpires: return QStringLiteral("Both Max-Age and Expires are present; Max-Age wins.");
    case Code::DuplicateAttribute: return QStringLiteral("%1 appears more than once; the last one wins.").arg(s);
    case Code::FlagWithValue: return QStringLiteral("%1 takes no value; the value is ignored and the flag is still set.").arg(s);
    case Code::UnknownAttribute: return QStringLiteral("Unknown attribute \"%1\"; browsers ignore it.").arg(s);
    case Code::InvalidSameSite:
        return QStringLiteral("SameSite \"%1\" is not Strict, Lax or None; browsers apply the default (Lax) behaviour.").arg(s);
    case Code::EmptyDomain: return QStringLiteral("Empty Domain attribute: the cookie is host-only.");
    case Code::LeadingDotDomain: return QStringLiteral("The leading dot of Domain \"%1\" is ignored.").arg(s);
    case Code::PathNotAbsolute: return QStringLiteral("Path \"%1\" does not start with '/'; browsers use the default path instead.").arg(s);
    }
    return {};
}

bool SetCookie::isIgnored() const
{
    for (const auto &d : diagnostics) {
        if (d.severity() == SetCookieDiagnostic::Severity::Error)
            return true;
    }
    return false;
}

bool SetCookie::hasDiagnostic(SetCookieDiagnostic::Code code) const
{
    for (const auto &d : diagnostics) {
        if (d.code == code)
            return true;
    }
    return false;
}

const SetCookieAttribute *SetCookie::effectiveAttribute(SetCookieAttribute::Kind kind) const
{
    const int index = effectiveIndex[size_t(kind)];
    return index >= 0 ? &attributes[index] : nullptr;
}

QByteArray SetCookie::effectivePath(QByteArrayView requestPath) const
{
    if (hasPath && path.startsWith('/'))
        return path;
    return defaultPath(requestPath);
}

QByteArray SetCookie::defaultPath(QByteArrayView requestPath)
{
    // RFC 6265bis §5.1.4: up to, but not including, the right-most '/'.
    if (requestPath.isEmpty() || requestPath.front() != '/')
        return QByteArrayLiteral("/");
    const qsizetype slash = requestPath.lastIndexOf('/');
    if (slash <= 0)
        return QByteArrayLiteral("/");
    return requestPath.first(slash).toByteArray();
}

} // namespace CookieLab
