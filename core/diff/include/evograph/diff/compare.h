#pragma once
// Compares two RDF files (or directories of them) end to end: reads OLD and NEW into one dictionary, then diffs them.
// Made to run as an engine task (engine::runTask): it checks for cancellation and reports one
// progress figure over the whole job (bytes read, then the diff's steps).

#include "evograph/diff/graph_diff.h"
#include "evograph/engine/thread_pool.h"
#include "evograph/rdf/reader.h"

#include <optional>
#include <string>

namespace evograph::diff {

struct ComparedFile {
    std::string path;
    std::optional<rdf::Format> format; // unset: from the extension or the content
    std::string baseIri;
};

struct Comparison {
    rdf::Dataset oldData;
    rdf::Dataset newData;
    rdf::ReadReport oldRead, newRead;
    GraphDiff diff;
    double diffSeconds = 0;
};

Comparison compareFiles(const ComparedFile& oldFile, const ComparedFile& newFile, const engine::TaskContext& context);

} // namespace evograph::diff
