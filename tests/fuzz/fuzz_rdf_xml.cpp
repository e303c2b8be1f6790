// RDF/XML (raptor2, no network, no external entities).
#include "fuzz_input.h"

#include "evograph/rdf/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    return fuzz::expectErrorsOnly([&] {
        rdf::Dataset dataset;
        rdf::readString(fuzz::text(data, size), rdf::Format::RdfXml, dataset, "http://example.org/base/", "fuzz");
    });
}
