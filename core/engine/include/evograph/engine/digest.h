#pragma once
// Message digests (SHA-256, SHA-384) for canonicalization and content addressing, from OpenSSL's libcrypto.

#include <string>
#include <string_view>

namespace evograph::engine {

enum class HashAlgorithm { Sha256, Sha384 };

// Lower-case hex of the digest of `data`.
std::string hexDigest(HashAlgorithm algorithm, std::string_view data);

} // namespace evograph::engine
