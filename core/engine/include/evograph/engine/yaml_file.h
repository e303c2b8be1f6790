#pragma once
// Reading the engine's YAML files (severity overrides, evolution suites, migration plans) with
// positioned errors (internal to the core).
#include "evograph/error.h"

#include <yaml-cpp/yaml.h>

namespace evograph::detail {

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

// The same for text already in memory; `name` is what errors call it.
inline YAML::Node parseYamlText(const std::string& text, const std::string& name)
{
    try {
        return YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw Error(yamlPosition(name, e.mark), e.msg);
    }
}

} // namespace evograph::detail
