#include "evograph/rdf/writer.h"

#include "evograph/error.h"
#include "evograph/rdf/ntriples_writer.h"
#include "evograph/rdf/turtle_writer.h"

#include <string>

namespace evograph::rdf {

Format defaultOutputFormat(const Dataset& dataset)
{
    return dataset.isGraph() ? Format::NTriples : Format::NQuads;
}

void writeDataset(const Dataset& dataset, Format format, std::ostream& out)
{
    switch (format) {
    case Format::Turtle:
    case Format::TriG:
        writeTurtle(dataset, out); // TriG blocks where there are named graphs
        return;
    case Format::NTriples:
        writeNTriples(dataset, out);
        return;
    case Format::NQuads:
        writeNQuads(dataset, out);
        return;
    default:
        throw Error("evograph writes Turtle, TriG, N-Triples and N-Quads, not " + std::string(formatName(format)));
    }
}

} // namespace evograph::rdf
