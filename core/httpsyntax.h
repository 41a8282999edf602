// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace CookieLab
{

/** Character classes of RFC 9110 and RFC 6265bis used by the cookie parsers and the serializer. */
namespace HttpSyntax
{

/** SP or HTAB. */
inline bool isWsp(uchar c)
{
    return c == ' ' || c == '\t';
}

/** %x00-08 / %x0A-1F / %x7F: the bytes that make a browser drop a Set-Cookie (HTAB is allowed). */
inline bool isCookieControl(uchar c)
{
    return (c < 0x20 && c != '\t') || c == 0x7F;
}
/** Offset of the first isCookieControl byte, or -1. */
qsizetype indexOfCookieControl(QByteArrayView text);
/** ASCII case-insensitive equality; lowerCase must already be lower-case. */
bool equalsLowerCase(QByteArrayView text, QByteArrayView lowerCase);
/** ASCII case-insensitive prefix test; lowerPrefix must already be lower-case. */
bool startsWithLowerCase(QByteArrayView text, QByteArrayView lowerPrefix);
/** GET, HEAD, OPTIONS and TRACE (RFC 9110 §9.2.1). */
bool isSafeMethod(QByteArrayView method);

/** tchar of RFC 9110 §5.6.2. */
bool isTokenChar(uchar c);
/** A non-empty run of tchar. */
bool isToken(QByteArrayView text);
/** cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E */
bool isCookieOctet(uchar c);
bool isCookieOctets(QByteArrayView text);
/** True when the text holds CR, LF or NUL: such bytes must never reach a header. */
bool hasLineBreakOrNul(QByteArrayView text);
/** The reason phrase of a status code CookieLab sends or records ("Not Found"); empty for others. */
QByteArray reasonPhrase(int status);

} // namespace HttpSyntax

} // namespace CookieLab
