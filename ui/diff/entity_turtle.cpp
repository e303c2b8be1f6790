#include "entity_turtle.h"

#include "evograph/rdf/turtle_writer.h"
#include "evograph/rdf/vocabulary.h"

#include <QHash>
#include <QRegularExpression>

#include <sstream>
#include <unordered_set>

namespace evograph::ui {

namespace {
using rdf::TermId;

// The entity's statements and, recursively, those of the blank nodes it points at.
rdf::Dataset closureOf(const rdf::Dataset& data, TermId entity, const rdf::PrefixMap& prefixes)
{
    rdf::Dataset closure(data.sharedDictionary());
    closure.prefixes() = prefixes;
    std::vector<TermId> pending {entity};
    std::unordered_set<TermId> seen {entity};
    while (!pending.empty()) {
        const TermId subject = pending.back();
        pending.pop_back();
        for (const rdf::Quad& quad : data.withSubject(subject)) {
            closure.add(quad);
            if (data.dictionary().isBlank(quad.o) && seen.insert(quad.o).second)
                pending.push_back(quad.o);
        }
    }
    closure.finalize();
    return closure;
}

// Display form (as the Turtle writer prints it) → label, for the IRIs in the closure that have one.
QHash<QString, QString> labelsOf(const rdf::Dataset& data, const rdf::Dataset& closure, const rdf::PrefixMap& prefixes)
{
    const auto& dictionary = data.dictionary();
    const auto labelProperty = dictionary.findIri(rdf::vocab::rdfsLabel);
    QHash<QString, QString> labels;
    if (!labelProperty)
        return labels;
    auto add = [&](TermId term) {
        const rdf::TermView view = dictionary.term(term);
        if (!view.isIri())
            return;
        const std::string iri(view.value);
        const auto curie = prefixes.abbreviate(iri);
        const QString shown = QString::fromStdString(curie ? *curie : "<" + iri + ">");
        if (labels.contains(shown))
            return;
        for (const rdf::Quad& quad : data.withSubject(term)) {
            if (quad.p == *labelProperty) {
                const std::string_view label = dictionary.term(quad.o).value;
                labels.insert(shown, QString::fromUtf8(label.data(), static_cast<qsizetype>(label.size())));
                return;
            }
        }
    };
    for (const rdf::Quad& quad : closure.quads())
        add(quad.s), add(quad.o);
    return labels;
}

// Appends "# label" (or "# term: label, ...") to lines that mention labelled IRIs; lines that
// state the label itself are left alone.
QString annotate(const QString& turtle, const QHash<QString, QString>& labels)
{
    static const QRegularExpression token(QStringLiteral(R"((<[^>\s]*>|[A-Za-z_][\w.-]*:[\w.-]*\w|:[\w.-]*\w))"));
    QStringList lines = turtle.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        if (line.contains(QLatin1String("rdfs:label")) || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        QStringList found;
        for (auto it = token.globalMatch(line); it.hasNext();) {
            const QString term = it.next().captured(1);
            if (labels.contains(term) && !found.contains(term))
                found << term;
        }
        if (found.size() == 1)
            line += QStringLiteral("  # ") + labels.value(found.front());
        else if (found.size() > 1) {
            QStringList parts;
            for (const QString& term : found)
                parts << term + QStringLiteral(": ") + labels.value(term);
            line += QStringLiteral("  # ") + parts.join(QStringLiteral(", "));
        }
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

QString entityTurtle(const rdf::Dataset& data, TermId entity, const rdf::PrefixMap& prefixes)
{
    if (entity == rdf::kNoTerm || data.withSubject(entity).empty())
        return {};
    const rdf::Dataset closure = closureOf(data, entity, prefixes);
    std::ostringstream out;
    rdf::writeTurtle(closure, out);
    // The prefix header is the same for every entity: leave it out.
    QStringList body;
    for (const QString& line : QString::fromStdString(out.str()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("@prefix")) || line.startsWith(QLatin1String("@base"))
            || line.startsWith(QLatin1String("PREFIX")) || (body.isEmpty() && line.trimmed().isEmpty()))
            continue;
        body << line;
    }
    while (!body.isEmpty() && body.back().trimmed().isEmpty())
        body.removeLast();
    return annotate(body.join(QLatin1Char('\n')), labelsOf(data, closure, prefixes));
}

} // namespace evograph::ui
