// RDF Patch, applied to a small graph with a blank node (so A and D rows can match).
#include "fuzz_input.h"

#include "evograph/diff/rdf_patch.h"
#include "evograph/rdf/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    return fuzz::expectErrorsOnly([&] {
        rdf::Dataset target;
        rdf::readString("<http://e/a> <http://e/p> \"x\" . <http://e/a> <http://e/q> _:b . _:b <http://e/r> 1 .",
            rdf::Format::Turtle, target);
        diff::applyPatch(target, fuzz::text(data, size), "fuzz.rdfp");
    });
}
