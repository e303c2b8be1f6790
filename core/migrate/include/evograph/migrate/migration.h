#pragma once
// Running a migration plan against a workspace: the dry run, the approval gate, apply (verified
// pre-snapshot, every step in one transaction, checks again after, all or nothing), rollback
// through the journal's inverse patches, and the rehearsal on a scratch copy.
//
// The plan runs over the workspace's graphs loaded as one dataset, each graph NAME a named graph
// <urn:evograph:graph:NAME>. Each step runs once per target graph (the plan's `graphs`, or all)
// with that graph as SPARQL's default graph; GRAPH <urn:evograph:graph:OTHER> reaches the others.

#include "evograph/config/config.h"
#include "evograph/migrate/plan.h"
#include "evograph/policy/decision.h"
#include "evograph/policy/signed_approval.h"
#include "evograph/workspace/migration_journal.h"
#include "evograph/workspace/workspace.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace evograph::migrate {

inline constexpr std::string_view kGraphIriPrefix = "urn:evograph:graph:";

struct CheckResult {
    std::string step, when; // when: "before" or "after"
    std::string description;
    std::string graph;
    bool expected = false, actual = false;
    bool passed() const { return expected == actual; }
};

struct StepOutcome {
    std::string id;
    StepKind kind = StepKind::Custom;
    FindingCode code = FindingCode::MayFail;
    std::string description;
    std::size_t added = 0, removed = 0;
    // "[graph] s p o ." with the graphs' prefixes, at most `previewLimit` each
    std::vector<std::string> addedPreview, removedPreview;
    double milliseconds = 0;
    // With RunOptions::keepEffects: every quad the step added and removed, in the data's terms.
    std::vector<rdf::Quad> addedQuads, removedQuads;
    // Deletes or rewrites data: marked DS, or removes triples whatever its code says (so a step
    // cannot avoid review by its label).
    bool destructive() const { return code == FindingCode::Destructive || removed > 0; }
};

struct Finding {
    std::string step;
    FindingCode code = FindingCode::MayFail;
    std::string message;
};

struct PlanRun {
    std::vector<std::string> graphs; // the targets
    std::vector<StepOutcome> steps;
    std::vector<CheckResult> checks;
    std::vector<Finding> findings;
    std::size_t added = 0, removed = 0;
    bool checksPassed() const;
    bool changesNothing() const { return added == 0 && removed == 0; }
    bool destructive() const;
};

struct RunOptions {
    std::size_t previewLimit = 10;
    bool keepEffects = false; // keep each step's quads (StepOutcome::addedQuads, removedQuads)
};

// Runs the plan on the workspace's current graphs in memory and reports what it would do. Writes
// nothing.
PlanRun dryRun(workspace::Workspace& workspace, const Plan& plan, const RunOptions& options = {},
    const workspace::Progress& progress = {});

// Runs the plan in memory on data outside any workspace (an evolution suite's test data): `data`'s
// triples are the plan's target graph (its first `graphs` entry, or "data"; other targets are empty
// graphs) and hold the result afterwards, in the default graph. Check failures are reported in the
// run; a SPARQL error throws evograph::Error and leaves `data` as it was.
PlanRun runOnDataset(
    const Plan& plan, rdf::Dataset& data, const RunOptions& options = {}, const workspace::Progress& progress = {});

struct ApprovalStatus {
    bool required = false; // the policy asks for a reviewer's approval of this plan
    bool satisfied = false; // apply may go ahead
    bool selfApproved = false; // satisfied only through the applier's own approval (policy allows)
    bool bypassedPermissive = false; // not approved, but the permissive policy lets it run (logged)
    std::string reason; // one line: why it may or may not run
    std::vector<workspace::Approval> decisions; // on this plan's hash
    std::vector<policy::SignedApproval> signatures; // the approval files offered, each checked
};
// What the policy makes of a plan whose dry run on the current data is `run`: one that changes
// nothing is read-only, one with a step marked DS or one that removes triples destructive, any
// other additive.
policy::OperationClass operationClass(const Plan& plan, const PlanRun& run);
// The policy's decision (policy::decide) on the plan, with the reviewers' decisions on its hash
// and the signed approvals among `approvalFiles` that count (policy/signed_approval.h).
ApprovalStatus approvalStatus(workspace::Workspace& workspace, const Plan& plan, const policy::Policy& policy,
    const PlanRun& run, const std::vector<std::string>& approvalFiles = {});
// The same under the workspace's policy with `config`'s [policies] over it (policy::Policy::of).
ApprovalStatus approvalStatus(workspace::Workspace& workspace, const Plan& plan, const config::Config& config,
    const PlanRun& run, const std::vector<std::string>& approvalFiles = {});

// A plan's dry run and what the policy makes of it: what the CLI and the studio show before apply.
struct Preview {
    PlanRun run;
    ApprovalStatus approval;
};
Preview preview(workspace::Workspace& workspace, const Plan& plan, const config::Config& config,
    const RunOptions& options = {}, const workspace::Progress& progress = {},
    const std::vector<std::string>& approvalFiles = {});

// Apply refuses a plan the policy does not let run. The CLI exits 3 on it.
class ApprovalRequired : public policy::ApprovalMissing {
public:
    explicit ApprovalRequired(ApprovalStatus status);
    const ApprovalStatus& status() const { return m_status; }

private:
    ApprovalStatus m_status;
};

struct ApplyOptions {
    std::string correlationId; // empty: a new one
    RunOptions run;
    config::Config config; // its [policies] override the workspace's settings at the gate
    std::vector<std::string> approvalFiles; // SSH-signed approvals offered with the plan
};

struct ApplyResult {
    workspace::JournalOperation operation;
    PlanRun run;
    ApprovalStatus approval;
};

// Checks approval (throws ApprovalRequired), takes and fully verifies a pre-snapshot, runs every
// step and check, and commits the changed graphs with the journal entry in one transaction. When
// a step or check fails nothing changes: the failure is journalled (status "failed") and
// evograph::Error is thrown. Cancelling throws Cancelled and also changes nothing.
ApplyResult applyPlan(workspace::Workspace& workspace, const Plan& plan, const ApplyOptions& options = {},
    const workspace::Progress& progress = {});

// Undoes an applied operation through its inverse patches. Refuses one already rolled back, or
// one whose graphs changed since (roll the later operations back first). The result of each
// graph must hash to its content in the operation's pre-snapshot, or nothing is written.
workspace::JournalOperation rollbackOperation(
    workspace::Workspace& workspace, const std::string& operationId, const workspace::Progress& progress = {});
// The applied operations to undo, newest first: the last N, or those of a correlation id.
std::vector<std::string> lastApplied(workspace::Workspace& workspace, std::size_t count);
std::vector<std::string> appliedWithCorrelation(workspace::Workspace& workspace, const std::string& correlationId);

struct Rehearsal {
    std::string scratch; // the scratch copy's path (removed afterwards)
    std::string before, afterApply, afterRollback, afterReapply; // state hashes
    ApplyResult first;
    bool ok() const { return afterRollback == before && afterReapply == afterApply; }
};
// Apply -> rollback -> apply on a scratch copy of the workspace (approval is not needed: the
// copy is thrown away). The workspace itself is only read.
Rehearsal rehearse(const std::string& workspacePath, const Plan& plan, const workspace::Progress& progress = {});

} // namespace evograph::migrate
