#pragma once
// Reading the analysis's YAML files (severity overrides, evolution suites) with positioned errors
// (internal to the analysis).
#include "evograph/error.h"

#include <yaml-cpp/yaml.h>

namespace evograph::analysis::detail {

// yaml-cpp marks are 0-based; ours are 1-based.
inline SourcePosition yamlPosition(const std::string& path, const YAML::Mark& mark)
{
    return {path, static_cast<unsigned>(mark.line + 1), static_cast<unsigned>(mark.column + 1)};
}

// Parses the file; throws Error naming FILE:LINE:COL for bad YAML, or the file for a read failure.
inline YAML::Node loadYamlFile(const std::string& path, const std::string& what)
{
    try {
        return YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        throw Error({path, 0, 0}, "cannot read the " + what);
    } catch (const YAML::Exception& e) {
        throw Error(yamlPosition(path, e.mark), e.msg);
    }
}

} // namespace evograph::analysis::detail
