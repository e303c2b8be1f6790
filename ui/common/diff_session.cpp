#include "diff_session.h"

#include "evograph/analysis/known_terms.h"
#include "evograph/rdf/well_known_vocabularies.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <unordered_set>

namespace evograph::ui {

namespace {
using analysis::ChangeKind;
using rdf::TermId;

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

// The first named object of (subject, predicate, ?) in either version, NEW's first.
TermId namedObject(const analysis::AnalyzedVersions& versions, TermId subject, TermId predicate)
{
    if (predicate == rdf::kNoTerm)
        return rdf::kNoTerm;
    for (const rdf::Dataset* data : {&versions.newData, &versions.oldData}) {
        for (const rdf::Quad& quad : data->withSubject(subject))
            if (quad.p == predicate && data->dictionary().term(quad.o).isIri())
                return quad.o;
    }
    return rdf::kNoTerm;
}

// Where a change sits in the class hierarchy: a class under itself, a property under its domain,
// an individual under its type; each below its named superclasses (cycles end the walk). Returns
// the node in `tree`, interning the path's classes on the way.
class ClassTreeBuilder {
public:
    ClassTreeBuilder(DiffSession& session, const analysis::KnownTerms& terms)
        : m_session(session)
        , m_terms(terms)
    {
    }

    int nodeFor(const analysis::Change& change)
    {
        const TermId anchor = anchorOf(change);
        if (anchor == rdf::kNoTerm)
            return -1;
        std::vector<TermId> path {anchor};
        std::unordered_set<TermId> seen {anchor};
        for (TermId up = namedObject(m_session.versions, anchor, m_terms.rdfsSubClassOf);
             up != rdf::kNoTerm && seen.insert(up).second;
             up = namedObject(m_session.versions, up, m_terms.rdfsSubClassOf))
            path.push_back(up);
        int node = -1;
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            auto [slot, added] = m_nodes.try_emplace({node, *it}, 0);
            if (added) {
                slot->second = static_cast<int>(m_session.classTree.size());
                m_session.classTree.push_back({m_session.display(*it), node});
            }
            node = slot->second;
        }
        return node;
    }

private:
    // The class a change belongs under: a class itself, an individual its type, anything with a
    // domain (properties, and their literal or comment changes) that domain.
    TermId anchorOf(const analysis::Change& change) const
    {
        const TermId subject = change.subject();
        switch (change.kind) {
        case ChangeKind::OntologyVersionChanged:
        case ChangeKind::MetadataChanged:
            return rdf::kNoTerm;
        case ChangeKind::ClassAdded:
        case ChangeKind::ClassRemoved:
        case ChangeKind::ClassRenamed:
        case ChangeKind::ClassDeprecated:
        case ChangeKind::SuperclassAdded:
        case ChangeKind::SuperclassRemoved:
        case ChangeKind::RestrictionAdded:
        case ChangeKind::RestrictionRemoved:
        case ChangeKind::RestrictionChanged:
            return subject;
        case ChangeKind::IndividualAdded:
        case ChangeKind::IndividualRemoved:
        case ChangeKind::IndividualChanged:
            return namedObject(m_session.versions, subject, m_terms.rdfType);
        default:
            break;
        }
        if (subject == rdf::kNoTerm)
            return rdf::kNoTerm;
        // rdfs:domain, else schema.org's domainIncludes (http and https).
        TermId domain = namedObject(m_session.versions, subject, m_terms.rdfsDomain);
        for (const TermId includes : m_terms.schemaDomainIncludes)
            if (domain == rdf::kNoTerm)
                domain = namedObject(m_session.versions, subject, includes);
        if (domain != rdf::kNoTerm)
            return domain;
        return namedObject(m_session.versions, subject, m_terms.rdfsSubClassOf) != rdf::kNoTerm ? subject
                                                                                                : rdf::kNoTerm;
    }

    DiffSession& m_session;
    const analysis::KnownTerms& m_terms;
    std::map<std::pair<int, TermId>, int> m_nodes; // (parent, class) → node
};

QString objectOf(const rdf::Dataset& data, TermId subject, TermId predicate)
{
    if (subject == rdf::kNoTerm || predicate == rdf::kNoTerm)
        return {};
    for (const rdf::Quad& quad : data.withSubject(subject))
        if (quad.p == predicate)
            return text(data.dictionary().term(quad.o).value);
    return {};
}

TermId ontologyOf(const rdf::Dataset& data, const analysis::KnownTerms& terms)
{
    if (terms.owlOntology == rdf::kNoTerm)
        return rdf::kNoTerm;
    for (const rdf::Quad& quad : data.quads())
        if (quad.p == terms.rdfType && quad.o == terms.owlOntology)
            return quad.s;
    return rdf::kNoTerm;
}

OntologyHeader headerOf(const DiffSession& session, const analysis::KnownTerms& terms)
{
    const auto& versions = session.versions;
    OntologyHeader header;
    const TermId oldOntology = ontologyOf(versions.oldData, terms), newOntology = ontologyOf(versions.newData, terms);
    header.oldIri = oldOntology ? session.display(oldOntology) : QString();
    header.newIri = newOntology ? session.display(newOntology) : QString();
    const auto version = [&](const rdf::Dataset& data, TermId ontology) {
        const QString iri = objectOf(data, ontology, terms.owlVersionIri);
        return iri.isEmpty() ? objectOf(data, ontology, terms.owlVersionInfo) : iri;
    };
    header.oldVersion = version(versions.oldData, oldOntology);
    header.newVersion = version(versions.newData, newOntology);
    header.priorVersion = objectOf(versions.newData, newOntology, terms.owlPriorVersion);
    for (const analysis::Change& change : session.analysis().changes)
        if (change.kind == ChangeKind::ClassDeprecated || change.kind == ChangeKind::PropertyDeprecated)
            header.newlyDeprecated << session.display(change.subject());
    return header;
}
} // namespace

