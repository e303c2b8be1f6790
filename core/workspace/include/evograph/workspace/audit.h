#pragma once
// The workspace's audit log: every mutating operation (import, setting, snapshot, restore,
// prune, ...) appends one record in the same transaction as the change itself. Records are
// hash-chained (each hash covers the previous hash and the record's fields), the last link is
// kept in the workspace's metadata, and every snapshot's manifest names the link it saw, so
// editing, deleting or reordering records is detected by verifyAudit().

#include "evograph/workspace/workspace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace evograph::workspace {

struct AuditRecord {
    std::int64_t seq = 0;
    std::string at, user, operation, target;
    std::string beforeState, afterState; // WorkspaceState hashes
    std::string details; // a JSON object
    std::string prevHash, hash;
};

std::vector<AuditRecord> auditRecords(Workspace& workspace);

struct AuditVerification {
    std::size_t records = 0;
    std::vector<std::string> problems; // each names the record, e.g. "record 7: ..."
    bool ok() const { return problems.empty(); }
};
AuditVerification verifyAudit(Workspace& workspace);

} // namespace evograph::workspace
