#pragma once
// Message digests for canonicalization and content addressing, from OpenSSL's libcrypto.

#include <string>
#include <string_view>

namespace evograph::canon {

enum class HashAlgorithm { Sha256, Sha384 };

// Lower-case hex of the digest of `data`.
std::string hexDigest(HashAlgorithm algorithm, std::string_view data);

} // namespace evograph::canon
