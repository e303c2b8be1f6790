#pragma once
// What the corpus tests share: where the shared corpus and generator are, the releases of one
// ontology in version order, and two versions read into one dictionary (so ids compare).
#include "evograph/rdf/reader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace evograph::test {

inline const std::filesystem::path kCorpus = EVOGRAPH_CORPUS;
inline const std::filesystem::path kGenerator = std::filesystem::path(EVOGRAPH_SHARED_TOOLS) / "gen_ontology.py";

inline bool generatorAvailable()
{
    return std::filesystem::exists(kGenerator) && std::system("python3 --version > /dev/null 2>&1") == 0;
}

// `file` in each release folder under `dir` that has it, oldest first (folders sort by version).
inline std::vector<std::filesystem::path> releases(const std::filesystem::path& dir, const std::string& file)
{
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / file))
            out.push_back(entry.path() / file);
    std::sort(out.begin(), out.end());
    return out;
}

struct Versions {
    std::shared_ptr<rdf::Dictionary> dictionary = std::make_shared<rdf::Dictionary>();
    rdf::Dataset oldData {dictionary}, newData {dictionary};
};

inline Versions readVersions(const std::filesystem::path& oldFile, const std::filesystem::path& newFile)
{
    Versions v;
    rdf::readFile(oldFile.string(), v.oldData);
    rdf::readFile(newFile.string(), v.newData);
    return v;
}

} // namespace evograph::test
