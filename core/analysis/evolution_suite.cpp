// Loading evolution test suites and writing their JUnit report.
#include "evograph/analysis/evolution_suite.h"

#include "../engine/yaml_file.h"
#include "markup_escape.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

namespace evograph::analysis {

namespace {
constexpr std::array<std::string_view, 6> kAssertions {"no_data_loss", "referential_integrity", "schema_valid",
    "backward_compatible", "no_removed_classes", "no_removed_properties"};

SourcePosition at(const std::string& path, const YAML::Node& node)
{
    return evograph::detail::yamlPosition(path, node.Mark());
}

std::string requiredString(const std::string& path, const YAML::Node& test, const char* field)
{
    const YAML::Node value = test[field];
    if (!value || !value.IsScalar() || value.Scalar().empty())
        throw Error(at(path, value ? value : test), std::string("the test needs '") + field + "' (a path)");
    return value.Scalar();
}

} // namespace

bool TestOutcome::passed() const
{
    return error.empty()
        && std::all_of(assertions.begin(), assertions.end(), [](const AssertionOutcome& a) { return a.passed; });
}

EvolutionSuite loadEvolutionSuite(const std::string& path)
{
    const YAML::Node root = evograph::detail::loadYamlFile(path, "test suite");
    const YAML::Node tests = root.IsMap() ? root["tests"] : YAML::Node();
    if (!tests || !tests.IsSequence())
        throw Error(
            root.IsDefined() ? at(path, root) : SourcePosition {path, 1, 1}, "expected 'tests:' with a list of tests");
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    auto resolve = [&](const std::string& relative) { return (folder / relative).lexically_normal().string(); };

    EvolutionSuite suite {path, {}};
    for (const YAML::Node& node : tests) {
        if (!node.IsMap())
            throw Error(at(path, node), "a test must be a mapping with name, from_graph, to_graph and assertions");
        SuiteTest test;
        test.where = at(path, node);
        test.name = node["name"] && node["name"].IsScalar() ? node["name"].Scalar()
                                                            : "test " + std::to_string(suite.tests.size() + 1);
        test.fromGraph = resolve(requiredString(path, node, "from_graph"));
        test.toGraph = resolve(requiredString(path, node, "to_graph"));
        if (node["migration"])
            test.migration = resolve(requiredString(path, node, "migration"));
        const YAML::Node assertions = node["assertions"];
        if (!assertions || !assertions.IsSequence())
            throw Error(at(path, assertions ? assertions : node), "the test needs 'assertions:' as a list");
        for (const YAML::Node& item : assertions) {
            if (!item.IsMap() || item.size() != 1)
                throw Error(at(path, item), "an assertion is one 'name: true' pair");
            const auto entry = *item.begin();
            const std::string name = entry.first.as<std::string>("");
            if (std::find(kAssertions.begin(), kAssertions.end(), name) == kAssertions.end())
                throw Error(at(path, entry.first),
                    "unknown assertion '" + name
                        + "' (expected no_data_loss, referential_integrity, schema_valid, backward_compatible, "
                          "no_removed_classes or no_removed_properties)");
            bool enabled = false;
            if (!YAML::convert<bool>::decode(entry.second, enabled))
                throw Error(at(path, entry.second), "expected true or false for '" + name + "'");
            if (enabled)
                test.assertions.push_back(name);
        }
        suite.tests.push_back(std::move(test));
    }
    return suite;
}

std::string junitReport(const EvolutionSuite& suite, const std::vector<TestOutcome>& outcomes)
{
    std::size_t cases = 0, failures = 0, errors = 0;
    double seconds = 0;
    for (const TestOutcome& o : outcomes) {
        seconds += o.seconds;
        if (!o.error.empty()) {
            ++cases, ++errors;
            continue;
        }
        cases += o.assertions.size();
        for (const AssertionOutcome& a : o.assertions)
            failures += !a.passed;
    }
    char time[32];
    std::snprintf(time, sizeof time, "%.3f", seconds);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\""
        + detail::escapeMarkup(suite.path) + "\" tests=\"" + std::to_string(cases) + "\" failures=\""
        + std::to_string(failures) + "\" errors=\"" + std::to_string(errors) + "\" time=\"" + time + "\">\n";
    for (const TestOutcome& o : outcomes) {
        if (!o.error.empty()) {
            out += "  <testcase classname=\"" + detail::escapeMarkup(o.name) + "\" name=\""
                + detail::escapeMarkup(o.name) + "\">\n    <error message=\"" + detail::escapeMarkup(o.error)
                + "\"/>\n  </testcase>\n";
            continue;
        }
        for (const AssertionOutcome& a : o.assertions) {
            out += "  <testcase classname=\"" + detail::escapeMarkup(o.name) + "\" name=\""
                + detail::escapeMarkup(o.name + ": " + a.name) + "\">";
            if (!a.passed)
                out += "\n    <failure message=\"" + detail::escapeMarkup(a.reason) + "\"/>\n  ";
            out += "</testcase>\n";
        }
    }
    return out + "</testsuite>\n</testsuites>\n";
}

} // namespace evograph::analysis
