// SPDX-License-Identifier: MIT
#include "core/publicsuffixlist.h"

#include "core/hostname.h"

#include <QHash>

#include <libpsl.h>

namespace CookieLab
{

PublicSuffixList::PublicSuffixList()
    : m_psl(psl_latest(nullptr))
{
    if (!m_psl)
        m_psl = psl_builtin();
}

PublicSuffixList::~PublicSuffixList()
{
    if (m_psl && m_psl != psl_builtin())
        psl_free(const_cast<psl_ctx_t *>(m_psl));
}

const PublicSuffixList &PublicSuffixList::instance()
{
    static const PublicSuffixList list;
    return list;
}

namespace
{

struct SuffixFacts
{
    bool publicSuffix = false;
    QByteArray registrable;
};

} // namespace

// Both answers for a host, remembered per thread (traffic repeats a handful of hosts).
static SuffixFacts suffixFacts(const psl_ctx_t *psl, QByteArrayView host)
{
    thread_local QHash<QByteArray, SuffixFacts> cache;
    const QByteArray key = host.toByteArray();
    if (const auto it = cache.constFind(key); it != cache.cend())
        return *it;
    SuffixFacts facts;
    if (psl && !key.isEmpty() && !HostName::isIpAddress(key)) {
        facts.publicSuffix = psl_is_public_suffix2(psl, key.constData(), PSL_TYPE_ANY) != 0;
        const char *domain = psl_registrable_domain(psl, key.constData());
        facts.registrable = domain ? QByteArray(domain) : QByteArray();
    }
    if (cache.size() >= 4096)
        cache.clear();
    cache.insert(key, facts);
    return facts;
}

bool PublicSuffixList::isPublicSuffix(QByteArrayView host) const
{
    return suffixFacts(m_psl, host).publicSuffix;
}

QByteArray PublicSuffixList::registrableDomain(QByteArrayView host) const
{
    return suffixFacts(m_psl, host).registrable;
}

} // namespace CookieLab
