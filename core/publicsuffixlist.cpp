// SPDX-License-Identifier: MIT
#include "core/publicsuffixlist.h"

#include "core/hostname.h"

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

bool PublicSuffixList::isPublicSuffix(QByteArrayView host) const
{
    if (!m_psl || host.isEmpty() || HostName::isIpAddress(host))
        return false;
    const QByteArray zeroTerminated = host.toByteArray();
    return psl_is_public_suffix2(m_psl, zeroTerminated.constData(), PSL_TYPE_ANY) != 0;
}

QByteArray PublicSuffixList::registrableDomain(QByteArrayView host) const
{
    if (!m_psl || host.isEmpty() || HostName::isIpAddress(host))
        return {};
    const QByteArray zeroTerminated = host.toByteArray();
    const char *domain = psl_registrable_domain(m_psl, zeroTerminated.constData());
    return domain ? QByteArray(domain) : QByteArray();
}

} // namespace CookieLab
