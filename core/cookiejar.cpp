// SPDX-License-Identifier: MIT
#include "core/cookiejar.h"

#include "core/hostname.h"
#include "core/httpsyntax.h"
#include "core/publicsuffixlist.h"
#include "core/setcookieparser.h"

#include <QDateTime>

#include <algorithm>

namespace CookieLab
{

namespace
{

using Reason = CookieStoreOutcome::Reason;
using Status = CookieStoreOutcome::Status;
using Inclusion = CookieInclusion::Reason;

bool isCrossSite(const CookieRequestContext &context)
{
    if (context.initiator.isEmpty())
        return false;
    return HostName::schemefulSite(context.initiator) != HostName::schemefulSite(context.url);
}

// The site that partitions storage: the initiator's for subresources, the target's after a navigation.
QByteArray topLevelSite(const CookieRequestContext &context)
{
    if (context.topLevelNavigation || context.initiator.isEmpty())
        return HostName::schemefulSite(context.url);
    return HostName::schemefulSite(context.initiator);
}

bool isCookieableScheme(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("ws")
        || scheme == QLatin1String("wss");
}

bool sortForHeader(const StoredCookie &a, const StoredCookie &b)
{
    if (a.path.size() != b.path.size())
        return a.path.size() > b.path.size();
    if (a.creation != b.creation)
        return a.creation < b.creation;
    return a.sequence < b.sequence;
}

QByteArray siteKeyOf(const QByteArray &domain)
{
    const QByteArray registrable = PublicSuffixList::instance().registrableDomain(domain);
    return registrable.isEmpty() ? domain : registrable;
}

} // namespace

CookieJar::CookieJar(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

CookieJar::~CookieJar() = default;

void CookieJar::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    Q_EMIT changed();
}

CookieStoreOutcome CookieJar::setCookie(QByteArrayView header, const CookieRequestContext &context)
{
    return storeParsed(SetCookieParser::parse(header, now()), context);
}

CookieStoreOutcome::Reason CookieJar::admission(const SetCookie &parsed, const CookieRequestContext &context, StoredCookie &cookie) const
{
    using Code = SetCookieDiagnostic::Code;
    if (!isCookieableScheme(context.url))
        return Reason::NonCookieableScheme;
    if (parsed.hasDiagnostic(Code::ControlCharacter))
        return Reason::DisallowedCharacter;
    if (parsed.hasDiagnostic(Code::EmptyCookie))
        return Reason::NoCookieContent;
    if (parsed.hasDiagnostic(Code::NameValueTooLong))
        return Reason::NameValueTooLarge;
    if (m_profile == Profile::Chromium && parsed.hasDiagnostic(Code::AmbiguousNameless))
        return Reason::AmbiguousSerialization;

    const bool chromium = m_profile == Profile::Chromium;
    const bool crossSite = isCrossSite(context);
    const bool thirdPartyContext = crossSite && !context.topLevelNavigation;
    cookie.partitioned = chromium && parsed.partitioned;
    if (thirdPartyContext && m_thirdPartyPolicy == ThirdPartyPolicy::Block && !cookie.partitioned)
        return Reason::ThirdPartyBlocked;

    const QByteArray host = HostName::canonicalHost(context.url);
    QByteArray domainAttribute = parsed.hasDomain ? parsed.domain : QByteArray();
    if (!domainAttribute.isEmpty()) {
        bool ascii = true;
        for (char c : std::as_const(domainAttribute))
            ascii = ascii && uchar(c) < 0x80;
        if (!ascii) {
            domainAttribute = QUrl::toAce(QString::fromUtf8(domainAttribute));
            if (domainAttribute.isEmpty())
                return Reason::InvalidDomain;
        }
        if (PublicSuffixList::instance().isPublicSuffix(domainAttribute)) {
            if (domainAttribute != host)
                return Reason::PublicSuffixDomain;
            domainAttribute.clear();
        }
    }
    if (!domainAttribute.isEmpty()) {
        if (!HostName::domainMatches(host, domainAttribute))
            return Reason::DomainMismatch;
        cookie.hostOnly = false;
        cookie.domain = domainAttribute;
    } else {
        cookie.hostOnly = true;
        cookie.domain = host;
    }

    const bool trustworthy = HostName::isPotentiallyTrustworthy(context.url);
    if (cookie.secure && !trustworthy)
        return Reason::SecureOnly;
    if (cookie.httpOnly && context.api == CookieRequestContext::Api::Script)
        return Reason::HttpOnlyFromScript;

    // "Leave secure cookies alone": an insecure origin may not overwrite or shadow a Secure cookie.
    if (!cookie.secure && !trustworthy) {
        for (auto it = m_byDomain.cbegin(); it != m_byDomain.cend(); ++it) {
            if (!HostName::domainMatches(it.key(), cookie.domain) && !HostName::domainMatches(cookie.domain, it.key()))
                continue;
            for (const StoredCookie &existing : *it) {
                if (existing.secure && existing.name == cookie.name && HostName::pathMatches(cookie.path, existing.path))
                    return Reason::OverwriteSecure;
            }
        }
    }

    if (cookie.sameSite != SameSite::None && crossSite && !context.topLevelNavigation) {
        if (cookie.sameSite == SameSite::Strict)
            return Reason::SameSiteStrict;
        if (cookie.sameSite == SameSite::Lax)
            return Reason::SameSiteLax;
        return Reason::SameSiteUnspecifiedTreatedAsLax;
    }
    if (cookie.sameSite == SameSite::None && !cookie.secure)
        return Reason::SameSiteNoneInsecure;

    if (HttpSyntax::startsWithLowerCase(cookie.name, "__secure-") && !cookie.secure)
        return Reason::InvalidPrefix;
    if (HttpSyntax::startsWithLowerCase(cookie.name, "__host-")) {
        // Chromium checks the Path attribute as sent; the draft checks the resulting path.
        const bool pathOk = parsed.hasPath && (chromium ? parsed.path == "/" : cookie.path == "/");
        if (!cookie.secure || !cookie.hostOnly || !pathOk)
            return Reason::InvalidPrefix;
    }
    if (cookie.name.isEmpty()
        && (HttpSyntax::startsWithLowerCase(cookie.value, "__secure-") || HttpSyntax::startsWithLowerCase(cookie.value, "__host-")))
        return Reason::InvalidPrefix;
    if (cookie.partitioned) {
        if (!cookie.secure)
            return Reason::InvalidPartitioned;
        cookie.partitionKey = topLevelSite(context);
    }
    return Reason::None;
}

CookieStoreOutcome CookieJar::storeParsed(const SetCookie &parsed, const CookieRequestContext &context)
{
    CookieStoreOutcome outcome;
    outcome.parsed = parsed;
    StoredCookie &cookie = outcome.cookie;
    cookie.name = parsed.name;
    cookie.value = parsed.value;
    cookie.path = parsed.effectivePath(HostName::requestPath(context.url));
    cookie.secure = parsed.secure;
    cookie.httpOnly = parsed.httpOnly;
    cookie.sameSite = parsed.sameSite;
    cookie.persistent = parsed.persistent;
    cookie.expiry = parsed.expiry;
    cookie.sourceHeader = parsed.header;
    const qint64 nowMsecs = now();
    cookie.creation = nowMsecs;
    cookie.lastAccess = nowMsecs;

    outcome.reason = admission(parsed, context, cookie);
    if (outcome.reason != Reason::None) {
        outcome.status = Status::Rejected;
        return outcome;
    }

    StoredCookie old;
    const bool hadOld = eraseIdentity(cookie, &old);
    if (hadOld && context.api == CookieRequestContext::Api::Script && old.httpOnly) {
        insertUnchecked(old);
        outcome.status = Status::Rejected;
        outcome.reason = Reason::OverwriteHttpOnly;
        return outcome;
    }
    if (cookie.isExpired(nowMsecs)) {
        outcome.status = hadOld ? Status::Deleted : Status::Expired;
        if (hadOld)
            Q_EMIT changed();
        return outcome;
    }
    if (hadOld) {
        cookie.creation = old.creation;
        cookie.sequence = old.sequence;
    } else {
        cookie.sequence = m_nextSequence++;
    }
    outcome.status = hadOld ? Status::Replaced : Status::Stored;
    insertUnchecked(cookie);
    evictIfNeeded(cookie.domain);
    Q_EMIT changed();
    return outcome;
}

template<typename Visitor>
void CookieJar::forEachCandidate(QByteArrayView host, Visitor &&visit) const
{
    // Every domain a cookie sent to this host can have: the host and each parent domain.
    const bool ip = HostName::isIpAddress(host);
    QByteArrayView domain = host;
    while (!domain.isEmpty()) {
        const auto it = m_byDomain.constFind(domain.toByteArray());
        if (it != m_byDomain.cend()) {
            for (const StoredCookie &cookie : *it)
                visit(cookie);
        }
        if (ip)
            break;
        const qsizetype dot = domain.indexOf('.');
        if (dot < 0)
            break;
        domain = domain.sliced(dot + 1);
    }
}

CookieInclusion::Reason CookieJar::inclusionReason(const StoredCookie &cookie, const CookieRequestContext &context, qint64 nowMsecs) const
{
    if (cookie.isExpired(nowMsecs))
        return Inclusion::Expired;
    const QByteArray host = HostName::canonicalHost(context.url);
    if (cookie.hostOnly ? host != cookie.domain : !HostName::domainMatches(host, cookie.domain))
        return cookie.hostOnly && HostName::domainMatches(host, cookie.domain) ? Inclusion::HostOnlyMismatch : Inclusion::DomainMismatch;
    if (!HostName::pathMatches(HostName::requestPath(context.url), cookie.path))
        return Inclusion::PathMismatch;
    if (cookie.secure && !HostName::isPotentiallyTrustworthy(context.url))
        return Inclusion::SecureOnly;
    if (cookie.httpOnly && context.api == CookieRequestContext::Api::Script)
        return Inclusion::HttpOnly;

    const bool crossSite = isCrossSite(context);
    if (cookie.partitioned) {
        if (cookie.partitionKey != topLevelSite(context))
            return Inclusion::PartitionMismatch;
    } else if (crossSite && !context.topLevelNavigation && m_thirdPartyPolicy == ThirdPartyPolicy::Block) {
        return Inclusion::ThirdPartyBlocked;
    }
    if (!crossSite || cookie.sameSite == SameSite::None)
        return Inclusion::Included;
    if (cookie.sameSite == SameSite::Strict)
        return Inclusion::SameSiteStrict;
    const bool laxAllows = context.topLevelNavigation && HttpSyntax::isSafeMethod(context.method);
    if (cookie.sameSite == SameSite::Lax)
        return laxAllows ? Inclusion::Included : Inclusion::SameSiteLax;
    if (laxAllows)
        return Inclusion::Included;
    if (m_profile == Profile::Chromium && context.topLevelNavigation && nowMsecs - cookie.creation <= LaxAllowUnsafeMaxAgeMsecs)
        return Inclusion::IncludedLaxAllowingUnsafe;
    return Inclusion::SameSiteUnspecifiedTreatedAsLax;
}

QList<CookieInclusion> CookieJar::includedCookies(const CookieRequestContext &context) const
{
    const qint64 nowMsecs = now();
    QList<CookieInclusion> result;
    forEachCandidate(HostName::canonicalHost(context.url), [&](const StoredCookie &cookie) {
        const auto reason = inclusionReason(cookie, context, nowMsecs);
        if (reason == Inclusion::Included || reason == Inclusion::IncludedLaxAllowingUnsafe)
            result.append({cookie, reason});
    });
    std::sort(
        result.begin(), result.end(), [](const CookieInclusion &a, const CookieInclusion &b) { return sortForHeader(a.cookie, b.cookie); });
    return result;
}

QList<StoredCookie> CookieJar::cookiesForRequest(const CookieRequestContext &context)
{
    const qint64 nowMsecs = now();
    QList<CookieInclusion> included = includedCookies(context);
    QList<StoredCookie> result;
    result.reserve(included.size());
    for (CookieInclusion &inclusion : included)
        result.append(std::move(inclusion.cookie));
    for (StoredCookie &sent : result) {
        sent.lastAccess = nowMsecs;
        for (StoredCookie &stored : m_byDomain[sent.domain]) {
            if (stored.sameIdentity(sent))
                stored.lastAccess = nowMsecs;
        }
    }
    return result;
}

QByteArray CookieJar::cookieHeader(const CookieRequestContext &context)
{
    QByteArray header;
    for (const StoredCookie &cookie : cookiesForRequest(context)) {
        if (!header.isEmpty())
            header += "; ";
        header += cookie.pair();
    }
    return header;
}

QList<CookieInclusion> CookieJar::explain(const CookieRequestContext &context) const
{
    const qint64 nowMsecs = now();
    QList<CookieInclusion> result;
    for (const StoredCookie &cookie : cookies())
        result.append({cookie, inclusionReason(cookie, context, nowMsecs)});
    std::stable_sort(result.begin(), result.end(), [](const CookieInclusion &a, const CookieInclusion &b) {
        if (a.isIncluded() != b.isIncluded())
            return a.isIncluded();
        return sortForHeader(a.cookie, b.cookie);
    });
    return result;
}

QList<StoredCookie> CookieJar::cookies() const
{
    QList<StoredCookie> all;
    all.reserve(m_count);
    for (const Bucket &bucket : m_byDomain)
        all.append(bucket);
    std::sort(all.begin(), all.end(), [](const StoredCookie &a, const StoredCookie &b) { return a.sequence < b.sequence; });
    return all;
}

void CookieJar::forEachCookie(const std::function<void(const StoredCookie &)> &visit) const
{
    for (const Bucket &bucket : m_byDomain) {
        for (const StoredCookie &cookie : bucket)
            visit(cookie);
    }
}

void CookieJar::insert(StoredCookie cookie)
{
    StoredCookie old;
    if (eraseIdentity(cookie, &old)) {
        cookie.sequence = old.sequence;
    } else {
        cookie.sequence = m_nextSequence++;
    }
    const QByteArray domain = cookie.domain;
    insertUnchecked(std::move(cookie));
    evictIfNeeded(domain);
    Q_EMIT changed();
}

bool CookieJar::remove(const StoredCookie &identity)
{
    const bool removed = eraseIdentity(identity);
    if (removed)
        Q_EMIT changed();
    return removed;
}

int CookieJar::removeHost(QByteArrayView host)
{
    const auto it = m_byDomain.find(host.toByteArray());
    if (it == m_byDomain.end())
        return 0;
    const int removed = int(it->size());
    m_count -= removed;
    m_byDomain.erase(it);
    Q_EMIT changed();
    return removed;
}

int CookieJar::removeSessionCookies()
{
    const qsizetype before = m_count;
    eraseWhere([](const StoredCookie &cookie) { return !cookie.persistent; });
    return int(before - m_count);
}

int CookieJar::removeExpired()
{
    const qint64 nowMsecs = now();
    const qsizetype before = m_count;
    eraseWhere([nowMsecs](const StoredCookie &cookie) { return cookie.isExpired(nowMsecs); });
    return int(before - m_count);
}

void CookieJar::clear()
{
    m_byDomain.clear();
    m_count = 0;
    Q_EMIT changed();
}

void CookieJar::eraseWhere(const std::function<bool(const StoredCookie &)> &predicate)
{
    const qsizetype before = m_count;
    for (auto it = m_byDomain.begin(); it != m_byDomain.end();) {
        m_count -= it->removeIf(predicate);
        it = it->isEmpty() ? m_byDomain.erase(it) : std::next(it);
    }
    if (m_count != before)
        Q_EMIT changed();
}

bool CookieJar::eraseIdentity(const StoredCookie &identity, StoredCookie *removed)
{
    const auto it = m_byDomain.find(identity.domain);
    if (it == m_byDomain.end())
        return false;
    for (qsizetype i = 0; i < it->size(); ++i) {
        if (it->at(i).sameIdentity(identity)) {
            if (removed)
                *removed = it->at(i);
            it->removeAt(i);
            --m_count;
            if (it->isEmpty())
                m_byDomain.erase(it);
            return true;
        }
    }
    return false;
}

void CookieJar::insertUnchecked(StoredCookie cookie)
{
    QByteArray domain = cookie.domain;
    m_byDomain[domain].append(std::move(cookie));
    ++m_count;
}

void CookieJar::evictIfNeeded(const QByteArray &domain)
{
    const qint64 nowMsecs = now();
    // Chromium: expired cookies go first, then insecure before secure, least recently used first.
    const auto purge = [&](QList<StoredCookie> candidates, qsizetype excess) {
        std::sort(candidates.begin(), candidates.end(), [nowMsecs](const StoredCookie &a, const StoredCookie &b) {
            const bool aExpired = a.isExpired(nowMsecs), bExpired = b.isExpired(nowMsecs);
            if (aExpired != bExpired)
                return aExpired;
            if (a.secure != b.secure)
                return !a.secure;
            if (a.lastAccess != b.lastAccess)
                return a.lastAccess < b.lastAccess;
            return a.sequence < b.sequence;
        });
        for (qsizetype i = 0; i < excess && i < candidates.size(); ++i)
            eraseIdentity(candidates.at(i));
    };

    const QByteArray site = siteKeyOf(domain);
    const QByteArray dotSite = '.' + site;
    const auto ofSite = [&](const QByteArray &key) { return key == site || key.endsWith(dotSite); };
    // Counted first: copying the site's cookies on every store made a busy site's stores quadratic.
    qsizetype siteCount = 0;
    for (auto it = m_byDomain.cbegin(); it != m_byDomain.cend(); ++it) {
        if (ofSite(it.key()))
            siteCount += it->size();
    }
    if (siteCount > MaxCookiesPerSite) {
        QList<StoredCookie> sameSite;
        sameSite.reserve(siteCount);
        for (auto it = m_byDomain.cbegin(); it != m_byDomain.cend(); ++it) {
            if (ofSite(it.key()))
                sameSite.append(*it);
        }
        purge(sameSite, siteCount - (MaxCookiesPerSite - PurgeCookiesPerSite));
    }
    if (m_count > MaxCookies)
        purge(cookies(), m_count - (MaxCookies - PurgeCookies));
}

} // namespace CookieLab
