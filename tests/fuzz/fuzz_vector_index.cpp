// Vector index files (flat, HNSW, PQ): checksums and structural checks before any use.
#include "fuzz_input.h"

#include "evograph/vector/vector_index.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    const fuzz::ScratchFile file(fuzz::text(data, size), ".evidx");
    return fuzz::expectErrorsOnly([&] { vector::VectorIndex::load(file.path()); });
}
