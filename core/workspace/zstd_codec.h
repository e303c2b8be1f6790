#pragma once
// zstd compression of stored graph contents and exported snapshot sections.

#include <string>
#include <string_view>

namespace evograph::workspace {

std::string compress(std::string_view data);
// Throws evograph::Error (naming `what`) when `data` is not one complete zstd frame.
std::string decompress(std::string_view data, const std::string& what);

} // namespace evograph::workspace
