// SPDX-License-Identifier: MIT
#pragma once

#include "core/bytespan.h"
#include "core/samesite.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <array>
#include <limits>
#include <optional>

namespace CookieLab
{

/** One cookie-av of a Set-Cookie header, in wire order. */
struct SetCookieAttribute
{
    enum class Kind
    {
        Expires,
        MaxAge,
        Domain,
        Path,
        Secure,
        HttpOnly,
        SameSite,
        Partitioned,
        Unknown,
    };

    Kind kind = Kind::Unknown;
    bool hasEquals = false;
    ByteSpan span; ///< the whole cookie-av, without the ';'
    ByteSpan nameSpan; ///< the name as sent, surrounding whitespace removed (SetCookie::text() reads it)
    ByteSpan valueSpan; ///< the value as sent, surrounding whitespace removed
    bool effective = false; ///< this occurrence decided the cookie's value for its kind
};

/** Something worth telling about a Set-Cookie header. Errors make a browser ignore the whole header. */
struct SetCookieDiagnostic
{
    enum class Code
    {
        EmptyCookie,
        ControlCharacter,
        NameValueTooLong,
        NamelessCookie,
        AmbiguousNameless,
        NonTokenName,
        QuotedValue,
        NonCookieOctetValue,
        AttributeValueTooLong,
        InvalidMaxAge,
        NonPositiveMaxAge,
        UnparsableExpires,
        NonImfFixdateExpires,
        ExpiryCapped,
        MaxAgeOverridesExpires,
        DuplicateAttribute,
        FlagWithValue,
        UnknownAttribute,
        InvalidSameSite,
        EmptyDomain,
        LeadingDotDomain,
        PathNotAbsolute,
    };
    enum class Severity
    {
        Note,
        Warning,
        Error,
    };

    Code code = Code::EmptyCookie;
    ByteSpan span;
    QByteArray subject; ///< the attribute name or value the diagnostic is about

    Severity severity() const;
    /** Stable identifier such as "nameless-cookie". */
    QByteArray codeName() const;
    /** One sentence for people. */
    QString message() const;
};

/**
 * A Set-Cookie header as RFC 6265bis §5.6 parses it: the wire form with every attribute and
 * its byte span, the effective values a browser would use, and diagnostics.
 */
struct SetCookie
{
    static constexpr qint64 EarliestTime = std::numeric_limits<qint64>::min();
    static constexpr qint64 LatestTime = std::numeric_limits<qint64>::max();

    QByteArray header;
    QByteArray name;
    QByteArray value;
    ByteSpan nameSpan;
    ByteSpan valueSpan;
    QVarLengthArray<SetCookieAttribute, 8> attributes; ///< inline storage: parsing allocates little
    std::array<int, 9> effectiveIndex{-1, -1, -1, -1, -1, -1, -1, -1, -1}; ///< per Kind: the attribute in effect, or -1
    QVarLengthArray<SetCookieDiagnostic, 2> diagnostics;

    qint64 receivedAt = 0; ///< ms since epoch: the "now" the expiry was computed against
    bool persistent = false; ///< Max-Age or Expires took effect
    qint64 expiry = LatestTime; ///< effective expiry (ms), capped at 400 days
    qint64 requestedExpiry = LatestTime; ///< expiry before the 400-day cap
    bool expiryCapped = false;
    std::optional<qint64> maxAge; ///< seconds, when a valid Max-Age took effect (uncapped)
    bool hasDomain = false;
    QByteArray domain; ///< last Domain attribute: leading dot removed, lower-cased; may be empty
    bool hasPath = false;
    QByteArray path; ///< last Path attribute as sent; empty or not starting with '/' means default-path
    bool secure = false;
    bool httpOnly = false;
    bool partitioned = false;
    SameSite sameSite = SameSite::Unspecified;

    /** A browser ignores the whole header (control characters, oversize, empty). */
    bool isIgnored() const;
    /** Max-Age <= 0 or an Expires in the past: the header removes a cookie. */
    bool isDeletion() const { return persistent && expiry <= receivedAt; }
    bool hasDiagnostic(SetCookieDiagnostic::Code code) const;
    /** The bytes of the header under a span (attribute names and values, diagnostic spans). */
    QByteArrayView text(ByteSpan span) const { return QByteArrayView(header).sliced(span.offset, span.length); }
    const SetCookieAttribute *effectiveAttribute(SetCookieAttribute::Kind kind) const;
    /** The path the cookie applies to when received from a URL with this path. */
    QByteArray effectivePath(QByteArrayView requestPath) const;

    /** RFC 6265bis default-path of a request path. */
    static QByteArray defaultPath(QByteArrayView requestPath);
};

} // namespace CookieLab
