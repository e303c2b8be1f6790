#pragma once
// For the config tests: the error a config text gives, as printed (FILE:LINE:COL: error: ...),
// or "no error".
#include "evograph/config/config.h"

#include <string>

namespace evograph::test {

inline std::string configError(const std::string& text)
{
    try {
        config::parseConfig(text, "evograph.toml");
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace evograph::test
