// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

namespace CookieLab
{

/** A file to import, memory-mapped when it can be (a 200 MB HAR is not copied), or standard input for "-". */
class InputFile final
{
public:
    InputFile() = default;
    Q_DISABLE_COPY_MOVE(InputFile)

    /** False with error() set ("cannot read x.har: No such file or directory"). */
    bool open(const QString &path);
    QByteArrayView data() const { return m_mapped ? QByteArrayView(m_mapped, m_size) : QByteArrayView(m_bytes); }
    /** Gives back the memory of the mapped pages before offset (already read; reading them again reloads them). */
    void release(qint64 offset);
    /** The path, or "<stdin>". */
    QString displayName() const { return m_displayName; }
    QString error() const { return m_error; }

private:
    QFile m_file;
    uchar *m_mapped = nullptr;
    qint64 m_size = 0;
    qint64 m_released = 0;
    QByteArray m_bytes;
    QString m_displayName;
    QString m_error;
};

} // namespace CookieLab
