// SPDX-License-Identifier: MIT
#include "core/userstore.h"

#include "core/securebytes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>

namespace CookieLab
{

namespace
{

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int KeyLength = 32;

struct ParsedHash
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

std::optional<ParsedHash> parseHash(const QByteArray &hash)
{
    const QList<QByteArray> parts = hash.split('$');
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256")
        return std::nullopt;
    bool ok = false;
    ParsedHash parsed;
    parsed.iterations = parts[1].toInt(&ok);
    if (!ok || parsed.iterations < 1000 || parsed.iterations > 10000000)
        return std::nullopt;
    const auto salt = QByteArray::fromBase64Encoding(parts[2], Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    const auto key = QByteArray::fromBase64Encoding(parts[3], Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.size() < 8 || key.decoded.size() != KeyLength)
        return std::nullopt;
    parsed.salt = salt.decoded;
    parsed.key = key.decoded;
    return parsed;
}

QByteArray derive(const QByteArray &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password, salt, iterations, KeyLength);
}

} // namespace

QByteArray UserStore::hashPassword(const QByteArray &password, int iterations, QByteArray salt)
{
    if (salt.isEmpty())
        salt = SecureBytes::random(16);
    return "pbkdf2-sha256$" + QByteArray::number(iterations) + '$' + salt.toBase64(Base64Url) + '$'
        + derive(password, salt, iterations).toBase64(Base64Url);
}

QString UserStore::checkHashFormat(const QByteArray &hash)
{
    if (parseHash(hash))
        return {};
    return QStringLiteral("expected \"pbkdf2-sha256$<iterations>$<salt>$<key>\" with base64url salt (8+ bytes) and a 32-byte key");
}

bool UserStore::verifyPassword(const QByteArray &password, const QByteArray &hash)
{
    const auto parsed = parseHash(hash);
    if (!parsed)
        return false;
    return SecureBytes::equals(derive(password, parsed->salt, parsed->iterations), parsed->key);
}

bool UserStore::verify(const QString &username, const QByteArray &password) const
{
    static const QByteArray decoy = hashPassword("decoy", DefaultIterations, QByteArray(16, 'x'));
    const auto it = m_hashes.constFind(username);
    const bool known = it != m_hashes.cend();
    const bool matches = verifyPassword(password, known ? *it : decoy);
    return known && matches;
}

QStringList UserStore::usernames() const
{
    return m_order;
}

UserStore::LoadResult UserStore::fromJson(const QByteArray &json, const QString &source)
{
    LoadResult result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error
            = QStringLiteral("%1: not valid JSON at offset %2: %3").arg(source).arg(parseError.offset).arg(parseError.errorString());
        return result;
    }
    if (!document.isArray()) {
        result.error = QStringLiteral("%1: expected a JSON array of {\"username\": …, \"password\": …} objects").arg(source);
        return result;
    }
    const QJsonArray users = document.array();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QString where = QStringLiteral("%1: entry [%2]").arg(source).arg(i);
        const QJsonObject user = users.at(i).toObject();
        if (!users.at(i).isObject()) {
            result.error = where + QStringLiteral(" is not an object");
            return result;
        }
        const QJsonValue name = user.value(QLatin1String("username"));
        if (!name.isString() || name.toString().isEmpty()) {
            result.error = where + QStringLiteral(" needs a non-empty string \"username\"");
            return result;
        }
        const QString username = name.toString();
        if (result.store.m_hashes.contains(username)) {
            result.error = where + QStringLiteral(" repeats the username \"%1\"").arg(username);
            return result;
        }
        const QJsonValue password = user.value(QLatin1String("password"));
        const QJsonValue hash = user.value(QLatin1String("password_hash"));
        QByteArray stored;
        if (password.isString() && hash.isUndefined()) {
            stored = hashPassword(password.toString().toUtf8());
        } else if (hash.isString() && password.isUndefined()) {
            stored = hash.toString().toLatin1();
            if (const QString problem = checkHashFormat(stored); !problem.isEmpty()) {
                result.error = where + QStringLiteral(": \"password_hash\" is malformed: ") + problem;
                return result;
            }
        } else {
            result.error = where + QStringLiteral(" needs exactly one of \"password\" (a string) or \"password_hash\"");
            return result;
        }
        result.store.m_hashes.insert(username, stored);
        result.store.m_order.append(username);
    }
    if (result.store.isEmpty())
        result.error = QStringLiteral("%1: no users").arg(source);
    return result;
}

UserStore::LoadResult UserStore::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    return fromJson(file.readAll(), path);
}

} // namespace CookieLab
