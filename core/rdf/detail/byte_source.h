#pragma once
// Where a reader's bytes come from: a file read in pages or a string in memory. It also keeps the
// line and column of the bytes handed out so far, which locates errors the parser cannot.

#include "evograph/engine/cancellation.h"
#include "evograph/error.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace evograph::rdf::detail {

class ByteSource {
public:
    // Opens a file; throws Error naming the file when it cannot be read (missing, a directory, ...).
    static ByteSource file(const std::string& path);
    static ByteSource memory(std::string_view text, std::string name);

    const std::string& name() const { return m_name; }
    std::uint64_t size() const { return m_size; }
    std::uint64_t offset() const { return m_offset; }

    // Reads up to `capacity` bytes; 0 at the end. Throws Error on an I/O error.
    std::size_t read(char* buffer, std::size_t capacity);
    // Starts again from the first byte (line and column tracking too).
    void rewind();
    // The first bytes, without consuming them (for format sniffing).
    std::string peek(std::size_t count);

    // Line/column tracking costs a scan of every byte; only the error-locating pass turns it on.
    void trackPosition(bool on) { m_trackPosition = on; }
    SourcePosition position() const { return {m_name, m_line, m_column}; }

private:
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };

    std::string m_name;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::string_view m_memory;
    std::uint64_t m_size = 0;
    std::uint64_t m_offset = 0;
    bool m_trackPosition = false;
    unsigned m_line = 1;
    unsigned m_column = 0;
};

} // namespace evograph::rdf::detail
