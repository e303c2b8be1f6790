#include "type_lattice.h"

#include <algorithm>
#include <iterator>
#include <unordered_set>

namespace evograph::analysis::detail {

namespace {
using rdf::TermId;

// XSD built-in datatype derivation, child -> parent (the numeric and string towers).
constexpr std::pair<std::string_view, std::string_view> kXsdParents[] = {
    {"byte", "short"},
    {"short", "int"},
    {"int", "long"},
    {"long", "integer"},
    {"unsignedByte", "unsignedShort"},
    {"unsignedShort", "unsignedInt"},
    {"unsignedInt", "unsignedLong"},
    {"unsignedLong", "nonNegativeInteger"},
    {"positiveInteger", "nonNegativeInteger"},
    {"nonNegativeInteger", "integer"},
    {"negativeInteger", "nonPositiveInteger"},
    {"nonPositiveInteger", "integer"},
    {"integer", "decimal"},
    {"token", "normalizedString"},
    {"normalizedString", "string"},
    {"language", "token"},
    {"dateTimeStamp", "dateTime"},
};
constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
} // namespace

bool TypeLattice::below(TermId sub, TermId super) const
{
    return (super != rdf::kNoTerm && super == m_new.terms().rdfsLiteral) || m_new.isSubclassOf(sub, super)
        || m_old.isSubclassOf(sub, super) || xsdBelow(sub, super);
}

bool TypeLattice::covers(const std::vector<TermId>& wide, const std::vector<TermId>& narrow) const
{
    if (wide.empty())
        return true;
    return std::all_of(narrow.begin(), narrow.end(),
        [&](TermId n) { return std::any_of(wide.begin(), wide.end(), [&](TermId w) { return below(n, w); }); });
}

std::vector<TermId> TypeLattice::admitted(const OntologyIndex& index, TermId property, bool domain) const
{
    const KnownTerms& t = index.terms();
    const rdf::Dictionary& dictionary = index.data().dictionary();
    std::vector<TermId> out;
    for (const rdf::Quad& q : index.data().withSubject(property)) {
        if (!(domain ? t.isDomain(q.p) : t.isRange(q.p)))
            continue;
        const auto unions = dictionary.isBlank(q.o) ? index.objects(q.o, t.owlUnionOf) : std::vector<TermId> {};
        if (unions.empty()) {
            out.push_back(q.o); // a named type, or another class expression compared by identity
            continue;
        }
        std::unordered_set<TermId> seen; // a list that loops ends where it loops
        for (TermId node = unions.front(); node != t.rdfNil && seen.insert(node).second;) {
            const auto first = index.objects(node, t.rdfFirst);
            out.insert(out.end(), first.begin(), first.end());
            const auto rest = index.objects(node, t.rdfRest);
            if (rest.empty())
                break;
            node = rest.front();
        }
    }
    return out;
}

bool TypeLattice::outside(const std::vector<TermId>& admitted, TermId value, const std::vector<TermId>& types) const
{
    if (admitted.empty())
        return false;
    const rdf::Dictionary& dictionary = m_new.data().dictionary();
    const rdf::TermView term = dictionary.term(value);
    if (term.isLiteral()) {
        const auto datatype = dictionary.findIri(term.datatype);
        return !datatype || !covers(admitted, {*datatype});
    }
    return !types.empty()
        && !std::any_of(types.begin(), types.end(), [&](TermId type) { return covers(admitted, {type}); });
}

bool TypeLattice::xsdBelow(TermId sub, TermId super) const
{
    const rdf::Dictionary& dictionary = m_new.data().dictionary();
    if (sub == rdf::kNoTerm || super == rdf::kNoTerm)
        return false;
    const std::string_view a = dictionary.term(sub).value, b = dictionary.term(super).value;
    if (!a.starts_with(kXsd) || !b.starts_with(kXsd))
        return false;
    std::string_view current = a.substr(kXsd.size());
    const std::string_view target = b.substr(kXsd.size());
    for (std::size_t steps = 0; steps <= std::size(kXsdParents); ++steps) {
        if (current == target)
            return true;
        const auto* parent = std::find_if(
            std::begin(kXsdParents), std::end(kXsdParents), [&](const auto& pair) { return pair.first == current; });
        if (parent == std::end(kXsdParents))
            return false;
        current = parent->second;
    }
    return false;
}

} // namespace evograph::analysis::detail
