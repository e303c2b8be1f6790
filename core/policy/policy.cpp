#include "evograph/policy/policy.h"

#include "evograph/error.h"

#include <filesystem>

namespace evograph::policy {

namespace {
constexpr std::string_view kAllowedSigners = "policies.approvals.allowed_signers";

bool flag(const std::map<std::string, std::string>& settings, const std::string& key, bool fallback)
{
    const auto it = settings.find(key);
    if (it == settings.end())
        return fallback;
    if (it->second == "true")
        return true;
    if (it->second == "false")
        return false;
    throw Error("setting " + key + ": '" + it->second + "' is neither true nor false");
}
} // namespace

Policy Policy::fromSettings(const std::map<std::string, std::string>& settings)
{
    Policy policy;
    if (const auto mode = settings.find("policies.enforcement_mode"); mode != settings.end()) {
        if (mode->second != "strict" && mode->second != "permissive")
            throw Error("setting policies.enforcement_mode: '" + mode->second + "' is neither strict nor permissive");
        policy.strict = mode->second == "strict";
    }
    policy.requireApprovalForDestructive
        = flag(settings, "policies.operational.require_approval_for_destructive", policy.requireApprovalForDestructive);
    policy.autoApproveReadOnly
        = flag(settings, "policies.operational.auto_approve_read_only", policy.autoApproveReadOnly);
    policy.allowSelfApproval = flag(settings, "policies.operational.allow_self_approval", policy.allowSelfApproval);
    if (const auto signers = settings.find(std::string(kAllowedSigners)); signers != settings.end())
        policy.allowedSigners = signers->second;
    return policy;
}

std::map<std::string, std::string> Policy::defaultSettings()
{
    const Policy p;
    const auto text = [](bool b) { return std::string(b ? "true" : "false"); };
    return {{"policies.enforcement_mode", p.strict ? "strict" : "permissive"},
        {"policies.operational.require_approval_for_destructive", text(p.requireApprovalForDestructive)},
        {"policies.operational.auto_approve_read_only", text(p.autoApproveReadOnly)},
        {"policies.operational.allow_self_approval", text(p.allowSelfApproval)}, {std::string(kAllowedSigners), ""}};
}

Policy Policy::of(workspace::Workspace& workspace, const config::Config& config)
{
    Policy policy = fromSettings(config::effectiveSettings(workspace.settings(false), config));
    if (!policy.allowedSigners.empty() && std::filesystem::path(policy.allowedSigners).is_relative())
        policy.allowedSigners = (std::filesystem::path(workspace.path()).parent_path() / policy.allowedSigners)
                                    .lexically_normal()
                                    .string();
    return policy;
}

} // namespace evograph::policy
