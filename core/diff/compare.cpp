#include "evograph/diff/compare.h"

#include "evograph/rdf/path_reader.h"

#include <chrono>

namespace evograph::diff {

Comparison compareFiles(const ComparedFile& oldFile, const ComparedFile& newFile, const engine::TaskContext& context)
{
    // Progress: the bytes of both files, then a quarter as much again for the diff.
    const std::uint64_t oldBytes = rdf::bytesAt(oldFile.path), newBytes = rdf::bytesAt(newFile.path);
    const std::uint64_t readTotal = oldBytes + newBytes;
    const std::uint64_t total = readTotal + readTotal / 4 + 4;
    auto reading = [&](const ComparedFile& file, rdf::Dataset& into, std::uint64_t offset) {
        rdf::ReadOptions options;
        options.format = file.format;
        options.baseIri = file.baseIri;
        options.cancel = context.cancellation();
        options.progress
            = [&, offset](std::uint64_t done, std::uint64_t) { context.setProgress(offset + done, total); };
        return rdf::readPath(file.path, into, options);
    };

    const auto dictionary = std::make_shared<rdf::Dictionary>(); // one for both: ids compare across versions
    Comparison result {rdf::Dataset(dictionary), rdf::Dataset(dictionary), {}, {}, {}, 0};
    result.oldRead = reading(oldFile, result.oldData, 0);
    result.newRead = reading(newFile, result.newData, oldBytes);

    DiffOptions options;
    options.cancel = context.cancellation();
    options.progress = [&](std::uint64_t done, std::uint64_t steps) {
        context.setProgress(readTotal + (total - readTotal) * done / steps, total);
    };
    const auto start = std::chrono::steady_clock::now();
    result.diff = diffDatasets(result.oldData, result.newData, options);
    result.diffSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace evograph::diff
