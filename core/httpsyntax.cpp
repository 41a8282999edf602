// SPDX-License-Identifier: MIT
#include "core/httpsyntax.h"

#include <array>

namespace CookieLab::HttpSyntax
{

namespace
{

constexpr std::array<bool, 256> makeTokenTable()
{
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (char c : {'!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~'})
        table[size_t(uchar(c))] = true;
    return table;
}

constexpr std::array<bool, 256> makeCookieOctetTable()
{
    std::array<bool, 256> table{};
    for (int c = 0x21; c <= 0x7E; ++c)
        table[size_t(c)] = c != '"' && c != ',' && c != ';' && c != '\\';
    return table;
}

constexpr std::array<bool, 256> TokenTable = makeTokenTable();
constexpr std::array<bool, 256> CookieOctetTable = makeCookieOctetTable();

} // namespace

bool isTokenChar(uchar c)
{
    return TokenTable[c];
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!TokenTable[uchar(c)])
            return false;
    }
    return true;
}

bool isCookieOctet(uchar c)
{
    return CookieOctetTable[c];
}

bool isCookieOctets(QByteArrayView text)
{
    for (char c : text) {
        if (!CookieOctetTable[uchar(c)])
            return false;
    }
    return true;
}

qsizetype indexOfCookieControl(QByteArrayView text)
{
    const qsizetype size = text.size();
    const char *data = text.data();
    for (qsizetype i = 0; i < size; ++i) {
        if (isCookieControl(uchar(data[i])))
            return i;
    }
    return -1;
}

bool startsWithLowerCase(QByteArrayView text, QByteArrayView lowerPrefix)
{
    return text.size() >= lowerPrefix.size() && equalsLowerCase(text.first(lowerPrefix.size()), lowerPrefix);
}

bool isSafeMethod(QByteArrayView method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "TRACE";
}

bool equalsLowerCase(QByteArrayView text, QByteArrayView lowerCase)
{
    if (text.size() != lowerCase.size())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        uchar c = uchar(text[i]);
        if (c >= 'A' && c <= 'Z')
            c |= 0x20;
        if (c != uchar(lowerCase[i]))
            return false;
    }
    return true;
}

bool hasLineBreakOrNul(QByteArrayView text)
{
    for (char c : text) {
        if (c == '\r' || c == '\n' || c == '\0')
            return true;
    }
    return false;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 500: return "Internal Server Error";
    default: return {};
    }
}

} // namespace CookieLab::HttpSyntax
