#pragma once
// A migration plan from an alignment between two vocabularies (`evograph align`'s TSV, edited by a
// reviewer down to the correspondences they accept): instance data written in A's terms moves to
// B's. A class of A that data instantiates becomes a retype_instances step, a property of A that
// data uses a move_values step; the data decides which, so a punned IRI gets both. A
// correspondence the data never uses makes no step and is reported, so the plan stays a list of
// rewrites that will actually happen. The plan is reviewed and approved like any other.

#include "evograph/migrate/plan_generation.h"
#include "evograph/rdf/dataset.h"

#include <string>
#include <string_view>
#include <vector>

namespace evograph::migrate {

// One accepted line of the TSV: data in SOURCE's terms moves to TARGET.
struct AcceptedCorrespondence {
    std::string source, target;
    unsigned line = 0; // in the file, for messages
};

// Reads `IRI_A<TAB>IRI_B[<TAB>score[<TAB>evidence]]` lines; blank lines and lines starting with '#'
// are skipped. Throws evograph::Error at NAME:LINE:COL for a line without two IRIs, an IRI SPARQL
// cannot carry, or a source IRI mapped twice (the data could only move one way).
std::vector<AcceptedCorrespondence> readAcceptedAlignment(std::string_view text, const std::string& name);

struct AlignmentPlan {
    Plan plan;
    std::vector<std::string> unused; // "LINE: IRI: not used by the data", one per step-less correspondence
};

// `data` must be finalized. The steps follow the file's order, each description saying how many
// instances or values it rewrites.
AlignmentPlan planFromAlignment(const std::vector<AcceptedCorrespondence>& accepted, const rdf::Dataset& data,
    const GenerationOptions& options = {});

} // namespace evograph::migrate
