#include "evograph/analysis/analyze_paths.h"

#include "evograph/rdf/path_reader.h"

namespace evograph::analysis {

rdf::PrefixMap mergedPrefixes(const AnalyzedVersions& versions)
{
    rdf::PrefixMap prefixes = versions.newData.prefixes();
    for (const auto& [prefix, iri] : versions.oldData.prefixes().entries())
        if (!prefixes.iriFor(prefix))
            prefixes.set(prefix, iri);
    return prefixes;
}

AnalyzedVersions analyzePaths(const AnalysisInputs& inputs, AnalysisOptions options, const engine::TaskContext& context)
{
    // Progress: the bytes of every input, then as much again for the analysis.
    std::uint64_t readTotal = rdf::bytesAt(inputs.oldVersion.path) + rdf::bytesAt(inputs.newVersion.path);
    for (const std::string& path : inputs.data)
        readTotal += rdf::bytesAt(path);
    const std::uint64_t total = 2 * readTotal + 1;
    std::uint64_t offset = 0;
    auto read
        = [&](const std::string& path, std::optional<rdf::Format> format, const std::string& base, rdf::Dataset& into) {
              rdf::ReadOptions reading;
              reading.format = format;
              reading.baseIri = base;
              reading.cancel = context.cancellation();
              reading.progress = [&, start = offset](
                                     std::uint64_t done, std::uint64_t) { context.setProgress(start + done, total); };
              offset += rdf::readPath(path, into, reading).bytes;
          };

    const auto dictionary = std::make_shared<rdf::Dictionary>(); // one for all: ids compare across inputs
    AnalyzedVersions result {rdf::Dataset(dictionary), rdf::Dataset(dictionary), rdf::Dataset(dictionary), {}};
    read(inputs.oldVersion.path, inputs.oldVersion.format, inputs.oldVersion.baseIri, result.oldData);
    read(inputs.newVersion.path, inputs.newVersion.format, inputs.newVersion.baseIri, result.newData);
    for (const std::string& path : inputs.data)
        read(path, std::nullopt, {}, result.data);

    options.cancel = context.cancellation();
    options.progress = [&](std::uint64_t done, std::uint64_t steps) {
        context.setProgress(readTotal + (total - readTotal) * done / steps, total);
    };
    if (!inputs.data.empty())
        options.data = &result.data;
    result.analysis = analyzeDatasets(result.oldData, result.newData, options);
    return result;
}

} // namespace evograph::analysis
