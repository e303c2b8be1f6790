#include "evograph/agents/security_agent.h"

#include "evograph/agents/action_gate.h"
#include "evograph/workspace/audit.h"
#include "evograph/workspace/snapshots.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <sys/stat.h>

namespace evograph::agents {

namespace {
bool namedLikeCredential(std::string key)
{
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* word : {"password", "passwd", "secret", "token", "api_key", "apikey", "credential"})
        if (key.find(word) != std::string::npos)
            return true;
    return false;
}

std::vector<std::string> check(workspace::Workspace& ws, const std::string& path, std::string& verified,
    std::size_t& rotation, const engine::TaskContext& context)
{
    std::vector<std::string> findings;
    for (const std::string& problem : workspace::verifyAudit(ws).problems)
        findings.push_back("audit log: " + problem);
    struct stat info { };
    if (::stat(path.c_str(), &info) != 0)
        findings.push_back(path + ": cannot stat the workspace file");
    else if ((info.st_mode & 0777) != 0600)
        findings.push_back(path + ": mode " + std::to_string((info.st_mode >> 6) & 7)
            + std::to_string((info.st_mode >> 3) & 7) + std::to_string(info.st_mode & 7)
            + ", not 600: others can read the workspace");
    for (const auto& [key, value] : ws.settings(false))
        if (namedLikeCredential(key))
            findings.push_back("setting " + key
                + " is named like a credential but stored in the clear (store it as a "
                  "secret setting, or in the keyring)");
    const std::vector<workspace::SnapshotSummary> snapshots = workspace::listSnapshots(ws);
    if (!snapshots.empty()) {
        rotation %= snapshots.size();
        const std::string& id = snapshots[rotation].manifest.id;
        for (const std::string& problem :
            workspace::verifySnapshot(ws, id, true, workspace::Progress::of(context)).problems)
            findings.push_back("snapshot " + id + ": " + problem);
        verified = id;
        ++rotation;
    }
    return findings;
}
} // namespace

AgentOutcome SecurityAgent::run(const engine::TaskContext& context)
{
    auto ws = openWorkspace();
    std::size_t rotation = std::stoull(workspace::agentCheckpoint(ws, name()).value_or("0"));
    std::vector<std::string> findings;
    std::string verified;
    const workspace::AgentAction action = performAction(ws, config(),
        {name(), "workspace.check", AgentClass::ReadOnly, workspacePath(), {}, std::nullopt},
        [&](workspace::Workspace& w) {
            findings = check(w, workspacePath(), verified, rotation, context);
            return nlohmann::json {{"findings", findings}, {"snapshot_verified", verified}}.dump();
        });
    if (action.decision == "proposed")
        return {"the check awaits a reviewer (" + action.reason + ")", {}};
    workspace::saveAgentCheckpoint(ws, name(), std::to_string(rotation));
    AgentOutcome outcome;
    for (const std::string& finding : findings)
        outcome.events.push_back({"security finding", finding, {}, {}});
    outcome.events.push_back(
        {"security checked", workspacePath(), {{"security_findings", double(findings.size())}}, {}});
    outcome.summary = findings.empty()
        ? "no findings" + (verified.empty() ? std::string() : "; snapshot " + verified + " verified in full")
        : std::to_string(findings.size()) + " finding(s): " + findings.front();
    return outcome;
}

} // namespace evograph::agents
