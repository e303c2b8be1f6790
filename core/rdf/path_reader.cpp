#include "evograph/rdf/path_reader.h"

#include "evograph/error.h"
#include "evograph/rdf/source_readers.h"

#include <algorithm>
#include <filesystem>

namespace evograph::rdf {

namespace fs = std::filesystem;

namespace {
bool hidden(const fs::path& path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name.front() == '.';
}
} // namespace

std::vector<std::string> rdfFilesAt(const std::string& path)
{
    if (sourceReaderFor(path))
        return {path};
    std::error_code error;
    if (!fs::is_directory(path, error))
        return {path};
    std::vector<std::string> files;
    auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, error);
    if (error)
        throw Error({path, 0, 0}, "cannot list the directory: " + error.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (error)
            throw Error({path, 0, 0}, "cannot list the directory: " + error.message());
        if (hidden(it->path())) {
            if (it->is_directory(error))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(error) && formatFromExtension(it->path()))
            files.push_back(it->path().string());
    }
    if (files.empty())
        throw Error({path, 0, 0}, "the directory holds no RDF file (.ttl, .nt, .nq, .trig, .rdf, .owl, ...)");
    std::sort(files.begin(), files.end());
    return files;
}

std::uint64_t bytesAt(const std::string& path)
{
    std::uint64_t total = 0;
    std::error_code error;
    for (const std::string& file : rdfFilesAt(path)) {
        const auto size = fs::file_size(file, error);
        total += error ? 0 : size;
    }
    return total;
}

ReadReport readPath(const std::string& path, Dataset& into, const ReadOptions& options)
{
    const std::vector<std::string> files = rdfFilesAt(path);
    if (files.size() == 1) {
        if (const SourceReader* reader = sourceReaderFor(path))
            return (*reader)(path, into, options);
        return readFile(files.front(), into, options);
    }
    const std::uint64_t total = bytesAt(path);
    ReadReport report;
    std::uint64_t offset = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        ReadOptions each = options;
        if (options.progress)
            each.progress = [&, offset](std::uint64_t done, std::uint64_t) { options.progress(offset + done, total); };
        const ReadReport one = readFile(files[i], into, each);
        if (i == 0)
            report.format = one.format;
        report.bytes += one.bytes;
        report.statements += one.statements;
        report.seconds += one.seconds;
        report.blankLabels.insert(report.blankLabels.end(), one.blankLabels.begin(), one.blankLabels.end());
        offset += one.bytes;
    }
    return report;
}

} // namespace evograph::rdf
