// The TOML config (toml++ and the config's own checks).
#include "fuzz_input.h"

#include "evograph/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    return fuzz::expectErrorsOnly([&] { config::parseConfig(fuzz::text(data, size), "fuzz.toml"); });
}
