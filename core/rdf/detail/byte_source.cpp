#include "byte_source.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace evograph::rdf::detail {

ByteSource ByteSource::file(const std::string& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        throw Error(SourcePosition {path, 0, 0}, "no such file");
    if (std::filesystem::is_directory(status))
        throw Error(SourcePosition {path, 0, 0}, "is a directory, not an RDF file");
    ByteSource source;
    source.m_name = path;
    source.m_file.reset(std::fopen(path.c_str(), "rb"));
    if (!source.m_file)
        throw Error(SourcePosition {path, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
    if (std::filesystem::is_regular_file(status))
        source.m_size = std::filesystem::file_size(path, ec);
    return source;
}

ByteSource ByteSource::memory(std::string_view text, std::string name)
{
    ByteSource source;
    source.m_name = std::move(name);
    source.m_memory = text;
    source.m_size = text.size();
    return source;
}

std::size_t ByteSource::read(char* buffer, std::size_t capacity)
{
    std::size_t n = 0;
    if (m_file) {
        n = std::fread(buffer, 1, capacity, m_file.get());
        if (n < capacity && std::ferror(m_file.get()))
            throw Error(SourcePosition {m_name, m_line, m_column}, std::string("read error: ") + std::strerror(errno));
    } else {
        n = std::min<std::size_t>(capacity, m_memory.size() - m_offset);
        std::memcpy(buffer, m_memory.data() + m_offset, n);
    }
    m_offset += n;
    if (m_trackPosition) {
        for (std::size_t i = 0; i < n; ++i) {
            if (buffer[i] == '\n') {
                ++m_line;
                m_column = 0;
            } else if ((static_cast<unsigned char>(buffer[i]) & 0xC0) != 0x80) {
                ++m_column; // columns count characters, not UTF-8 continuation bytes
            }
        }
    }
    return n;
}

void ByteSource::rewind()
{
    if (m_file)
        std::rewind(m_file.get());
    m_offset = 0;
    m_line = 1;
    m_column = 0;
}

std::string ByteSource::peek(std::size_t count)
{
    std::string head(count, '\0');
    head.resize(read(head.data(), count));
    rewind();
    return head;
}

} // namespace evograph::rdf::detail
