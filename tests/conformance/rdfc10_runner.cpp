// Runs the W3C RDFC-1.0 test suite (rdf-canon): evaluation tests must give the expected canonical
// N-Quads byte for byte, map tests the expected blank node identifier map, and the negative test
// (a poison graph) must be refused by the work limit. Prints the pass counts and every failure.
//
// usage: rdfc10_runner MANIFEST.ttl
// Exit: 0 when every test passes, 1 otherwise, 77 when the corpus is absent.

#include "manifest.h"

#include "evograph/canon/rdfc10.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace evograph;
using evograph::conformance::Manifest;
using evograph::conformance::TestCase;

namespace {
std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Returns an empty string when the test passes, else why it failed.
std::string runTest(const Manifest& manifest, const TestCase& test)
{
    rdf::ReadOptions read;
    read.format = rdf::Format::NQuads;
    read.keepBlankLabels = true;
    rdf::Dataset input;
    const rdf::ReadReport report = rdf::readFile(manifest.localPath(test.action), input, read);
    canon::CanonOptions options;
    if (test.hashAlgorithm == "SHA384")
        options.hash = engine::HashAlgorithm::Sha384;
    else if (!test.hashAlgorithm.empty() && test.hashAlgorithm != "SHA256")
        return "unsupported hash algorithm " + test.hashAlgorithm;

    if (test.type == "RDFC10NegativeEvalTest") {
        try {
            canon::canonicalize(input, options);
        } catch (const Error& e) {
            return std::string(e.what()).find("gave up") != std::string::npos ? "" : std::string("failed: ") + e.what();
        }
        return "a poison graph was canonicalized instead of refused";
    }
    const canon::Canonicalization result = canon::canonicalize(input, options);
    if (test.type == "RDFC10EvalTest")
        return result.nquads == slurp(manifest.localPath(test.result)) ? "" : "canonical N-Quads differ";
    if (test.type == "RDFC10MapTest") {
        std::map<std::string, std::string> actual;
        for (const auto& [label, node] : report.blankLabels)
            actual.emplace(label, result.labels.at(node));
        const auto expected
            = nlohmann::json::parse(slurp(manifest.localPath(test.result))).get<std::map<std::string, std::string>>();
        return actual == expected ? "" : "identifier map differs";
    }
    return "unknown test type " + test.type;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: rdfc10_runner MANIFEST.ttl\n";
        return 2;
    }
    const std::string manifestPath = argv[1];
    if (!std::filesystem::exists(manifestPath)) {
        std::cout << "SKIPPED: the RDFC-1.0 suite is not at " << manifestPath
                  << " (it lives in ../shared/corpus beside the checkout)\n";
        return 77;
    }
    const Manifest manifest(manifestPath);
    std::map<std::string, std::pair<int, int>> counts; // type -> passed, run
    int failed = 0;
    for (const TestCase& test : manifest.tests()) {
        std::string failure;
        try {
            failure = runTest(manifest, test);
        } catch (const std::exception& e) {
            failure = std::string("error: ") + e.what();
        }
        auto& [passed, run] = counts[test.type];
        ++run;
        if (failure.empty()) {
            ++passed;
        } else {
            ++failed;
            std::cout << "FAIL " << test.name << ": " << failure << '\n';
        }
    }
    for (const auto& [type, count] : counts)
        std::cout << "rdfc10 " << type << ": " << count.first << "/" << count.second << " passed\n";
    return failed == 0 ? 0 : 1;
}
