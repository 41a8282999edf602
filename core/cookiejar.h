// SPDX-License-Identifier: MIT
#pragma once

#include "core/cookieinclusion.h"
#include "core/cookierequestcontext.h"
#include "core/cookiestoreoutcome.h"
#include "core/storedcookie.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace CookieLab
{

/**
 * A browser cookie store following RFC 6265bis §5.7–§5.8 and, in the Chromium profile, what
 * Chromium does where it departs from the draft. Every decision can be explained.
 */
class CookieJar final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieJar)

public:
    enum class Profile
    {
        Chromium,
        Rfc6265bis,
    };
    enum class ThirdPartyPolicy
    {
        Block,
        Allow,
    };

    static constexpr int MaxCookiesPerSite = 180; ///< Chromium kDomainMaxCookies (per registrable domain)
    static constexpr int PurgeCookiesPerSite = 30; ///< Chromium kDomainPurgeCookies
    static constexpr int MaxCookies = 3300; ///< Chromium kMaxCookies
    static constexpr int PurgeCookies = 300; ///< Chromium kPurgeCookies
    static constexpr qint64 LaxAllowUnsafeMaxAgeMsecs = 2LL * 60 * 1000;

    explicit CookieJar(QObject *parent = nullptr);
    ~CookieJar() override;

    Profile profile() const { return m_profile; }
    void setProfile(Profile profile) { m_profile = profile; }
    ThirdPartyPolicy thirdPartyPolicy() const { return m_thirdPartyPolicy; }
    void setThirdPartyPolicy(ThirdPartyPolicy policy) { m_thirdPartyPolicy = policy; }

    /** The jar's clock in ms since the epoch; the wall clock unless replaced (tests, time travel). */
    qint64 now() const { return m_clock(); }
    void setClock(std::function<qint64()> clock);

    /** Stores the cookie of one Set-Cookie header received in the response to context.url. */
    CookieStoreOutcome setCookie(QByteArrayView header, const CookieRequestContext &context);
    /** Same, for a header the caller has already parsed (its receivedAt should be now()). */
    CookieStoreOutcome storeParsed(const SetCookie &parsed, const CookieRequestContext &context);

    /** The cookies a request carries, in Cookie-header order; marks them accessed. */
    QList<StoredCookie> cookiesForRequest(const CookieRequestContext &context);
    /** The Cookie header value for a request; empty when no cookie goes. */
    QByteArray cookieHeader(const CookieRequestContext &context);
    /** Every stored cookie with the check that sends it or keeps it back; changes nothing. */
    QList<CookieInclusion> explain(const CookieRequestContext &context) const;
    /**
     * The included part of explain(), in Cookie-header order; changes nothing. Looks only at the
     * request host's domains, so it costs what the request's cookies cost, not the whole jar.
     */
    QList<CookieInclusion> includedCookies(const CookieRequestContext &context) const;

    /** Every live cookie, oldest first. */
    QList<StoredCookie> cookies() const;
    /** Visits every cookie in no particular order, without copying the jar. */
    void forEachCookie(const std::function<void(const StoredCookie &)> &visit) const;
    qsizetype size() const { return m_count; }

    /** Puts a cookie in directly (editors, imports), replacing one with the same identity. */
    void insert(StoredCookie cookie);
    bool remove(const StoredCookie &identity);
    /** Removes every cookie whose domain is exactly this host (host-only or not). */
    int removeHost(QByteArrayView host);
    int removeSessionCookies();
    int removeExpired();
    void clear();

Q_SIGNALS:
    void changed();

private:
    using Bucket = QList<StoredCookie>;

    CookieInclusion::Reason inclusionReason(const StoredCookie &cookie, const CookieRequestContext &context, qint64 nowMsecs) const;
    CookieStoreOutcome::Reason admission(const SetCookie &parsed, const CookieRequestContext &context, StoredCookie &cookie) const;
    template<typename Visitor>
    void forEachCandidate(QByteArrayView host, Visitor &&visit) const;
    bool eraseIdentity(const StoredCookie &identity, StoredCookie *removed = nullptr);
    void insertUnchecked(StoredCookie cookie);
    void evictIfNeeded(const QByteArray &domain);
    void eraseWhere(const std::function<bool(const StoredCookie &)> &predicate);

    Profile m_profile = Profile::Chromium;
    ThirdPartyPolicy m_thirdPartyPolicy = ThirdPartyPolicy::Block;
    std::function<qint64()> m_clock;
    QHash<QByteArray, Bucket> m_byDomain;
    qsizetype m_count = 0;
    quint64 m_nextSequence = 1;
};

} // namespace CookieLab
