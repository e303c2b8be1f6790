#pragma once
// What the workspace records about migrations: reviewers' decisions on plans (bound to the plan's
// hash, so an edited plan has none) and the journal of operations (each apply and each rollback,
// with its steps' results and, per graph it changed, the RDF Patch that undoes it).
//
// Every record is written in one transaction with its audit record; an applied migration's new
// graph versions are written in the same transaction as its journal entry.

#include "evograph/workspace/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace evograph::workspace {

struct Approval {
    std::int64_t id = 0;
    std::string planHash, planName;
    std::string decision; // "approve" or "reject"
    std::string reviewer; // the name given with --as
    std::string recordedBy; // the login that recorded it
    std::string comment, at;
};

// Records a decision (audited as migration.approve / migration.reject); returns it as stored.
Approval recordApproval(Workspace& workspace, Approval approval);
// Decisions on the plan with this hash, oldest first; all decisions when the hash is empty.
std::vector<Approval> approvals(Workspace& workspace, const std::string& planHash = {});

struct JournalGraph {
    std::string graph;
    std::string before, after; // content hashes ("" before: the graph did not exist)
    std::uint64_t added = 0, removed = 0;
    std::string inversePatch; // RDF Patch from `after` back to `before`
};

struct JournalOperation {
    std::string id, correlationId;
    std::string kind; // "apply" or "rollback"
    std::string status; // apply: "applied", "failed" or "rolled_back"; rollback: "done"
    std::string planHash, planName, planText;
    std::string preSnapshot; // the verified snapshot taken before (apply)
    std::string beforeState, afterState; // WorkspaceState hashes
    std::string startedAt, finishedAt, user;
    std::string steps = "[]"; // JSON array: per step id, kind, code, added, removed, milliseconds, checks
    std::vector<JournalGraph> graphs;
    std::optional<std::string> rollsBack; // rollback: the operation it undid
    std::string approval; // apply: why the policy let it run ("approved by ...", "self-approved ...")
    std::string error; // failed: why
};

// A new operation id ("op-" and 12 hex digits) or correlation id.
std::string newOperationId();
// Now, as the journal writes times: "2026-11-23T10:15:02.123Z".
std::string journalTime();

// Makes each prepared graph content the graph's new current version and records `operation`
// (its afterState and each journal graph's `after` content are filled in), all in one transaction with the audit record
// (migration.apply or migration.rollback). For a rollback, the operation it undoes is marked
// rolled_back in the same transaction.
struct GraphContent {
    std::string graph;
    const rdf::Dataset* data = nullptr; // triples, finalized
    std::optional<std::string> expected; // the content hash it must have (a rollback's target)
};
JournalOperation commitOperation(Workspace& workspace, JournalOperation operation,
    const std::vector<GraphContent>& contents, const Progress& progress = {});
// Records an operation that changed nothing (a failed apply), audited as migration.failed.
void recordFailedOperation(Workspace& workspace, JournalOperation operation);

// The journal, oldest first.
std::vector<JournalOperation> journal(Workspace& workspace);
JournalOperation journalOperation(Workspace& workspace, const std::string& id);

} // namespace evograph::workspace
