// Runs one W3C RDF test manifest (rdf-tests, rdf11): positive syntax tests must parse, negative
// syntax tests must be rejected with a positioned error, evaluation tests must give a dataset
// isomorphic to the expected result. Prints the pass count and every failure.
//
// usage: w3c_manifest_runner MANIFEST.ttl KNOWN_FAILURES.txt
// Exit: 0 when the failures are exactly the known ones, 1 otherwise, 77 when the corpus is absent.

#include "manifest.h"

#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/reader.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace evograph;
using namespace evograph::rdf;
using evograph::conformance::Manifest;
using evograph::conformance::TestCase;

namespace {
std::optional<Format> formatOf(const std::string& type)
{
    if (type.find("Turtle") != std::string::npos)
        return Format::Turtle;
    if (type.find("Trig") != std::string::npos)
        return Format::TriG;
    if (type.find("NTriples") != std::string::npos)
        return Format::NTriples;
    if (type.find("NQuads") != std::string::npos)
        return Format::NQuads;
    if (type.find("XML") != std::string::npos)
        return Format::RdfXml;
    return std::nullopt;
}

// Returns an empty string when the test passes, else why it failed.
std::string runTest(const Manifest& manifest, const TestCase& test)
{
    const auto format = formatOf(test.type);
    if (!format)
        return "unknown test type " + test.type;
    ReadOptions options;
    options.format = format;
    options.baseIri = manifest.testBase(test.action);
    const bool negative = test.type.find("Negative") != std::string::npos;
    const bool eval = test.type.find("Eval") != std::string::npos && !negative;
    auto dictionary = std::make_shared<Dictionary>();
    Dataset actual(dictionary);
    try {
        readFile(manifest.localPath(test.action), actual, options);
    } catch (const evograph::Error& e) {
        if (!negative)
            return std::string("rejected: ") + e.what();
        if (!e.where() || e.where()->line == 0)
            return std::string("rejected without a line position: ") + e.what();
        return {};
    }
    if (negative)
        return "accepted a document that must be rejected";
    if (!eval)
        return {};
    Dataset expected(dictionary);
    ReadOptions resultOptions;
    resultOptions.format = test.result.ends_with(".nq") ? Format::NQuads : Format::NTriples;
    resultOptions.baseIri = manifest.testBase(test.result);
    try {
        readFile(manifest.localPath(test.result), expected, resultOptions);
    } catch (const evograph::Error& e) {
        return std::string("cannot read the expected result: ") + e.what();
    }
    if (!isIsomorphic(actual, expected))
        return "result is not isomorphic to " + test.result.substr(test.result.rfind('/') + 1);
    return {};
}

std::map<std::string, std::string> readKnownFailures(const std::string& path, const std::string& suite)
{
    std::map<std::string, std::string> known;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        std::string lineSuite, name;
        fields >> lineSuite >> name;
        std::string reason;
        std::getline(fields, reason);
        if (lineSuite == suite)
            known[name] = reason;
    }
    return known;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::cerr << "usage: w3c_manifest_runner MANIFEST.ttl KNOWN_FAILURES.txt\n";
        return 2;
    }
    const std::string manifestPath = argv[1];
    if (!std::filesystem::exists(manifestPath)) {
        std::cout << "SKIPPED: the W3C test corpus is not at " << manifestPath
                  << " (it lives in ../shared/corpus beside the checkout)\n";
        return 77;
    }
    const std::string suite = std::filesystem::path(manifestPath).parent_path().filename().string();
    const auto known = readKnownFailures(argv[2], suite);
    Manifest manifest(manifestPath);
    int passed = 0, unexpected = 0, knownFailed = 0;
    for (const TestCase& test : manifest.tests()) {
        const std::string failure = runTest(manifest, test);
        if (failure.empty()) {
            ++passed;
            if (known.contains(test.name)) {
                std::cout << "UNEXPECTED PASS " << test.name << " (remove it from the known failures)\n";
                ++unexpected;
            }
            continue;
        }
        if (known.contains(test.name)) {
            ++knownFailed;
            std::cout << "known failure   " << test.name << ":" << known.at(test.name) << '\n';
        } else {
            std::cout << "FAIL            " << test.name << " [" << test.type << "]: " << failure << '\n';
            ++unexpected;
        }
    }
    const auto total = manifest.tests().size();
    std::cout << suite << ": " << passed << "/" << total << " passed";
    if (knownFailed > 0)
        std::cout << " (" << knownFailed << " known library failures, see docs/conformance.md)";
    std::cout << '\n';
    return unexpected == 0 ? 0 : 1;
}
