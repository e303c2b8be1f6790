#pragma once
// Reading a path that is a file or a directory of RDF files into one Dataset: `diff` and
// `analyze` accept an ontology split over several files (imports, modules) as one version.
#include "evograph/rdf/reader.h"

#include <string>
#include <vector>

namespace evograph::rdf {

// The RDF files a path stands for: the file itself, or every file under the directory
// (recursively, hidden entries skipped) whose extension names an RDF format, in path order.
// Throws Error when a directory holds none.
std::vector<std::string> rdfFilesAt(const std::string& path);

// Their size in bytes (0 when unknown), for progress.
std::uint64_t bytesAt(const std::string& path);

// Reads every file rdfFilesAt(path) lists into `into` (blank nodes stay apart per file, as with
// readFile). The report sums bytes, statements and seconds; its format is the first file's.
// Progress runs over all the files' bytes.
ReadReport readPath(const std::string& path, Dataset& into, const ReadOptions& options = {});

} // namespace evograph::rdf
