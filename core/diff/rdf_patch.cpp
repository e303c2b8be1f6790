#include "evograph/diff/rdf_patch.h"

#include "evograph/engine/digest.h"
#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/quad_terms.h"
#include "evograph/rdf/reader.h"

#include <algorithm>
#include <unordered_map>

namespace evograph::diff {

using rdf::Quad;
using rdf::TermId;

namespace {
enum class RowKind { Add, Delete, PrefixAdd, PrefixDelete };

struct Row {
    RowKind kind;
    unsigned line;
    Quad quad {}; // data rows
    std::string prefix, iri; // prefix rows
};

struct ParsedPatch {
    PatchHeader header;
    std::vector<Row> rows; // committed rows, in order
    std::size_t transactions = 0;
};

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::string_view firstToken(std::string_view text)
{
    return text.substr(0, std::min(text.find_first_of(" \t"), text.size()));
}

// "<iri> ." or "<iri>" -> iri; "name:" -> name.
std::string unwrap(std::string_view value)
{
    value = trim(value);
    if (value.ends_with(" ."))
        value = trim(value.substr(0, value.size() - 2));
    else if (value == ".")
        value = {};
    if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
        value = value.substr(1, value.size() - 2);
    if (value.ends_with(':'))
        value.remove_suffix(1);
    return std::string(value);
}

ParsedPatch parsePatch(
    const rdf::Dataset& target, std::string_view text, const std::string& name, const BlankLabelMap& targetLabels)
{
    ParsedPatch patch;
    std::string statements; // the data rows' statements, one per line, as an N-Quads document
    struct DataRow {
        std::size_t row;
        unsigned column; // where the statement starts on the patch line
    };
    std::vector<DataRow> dataRows;
    std::vector<Row> pending; // rows of the open transaction
    std::optional<unsigned> openTransaction;
    std::size_t statementsAtTransaction = 0;
    unsigned lineNumber = 0;
    auto fail = [&](unsigned column, const std::string& message) -> Error {
        return Error(SourcePosition {name, lineNumber, column}, message);
    };

    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#')
            continue;
        const auto column = static_cast<unsigned>(line.data() - raw.data()) + 1;
        const std::string_view token = firstToken(line);
        const std::string_view rest = trim(line.substr(token.size()));
        std::vector<Row>& rows = openTransaction ? pending : patch.rows;
        if (token == "H") {
            const std::string_view key = firstToken(rest);
            if (key == "id")
                patch.header.id = unwrap(rest.substr(key.size()));
            else if (key == "prev")
                patch.header.prev = unwrap(rest.substr(key.size()));
        } else if (token == "TX") {
            if (openTransaction)
                throw fail(column, "TX inside a transaction that was not committed");
            openTransaction = lineNumber;
            statementsAtTransaction = statements.size();
        } else if (token == "TC" || token == "TA") {
            if (!openTransaction)
                throw fail(column, std::string(token) + " without a TX before it");
            if (token == "TC") {
                patch.rows.insert(patch.rows.end(), pending.begin(), pending.end());
                ++patch.transactions;
            } else {
                std::erase_if(dataRows, [&](const DataRow& d) { return d.row >= patch.rows.size(); });
                statements.resize(statementsAtTransaction);
            }
            pending.clear();
            openTransaction.reset();
        } else if (token == "PA" || token == "PD") {
            const std::string_view prefix = firstToken(rest);
            rows.push_back({token == "PA" ? RowKind::PrefixAdd : RowKind::PrefixDelete, lineNumber, {}, unwrap(prefix),
                unwrap(rest.substr(prefix.size()))});
        } else if (token == "A" || token == "D") {
            if (rest.empty())
                throw fail(column, "a data row needs a statement: " + std::string(token) + " S P O [G] .");
            dataRows.push_back(
                {patch.rows.size() + pending.size(), column + static_cast<unsigned>(rest.data() - line.data())});
            rows.push_back({token == "A" ? RowKind::Add : RowKind::Delete, lineNumber, {}, {}, {}});
            statements.append(rest).push_back('\n');
        } else {
            throw fail(column, "unknown row '" + std::string(token) + "' (expected H, TX, TC, TA, PA, PD, A or D)");
        }
    }
    if (openTransaction) {
        lineNumber = *openTransaction;
        throw fail(1, "the transaction started here is not committed (no TC): the patch is incomplete");
    }

    // Read every statement at once, in order, into the target's dictionary.
    rdf::Dataset parsed(target.sharedDictionary());
    rdf::ReadOptions read;
    read.keepBlankLabels = true;
    read.keepDocumentOrder = true;
    rdf::ReadReport report;
    try {
        report = rdf::readString(statements, rdf::Format::NQuads, parsed, {}, name, read);
    } catch (const Error& e) {
        if (!e.where() || e.where()->line == 0 || e.where()->line > dataRows.size())
            throw Error(SourcePosition {name, 0, 0}, e.message());
        const DataRow& at = dataRows[e.where()->line - 1];
        lineNumber = patch.rows[at.row].line;
        throw fail(at.column + (e.where()->column > 0 ? e.where()->column - 1 : 0), e.message());
    }
    if (parsed.size() != dataRows.size())
        throw Error(SourcePosition {name, 0, 0}, "each A and D row must hold exactly one statement");

