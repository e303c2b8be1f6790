#include "config_reader.h"

#include <cmath>
#include <sstream>

namespace evograph::config {

namespace {
const char* typeName(const toml::node& node)
{
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    default:
        return "a date or time";
    }
}
} // namespace

std::string formatWarning(const ConfigWarning& warning)
{
    return (warning.where.file.empty() ? std::string() : formatPosition(warning.where) + ": ")
        + "warning: " + warning.message;
}

SourcePosition positionOf(const toml::node& node, const std::string& file)
{
    const toml::source_position begin = node.source().begin;
    return {file, static_cast<unsigned>(begin.line), static_cast<unsigned>(begin.column)};
}

TableReader::TableReader(
    const toml::table& table, std::string path, std::string file, std::vector<ConfigWarning>& warnings)
    : m_table(table)
    , m_path(std::move(path))
    , m_file(std::move(file))
    , m_warnings(warnings)
{
}

bool TableReader::has(const std::string& key) const
{
    return m_table.get(key) != nullptr;
}

std::string TableReader::dotted(const std::string& key) const
{
    return m_path.empty() ? key : m_path + "." + key;
}

const toml::node* TableReader::node(const std::string& key)
{
    m_asked.insert(key);
    return m_table.get(key);
}

SourcePosition TableReader::position(const std::string& key) const
{
    const toml::node* found = m_table.get(key);
    return found ? positionOf(*found, m_file) : position();
}

SourcePosition TableReader::position() const
{
    return positionOf(m_table, m_file);
}

void TableReader::fail(const std::string& key, const std::string& message) const
{
    throw Error(position(key), dotted(key) + ": " + message);
}

void TableReader::warn(const std::string& key, const std::string& message)
{
    m_warnings.push_back({position(key), dotted(key) + ": " + message});
}

void TableReader::wrongType(const std::string& key, const char* expected) const
{
    fail(key, std::string("expected ") + expected + ", found " + typeName(*m_table.get(key)));
}

std::optional<std::string> TableReader::string(const std::string& key)
{
    const toml::node* found = node(key);
    if (!found)
        return std::nullopt;
    if (!found->is_string())
        wrongType(key, "a string");
    return found->value<std::string>();
}

std::optional<std::string> TableReader::choice(const std::string& key, const std::vector<std::string>& allowed)
{
    std::optional<std::string> value = string(key);
    if (!value)
        return value;
    for (const std::string& a : allowed)
        if (a == *value)
            return value;
    std::string list;
    for (const std::string& a : allowed)
        list += (list.empty() ? "\"" : ", \"") + a + "\"";
    fail(key, "\"" + *value + "\" is not one of " + list);
}

std::optional<std::int64_t> TableReader::integer(const std::string& key, std::int64_t min, std::int64_t max)
{
    const toml::node* found = node(key);
    if (!found)
        return std::nullopt;
    if (!found->is_integer())
        wrongType(key, "an integer");
    const std::int64_t value = *found->value<std::int64_t>();
    if (value < min || value > max)
        fail(
            key, std::to_string(value) + " is out of range [" + std::to_string(min) + ", " + std::to_string(max) + "]");
    return value;
}

std::optional<double> TableReader::number(const std::string& key, double min, double max)
{
    const toml::node* found = node(key);
    if (!found)
        return std::nullopt;
    if (!found->is_number())
        wrongType(key, "a number");
    const double value = *found->value<double>();
    if (!(value >= min && value <= max)) {
        std::ostringstream out;
        out << value << " is out of range [" << min << ", " << max << "]";
        fail(key, out.str());
    }
    return value;
}

std::optional<bool> TableReader::boolean(const std::string& key)
{
    const toml::node* found = node(key);
    if (!found)
        return std::nullopt;
    if (!found->is_boolean())
        wrongType(key, "true or false");
    return found->value<bool>();
}

const toml::table* TableReader::table(const std::string& key)
{
    const toml::node* found = node(key);
    if (!found)
        return nullptr;
    if (!found->is_table())
        wrongType(key, "a table");
    return found->as_table();
}

const toml::array* TableReader::array(const std::string& key)
{
    const toml::node* found = node(key);
    if (!found)
        return nullptr;
    if (!found->is_array())
        wrongType(key, "an array");
    return found->as_array();
}

void TableReader::finish(const std::set<std::string>& ignored)
{
    std::string known;
    for (const std::string& key : m_asked)
        known += (known.empty() ? "" : ", ") + key;
    for (auto&& [key, value] : m_table) {
        const std::string name(key.str());
        if (m_asked.count(name) || ignored.count(name))
            continue;
        const toml::source_position begin = key.source().begin;
        m_warnings.push_back({{m_file, static_cast<unsigned>(begin.line), static_cast<unsigned>(begin.column)},
            "unknown key " + dotted(name) + " (ignored)"
                + (known.empty()
                        ? std::string()
                        : "; " + (m_path.empty() ? std::string("the file") : "[" + m_path + "]") + " knows " + known)});
    }
}

} // namespace evograph::config
