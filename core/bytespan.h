// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace CookieLab
{

/** A run of bytes inside a header: used to highlight the part a value or diagnostic is about. */
struct ByteSpan
{
    qsizetype offset = 0;
    qsizetype length = 0;

    qsizetype end() const { return offset + length; }
    friend bool operator==(const ByteSpan &, const ByteSpan &) = default;
};

} // namespace CookieLab
