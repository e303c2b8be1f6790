// Turtle, TriG, N-Triples and N-Quads (Serd): the first byte picks the syntax.
#include "fuzz_input.h"

#include "evograph/rdf/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    if (size == 0)
        return 0;
    static constexpr rdf::Format kFormats[]
        = {rdf::Format::Turtle, rdf::Format::TriG, rdf::Format::NTriples, rdf::Format::NQuads};
    const rdf::Format format = kFormats[data[0] % 4];
    return fuzz::expectErrorsOnly([&] {
        rdf::Dataset dataset;
        rdf::readString(fuzz::text(data + 1, size - 1), format, dataset, "http://example.org/base/", "fuzz");
    });
}
