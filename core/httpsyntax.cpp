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

constexpr std::array<bool, 256> TokenTable = makeTokenTable();

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
    return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) || (c >= 0x3C && c <= 0x5B)
        || (c >= 0x5D && c <= 0x7E);
}

bool isCookieOctets(QByteArrayView text)
{
    for (char c : text) {
        if (!isCookieOctet(uchar(c)))
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

} // namespace CookieLab::HttpSyntax
