// RDFC-1.0, following the algorithm sections of https://www.w3.org/TR/rdf-canon/ (section numbers
// in comments). Identifiers carry their "_:" as rdf-canonize does, so paths compare as the spec's.
#include "evograph/canon/rdfc10.h"

#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace evograph::canon {

using rdf::Quad;
using rdf::TermId;

namespace {

// 4.5: hands out prefix0, prefix1, ... and remembers the order it did so.
class IdentifierIssuer {
public:
    explicit IdentifierIssuer(std::string prefix)
        : m_prefix(std::move(prefix))
    {
    }

    const std::string& issue(TermId node)
    {
        auto [it, added] = m_issued.try_emplace(node);
        if (added) {
            it->second = m_prefix + std::to_string(m_order.size());
            m_order.push_back(node);
        }
        return it->second;
    }
    const std::string* find(TermId node) const
    {
        const auto it = m_issued.find(node);
        return it == m_issued.end() ? nullptr : &it->second;
    }
    const std::vector<TermId>& order() const { return m_order; }

private:
    std::string m_prefix;
    std::unordered_map<TermId, std::string> m_issued;
    std::vector<TermId> m_order;
};

struct NDegreeResult {
    std::string hash;
    IdentifierIssuer issuer;
};

class Canonicalizer {
public:
    Canonicalizer(const rdf::Dataset& dataset, const CanonOptions& options)
        : m_dataset(dataset)
        , m_dictionary(dataset.dictionary())
        , m_options(options)
    {
    }

    // 4.4.3
    Canonicalization run()
    {
        collectBlankNodeQuads();
        std::map<std::string, std::vector<TermId>> hashToNodes;
        for (const TermId node : m_nodesInOrder)
            hashToNodes[firstDegreeHash(node)].push_back(node);

        for (auto it = hashToNodes.begin(); it != hashToNodes.end();) {
            if (it->second.size() == 1) {
                m_canonical.issue(it->second.front());
                it = hashToNodes.erase(it);
            } else {
                ++it;
            }
        }

        for (const auto& [hash, nodes] : hashToNodes) {
            std::vector<NDegreeResult> paths;
            for (const TermId node : nodes) {
                if (m_canonical.find(node))
                    continue;
                IdentifierIssuer temporary("_:b");
                temporary.issue(node);
                paths.push_back(nDegreeHash(node, std::move(temporary)));
            }
            std::stable_sort(paths.begin(), paths.end(), [](const auto& a, const auto& b) { return a.hash < b.hash; });
            for (const NDegreeResult& result : paths)
                for (const TermId node : result.issuer.order())
                    m_canonical.issue(node);
        }
        return output();
    }

private:
    void collectBlankNodeQuads()
    {
        const auto& quads = m_dataset.quads();
        for (std::size_t i = 0; i < quads.size(); ++i) {
            const Quad& q = quads[i];
            TermId seen[3] = {rdf::kNoTerm, rdf::kNoTerm, rdf::kNoTerm};
            int count = 0;
            for (const TermId t : {q.s, q.o, q.g}) {
                if (t == rdf::kNoTerm || !m_dictionary.isBlank(t) || std::find(seen, seen + count, t) != seen + count)
                    continue;
                seen[count++] = t;
                auto [it, added] = m_quadsOf.try_emplace(t);
                if (added)
                    m_nodesInOrder.push_back(t);
                it->second.push_back(i);
            }
        }
    }

    void appendComponent(std::string& out, TermId term, TermId reference) const
    {
        if (m_dictionary.isBlank(term))
            out += term == reference ? "_:a" : "_:z";
        else
            rdf::appendTerm(out, m_dictionary.term(term));
    }

    // 4.6.3
    const std::string& firstDegreeHash(TermId node)
    {
        if (auto it = m_firstDegree.find(node); it != m_firstDegree.end())
            return it->second;
        std::vector<std::string> lines;
        for (const std::size_t index : m_quadsOf.at(node)) {
            const Quad& q = m_dataset.quads()[index];
            std::string line;
            appendComponent(line, q.s, node);
            line += ' ';
            appendComponent(line, q.p, node);
            line += ' ';
            appendComponent(line, q.o, node);
            if (q.g != rdf::kNoTerm) {
                line += ' ';
                appendComponent(line, q.g, node);
            }
            line += " .\n";
            lines.push_back(std::move(line));
        }
        std::sort(lines.begin(), lines.end());
        std::string joined;
        for (const std::string& line : lines)
            joined += line;
        return m_firstDegree.emplace(node, engine::hexDigest(m_options.hash, joined)).first->second;
    }

