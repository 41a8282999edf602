// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QUrl;

namespace CookieLab
{

/** Host and URL facts the cookie rules of RFC 6265bis and Chromium depend on. */
namespace HostName
{

/** The canonical host of a URL: lower-case, IDNA (ACE) form, IPv6 without brackets. */
QByteArray canonicalHost(const QUrl &url);
/** The path used for cookie path-matching: percent-encoded as received, "/" when empty. */
QByteArray requestPath(const QUrl &url);
bool isIpAddress(QByteArrayView host);
/** https/wss, or a loopback host over any scheme: where Chromium allows Secure cookies. */
bool isPotentiallyTrustworthy(const QUrl &url);
bool isLoopbackHost(QByteArrayView host);
/** RFC 6265bis §5.1.3. */
bool domainMatches(QByteArrayView host, QByteArrayView domain);
/** RFC 6265bis §5.1.4. */
bool pathMatches(QByteArrayView requestPath, QByteArrayView cookiePath);
/** Scheme plus registrable domain ("https://example.com"), the unit of "same-site". */
QByteArray schemefulSite(const QUrl &url);

} // namespace HostName

} // namespace CookieLab
