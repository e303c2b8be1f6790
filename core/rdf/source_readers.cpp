#include "evograph/rdf/source_readers.h"

#include <map>
#include <mutex>

namespace evograph::rdf {

namespace {
struct Registry {
    std::mutex mutex;
    std::map<std::string, SourceReader> readers;
};

Registry& registry()
{
    static Registry instance;
    return instance;
}
} // namespace

void registerSourceReader(const std::string& scheme, SourceReader reader)
{
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    r.readers[scheme] = std::move(reader);
}

const SourceReader* sourceReaderFor(const std::string& source)
{
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    for (const auto& [scheme, reader] : r.readers)
        if (source.starts_with(scheme))
            return &reader; // entries are never erased: the pointer stays valid
    return nullptr;
}

} // namespace evograph::rdf
