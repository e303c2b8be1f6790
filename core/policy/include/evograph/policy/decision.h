#pragma once
// The one policy decision. Whatever asks to change a workspace or a store (a migration plan, an
// agent's action, a push to a remote store) says what class of operation it is and hands over the
// reviewers' decisions on it; decide() says whether it runs, and why, in one sentence.
//
//   read_only    runs when auto_approve_read_only holds or the policy is permissive; otherwise
//                it needs a reviewer, as a destructive operation does
//   additive     runs: nothing is removed or rewritten
//   destructive  runs when require_approval_for_destructive is off; otherwise it needs a reviewer's
//                approval: another person's, or the applier's own when allow_self_approval holds.
//                A rejection (a reviewer's latest decision) stops it. Without approval a permissive
//                policy lets it run, marked NOT APPROVED; a strict one does not.

#include "evograph/policy/policy.h"
#include "evograph/workspace/migration_journal.h"

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace evograph::policy {

enum class OperationClass : std::uint8_t { ReadOnly, Additive, Destructive };
std::string_view toString(OperationClass operationClass); // "read_only", "additive", "destructive"
std::optional<OperationClass> parseOperationClass(std::string_view name);

struct Decision {
    enum class Outcome : std::uint8_t {
        Run, // allowed: by its class, or approved
        RunNotApproved, // not approved, runs because the policy is permissive (say so, log it)
        NeedsApproval, // waits for a reviewer (a plan is refused with exit 3, an agent's action proposed)
    };
    Outcome outcome = Outcome::NeedsApproval;
    bool approvalRequired = false; // the policy asks for a reviewer for this operation
    bool selfApproved = false; // runs only through the applier's own approval (the policy allows it)
    bool rejected = false; // a reviewer's latest decision is a rejection
    std::string reason; // one line: why it may or may not run

    bool runs() const { return outcome != Outcome::NeedsApproval; }
};

struct Request {
    OperationClass operationClass = OperationClass::Destructive;
    std::span<const workspace::Approval> reviews; // the decisions on this very operation, oldest first
    std::string_view applier; // who runs it (a reviewer who is the applier approves their own work)
    // Appended to "... has no approval": "(a reviewer runs: evograph migrate approve PLAN --as NAME)"
    std::string_view howToApprove;
};

Decision decide(const Policy& policy, const Request& request);

// An operation the policy does not let run for want of a reviewer's approval. The CLI exits 3 on it.
class ApprovalMissing : public std::runtime_error {
public:
    explicit ApprovalMissing(const std::string& reason)
        : std::runtime_error("not approved: " + reason)
    {
    }
};

} // namespace evograph::policy
