#include "commands.h"

#include "evograph/evolution/suite.h"

#include <iostream>
#include <memory>

namespace evograph::cli {

void addCheckCommand(CLI::App& app, int& exitCode)
{
    struct Options {
        std::string suite, junit, format = "text";
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("check",
        "Run an evolution test suite (YAML): migrations run in memory, each assertion passes or fails with its "
        "detail (exit 1 on any failure)");
    command->add_option("--suite", options->suite, "the suite, e.g. tests/graph-evolution.test.yaml")->required();
    command->add_option("--format", options->format, "output: text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    command->add_option("--junit", options->junit, "also write a JUnit XML report to FILE (atomically)");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            const evolution::EvolutionSuite suite = evolution::loadEvolutionSuite(options->suite);
            watchInterrupts();
            std::vector<evolution::TestOutcome> outcomes;
            bool failed = false;
            for (const evolution::SuiteTest& test : suite.tests) {
                outcomes.push_back(evolution::runEvolutionTest(test, interruptToken()));
                failed |= !outcomes.back().passed();
            }
            std::cout << (options->format == "json" ? evolution::jsonReport(outcomes)
                                                    : evolution::textReport(outcomes));
            if (!options->junit.empty())
                writeOutput(options->junit, evolution::junitReport(suite, outcomes));
            return failed ? kDifferent : kOk;
        });
    });
}

} // namespace evograph::cli
