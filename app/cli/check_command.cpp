#include "commands.h"

#include "evograph/analysis/evolution_suite.h"

#include <iostream>
#include <memory>

namespace evograph::cli {

void addCheckCommand(CLI::App& app, int& exitCode)
{
    struct Options {
        std::string suite, junit;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand("check",
        "Run an evolution test suite (YAML): each assertion passes or fails with its reason (exit 1 on any failure)");
    command->add_option("--suite", options->suite, "the suite, e.g. tests/graph-evolution.test.yaml")->required();
    command->add_option("--junit", options->junit, "also write a JUnit XML report to FILE (atomically)");
    command->callback([options, &exitCode] {
        exitCode = runCommand([&] {
            const analysis::EvolutionSuite suite = analysis::loadEvolutionSuite(options->suite);
            watchInterrupts();
            std::vector<analysis::TestOutcome> outcomes;
            std::size_t failed = 0;
            for (const analysis::SuiteTest& test : suite.tests) {
                outcomes.push_back(analysis::runEvolutionTest(test, interruptToken()));
                const analysis::TestOutcome& o = outcomes.back();
                failed += !o.passed();
                std::cout << (o.passed() ? "PASS " : "FAIL ") << o.name << "\n";
                if (!o.error.empty())
                    std::cout << "  error: " << o.error << "\n";
                for (const analysis::AssertionOutcome& a : o.assertions)
                    std::cout << "  " << (a.passed ? "ok   " : "FAIL ") << a.name << ": " << a.reason << "\n";
            }
            std::cout << outcomes.size() - failed << " of " << outcomes.size() << " tests passed\n";
            if (!options->junit.empty())
                writeOutput(options->junit, analysis::junitReport(suite, outcomes));
            return failed ? kDifferent : kOk;
        });
    });
}

} // namespace evograph::cli
