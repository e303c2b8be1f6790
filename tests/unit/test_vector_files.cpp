// Index files: every kind round-trips to the same answers; every truncation and every flipped
// bit of a file is refused with an error naming it (never a crash or a wrong answer); and a file
// whose checksum was recomputed over damaged content is still refused by the structural checks.

#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "evograph/vector/vector_index.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <cstring>
#include <filesystem>
#include <random>
#include <unistd.h>

using namespace evograph;
using namespace evograph::vector;
using Catch::Matchers::ContainsSubstring;

namespace {
VectorSet randomSet(std::size_t n, std::size_t d, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::normal_distribution<float> normal;
    VectorSet out(n, d);
    for (float& x : out.values())
        x = normal(random);
    return out;
}

VectorIndex built(IndexKind kind, std::size_t n = 400, std::size_t d = 16)
{
    IndexParams params;
    params.kind = kind;
    params.metric = Metric::L2;
    params.pqM = 4;
    params.m = 8;
    params.efConstruction = 40;
    params.storage = kind == IndexKind::Hnsw ? Storage::Int8 : Storage::F32;
    VectorIndex index(d, params);
    index.add(randomSet(n, d, 1));
    if (kind == IndexKind::Hnsw)
        index.remove(3);
    return index;
}
} // namespace

TEST_CASE("every kind of index saves and loads to the same answers", "[vector]")
{
    const VectorSet queries = randomSet(20, 16, 2);
    const auto path
        = std::filesystem::temp_directory_path() / ("evograph-index-" + std::to_string(::getpid()) + ".evx");
    for (const IndexKind kind : {IndexKind::Flat, IndexKind::Hnsw, IndexKind::Pq, IndexKind::HnswPq}) {
        INFO(toString(kind));
        const VectorIndex index = built(kind);
        index.save(path.string());
        const VectorIndex loaded = VectorIndex::load(path.string());
        CHECK(loaded.kind() == kind);
        CHECK(loaded.size() == index.size());
        CHECK(loaded.dim() == 16);
        CHECK(loaded.params().pqM == 4);
        const SearchResults a = index.search(queries, {}), b = loaded.search(queries, {});
        CHECK(a.ids == b.ids);
        CHECK(a.distances == b.distances);
    }
    std::filesystem::remove(path);
    CHECK_THROWS_WITH(VectorIndex::load(path.string()), ContainsSubstring(path.string() + ": error: cannot read"));
}

TEST_CASE("truncated and bit-flipped index files are all refused", "[vector]")
{
    for (const IndexKind kind : {IndexKind::Flat, IndexKind::Hnsw, IndexKind::Pq, IndexKind::HnswPq}) {
        INFO(toString(kind));
        const std::string bytes = built(kind, 300, 8).serialize();
        std::size_t refused = 0, tried = 0;
        for (std::size_t length = 0; length < bytes.size(); length += 1 + length / 16, ++tried)
            try {
                VectorIndex::deserialize(std::string_view(bytes).substr(0, length), "cut.evx");
            } catch (const Error& e) {
                CHECK_THAT(e.what(), ContainsSubstring("cut.evx: error: not a valid evograph vector index"));
                ++refused;
            }
        CHECK(refused == tried);
        refused = tried = 0;
        for (std::size_t at = 0; at < bytes.size(); at += 1 + at / 64) {
            for (const int bit : {0, 7}) {
                std::string flipped = bytes;
                flipped[at] = static_cast<char>(flipped[at] ^ (1 << bit));
                ++tried;
                try {
                    VectorIndex::deserialize(flipped, "flipped.evx");
                } catch (const Error&) {
                    ++refused;
                }
            }
        }
        CHECK(refused == tried);
        CHECK(tried > 100);
    }
}

TEST_CASE("a damaged file with a recomputed checksum fails the structural checks", "[vector]")
{
    std::string bytes = built(IndexKind::Hnsw, 300, 8).serialize();
    std::string body = bytes.substr(0, bytes.size() - 64);
    // Walk the sections after the 88-byte header to the level-0 links (tag 6).
    std::size_t at = 88;
    for (;;) {
        REQUIRE(at + 12 <= body.size());
        std::uint32_t tag;
        std::uint64_t length;
        std::memcpy(&tag, body.data() + at, 4);
        std::memcpy(&length, body.data() + at + 4, 8);
        if (tag == 6)
            break;
        at += 12 + length;
    }
    const std::size_t first = at + 12; // node 0's link count, then its links
    std::uint32_t count;
    std::memcpy(&count, body.data() + first, 4);
    REQUIRE(count > 0);
    const std::uint32_t outside = 5000;
    std::memcpy(body.data() + first + 4, &outside, 4);
    const std::string damaged = body + engine::hexDigest(engine::HashAlgorithm::Sha256, body);
    CHECK_THROWS_WITH(VectorIndex::deserialize(damaged, "crafted.evx"),
        ContainsSubstring(
            "crafted.evx: error: not a valid evograph vector index: corrupt HNSW graph: link to node 5000"));
}
