#pragma once
// Reading a whole file into memory, the one way: binary, and an error that names the file, what
// it was meant to be and why it could not be read ("plan.yaml: error: cannot read the plan: No
// such file or directory"). For large inputs prefer the streaming readers (rdf::readFile).

#include <filesystem>
#include <string>
#include <string_view>

namespace evograph::engine {

// The file's bytes. `what` names it in the error: "the plan", "the config file", "the index file".
// Throws evograph::Error positioned at the file (line 0).
std::string readWholeFile(const std::filesystem::path& path, std::string_view what = "the file");

} // namespace evograph::engine