    // 4.7.3
    std::string relatedHash(TermId related, const Quad& quad, const IdentifierIssuer& issuer, char position)
    {
        std::string input(1, position);
        if (position != 'g') {
            input += '<';
            input += m_dictionary.term(quad.p).value;
            input += '>';
        }
        if (const std::string* id = m_canonical.find(related))
            input += *id;
        else if (const std::string* temporary = issuer.find(related))
            input += *temporary;
        else
            input += firstDegreeHash(related);
        return engine::hexDigest(m_options.hash, input);
    }

    void spendWork()
    {
        if (++m_work > m_options.workLimit)
            throw Error("canonicalization gave up after " + std::to_string(m_options.workLimit)
                + " steps: the blank nodes are too symmetric (a poison graph?); raise the work limit to try longer");
        if ((m_work & 1023) == 0)
            m_options.cancel.checkpoint();
    }

    static bool worse(const std::string& path, const std::string& chosen)
    {
        return !chosen.empty() && path.size() >= chosen.size() && path > chosen;
    }

    // 4.8.3
    NDegreeResult nDegreeHash(TermId identifier, IdentifierIssuer issuer)
    {
        spendWork();
        std::map<std::string, std::vector<TermId>> hashToRelated;
        for (const std::size_t index : m_quadsOf.at(identifier)) {
            const Quad& q = m_dataset.quads()[index];
            const std::pair<TermId, char> components[] = {{q.s, 's'}, {q.o, 'o'}, {q.g, 'g'}};
            for (const auto& [term, position] : components)
                if (term != rdf::kNoTerm && term != identifier && m_dictionary.isBlank(term))
                    hashToRelated[relatedHash(term, q, issuer, position)].push_back(term);
        }

        std::string dataToHash;
        for (auto& [relatedHashValue, nodes] : hashToRelated) {
            dataToHash += relatedHashValue;
            std::string chosenPath;
            std::optional<IdentifierIssuer> chosenIssuer;
            std::sort(nodes.begin(), nodes.end());
            do {
                spendWork();
                IdentifierIssuer issuerCopy = issuer;
                std::string path;
                std::vector<TermId> recursion;
                bool pruned = false;
                for (const TermId related : nodes) {
                    if (const std::string* id = m_canonical.find(related)) {
                        path += *id;
                    } else {
                        if (!issuerCopy.find(related))
                            recursion.push_back(related);
                        path += issuerCopy.issue(related);
                    }
                    if (worse(path, chosenPath)) {
                        pruned = true;
                        break;
                    }
                }
                for (std::size_t i = 0; !pruned && i < recursion.size(); ++i) {
                    NDegreeResult result = nDegreeHash(recursion[i], issuerCopy);
                    path += issuerCopy.issue(recursion[i]);
                    path += '<';
                    path += result.hash;
                    path += '>';
                    issuerCopy = std::move(result.issuer);
                    pruned = worse(path, chosenPath);
                }
                if (!pruned && (chosenPath.empty() || path < chosenPath)) {
                    chosenPath = std::move(path);
                    chosenIssuer = std::move(issuerCopy);
                }
            } while (std::next_permutation(nodes.begin(), nodes.end()));
            dataToHash += chosenPath;
            issuer = std::move(*chosenIssuer);
        }
        return {engine::hexDigest(m_options.hash, dataToHash), std::move(issuer)};
    }

    Canonicalization output() const
    {
        Canonicalization result;
        for (const TermId node : m_nodesInOrder)
            result.labels.emplace(node, m_canonical.find(node)->substr(2));
        std::vector<std::string> lines;
        lines.reserve(m_dataset.size());
        for (const Quad& q : m_dataset.quads()) {
            std::string line;
            rdf::appendQuad(line, m_dictionary, q, result.labels);
            line += '\n';
            lines.push_back(std::move(line));
        }
        std::sort(lines.begin(), lines.end());
        for (const std::string& line : lines)
            result.nquads += line;
        return result;
    }

    const rdf::Dataset& m_dataset;
    const rdf::Dictionary& m_dictionary;
    const CanonOptions& m_options;
    std::unordered_map<TermId, std::vector<std::size_t>> m_quadsOf;
    std::vector<TermId> m_nodesInOrder;
    std::unordered_map<TermId, std::string> m_firstDegree;
    IdentifierIssuer m_canonical {"_:c14n"};
    std::uint64_t m_work = 0;
};

} // namespace

Canonicalization canonicalize(const rdf::Dataset& dataset, const CanonOptions& options)
{
    return Canonicalizer(dataset, options).run();
}

} // namespace evograph::canon
