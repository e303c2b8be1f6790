#pragma once
// What the workspace tests share: a scratch directory removed afterwards, small ontologies with
// blank nodes written on demand, and the canonical hash of a file or a stored content.

#include "evograph/canon/rdfc10.h"
#include "evograph/engine/digest.h"
#include "evograph/rdf/reader.h"
#include "evograph/workspace/workspace.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace evograph::test {

struct ScratchDir {
    std::filesystem::path path;
    ScratchDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "evograph-ws-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~ScratchDir() { std::filesystem::remove_all(path); }
    std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline std::string writeText(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

inline std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// An ontology of `classes` classes, each with a label and an OWL restriction (a blank node), and
// a property; `variant` changes the labels of every tenth class, so versions differ a little.
inline std::string ontology(int classes, int variant = 0)
{
    std::string ttl = "@prefix : <http://example.com/o#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                      "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                      "<http://example.com/o> a owl:Ontology ; owl:versionIRI <http://example.com/o/"
        + std::to_string(variant) + "> .\n:p a owl:ObjectProperty .\n";
    for (int i = 0; i < classes; ++i) {
        const std::string c = ":C" + std::to_string(i);
        const std::string label = (i % 10 == 0 && variant)
            ? "class " + std::to_string(i) + " v" + std::to_string(variant)
            : "class " + std::to_string(i);
        ttl += c + " a owl:Class ; rdfs:label \"" + label + "\" ; rdfs:subClassOf [ a owl:Restriction ; "
            + "owl:onProperty :p ; owl:someValuesFrom :C" + std::to_string((i + 1) % classes) + " ] .\n";
    }
    return ttl;
}

inline std::string canonicalHash(const rdf::Dataset& data)
{
    return engine::hexDigest(engine::HashAlgorithm::Sha256, canon::canonicalize(data).nquads);
}

inline std::string canonicalHashOfFile(const std::string& path)
{
    rdf::Dataset data;
    rdf::readFile(path, data);
    return canonicalHash(data);
}

inline workspace::Workspace openForWriting(const std::string& path)
{
    return workspace::Workspace::open(path, {workspace::Access::Write, {}, "test"});
}

} // namespace evograph::test
