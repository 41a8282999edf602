// SPDX-License-Identifier: MIT
#include "core/hostname.h"

#include "core/publicsuffixlist.h"

#include <QHash>
#include <QHostAddress>
#include <QUrl>

namespace CookieLab::HostName
{

QByteArray canonicalHost(const QUrl &url)
{
    return url.host(QUrl::FullyEncoded).toLatin1().toLower();
}

QByteArray requestPath(const QUrl &url)
{
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = QByteArrayLiteral("/");
    return path;
}

namespace
{

struct AddressFacts
{
    bool ip = false;
    bool loopback = false;
};

// Parsing an address is costly and traffic repeats a handful of hosts: remember the answers.
AddressFacts addressFacts(QByteArrayView host)
{
    thread_local QHash<QByteArray, AddressFacts> cache;
    const QByteArray key = host.toByteArray();
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;
    const QHostAddress address(QString::fromLatin1(host));
    const AddressFacts facts{!address.isNull(), !address.isNull() && address.isLoopback()};
    if (cache.size() >= 1024)
        cache.clear();
    cache.insert(key, facts);
    return facts;
}

} // namespace

bool isIpAddress(QByteArrayView host)
{
    if (host.isEmpty())
        return false;
    if (host.contains(':'))
        return true;
    const uchar last = uchar(host.back());
    if (last < '0' || last > '9')
        return false;
    return addressFacts(host).ip;
}

bool isLoopbackHost(QByteArrayView host)
{
    if (host == "localhost" || host.endsWith(".localhost"))
        return true;
    if (!isIpAddress(host))
        return false;
    return addressFacts(host).loopback;
}

bool isPotentiallyTrustworthy(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return true;
    return isLoopbackHost(canonicalHost(url));
}

bool domainMatches(QByteArrayView host, QByteArrayView domain)
{
    if (host == domain)
        return true;
    return !domain.isEmpty() && host.size() > domain.size() && host.endsWith(domain) && host[host.size() - domain.size() - 1] == '.'
        && !isIpAddress(host);
}

bool pathMatches(QByteArrayView requestPath, QByteArrayView cookiePath)
{
    if (requestPath == cookiePath)
        return true;
    if (!requestPath.startsWith(cookiePath))
        return false;
    return cookiePath.endsWith('/') || requestPath[cookiePath.size()] == '/';
}

QByteArray schemefulSite(const QUrl &url)
{
    QByteArray scheme = url.scheme().toLatin1();
    if (scheme == "wss")
        scheme = "https";
    else if (scheme == "ws")
        scheme = "http";
    const QByteArray host = canonicalHost(url);
    QByteArray site = PublicSuffixList::instance().registrableDomain(host);
    if (site.isEmpty())
        site = host;
    return scheme.append("://").append(site);
}

} // namespace CookieLab::HostName
