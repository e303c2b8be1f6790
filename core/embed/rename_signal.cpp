#include "evograph/embed/rename_signal.h"

#include "joint_embedding.h"

#include "evograph/vector/kernels.h"

#include <cstdio>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace evograph::embed {

namespace {
constexpr float kAnchorCosine = 0.35f;
constexpr float kFullScoreCosine = 0.6f; // a cosine this high counts as full agreement

class EmbeddingSignal final : public analysis::RenameSignal {
public:
    EmbeddingSignal(std::string provider, std::unordered_map<rdf::TermId, std::vector<float>> oldVectors,
        std::unordered_map<rdf::TermId, std::vector<float>> newVectors, const analysis::OntologyIndex& oldIndex,
        const analysis::OntologyIndex& newIndex)
        : m_provider(std::move(provider))
        , m_old(std::move(oldVectors))
        , m_new(std::move(newVectors))
    {
        findMutualBest(oldIndex, newIndex);
    }

    std::optional<analysis::SignalScore> score(
        const analysis::EntityProfile& removed, const analysis::EntityProfile& added) const override
    {
        const float cosine = cosineOf(removed.iri, added.iri);
        if (cosine < -1.5f)
            return std::nullopt;
        const auto best = m_mutualBest.find(removed.iri);
        const bool mutual = best != m_mutualBest.end() && best->second == added.iri;
        char evidence[96];
        std::snprintf(evidence, sizeof evidence, "embedding %.2f, %s%s", static_cast<double>(cosine),
            m_provider.c_str(), mutual ? ", nearest each other" : "");
        // Being each other's nearest is the strongest thing an embedding says: it weighs double then.
        const bool anchor = mutual && cosine >= kAnchorCosine;
        return analysis::SignalScore {std::clamp(static_cast<double>(cosine / kFullScoreCosine), 0.0, 1.0),
            anchor ? 0.5 : 0.25, anchor, evidence};
    }

private:
    // -2 when either has no vector.
    float cosineOf(rdf::TermId oldIri, rdf::TermId newIri) const
    {
        const auto a = m_old.find(oldIri);
        const auto b = m_new.find(newIri);
        if (a == m_old.end() || b == m_new.end())
            return -2.0f;
        return vector::dot(a->second.data(), b->second.data(), a->second.size());
    }

    // Candidates as rename detection sees them: terms only OLD defines, and terms only NEW uses.
    void findMutualBest(const analysis::OntologyIndex& oldIndex, const analysis::OntologyIndex& newIndex)
    {
        std::vector<rdf::TermId> vanished, appeared;
        for (const auto& [iri, v] : m_old)
            if (!newIndex.isSubject(iri))
                vanished.push_back(iri);
        for (const auto& [iri, v] : m_new)
            if (!oldIndex.mentions(iri))
                appeared.push_back(iri);
        const auto nearest = [&](rdf::TermId from, const std::vector<rdf::TermId>& among, bool fromOld,
                                 const analysis::OntologyIndex& fromIndex, const analysis::OntologyIndex& toIndex) {
            rdf::TermId best = rdf::kNoTerm;
            float bestCosine = -2.0f;
            for (const rdf::TermId to : among) {
                if (toIndex.category(to) != fromIndex.category(from))
                    continue;
                const float c = fromOld ? cosineOf(from, to) : cosineOf(to, from);
                if (c > bestCosine || (c == bestCosine && to < best))
                    bestCosine = c, best = to;
            }
            return best;
        };
        for (const rdf::TermId from : vanished) {
            const rdf::TermId to = nearest(from, appeared, true, oldIndex, newIndex);
            if (to != rdf::kNoTerm && nearest(to, vanished, false, newIndex, oldIndex) == from)
                m_mutualBest.emplace(from, to);
        }
    }

    std::string m_provider;
    std::unordered_map<rdf::TermId, std::vector<float>> m_old, m_new;
    std::unordered_map<rdf::TermId, rdf::TermId> m_mutualBest;
};

std::unordered_map<rdf::TermId, std::vector<float>> byIri(
    const std::vector<TermDocument>& documents, const vector::VectorSet& vectors)
{
    std::unordered_map<rdf::TermId, std::vector<float>> out;
    for (std::size_t i = 0; i < documents.size(); ++i)
        out.emplace(documents[i].iri, std::vector<float>(vectors.row(i), vectors.row(i) + vectors.dim()));
    return out;
}
} // namespace

std::function<std::vector<std::shared_ptr<const analysis::RenameSignal>>(
    const analysis::OntologyIndex&, const analysis::OntologyIndex&)>
embeddingRenameSignals(const config::Config& config, const std::string& provider, std::size_t maxTerms)
{
    return [config, provider, maxTerms](const analysis::OntologyIndex& oldIndex,
               const analysis::OntologyIndex& newIndex) -> std::vector<std::shared_ptr<const analysis::RenameSignal>> {
        if (maxTerms && oldIndex.entities().size() + newIndex.entities().size() > maxTerms)
            return {};
        // For identity the structure weighs twice the words: a rename often changes name and label both
        // (on RO, weight 1 finds 39 of 120 renamed and relabelled terms, 2 finds 80, 3 finds 81).
        BuiltinOptions options;
        options.structuralWeight = 2.0f;
        engine::ThreadPool pool(std::max(1u, std::thread::hardware_concurrency()));
        const JointEmbedding joint = embedTogether({&oldIndex, &newIndex}, config, provider, options, &pool);
        return {std::make_shared<EmbeddingSignal>(joint.provider, byIri(joint.documents[0], joint.vectors[0]),
            byIri(joint.documents[1], joint.vectors[1]), oldIndex, newIndex)};
    };
}

} // namespace evograph::embed
