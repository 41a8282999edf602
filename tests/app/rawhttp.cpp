// SPDX-License-Identifier: MIT
#include "rawhttp.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpSocket>

namespace
{

RawResponse parse(const QByteArray &raw)
{
    RawResponse response;
    response.raw = raw;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return response;
    const QList<QByteArray> lines = raw.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        line.chop(line.endsWith('\r') ? 1 : 0);
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    response.body = raw.mid(end + 4);
    return response;
}

bool complete(const QByteArray &raw, bool headersOnly)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    if (headersOnly)
        return true;
    const RawResponse head = parse(raw);
    const QByteArray length = head.value("content-length");
    return !length.isEmpty() && raw.size() - (end + 4) >= length.toLongLong();
}

} // namespace

RawResponse rawRequest(quint16 port, const QByteArray &request, int timeoutMsecs)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    if (!connected.wait(timeoutMsecs))
        return {};
    socket.write(request);
    QByteArray raw;
    const bool headersOnly = request.startsWith("HEAD "); // a HEAD response announces a body it never sends
    QDeadlineTimer deadline(timeoutMsecs);
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    while (!deadline.hasExpired() && !complete(raw, headersOnly) && socket.state() == QAbstractSocket::ConnectedState) {
        readyRead.wait(int(qMax<qint64>(1, deadline.remainingTime())));
        raw += socket.readAll();
    }
    raw += socket.readAll();
    return parse(raw);
}

QByteArray buildRequest(const QByteArray &method, const QByteArray &target, const QByteArrayList &headerLines, const QByteArray &body)
{
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const QByteArray &line : headerLines)
        request += line + "\r\n";
    if (!body.isEmpty() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return request + "\r\n" + body;
}
