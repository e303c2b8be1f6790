#include "evograph/engine/digest.h"

#include "evograph/error.h"

#include <openssl/evp.h>

namespace evograph::engine {

std::string hexDigest(HashAlgorithm algorithm, std::string_view data)
{
    const EVP_MD* md = algorithm == HashAlgorithm::Sha384 ? EVP_sha384() : EVP_sha256();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!EVP_Digest(data.data(), data.size(), digest, &length, md, nullptr))
        throw Error("OpenSSL could not compute a digest");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex(length * 2, '0');
    for (unsigned i = 0; i < length; ++i) {
        hex[2 * i] = kHex[digest[i] >> 4];
        hex[2 * i + 1] = kHex[digest[i] & 0xF];
    }
    return hex;
}

} // namespace evograph::engine
