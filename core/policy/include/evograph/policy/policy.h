#pragma once
// The workspace's policy: what needs a reviewer before it runs. Kept in the workspace's settings
// (evograph ws config), with the config file's [policies] laid over them:
//   policies.enforcement_mode                              strict | permissive   (strict)
//   policies.operational.require_approval_for_destructive  true | false          (true)
//   policies.operational.auto_approve_read_only            true | false          (true)
//   policies.operational.allow_self_approval               true | false          (false)
//   policies.approvals.allowed_signers                     an OpenSSH allowed_signers file: whose
//                                                          SSH-signed approvals count (none)
// decision.h holds the one function that applies it.

#include "evograph/config/config.h"
#include "evograph/workspace/workspace.h"

#include <map>
#include <string>

namespace evograph::policy {

struct Policy {
    bool strict = true;
    bool requireApprovalForDestructive = true;
    bool autoApproveReadOnly = true;
    bool allowSelfApproval = false;
    // The allowed_signers file that names the reviewers' SSH keys (signed_approval.h); empty: no
    // signed approval counts. A relative path in the workspace's settings is the workspace's neighbour.
    std::string allowedSigners;

    // Throws evograph::Error naming the setting whose value is not one of the above.
    static Policy fromSettings(const std::map<std::string, std::string>& settings);
    // This workspace's policy: its settings with the config file's [policies] over them
    // (config::effectiveSettings).
    static Policy of(workspace::Workspace& workspace, const config::Config& config);
    // The defaults above as the settings that would give them, for `evograph config show`.
    static std::map<std::string, std::string> defaultSettings();
};

} // namespace evograph::policy
