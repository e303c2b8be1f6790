// Evolution suite YAML (read from a file, as the CLI does).
#include "fuzz_input.h"

#include "evograph/evolution/suite.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    const fuzz::ScratchFile file(fuzz::text(data, size), ".test.yaml");
    return fuzz::expectErrorsOnly([&] { evolution::loadEvolutionSuite(file.path()); });
}
