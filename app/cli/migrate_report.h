#pragma once
// How the migrate commands print a plan run (dry run or apply), the approval status and the
// journal: text for people, JSON (--format json) for scripts.

#include "evograph/migrate/migration.h"
#include "evograph/remote/remote_migration.h"

#include <nlohmann/json.hpp>
#include <string>

namespace evograph::cli {

nlohmann::json planRunJson(const migrate::PlanRun& run);
nlohmann::json approvalJson(const migrate::ApprovalStatus& status);
nlohmann::json operationJson(const workspace::JournalOperation& op);

std::string planRunText(const migrate::Plan& plan, const migrate::PlanRun& run);
std::string approvalText(const migrate::ApprovalStatus& status);
// What an apply or rollback sent to remote stores (empty text when no graph is bound).
nlohmann::json storeSyncJson(const remote::StoreSync& sync);
std::string storeSyncText(const remote::StoreSync& sync);

} // namespace evograph::cli
