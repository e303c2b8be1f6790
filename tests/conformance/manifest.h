#pragma once
// Reads a W3C test manifest (mf:Manifest with an mf:entries list) with evograph's own reader:
// each entry's type, name, action, result and, for RDFC-1.0, its hash algorithm.

#include "evograph/rdf/iri.h"
#include "evograph/rdf/reader.h"
#include "evograph/rdf/vocabulary.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace evograph::conformance {

using namespace evograph::rdf;

const std::string kMf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string kRdft = "http://www.w3.org/ns/rdftest#";

struct TestCase {
    std::string name;
    std::string type; // local name in rdft:, e.g. TestTurtleEval
    std::string action; // IRI
    std::string result; // IRI or empty
    std::string hashAlgorithm; // rdfc:hashAlgorithm, e.g. "SHA384"; empty for the default
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
            test.hashAlgorithm = literal(entry, "https://w3c.github.io/rdf-canon/tests/vocab#hashAlgorithm");
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

} // namespace evograph::conformance
