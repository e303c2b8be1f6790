#include "evograph/rdf/reader.h"

#include "detail/byte_source.h"
#include "detail/raptor_document_reader.h"
#include "detail/serd_document_reader.h"
#include "evograph/engine/metrics.h"
#include "evograph/rdf/iri.h"

namespace evograph::rdf {

namespace {
Format decideFormat(detail::ByteSource& source, const std::string& path, const std::optional<Format>& chosen)
{
    if (chosen)
        return *chosen;
    if (auto byExtension = formatFromExtension(path))
        return *byExtension;
    if (auto sniffed = sniffFormat(source.peek(4096)))
        return *sniffed;
    throw Error(
        SourcePosition {source.name(), 0, 0}, "cannot tell the RDF format (use -i turtle|trig|ntriples|nquads|rdfxml)");
}

ReadReport readSource(
    detail::ByteSource& source, Format format, Dataset& into, const std::string& baseIri, const ReadOptions& options)
{
    auto& metrics = engine::MetricsRegistry::global();
    engine::ScopedTimer timer(metrics.histogram("parse.latency"));
    ReadReport report;
    report.format = format;
    BlankLabels* blankLabels = options.keepBlankLabels ? &report.blankLabels : nullptr;
    report.statements = format == Format::RdfXml
        ? detail::readWithRaptor(source, into, baseIri, options.cancel, options.progress, blankLabels)
        : detail::readWithSerd(source, format, into, baseIri, options.cancel, options.progress, blankLabels);
    report.bytes = source.offset();
    if (into.baseIri().empty())
        into.setBaseIri(baseIri);
    if (!options.keepDocumentOrder)
        into.finalize();
    report.seconds = timer.elapsedSeconds();
    metrics.counter("parse.triples").add(report.statements);
    metrics.counter("parse.bytes").add(report.bytes);
    return report;
}
} // namespace

ReadReport readFile(const std::string& path, Dataset& into, const ReadOptions& options)
{
    auto source = detail::ByteSource::file(path);
    const Format format = decideFormat(source, path, options.format);
    const std::string base = options.baseIri.empty() ? fileUri(path) : options.baseIri;
    return readSource(source, format, into, base, options);
}

ReadReport readString(std::string_view text, Format format, Dataset& into, const std::string& baseIri,
    const std::string& name, const ReadOptions& options)
{
    auto source = detail::ByteSource::memory(text, name);
    return readSource(source, format, into, baseIri, options);
}

} // namespace evograph::rdf
