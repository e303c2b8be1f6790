// The SPARQL Update parser and executor, run on a small dataset (with a small bound on the
// solutions, which unconnected patterns multiply without end).
#include "fuzz_input.h"

#include "evograph/rdf/reader.h"
#include "evograph/sparql/update.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    return fuzz::expectErrorsOnly([&] {
        const sparql::SparqlRequest update = sparql::parseUpdate(fuzz::text(data, size), "fuzz.ru");
        rdf::Dataset dataset;
        rdf::readString("@prefix : <http://e/> . :a :p \"x\", 1, 2.5 ; :q [ :r :b ] . :b a :C ; :p \"y\"@en .",
            rdf::Format::Turtle, dataset);
        sparql::ExecutionScope scope;
        scope.maxRows = 100'000; // the dataset is tiny: beyond this a pattern is only multiplying
        sparql::executeUpdate(update, dataset, scope);
    });
}
