#include "evograph/agents/snapshot_scheduler_agent.h"

#include "evograph/agents/action_gate.h"
#include "evograph/engine/time_stamp.h"
#include "evograph/workspace/snapshots.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace evograph::agents {

namespace {
constexpr const char* kTag = "scheduled";

// Whether a snapshot was taken at or after `time` (an unreadable time counts as long ago).
bool takenSince(const workspace::SnapshotManifest& manifest, engine::WallTime time)
{
    const auto created = engine::parseUtcTimestamp(manifest.createdAt);
    return created && *created >= time;
}
} // namespace

SnapshotSchedulerAgent::SnapshotSchedulerAgent(std::string workspacePath, config::Config config, WallClock wallNow)
    : WorkspaceAgent(std::move(workspacePath), std::move(config))
    , m_wallNow(std::move(wallNow))
{
}

AgentOutcome SnapshotSchedulerAgent::run(const engine::TaskContext& context)
{
    const config::BackupConfig& backup = config().backup;
    if (!backup.enabled)
        return {"[backup] is not enabled", {}};
    auto ws = openWorkspace();
    AgentOutcome outcome;
    const workspace::Progress progress = workspace::Progress::of(context);
    // A restart of `serve` runs the agent at once: no second snapshot within the interval (99 % of
    // it, so that a run on schedule is not skipped over a second of rounding).
    const engine::WallTime recent = m_wallNow()
        - std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::duration<double>(backup.intervalHours * 3600 * 0.99));
    const auto snapshots = workspace::listSnapshots(ws);
    const bool due = std::none_of(snapshots.begin(), snapshots.end(), [&](const workspace::SnapshotSummary& s) {
        const auto& tags = s.manifest.tags;
        return std::find(tags.begin(), tags.end(), kTag) != tags.end() && takenSince(s.manifest, recent);
    });
    if (due)
        performAction(ws, config(), {name(), "snapshot.create", AgentClass::Additive, kTag, {}, std::nullopt},
            [&](workspace::Workspace& w) {
                const std::string id = workspace::createSnapshot(w, "scheduled backup", {kTag});
                nlohmann::json details = {{"snapshot", id}};
                if (!backup.destination.empty()) {
                    std::filesystem::create_directories(backup.destination);
                    const std::string file
                        = (std::filesystem::path(backup.destination) / ("evograph-" + id + ".snapshot")).string();
                    workspace::exportSnapshot(w, id, file, progress);
                    details["file"] = file;
                }
                outcome.events.push_back({"snapshot taken", id, {}, {}});
                return details.dump();
            });

    // Retention: scheduled snapshots older than retention_days, each proposed once under strict.
    const engine::WallTime cutoff = m_wallNow() - std::chrono::hours(24) * backup.retentionDays;
    std::vector<std::string> proposed;
    for (const workspace::AgentAction& a : workspace::agentActions(ws, name(), "proposed", 10000))
        proposed.push_back(a.target);
    std::size_t expired = 0;
    for (const workspace::SnapshotSummary& s : workspace::listSnapshots(ws)) {
        const auto& m = s.manifest;
        const bool scheduled = std::find(m.tags.begin(), m.tags.end(), kTag) != m.tags.end();
        if (!scheduled || takenSince(m, cutoff) || std::find(proposed.begin(), proposed.end(), m.id) != proposed.end())
            continue;
        ++expired;
        const workspace::AgentAction action = performAction(ws, config(),
            {name(), "snapshot.delete", AgentClass::Destructive, m.id,
                nlohmann::json {{"created_at", m.createdAt}, {"retention_days", backup.retentionDays}}.dump(),
                std::nullopt},
            [&](workspace::Workspace& w) {
                workspace::deleteSnapshot(w, m.id);
                return std::string();
            });
        outcome.events.push_back({"snapshot expired", m.id + ": " + action.decision, {}, {}});
    }
    outcome.summary = (due ? "snapshot taken" : "the last scheduled snapshot is recent")
        + (expired ? "; " + std::to_string(expired) + " expired" : std::string());
    return outcome;
}

} // namespace evograph::agents
