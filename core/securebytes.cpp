// SPDX-License-Identifier: MIT
#include "core/securebytes.h"

#include <QRandomGenerator>

namespace CookieLab::SecureBytes
{

QByteArray random(int size)
{
    QByteArray bytes(qsizetype(size + 3) / 4 * 4, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.truncate(size);
    return bytes;
}

bool equals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    uchar difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= uchar(a[i]) ^ uchar(b[i]);
    return difference == 0;
}

} // namespace CookieLab::SecureBytes
