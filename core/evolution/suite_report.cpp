// An evolution suite's outcomes as text, JSON and JUnit XML.
#include "evograph/evolution/suite.h"

#include "evograph/engine/markup_escape.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace evograph::evolution {

namespace {
using evograph::detail::escapeMarkup;

std::size_t failedCount(const std::vector<TestOutcome>& outcomes)
{
    std::size_t failed = 0;
    for (const TestOutcome& o : outcomes)
        failed += !o.passed();
    return failed;
}
} // namespace

std::string textReport(const std::vector<TestOutcome>& outcomes)
{
    std::string out;
    for (const TestOutcome& o : outcomes) {
        out += (o.passed() ? "PASS " : "FAIL ") + o.name + "\n";
        if (!o.error.empty())
            out += "  error: " + o.error + "\n";
        if (o.migration) {
            const MigrationOutcome& m = *o.migration;
            out += "  migration " + m.file + ": " + std::to_string(m.steps) + (m.steps == 1 ? " step" : " steps")
                + ", +" + std::to_string(m.added) + " -" + std::to_string(m.removed) + " triples\n";
            for (const std::string& check : m.failedChecks)
                out += "  FAIL check " + check + "\n";
        }
        for (const AssertionOutcome& a : o.assertions)
            out += std::string("  ") + (a.passed ? "ok   " : "FAIL ") + a.name + ": " + a.detail + "\n";
    }
    return out + std::to_string(outcomes.size() - failedCount(outcomes)) + " of " + std::to_string(outcomes.size())
        + " tests passed\n";
}

std::string jsonReport(const std::vector<TestOutcome>& outcomes)
{
    nlohmann::ordered_json tests = nlohmann::ordered_json::array();
    for (const TestOutcome& o : outcomes) {
        nlohmann::ordered_json assertions = nlohmann::ordered_json::array();
        for (const AssertionOutcome& a : o.assertions)
            assertions.push_back({{"name", a.name}, {"passed", a.passed}, {"detail", a.detail}});
        nlohmann::ordered_json test {{"name", o.name}, {"passed", o.passed()}, {"assertions", std::move(assertions)}};
        if (o.migration)
            test["migration"]
                = {{"file", o.migration->file}, {"steps", o.migration->steps}, {"added", o.migration->added},
                    {"removed", o.migration->removed}, {"failed_checks", o.migration->failedChecks}};
        if (!o.error.empty())
            test["error"] = o.error;
        tests.push_back(std::move(test));
    }
    const std::size_t failed = failedCount(outcomes);
    const nlohmann::ordered_json json {
        {"tests", std::move(tests)}, {"passed", outcomes.size() - failed}, {"failed", failed}};
    return json.dump(2) + "\n";
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
        if (o.migration)
            ++cases, failures += !o.migration->failedChecks.empty();
        cases += o.assertions.size();
        for (const AssertionOutcome& a : o.assertions)
            failures += !a.passed;
    }
    char time[32];
    std::snprintf(time, sizeof time, "%.3f", seconds);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\""
        + escapeMarkup(suite.path) + "\" tests=\"" + std::to_string(cases) + "\" failures=\"" + std::to_string(failures)
        + "\" errors=\"" + std::to_string(errors) + "\" time=\"" + time + "\">\n";
    auto testcase = [&](const std::string& test, const std::string& name, const std::string& element,
                        const std::string& message) {
        out += "  <testcase classname=\"" + escapeMarkup(test) + "\" name=\"" + escapeMarkup(name) + "\">";
        if (!element.empty())
            out += "\n    <" + element + " message=\"" + escapeMarkup(message) + "\"/>\n  ";
        out += "</testcase>\n";
    };
    for (const TestOutcome& o : outcomes) {
        if (!o.error.empty()) {
            testcase(o.name, o.name, "error", o.error);
            continue;
        }
        if (o.migration) {
            std::string failed;
            for (const std::string& check : o.migration->failedChecks)
                failed += (failed.empty() ? "" : "; ") + check;
            testcase(o.name, o.name + ": migration", failed.empty() ? "" : "failure", failed);
        }
        for (const AssertionOutcome& a : o.assertions)
            testcase(o.name, o.name + ": " + a.name, a.passed ? "" : "failure", a.detail);
    }
    return out + "</testsuite>\n</testsuites>\n";
}

} // namespace evograph::evolution