    std::unordered_map<std::string_view, TermId> byLabel;
    for (const auto& [node, label] : targetLabels)
        byLabel.emplace(label, node);
    std::unordered_map<TermId, TermId> resolved;
    for (const auto& [label, node] : report.blankLabels)
        if (const auto it = byLabel.find(label); it != byLabel.end())
            resolved.emplace(node, it->second);
    for (std::size_t i = 0; i < dataRows.size(); ++i)
        patch.rows[dataRows[i].row].quad = rdf::mapped(parsed.quads()[i], resolved);
    return patch;
}

// Applies parsed rows to a copy of `target`; throws when a D row finds nothing to delete.
rdf::Dataset applyRows(const rdf::Dataset& target, const ParsedPatch& patch, const std::string& name,
    const BlankLabelMap& labels, PatchReport& report)
{
    std::unordered_map<Quad, bool, rdf::QuadHash> state;
    auto present = [&](const Quad& q) {
        if (const auto it = state.find(q); it != state.end())
            return it->second;
        return std::binary_search(target.quads().begin(), target.quads().end(), q);
    };
    rdf::PrefixMap prefixes = target.prefixes();
    for (const Row& row : patch.rows) {
        switch (row.kind) {
        case RowKind::Add:
            report.added += present(row.quad) ? 0 : 1;
            state[row.quad] = true;
            break;
        case RowKind::Delete: {
            if (!present(row.quad)) {
                std::string quad;
                rdf::appendQuad(quad, target.dictionary(), row.quad, labels);
                throw Error(SourcePosition {name, row.line, 1},
                    "the patch does not apply: the data has no " + quad + " to delete");
            }
            ++report.removed;
            state[row.quad] = false;
            break;
        }
        case RowKind::PrefixAdd:
            prefixes.set(row.prefix, row.iri);
            break;
        case RowKind::PrefixDelete:
            prefixes.remove(row.prefix);
            break;
        }
    }
    rdf::Dataset result(target.sharedDictionary());
    result.reserve(target.size() + report.added);
    for (const Quad& q : target.quads())
        if (const auto it = state.find(q); it == state.end() || it->second)
            result.add(q);
    for (const auto& [q, isPresent] : state)
        if (isPresent)
            result.add(q);
    result.finalize();
    result.prefixes() = std::move(prefixes);
    result.setBaseIri(target.baseIri());
    return result;
}

void appendRow(std::string& out, std::string_view kind, const rdf::Dictionary& dictionary, const Quad& quad,
    const BlankLabelMap& labels)
{
    out.append(kind).push_back(' ');
    rdf::appendQuad(out, dictionary, quad, labels);
    out.push_back('\n');
}

void appendPrefixRow(std::string& out, std::string_view kind, std::string_view prefix, std::string_view iri)
{
    out.append(kind).append(" ").append(prefix).append(": <").append(iri).append("> .\n");
}

// A patch without its own id is named by its content: the same change gets the same id.
std::string withHeader(const PatchHeader& header, const std::string& body)
{
    std::string id = header.id;
    if (id.empty()) {
        const std::string h = engine::hexDigest(engine::HashAlgorithm::Sha256, body);
        id = "uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-5" + h.substr(13, 3) + "-8" + h.substr(17, 3) + "-"
            + h.substr(20, 12);
    }
    std::string out = "H id <" + id + "> .\n";
    if (!header.prev.empty())
        out += "H prev <" + header.prev + "> .\n";
    out += "TX .\n";
    out += body;
    out += "TC .\n";
    return out;
}
} // namespace

std::string writePatch(
    const GraphDiff& diff, const rdf::Dataset& oldData, const rdf::Dataset& newData, const PatchHeader& header)
{
    const rdf::Dictionary& dictionary = newData.dictionary();
    std::string body;
    for (const auto& [prefix, iri] : oldData.prefixes().entries())
        if (newData.prefixes().iriFor(prefix) != std::optional<std::string_view>(iri))
            appendPrefixRow(body, "PD", prefix, iri);
    for (const auto& [prefix, iri] : newData.prefixes().entries())
        if (oldData.prefixes().iriFor(prefix) != std::optional<std::string_view>(iri))
            appendPrefixRow(body, "PA", prefix, iri);
    for (const Quad& q : diff.removed)
        appendRow(body, "D", dictionary, q, diff.labels);
    for (const Quad& q : diff.added)
        appendRow(body, "A", dictionary, q, diff.labels);
    return withHeader(header, body);
}

PatchReport applyPatch(
    rdf::Dataset& target, std::string_view patch, const std::string& patchName, const engine::CancellationToken& cancel)
{
    const BlankLabelMap labels = contentLabels(target, cancel);
    const ParsedPatch parsed = parsePatch(target, patch, patchName, labels);
    PatchReport report;
    report.header = parsed.header;
    report.transactions = parsed.transactions;
    target = applyRows(target, parsed, patchName, labels, report);
    return report;
}

std::string invertPatch(const rdf::Dataset& target, std::string_view patch, const std::string& patchName)
{
    const BlankLabelMap before = contentLabels(target);
    const ParsedPatch parsed = parsePatch(target, patch, patchName, before);
    PatchReport report;
    const rdf::Dataset patched = applyRows(target, parsed, patchName, before, report);
    BlankLabelMap labels = contentLabels(patched);
    for (const auto& [node, label] : before)
        labels.try_emplace(node, "n" + label.substr(1)); // nodes the patch removed come back as new nodes

    const rdf::Dictionary& dictionary = target.dictionary();
    std::string body;
    for (auto row = parsed.rows.rbegin(); row != parsed.rows.rend(); ++row) {
        switch (row->kind) {
        case RowKind::Add:
            appendRow(body, "D", dictionary, row->quad, labels);
            break;
        case RowKind::Delete:
            appendRow(body, "A", dictionary, row->quad, labels);
            break;
        case RowKind::PrefixAdd:
            appendPrefixRow(body, "PD", row->prefix, row->iri);
            break;
        case RowKind::PrefixDelete:
            appendPrefixRow(body, "PA", row->prefix, row->iri);
            break;
        }
    }
    PatchHeader header;
    header.prev = parsed.header.id;
    return withHeader(header, body);
}

} // namespace evograph::diff
