// SPDX-License-Identifier: MIT
#include "core/inputfile.h"

#include <cstdio>
#include <sys/mman.h>
#include <unistd.h>

namespace CookieLab
{

bool InputFile::open(const QString &path)
{
    const bool fromStdin = path == QLatin1String("-");
    m_displayName = fromStdin ? QStringLiteral("<stdin>") : path;
    const bool opened = fromStdin ? m_file.open(stdin, QIODevice::ReadOnly) : (m_file.setFileName(path), m_file.open(QIODevice::ReadOnly));
    if (!opened) {
        m_error = QStringLiteral("cannot read %1: %2").arg(m_displayName, m_file.errorString());
        return false;
    }
    if (!fromStdin && m_file.size() > 0) {
        m_size = m_file.size();
        m_mapped = m_file.map(0, m_size);
    }
    if (!m_mapped) {
        m_bytes = m_file.readAll();
        if (m_file.error() != QFileDevice::NoError) {
            m_error = QStringLiteral("cannot read %1: %2").arg(m_displayName, m_file.errorString());
            return false;
        }
    }
    return true;
}

void InputFile::release(qint64 offset)
{
    if (!m_mapped)
        return;
    const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
    const qint64 end = qMin(offset, m_size) / pageSize * pageSize;
    if (end <= m_released)
        return;
    ::madvise(m_mapped + m_released, size_t(end - m_released), MADV_DONTNEED);
    m_released = end;
}

} // namespace CookieLab
