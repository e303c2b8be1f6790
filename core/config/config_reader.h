#pragma once
// Internal to the config loader and the domains that read their tables from it.
// Reading one table of evograph's TOML config file: typed values with their source positions,
// range checks, and a warning for every key nobody asked for. Each domain reads its own tables
// with it (the AI providers and cache here, the agents and policies next), so the file has one
// loader and every message the same form: FILE:LINE:COL and the key's dotted path.
//
// Wrong types and values are errors (evograph::Error with the position); unknown keys are
// warnings that say which keys the table knows.

#include "evograph/config/config.h"
#include "evograph/error.h"

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace evograph::config {

class TableReader {
public:
    // `path` is the table's dotted name ("ai.providers.local"; empty for the root).
    TableReader(const toml::table& table, std::string path, std::string file, std::vector<ConfigWarning>& warnings);

    const std::string& path() const { return m_path; }
    bool has(const std::string& key) const;

    std::optional<std::string> string(const std::string& key);
    // The string must be one of `allowed`.
    std::optional<std::string> choice(const std::string& key, const std::vector<std::string>& allowed);
    std::optional<std::int64_t> integer(const std::string& key, std::int64_t min, std::int64_t max);
    // An integer or a float, within [min, max].
    std::optional<double> number(const std::string& key, double min, double max);
    std::optional<bool> boolean(const std::string& key);
    const toml::table* table(const std::string& key);
    const toml::array* array(const std::string& key);

    // Where the key's value is (the table's own position when the key is absent).
    SourcePosition position(const std::string& key) const;
    SourcePosition position() const;
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    void warn(const std::string& key, const std::string& message);

    // Warns about every key not asked for so far. `ignored` keys are known to the file's other
    // readers (another domain's tables under the same root) and pass silently.
    void finish(const std::set<std::string>& ignored = {});

    // "a.b.key" for messages.
    std::string dotted(const std::string& key) const;
    const std::string& file() const { return m_file; }
    std::vector<ConfigWarning>& warnings() { return m_warnings; }

private:
    const toml::node* node(const std::string& key);
    [[noreturn]] void wrongType(const std::string& key, const char* expected) const;

    const toml::table& m_table;
    std::string m_path;
    std::string m_file;
    std::vector<ConfigWarning>& m_warnings;
    std::set<std::string> m_asked;
};

// The position of any node of the document.
SourcePosition positionOf(const toml::node& node, const std::string& file);

} // namespace evograph::config
