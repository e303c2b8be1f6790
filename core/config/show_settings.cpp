// What `evograph config show` prints: each setting's effective value and its source.
#include "evograph/config/config.h"

#include <sstream>

namespace evograph::config {

namespace {
std::string join(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return "[" + out + "]";
}

template <typename T> std::string text(const T& value)
{
    std::ostringstream out;
    out << std::boolalpha << value;
    return out.str();
}
} // namespace

std::map<std::string, std::string> effectiveSettings(
    std::map<std::string, std::string> workspaceSettings, const Config& config)
{
    for (const auto& [key, setting] : config.policies)
        workspaceSettings[key] = setting.value;
    return workspaceSettings;
}

std::vector<ShownSetting> showSettings(const Config& config,
    const std::map<std::string, std::string>& workspaceSettings, std::map<std::string, std::string> policyDefaults)
{
    policyDefaults.emplace("policies.operational.audit_all_operations", "true"); // evograph always audits
    std::vector<ShownSetting> shown;
    const auto sourceOf = [&](const std::string& key) {
        const auto it = config.origins.find(key);
        return it == config.origins.end() ? std::string("default") : formatPosition(it->second);
    };
    for (const auto& [key, fallback] : policyDefaults) {
        if (const auto set = config.policies.find(key); set != config.policies.end())
            shown.push_back({key, set->second.value,
                formatPosition(set->second.where)
                    + (workspaceSettings.count(key) ? " (overrides the workspace's " + workspaceSettings.at(key) + ")"
                                                    : "")});
        else if (const auto ws = workspaceSettings.find(key); ws != workspaceSettings.end())
            shown.push_back({key, ws->second, "workspace"});
        else
            shown.push_back({key, fallback, sourceOf(key)});
    }
    const auto add = [&](const std::string& key, std::string value) {
        shown.push_back({key, std::move(value), sourceOf(key)});
    };
    add("agents.enabled_agents", join(config.agents.enabled));
    add("agents.disabled_agents", join(config.agents.disabled));
    add("agents.resource_limits.max_concurrent_operations", text(config.agents.maxConcurrentOperations));
    add("agents.resource_limits.max_memory_mb", text(config.agents.maxMemoryMb));
    add("agents.resource_limits.max_cpu_percent", text(config.agents.maxCpuPercent));
    add("monitoring.enabled", text(config.monitoring.enabled));
    add("monitoring.health_check_interval_seconds", text(config.monitoring.healthCheckIntervalSeconds));
    add("monitoring.metrics_export_interval_seconds", text(config.monitoring.metricsExportIntervalSeconds));
    add("backup.enabled", text(config.backup.enabled));
    add("backup.interval_hours", text(config.backup.intervalHours));
    add("backup.retention_days", text(config.backup.retentionDays));
    add("backup.destination", config.backup.destination);
    for (const auto& [name, provider] : config.providers)
        shown.push_back(
            {"ai.providers." + name, provider.url + " (" + provider.model + ")", formatPosition(provider.where)});
    return shown;
}

} // namespace evograph::config
