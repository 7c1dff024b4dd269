#include "core/db/chainhash.h"

#include <QByteArray>

#include <sodium.h>

namespace VinhDanh::Core::ChainHash {

QString hashFields(const Field *fields, int count)
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    for (int i = 0; i < count; ++i) {
        const Field &f = fields[i];
        if (!f.data) {
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>("-"), 1);
            continue;
        }
        const QByteArray prefix = QByteArray::number(f.size) + ':';
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(prefix.constData()), quint64(prefix.size()));
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(f.data), quint64(f.size));
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

} // namespace VinhDanh::Core::ChainHash
