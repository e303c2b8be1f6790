#include "joint_embedding.h"

#include "evograph/embed/providers.h"

namespace evograph::embed {

JointEmbedding embedTogether(const std::vector<const analysis::OntologyIndex*>& ontologies,
    const config::Config& config, const std::string& provider, const BuiltinOptions& builtinOptions,
    engine::ThreadPool* pool, const engine::TaskContext* task, const std::string& apiKey)
{
    JointEmbedding joint;
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for (const analysis::OntologyIndex* index : ontologies) {
        joint.documents.push_back(termDocuments(*index));
        for (const TermDocument& d : joint.documents.back())
            texts.push_back(d.text()), bytes += texts.back().size();
    }
    joint.provider = chooseProvider(config, provider, texts.size(), bytes);
    if (joint.provider == config::kBuiltinProvider) {
        auto builtin = std::make_unique<BuiltinEmbedder>(ontologies, builtinOptions, pool, task);
        for (std::size_t i = 0; i < ontologies.size(); ++i)
            joint.vectors.push_back(builtin->termVectors(i));
        joint.embedder = std::move(builtin);
        return joint;
    }
    joint.embedder = makeProviderEmbedder(config, joint.provider, apiKey);
    vector::VectorSet all = joint.embedder->embed(texts, task);
    vector::normalizeRows(all);
    std::size_t row = 0;
    for (const std::vector<TermDocument>& documents : joint.documents) {
        vector::VectorSet part(all.dim());
        for (std::size_t i = 0; i < documents.size(); ++i)
            part.append(all.rowSpan(row++));
        joint.vectors.push_back(std::move(part));
    }
    return joint;
}

} // namespace evograph::embed