QString DiffSession::display(TermId term) const
{
    // Called for every change and class: a context without the inputs' names, which display never
    // reads, spares two string conversions per call.
    return QString::fromStdString(analysis::displayTerm({dictionary(), prefixes, {}, {}}, term));
}

QString kindTitle(ChangeKind kind)
{
    QString title = text(analysis::toString(kind)).replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

namespace {
// The documents' prefixes; where a version has none (a graph read back from a workspace or a
// snapshot), the well-known vocabularies' and ":" for the namespace most subjects are in, so the
// panes show CURIEs, not full IRIs.
rdf::PrefixMap displayPrefixes(const analysis::AnalyzedVersions& versions)
{
    rdf::PrefixMap prefixes = analysis::mergedPrefixes(versions);
    const auto bound = [&](std::string_view ns) {
        for (const auto& [prefix, iri] : prefixes.entries())
            if (iri == ns)
                return true;
        return false;
    };
    for (const rdf::WellKnownVocabulary& v : rdf::wellKnownVocabularies())
        if (!prefixes.iriFor(v.prefix) && !bound(v.ns))
            prefixes.set(std::string(v.prefix), std::string(v.ns));
    if (!prefixes.iriFor("")) {
        std::map<std::string, std::size_t> counts;
        for (const rdf::Dataset* data : {&versions.newData, &versions.oldData})
            for (const rdf::Quad& quad : data->quads()) {
                const rdf::TermView subject = data->dictionary().term(quad.s);
                if (!subject.isIri())
                    continue;
                const std::string_view iri = subject.value;
                const auto cut = iri.find_last_of("#/");
                if (cut != std::string_view::npos && cut + 1 < iri.size() && !rdf::wellKnownVocabularyOf(iri))
                    ++counts[std::string(iri.substr(0, cut + 1))];
            }
        const auto most = std::max_element(
            counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        if (most != counts.end() && !bound(most->first))
            prefixes.set("", most->first);
    }
    return prefixes;
}
} // namespace

DiffSession prepareSession(analysis::AnalyzedVersions versions, const QString& oldName, const QString& newName,
    const engine::TaskContext& context)
{
    DiffSession session;
    session.oldName = oldName;
    session.newName = newName;
    const QFileInfo oldFile(oldName), newFile(newName);
    const bool sameName = oldFile.fileName() == newFile.fileName();
    session.oldTitle = sameName ? oldFile.dir().dirName() + QLatin1Char('/') + oldFile.fileName() : oldFile.fileName();
    session.newTitle = sameName ? newFile.dir().dirName() + QLatin1Char('/') + newFile.fileName() : newFile.fileName();
    session.hasData = !versions.data.empty();
    session.versions = std::move(versions);
    session.prefixes = displayPrefixes(session.versions);
    const analysis::KnownTerms terms(session.dictionary());
    const auto& changes = session.analysis().changes;
    session.rows.reserve(changes.size());
    std::map<QString, int> namespaceCounts;
    ClassTreeBuilder classTree(session, terms);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (i % 4096 == 0)
            context.checkpoint();
        const analysis::Change& change = changes[i];
        ChangeRow row;
        const bool renamed = change.oldIri != rdf::kNoTerm && change.newIri != rdf::kNoTerm;
        row.entity = renamed ? session.display(change.oldIri) + QStringLiteral(" → ") + session.display(change.newIri)
                             : session.display(change.subject());
        if (auto label = session.analysis().labels.find(change.subject()); label != session.analysis().labels.end())
            row.label = QString::fromStdString(label->second);
        if (change.subject() != rdf::kNoTerm && session.dictionary().term(change.subject()).isIri()) {
            const QString iri = text(session.dictionary().term(change.subject()).value);
            row.nameSpace
                = iri.left(std::max(iri.lastIndexOf(QLatin1Char('#')), iri.lastIndexOf(QLatin1Char('/'))) + 1);
            ++namespaceCounts[row.nameSpace];
        }
        row.classGroup = classTree.nodeFor(change);
        row.search = (row.entity + QLatin1Char(' ') + row.label + QLatin1Char(' ') + kindTitle(change.kind)
            + QLatin1Char(' ') + QString::fromStdString(change.reason))
                         .toLower();
        session.rows.push_back(std::move(row));
    }
    std::vector<std::pair<int, QString>> byCount;
    for (const auto& [name, count] : namespaceCounts)
        byCount.emplace_back(-count, name);
    std::sort(byCount.begin(), byCount.end());
    for (const auto& entry : byCount)
        session.namespaces << entry.second;
    session.header = headerOf(session, terms);
    context.checkpoint();
    session.hierarchies
        = analysis::buildHierarchies(session.versions.oldData, session.versions.newData, session.analysis(),
            {analysis::HierarchyKind::Classes, analysis::HierarchyKind::Properties, analysis::HierarchyKind::Concepts});
    for (const analysis::HierarchyTree& tree : session.hierarchies)
        session.alignedHierarchies.push_back(analysis::alignOutlines(tree));
    return session;
}

} // namespace evograph::ui
