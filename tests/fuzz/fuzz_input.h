#pragma once
// What the fuzz targets share: the input as text, a scratch file holding it (for readers that take
// a path), and the rule that evograph::Error and Cancelled are answers, not findings: a target
// fails only on a crash, a sanitizer report, a hang or another exception escaping.

#include "evograph/error.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unistd.h>

namespace evograph::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// A file holding the input, removed afterwards.
class ScratchFile {
public:
    ScratchFile(std::string_view bytes, const char* suffix)
    {
        m_path = "/tmp/evograph-fuzz-" + std::to_string(getpid()) + suffix;
        if (std::FILE* f = std::fopen(m_path.c_str(), "wb")) {
            std::fwrite(bytes.data(), 1, bytes.size(), f);
            std::fclose(f);
        }
    }
    ~ScratchFile() { std::remove(m_path.c_str()); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

// Runs `parse`; evograph's own errors are expected answers to bad input.
template <typename Parse> int expectErrorsOnly(Parse parse)
{
    try {
        parse();
    } catch (const Error&) {
    } catch (const Cancelled&) {
    }
    return 0;
}

} // namespace evograph::fuzz
