// Loading evolution test suites: fields, assertions, and paths resolved beside the suite or in
// the current directory.
#include "evograph/evolution/suite.h"

#include "evograph/engine/yaml_file.h"

#include <algorithm>
#include <array>
#include <filesystem>

namespace evograph::evolution {

namespace {
namespace fs = std::filesystem;

constexpr std::array<std::string_view, 6> kAssertions {"no_data_loss", "referential_integrity", "schema_valid",
    "backward_compatible", "no_removed_classes", "no_removed_properties"};

SourcePosition at(const std::string& path, const YAML::Node& node)
{
    return evograph::detail::yamlPosition(path, node.Mark());
}

class SuiteReader {
public:
    explicit SuiteReader(const std::string& path)
        : m_path(path)
        , m_folder(fs::path(path).parent_path())
    {
    }

    SuiteTest test(const YAML::Node& node, std::size_t number) const
    {
        if (!node.IsMap())
            throw Error(at(m_path, node), "a test must be a mapping with name, from_graph, to_graph and assertions");
        SuiteTest test;
        test.where = at(m_path, node);
        test.name = node["name"] && node["name"].IsScalar() ? node["name"].Scalar() : "test " + std::to_string(number);
        test.assertions = assertions(node); // the file's own mistakes first, then what it names on disk
        test.fromGraph = resolve(required(node, "from_graph"), "from_graph");
        test.toGraph = resolve(required(node, "to_graph"), "to_graph");
        if (node["migration"])
            test.migration = resolve(required(node, "migration"), "migration");
        if (const YAML::Node data = node["data"]) {
            if (data.IsScalar())
                test.data.push_back(resolve({data.Scalar(), data}, "data"));
            else if (data.IsSequence() && data.size() > 0)
                for (const YAML::Node& item : data) {
                    if (!item.IsScalar() || item.Scalar().empty())
                        throw Error(at(m_path, item), "each 'data' entry is a path");
                    test.data.push_back(resolve({item.Scalar(), item}, "data"));
                }
            else
                throw Error(at(m_path, data), "'data' is a path or a list of paths");
        }
        return test;
    }

private:
    struct Field {
        std::string value;
        YAML::Node node;
    };

    Field required(const YAML::Node& test, const char* field) const
    {
        const YAML::Node value = test[field];
        if (!value || !value.IsScalar() || value.Scalar().empty())
            throw Error(at(m_path, value ? value : test), std::string("the test needs '") + field + "' (a path)");
        return {value.Scalar(), value};
    }

    // Beside the suite when it is there, else from the current directory (a suite kept in tests/
    // names files from the project's root, as the seed document's does).
    std::string resolve(const Field& field, const char* what) const
    {
        // A name the file system cannot even look up (too long, say) is simply not there.
        const auto present = [](const fs::path& path) {
            std::error_code error;
            return fs::exists(path, error);
        };
        const fs::path given(field.value);
        if (given.is_absolute()) {
            if (!present(given))
                throw Error(at(m_path, field.node), std::string(what) + " '" + field.value + "' does not exist");
            return given.lexically_normal().string();
        }
        const fs::path beside = (m_folder / given).lexically_normal();
        if (present(beside))
            return beside.string();
        if (present(given))
            return given.lexically_normal().string();
        throw Error(at(m_path, field.node),
            std::string(what) + " '" + field.value + "' not found: tried " + beside.string()
                + " (beside the suite) and " + fs::absolute(given).lexically_normal().string()
                + " (the current directory)");
    }

    std::vector<std::string> assertions(const YAML::Node& test) const
    {
        const YAML::Node list = test["assertions"];
        if (!list || !list.IsSequence())
            throw Error(at(m_path, list ? list : test), "the test needs 'assertions:' as a list");
        std::vector<std::string> enabled;
        for (const YAML::Node& item : list) {
            if (!item.IsMap() || item.size() != 1)
                throw Error(at(m_path, item), "an assertion is one 'name: true' pair");
            const auto entry = *item.begin();
            const std::string name = entry.first.as<std::string>("");
            if (std::find(kAssertions.begin(), kAssertions.end(), name) == kAssertions.end())
                throw Error(at(m_path, entry.first),
                    "unknown assertion '" + name
                        + "' (expected no_data_loss, referential_integrity, schema_valid, backward_compatible, "
                          "no_removed_classes or no_removed_properties)");
            bool on = false;
            if (!YAML::convert<bool>::decode(entry.second, on))
                throw Error(at(m_path, entry.second), "expected true or false for '" + name + "'");
            if (on)
                enabled.push_back(name);
        }
        return enabled;
    }

    std::string m_path;
    fs::path m_folder;
};
} // namespace

EvolutionSuite loadEvolutionSuite(const std::string& path)
{
    const YAML::Node root = evograph::detail::loadYamlFile(path, "test suite");
    const YAML::Node tests = root.IsMap() ? root["tests"] : YAML::Node();
    if (!tests || !tests.IsSequence())
        throw Error(
            root.IsDefined() ? at(path, root) : SourcePosition {path, 1, 1}, "expected 'tests:' with a list of tests");
    const SuiteReader reader(path);
    EvolutionSuite suite {path, {}};
    for (const YAML::Node& node : tests)
        suite.tests.push_back(reader.test(node, suite.tests.size() + 1));
    return suite;
}

} // namespace evograph::evolution
