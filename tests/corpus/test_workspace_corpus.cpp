// Real history: every schema.org release in the corpus imported as one graph's versions. Each
// reads back isomorphic, and the workspace is far smaller than the releases side by side.

#include "corpus_versions.h"

#include "evograph/canon/rdfc10.h"
#include "evograph/engine/digest.h"
#include "evograph/workspace/snapshots.h"

#include <catch2/catch_test_macros.hpp>

#include <iostream>
#include <unistd.h>

using namespace evograph;
namespace fs = std::filesystem;

TEST_CASE("schema.org releases as one graph's history read back isomorphic in far less space", "[corpus][workspace]")
{
    const auto files = test::releases(test::kCorpus / "schemaorg", "schemaorg-all-https.ttl");
    if (files.size() < 2)
        SKIP("no schema.org releases under " << (test::kCorpus / "schemaorg").string());
    std::string pattern = (fs::temp_directory_path() / "evograph-schemaorg-XXXXXX").string();
    const fs::path dir = ::mkdtemp(pattern.data());
    const std::string path = (dir / "ws.evograph").string();
    std::uintmax_t inputBytes = 0;
    std::vector<std::string> hashes;
    {
        workspace::Workspace ws = workspace::Workspace::create(path);
        for (const fs::path& file : files) {
            inputBytes += fs::file_size(file);
            const auto imported = ws.importGraph("schema", file.string(), file.parent_path().filename().string());
            REQUIRE(imported.isNew);
            rdf::Dataset original;
            rdf::readFile(file.string(), original);
            hashes.push_back(engine::hexDigest(engine::HashAlgorithm::Sha256, canon::canonicalize(original).nquads));
            CHECK(imported.version.content == hashes.back());
        }
        workspace::createSnapshot(ws, "all releases");
        const auto log = ws.log("schema");
        REQUIRE(log.size() == files.size());
        for (std::size_t i = 0; i < log.size(); ++i) {
            INFO(log[i].label);
            const rdf::Dataset back = ws.readContent(log[i].content);
            CHECK(engine::hexDigest(engine::HashAlgorithm::Sha256, canon::canonicalize(back).nquads) == hashes[i]);
            CHECK(back.size() == log[i].triples);
        }
        std::size_t deltas = 0;
        for (const auto& v : log)
            deltas += v.storedAsDelta;
        CHECK(deltas >= log.size() / 2);
    }
    const auto workspaceBytes = fs::file_size(path);
    const double ratio = static_cast<double>(inputBytes) / static_cast<double>(workspaceBytes);
    std::cout << "schema.org: " << files.size() << " releases, " << inputBytes << " bytes of Turtle, workspace "
              << workspaceBytes << " bytes (" << ratio << "x smaller)\n";
    CHECK(ratio > 10);
    fs::remove_all(dir);
}
