// Migration plan YAML (yaml-cpp and the plan's own checks, SPARQL of its steps included).
#include "fuzz_input.h"

#include "evograph/migrate/plan.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    return fuzz::expectErrorsOnly([&] { migrate::parsePlan(fuzz::text(data, size), "fuzz.yaml"); });
}
