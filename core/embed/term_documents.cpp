#include "evograph/embed/term_documents.h"

#include <cctype>

namespace evograph::embed {

namespace {
constexpr std::string_view kSynonymPredicates[] = {
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.geneontology.org/formats/oboInOwl#hasExactSynonym",
    "http://www.geneontology.org/formats/oboInOwl#hasRelatedSynonym",
    "http://www.geneontology.org/formats/oboInOwl#hasBroadSynonym",
    "http://www.geneontology.org/formats/oboInOwl#hasNarrowSynonym",
    "http://schema.org/alternateName",
    "https://schema.org/alternateName",
};

bool preferredLanguage(std::string_view language)
{
    return language.empty() || language == "en" || language.rfind("en-", 0) == 0;
}
} // namespace

std::string TermDocument::text() const
{
    std::string out = label.empty() ? localNameWords : label;
    if (!synonyms.empty()) {
        out += " (";
        for (std::size_t i = 0; i < synonyms.size(); ++i)
            out += (i ? "; " : "") + synonyms[i];
        out += ")";
    }
    if (!definition.empty())
        out += ": " + definition;
    return out;
}

std::string_view categoryName(analysis::EntityCategory category)
{
    switch (category) {
    case analysis::EntityCategory::Class:
        return "class";
    case analysis::EntityCategory::Property:
        return "property";
    case analysis::EntityCategory::Individual:
        return "individual";
    case analysis::EntityCategory::Ontology:
        return "ontology";
    default:
        return "term";
    }
}

std::string_view localNameOf(std::string_view iri)
{
    while (!iri.empty() && (iri.back() == '/' || iri.back() == '#'))
        iri.remove_suffix(1);
    const std::size_t cut = iri.find_last_of("#/:");
    return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
}

std::string splitLocalName(std::string_view name)
{
    std::string out;
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(name[i]); };
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = at(i);
        if (!std::isalnum(c) && c < 0x80) {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
            continue;
        }
        if (i > 0 && !out.empty() && out.back() != ' ') {
            const unsigned char p = at(i - 1);
            const bool lowerToUpper = std::isupper(c) && (std::islower(p) || std::isdigit(p));
            // "HTMLParser": the P starts a word when a lower-case letter follows.
            const bool acronymEnd
                = std::isupper(c) && std::isupper(p) && i + 1 < name.size() && std::islower(at(i + 1));
            const bool digitEdge = (std::isdigit(c) != 0) != (std::isdigit(p) != 0);
            if (lowerToUpper || acronymEnd || digitEdge)
                out += ' ';
        }
        out += static_cast<char>(std::tolower(c));
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::vector<TermDocument> termDocuments(const analysis::OntologyIndex& index)
{
    const rdf::Dataset& data = index.data();
    const rdf::Dictionary& dictionary = data.dictionary();
    const analysis::KnownTerms& terms = index.terms();
    std::vector<rdf::TermId> synonymPredicates;
    for (const std::string_view iri : kSynonymPredicates)
        if (const auto id = dictionary.findIri(iri))
            synonymPredicates.push_back(*id);
    const auto isSynonym = [&](rdf::TermId p) {
        for (const rdf::TermId s : synonymPredicates)
            if (s == p)
                return true;
        return false;
    };

    std::vector<TermDocument> documents;
    for (const rdf::TermId entity : index.entities()) {
        const analysis::EntityCategory category = index.category(entity);
        if (category == analysis::EntityCategory::None || category == analysis::EntityCategory::Ontology)
            continue;
        TermDocument d;
        d.iri = entity;
        d.category = category;
        if (const auto label = index.label(entity))
            d.label = std::string(*label);
        d.localNameWords = splitLocalName(localNameOf(dictionary.term(entity).value));
        bool preferredDefinition = false;
        for (const rdf::Quad& q : data.withSubject(entity)) {
            if (!dictionary.term(q.o).isLiteral())
                continue;
            const rdf::TermView value = dictionary.term(q.o);
            if (!preferredLanguage(value.language))
                continue;
            if (isSynonym(q.p)) {
                d.synonyms.emplace_back(value.value);
            } else if (terms.isComment(q.p) && (!preferredDefinition || d.definition.empty())) {
                // A real definition beats rdfs:comment; the first of each kind wins.
                const bool isDefinition = q.p != terms.rdfsComment;
                if (d.definition.empty() || (isDefinition && !preferredDefinition))
                    d.definition = std::string(value.value), preferredDefinition = isDefinition;
            }
        }
        documents.push_back(std::move(d));
    }
    return documents;
}

} // namespace evograph::embed
