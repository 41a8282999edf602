// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace CookieLab
{

/** Randomness and comparisons for secrets (salts, token nonces, MACs, password keys). */
namespace SecureBytes
{

/** size bytes from the system's cryptographically secure generator. */
QByteArray random(int size);
/** Equality that takes the same time wherever the first difference is. */
bool equals(QByteArrayView a, QByteArrayView b);

} // namespace SecureBytes

} // namespace CookieLab
