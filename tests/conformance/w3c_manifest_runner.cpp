// Runs one W3C RDF test manifest (rdf-tests, rdf11): positive syntax tests must parse, negative
// syntax tests must be rejected with a positioned error, evaluation tests must give a dataset
// isomorphic to the expected result. Prints the pass count and every failure.
//
// usage: w3c_manifest_runner MANIFEST.ttl KNOWN_FAILURES.txt
// Exit: 0 when the failures are exactly the known ones, 1 otherwise, 77 when the corpus is absent.

#include "evograph/rdf/iri.h"
#include "evograph/rdf/isomorphism.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/vocabulary.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

using namespace evograph;
using namespace evograph::rdf;

namespace {
const std::string kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string kRdft = "http://www.w3.org/ns/rdftest#";

struct TestCase {
    std::string name;
    std::string type; // local name in rdft:, e.g. TestTurtleEval
    std::string action; // IRI
    std::string result; // IRI or empty
};

class Manifest {
public:
    explicit Manifest(const std::string& path)
    {
        readFile(path, m_data);
        m_baseUri = fileUri(path);
        m_dir = m_baseUri.substr(0, m_baseUri.rfind('/') + 1);
        const TermId manifest = subjectOfType(kMf + "Manifest");
        m_assumedBase = objectIri(manifest, kMf + "assumedTestBase");
        for (TermId entry : list(object(manifest, kMf + "entries"))) {
            TestCase test;
            test.name = literal(entry, kMf + "name");
            const std::string type = objectIri(entry, vocab::rdfType);
            test.type = type.substr(type.find('#') + 1);
            test.action = objectIri(entry, kMf + "action");
            test.result = objectIri(entry, kMf + "result");
            m_tests.push_back(test);
        }
    }

    const std::vector<TestCase>& tests() const { return m_tests; }
    std::string localPath(const std::string& iri) const
    {
        return std::filesystem::path(iri.substr(std::string("file://").size())).string();
    }
    // The base a test document is read with: mf:assumedTestBase + its path below the manifest.
    std::string testBase(const std::string& iri) const
    {
        return m_assumedBase.empty() ? iri : m_assumedBase + iri.substr(m_dir.size());
    }

private:
    TermId id(std::string_view iri) const
    {
        return m_data.dictionary().find(TermView {TermKind::Iri, iri, {}, {}}).value_or(kNoTerm);
    }
    TermId subjectOfType(const std::string& type) const
    {
        for (const Quad& q : m_data.quads())
            if (q.p == id(vocab::rdfType) && q.o == id(type))
                return q.s;
        throw std::runtime_error("no " + type + " in the manifest");
    }
    TermId object(TermId s, std::string_view p) const
    {
        for (const Quad& q : m_data.withSubject(s))
            if (q.p == id(p))
                return q.o;
        return kNoTerm;
    }
    std::string objectIri(TermId s, std::string_view p) const
    {
        const TermId o = object(s, p);
        return o ? std::string(m_data.dictionary().term(o).value) : std::string();
    }
    std::string literal(TermId s, std::string_view p) const { return objectIri(s, p); }
    std::vector<TermId> list(TermId node) const
    {
        std::vector<TermId> items;
        while (node != kNoTerm && node != id(vocab::rdfNil)) {
            items.push_back(object(node, vocab::rdfFirst));
            node = object(node, vocab::rdfRest);
        }
        return items;
    }

    Dataset m_data;
    std::string m_baseUri, m_dir, m_assumedBase;
    std::vector<TestCase> m_tests;
};

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
