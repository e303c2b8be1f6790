// Kill test: the CLI imports, snapshots, restores and applies a migration while this process kills
// it with SIGKILL at random moments. After every kill the workspace must pass SQLite's integrity check and the audit
// chain check, and its state must be exactly the state before or after the interrupted operation;
// at the end every snapshot must pass the full verification.
//
// Usage: workspace_crash_test EVOGRAPH [ITERATIONS [SEED]]
// $EVOGRAPH_CRASH_ITERATIONS, when set, overrides ITERATIONS (bench/crash_iterations.sh runs 1,000).

#include "workspace_fixture.h"
#include "workspace_impl.h"

#include "evograph/workspace/audit.h"
#include "evograph/workspace/migration_journal.h"
#include "evograph/workspace/snapshots.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace evograph;
using namespace evograph::workspace;
using Clock = std::chrono::steady_clock;

namespace {
struct Outcome {
    bool killed = false; // false: it finished before the kill
    int exitCode = 0;
};

// Runs the CLI; kills it after `delay` unless it ends first.
Outcome runKilledAfter(const std::vector<std::string>& args, std::chrono::microseconds delay)
{
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t child = ::fork();
    if (child == 0) {
        std::freopen("/dev/null", "w", stdout);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    const auto deadline = Clock::now() + delay;
    int status = 0;
    while (Clock::now() < deadline) {
        if (::waitpid(child, &status, WNOHANG) == child)
            return {false, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
    if (WIFSIGNALED(status))
        return {true, 0};
    return {false, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

int fail(const std::string& message)
{
    std::cerr << "FAIL: " << message << "\n";
    return 1;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: workspace_crash_test EVOGRAPH [ITERATIONS]\n";
        return 2;
    }
    const std::string evograph = argv[1];
    const char* fromEnvironment = std::getenv("EVOGRAPH_CRASH_ITERATIONS");
    const int iterations = fromEnvironment ? std::atoi(fromEnvironment) : argc > 2 ? std::atoi(argv[2]) : 120;
    if (iterations <= 0) {
        std::cerr << "workspace_crash_test: the number of iterations must be a positive integer\n";
        return 2;
    }
    test::ScratchDir dir;
    const std::string ws = dir / "ws.evograph";
    std::vector<std::string> files;
    std::map<std::string, std::string> hashOf;
    for (int variant = 0; variant < 3; ++variant) {
        files.push_back(test::writeText(dir / ("v" + std::to_string(variant) + ".ttl"), test::ontology(1500, variant)));
        hashOf[files.back()] = test::canonicalHashOfFile(files.back());
    }
    const std::vector<std::string> graphs = {"alpha", "beta"};
    auto base = [&](std::vector<std::string> rest) {
        std::vector<std::string> args = {evograph};
        args.insert(args.end(), rest.begin(), rest.end());
        return args;
    };
    if (runKilledAfter(base({"ws", "init", ws}), std::chrono::seconds(30)).exitCode != 0)
        return fail("ws init");

    // A migration that rewrites every label (so it needs, and has, an approval).
    const std::string plan = test::writeText(dir / "plan.yaml",
        "evograph_plan: 1\nsteps:\n  - id: relabel\n    kind: custom\n    code: BC\n    update: |\n"
        "      DELETE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l }\n"
        "      INSERT { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?m }\n"
        "      WHERE { ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l BIND(CONCAT(STR(?l), \"+\") AS ?m) }\n");
    if (runKilledAfter(
            base({"ws", "config", ws, "policies.operational.allow_self_approval", "true"}), std::chrono::seconds(30))
                .exitCode
            != 0
        || runKilledAfter(
               base({"migrate", "approve", plan, "--as", "crash-test", "--workspace", ws}), std::chrono::seconds(30))
                .exitCode
            != 0)
        return fail("approving the migration plan");

    std::mt19937_64 random(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20261123);
    // How long each kind of operation takes uninterrupted, so kills land inside them.
    std::map<std::string, double> seconds = {{"import", 0.05}, {"snapshot", 0.01}, {"restore", 0.01}, {"migrate", 0.3}};
    int killed = 0, finished = 0, killedAfterCommit = 0;
    for (int i = 0; i < iterations; ++i) {
        std::string before;
        std::vector<std::string> snapshotIds;
        std::map<std::string, std::string> contents;
        {
            Workspace w = Workspace::open(ws);
            const WorkspaceState state = w.state();
            before = state.hash();
            for (const auto& [name, version] : state.graphs)
                contents[name] = version.content;
            for (const auto& s : listSnapshots(w))
                snapshotIds.push_back(s.manifest.id);
        }
        // Pick an operation and work out the state it leads to.
        std::string kind, after = before;
        std::vector<std::string> args;
        const int choice = static_cast<int>(random() % 10);
        if (choice < 4) {
            kind = "import";
            const std::string& file = files[random() % files.size()];
            const std::string& graph = graphs[random() % graphs.size()];
            args = base({"ws", "import", ws, file, "--graph", graph});
            std::map<std::string, std::string> next = contents;
            next[graph] = hashOf[file];
            Workspace w = Workspace::open(ws);
            after = stateHash(next, w.settings(false));
        } else if (choice < 6 || snapshotIds.empty()) {
            kind = "snapshot";
            args = base({"snapshot", "create", "--workspace", ws, "--name", "crash-" + std::to_string(i)});
        } else if (choice < 8) {
            kind = "migrate";
            args = base({"migrate", "apply", plan, "--workspace", ws, "--yes"});
            after.clear(); // known afterwards from the journal: the state its entry records
        } else {
            kind = "restore";
            const std::string& id = snapshotIds[random() % snapshotIds.size()];
            args = base({"snapshot", "restore", id, "--yes", "--workspace", ws});
            Workspace w = Workspace::open(ws);
            after = snapshotInfo(w, id).manifest.state;
        }
        const auto budget = std::chrono::microseconds(static_cast<long long>(seconds[kind] * 1.3e6));
        const auto delay = std::chrono::microseconds(random() % static_cast<std::uint64_t>(budget.count() + 1));
        const auto start = Clock::now();
        const Outcome outcome = runKilledAfter(args, delay);
        if (std::getenv("CRASH_TEST_VERBOSE"))
            std::cerr << i << " " << kind << " delay " << delay.count() << "us "
                      << (outcome.killed ? "killed" : "finished") << " exit " << outcome.exitCode << "\n";
        if (!outcome.killed) {
            if (outcome.exitCode != 0)
                return fail(
                    "iteration " + std::to_string(i) + ": " + kind + " exited " + std::to_string(outcome.exitCode));
            seconds[kind] = std::max(seconds[kind], std::chrono::duration<double>(Clock::now() - start).count());
            ++finished;
        } else {
            ++killed;
            seconds[kind] *= 1.1; // until one finishes, kills may come too early to reach the file
        }

        Workspace w = Workspace::open(ws);
        if (const auto problems = w.integrityProblems(); !problems.empty())
            return fail("iteration " + std::to_string(i) + ": integrity check: " + problems.front());
        const std::string now = w.state().hash();
        if (kind == "migrate") {
            const auto journal = workspace::journal(w);
            const bool committed = !journal.empty() && journal.back().status == "applied"
                && journal.back().beforeState == before && journal.back().afterState == now;
            after = committed ? now : before;
        }
        if (now != before && now != after)
            return fail("iteration " + std::to_string(i) + " (" + kind + (outcome.killed ? ", killed" : "")
                + "): the state is neither the one before nor the one after");
        if (outcome.killed && now != before)
            ++killedAfterCommit;
        if (!outcome.killed && now != after)
            return fail("iteration " + std::to_string(i) + ": " + kind + " finished but the state did not change");
        if (const auto audit = verifyAudit(w); !audit.ok())
            return fail("iteration " + std::to_string(i) + ": audit log: " + audit.problems.front());
        for (const auto& s : listSnapshots(w))
            if (const auto report = verifySnapshot(w, s.manifest.id, false); !report.ok())
                return fail(
                    "iteration " + std::to_string(i) + ": snapshot " + s.manifest.id + ": " + report.problems.front());
    }
    Workspace w = Workspace::open(ws);
    const auto snapshots = listSnapshots(w);
    for (const auto& s : snapshots)
        if (const auto report = verifySnapshot(w, s.manifest.id, true); !report.ok())
            return fail("snapshot " + s.manifest.id + " (full): " + report.problems.front());
    std::cout << iterations << " iterations: " << killed << " operations killed mid-way (" << killedAfterCommit
              << " of them after their commit changed the state), " << finished << " finished; " << snapshots.size()
              << " snapshots pass the full verification; integrity and audit chain ok\n";
    return killed > 0 ? 0 : fail("no operation was ever killed: the test did not test anything");
}
