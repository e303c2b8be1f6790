// Exported snapshot files, verified and, when sound, imported into a fresh workspace. A file's
// closing SHA-256 (and the manifest's own) would stop almost every mutation at the first check, so
// the target writes the correct hashes in before reading: the fuzzer then reaches the section
// headers, the manifest, zstd and the N-Quads behind them. A first byte of 0 keeps the input as it
// is, to fuzz the hash checks themselves.
#include "fuzz_input.h"

#include "evograph/engine/digest.h"
#include "evograph/workspace/snapshots.h"
#include "evograph/workspace/workspace.h"

#include <filesystem>

namespace {
std::string sha256(std::string_view data)
{
    using namespace evograph::engine;
    return hexDigest(HashAlgorithm::Sha256, data);
}

// "manifest HASH SIZE\n<SIZE bytes>": HASH made right when the header parses.
std::string withManifestHash(std::string bytes)
{
    const std::size_t start = bytes.find('\n') + 1, end = bytes.find('\n', start);
    if (start == 0 || end == std::string::npos || bytes.compare(start, 9, "manifest ") != 0)
        return bytes;
    const std::size_t hashEnd = bytes.find(' ', start + 9);
    if (hashEnd == std::string::npos || hashEnd > end)
        return bytes;
    std::size_t size = 0;
    try {
        size = std::stoul(bytes.substr(hashEnd + 1, end - hashEnd - 1));
    } catch (...) {
        return bytes;
    }
    if (size > bytes.size() - end - 1)
        return bytes;
    bytes.replace(start + 9, hashEnd - start - 9, sha256(std::string_view(bytes).substr(end + 1, size)));
    return bytes;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace evograph;
    if (size == 0)
        return 0;
    std::string bytes(fuzz::text(data + 1, size - 1));
    if (data[0] != 0) {
        bytes = withManifestHash(std::move(bytes));
        if (!bytes.empty() && bytes.back() != '\n')
            bytes += '\n';
        bytes += "end " + sha256(bytes) + "\n";
    }
    const fuzz::ScratchFile file(bytes, ".evosnap");
    return fuzz::expectErrorsOnly([&] {
        if (!workspace::verifySnapshotFile(file.path()).ok())
            return;
        const std::string path = file.path() + ".evograph";
        const auto removeWorkspace = [&] {
            for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"})
                std::filesystem::remove(path + suffix);
        };
        removeWorkspace();
        {
            workspace::Workspace ws = workspace::Workspace::create(path);
            workspace::importSnapshot(ws, file.path());
        }
        removeWorkspace();
    });
}
