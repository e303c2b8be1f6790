#include "operations_config.h"

#include <algorithm>
#include <filesystem>

namespace evograph::config {

namespace {
// Records where each of `keys` is, for `config show`.
void noteOrigins(const TableReader& reader, Config& config, std::initializer_list<const char*> keys)
{
    for (const char* key : keys)
        if (reader.has(key))
            config.origins[reader.dotted(key)] = reader.position(key);
}

void setting(TableReader& reader, Config& config, const std::string& key, std::optional<std::string> value)
{
    if (value)
        config.policies[reader.dotted(key)] = {*value, reader.position(key)};
}

std::optional<std::string> flag(TableReader& reader, const std::string& key)
{
    const std::optional<bool> value = reader.boolean(key);
    return value ? std::optional<std::string>(*value ? "true" : "false") : std::nullopt;
}

std::string knownAgents()
{
    std::string list;
    for (const std::string& name : kAgentNames)
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

// An array of agent names; unknown names are warnings at their element (the seed names agents of
// other systems, e.g. template_executor), "*" stands for all.
std::vector<std::string> agentNames(TableReader& reader, const std::string& key, bool allowAll)
{
    std::vector<std::string> names;
    const toml::array* array = reader.array(key);
    if (!array)
        return names;
    for (const toml::node& element : *array) {
        const std::optional<std::string> name = element.value<std::string>();
        if (!name)
            throw Error(positionOf(element, reader.file()), reader.dotted(key) + ": expected agent names (strings)");
        if (*name == "*" && allowAll) {
            names.push_back(*name);
        } else if (std::find(kAgentNames.begin(), kAgentNames.end(), *name) != kAgentNames.end()) {
            names.push_back(*name);
        } else {
            reader.warnings().push_back({positionOf(element, reader.file()),
                reader.dotted(key) + ": evograph has no agent \"" + *name + "\" (ignored; its agents: " + knownAgents()
                    + (allowAll ? "; \"*\" for all" : "") + ")"});
        }
    }
    return names;
}
std::string required(TableReader& reader, const std::string& key)
{
    std::optional<std::string> value = reader.string(key);
    if (!value || value->empty())
        reader.fail(key, "is required");
    return *value;
}

// [agents.graph_monitor] watch = [{ path = "incoming/", graph = "ontology" },
// { url = "https://…/ontology.ttl", graph = "ontology", interval_seconds = 300 }]
std::vector<WatchSource> watchSources(TableReader& monitor)
{
    std::vector<WatchSource> sources;
    const toml::array* array = monitor.array("watch");
    if (!array)
        return sources;
    std::size_t index = 0;
    for (const toml::node& element : *array) {
        const std::string path = monitor.dotted("watch") + "[" + std::to_string(index++) + "]";
        const toml::table* table = element.as_table();
        if (!table)
            throw Error(positionOf(element, monitor.file()),
                path + ": expected { path = ..., graph = ... } or { url = ..., graph = ... }");
        TableReader reader(*table, path, monitor.file(), monitor.warnings());
        WatchSource source;
        source.where = reader.position();
        source.path = reader.string("path").value_or("");
        source.url = reader.string("url").value_or("");
        if (source.path.empty() == source.url.empty())
            reader.fail("path", "give exactly one of path (a file or folder) and url");
        if (!source.url.empty() && source.url.rfind("http://", 0) != 0 && source.url.rfind("https://", 0) != 0)
            reader.fail("url", "\"" + source.url + "\": only http:// and https:// URLs are watched");
        source.graph = required(reader, "graph");
        source.interval
            = std::chrono::seconds(reader.integer("interval_seconds", 1, 7 * 86400).value_or(source.interval.count()));
        reader.finish();
        sources.push_back(std::move(source));
    }
    return sources;
}
} // namespace

bool AgentsConfig::isEnabled(const std::string& agent) const
{
    const auto named = [&](const std::vector<std::string>& list) {
        return std::find(list.begin(), list.end(), agent) != list.end();
    };
    if (named(disabled))
        return false;
    const bool all = std::find(enabled.begin(), enabled.end(), "*") != enabled.end();
    return named(enabled) || (all && agent != "recovery_agent");
}

void readPolicyTables(TableReader& root, Config& config)
{
    const toml::table* table = root.table("policies");
    if (!table)
        return;
    TableReader policies(*table, "policies", root.file(), root.warnings());
    setting(policies, config, "version", policies.string("version"));
    setting(policies, config, "enforcement_mode", policies.choice("enforcement_mode", {"strict", "permissive"}));
    if (const toml::table* operationalTable = policies.table("operational")) {
        TableReader operational(*operationalTable, "policies.operational", root.file(), root.warnings());
        for (const char* key : {"require_approval_for_destructive", "auto_approve_read_only", "allow_self_approval"})
            setting(operational, config, key, flag(operational, key));
        if (operational.boolean("audit_all_operations") == false)
            operational.warn(
                "audit_all_operations", "evograph audits every operation and cannot be told not to; false is ignored");
        noteOrigins(operational, config, {"audit_all_operations"});
        operational.finish();
    }
    if (const toml::table* approvalsTable = policies.table("approvals")) {
        TableReader approvals(*approvalsTable, "policies.approvals", root.file(), root.warnings());
        // A relative path is the config file's neighbour, wherever evograph runs.
        std::optional<std::string> signers = approvals.string("allowed_signers");
        if (signers && std::filesystem::path(*signers).is_relative())
            signers = (std::filesystem::path(root.file()).parent_path() / *signers).lexically_normal().string();
        setting(approvals, config, "allowed_signers", signers);
        approvals.finish();
    }
    policies.finish();
}

void readAgentTables(TableReader& root, Config& config)
{
    const toml::table* table = root.table("agents");
    if (!table)
        return;
    TableReader agents(*table, "agents", root.file(), root.warnings());
    AgentsConfig& out = config.agents;
    out.enabled = agentNames(agents, "enabled_agents", true);
    out.disabled = agentNames(agents, "disabled_agents", false);
    noteOrigins(agents, config, {"enabled_agents", "disabled_agents"});
    if (const toml::table* limitsTable = agents.table("resource_limits")) {
        TableReader limits(*limitsTable, "agents.resource_limits", root.file(), root.warnings());
        out.maxCpuPercent
            = static_cast<unsigned>(limits.integer("max_cpu_percent", 1, 100).value_or(out.maxCpuPercent));
        out.maxMemoryMb = static_cast<std::uint64_t>(limits.integer("max_memory_mb", 0, std::int64_t(1) << 32)
                                                         .value_or(static_cast<std::int64_t>(out.maxMemoryMb)));
        out.maxConcurrentOperations
            = static_cast<std::size_t>(limits.integer("max_concurrent_operations", 1, 10000)
                                           .value_or(static_cast<std::int64_t>(out.maxConcurrentOperations)));
        noteOrigins(limits, config, {"max_cpu_percent", "max_memory_mb", "max_concurrent_operations"});
        limits.finish();
    }
    if (const toml::table* monitorTable = agents.table("graph_monitor")) {
        TableReader monitor(*monitorTable, "agents.graph_monitor", root.file(), root.warnings());
        out.watch = watchSources(monitor);
        noteOrigins(monitor, config, {"watch"});
        monitor.finish();
    }
    // The other agents have no settings of their own yet: their tables are read for unknown keys.
    for (const std::string& name : kAgentNames)
        if (name != "graph_monitor")
            if (const toml::table* agentTable = agents.table(name))
                TableReader(*agentTable, "agents." + name, root.file(), root.warnings()).finish();
    agents.finish();
}

void readPerformanceTables(TableReader& root, Config& config)
{
    const toml::table* table = root.table("performance");
    if (!table)
        return;
    TableReader performance(*table, "performance", root.file(), root.warnings());
    AgentsConfig& out = config.agents;
    if (const toml::table* limitsTable = performance.table("rate_limiting")) {
        TableReader limits(*limitsTable, "performance.rate_limiting", root.file(), root.warnings());
        out.globalRunsPerSecond = limits.number("global_requests_per_second", 0, 1e6).value_or(0);
        out.perAgentRunsPerSecond = limits.number("per_agent_requests_per_second", 0, 1e6).value_or(0);
        noteOrigins(limits, config, {"global_requests_per_second", "per_agent_requests_per_second"});
        limits.finish();
    }
    if (const toml::table* timeoutsTable = performance.table("timeouts")) {
        TableReader timeouts(*timeoutsTable, "performance.timeouts", root.file(), root.warnings());
        for (const auto& [key, agent] : {std::pair {"validation_timeout_seconds", "validator"},
                 {"generation_timeout_seconds", "migration_planner"}, {"graph_query_timeout_seconds", "graph_monitor"}})
            if (const auto seconds = timeouts.integer(key, 1, 86400))
                out.timeoutSeconds[agent] = static_cast<std::uint64_t>(*seconds);
        noteOrigins(timeouts, config,
            {"validation_timeout_seconds", "generation_timeout_seconds", "graph_query_timeout_seconds"});
        timeouts.finish();
    }
    performance.finish();
}

void readAlertTables(TableReader& root, Config& config)
{
    const toml::array* array = root.array("alerts");
    if (!array)
        return;
    std::size_t index = 0;
    for (const toml::node& element : *array) {
        const toml::table* table = element.as_table();
        const std::string path = "alerts[" + std::to_string(index++) + "]";
        if (!table)
            throw Error(positionOf(element, root.file()), path + ": expected a table ([[alerts]])");
        TableReader alert(*table, path, root.file(), root.warnings());
        AlertRule rule;
        rule.where = alert.position();
        rule.name = required(alert, "name");
        for (const AlertRule& other : config.alerts)
            if (other.name == rule.name)
                alert.fail("name",
                    "\"" + rule.name + "\" is the name of another alert (at " + formatPosition(other.where)
                        + "); names must be unique");
        rule.expr = parseAlertExpression(required(alert, "expr"), alert.position("expr"));
        if (const auto text = alert.string("for"))
            rule.forDuration = parseDuration(*text, alert.position("for"));
        if (const auto text = alert.string("keep_firing_for"))
            rule.keepFiringFor = parseDuration(*text, alert.position("keep_firing_for"));
        rule.severity = alert.choice("severity", {"info", "warning", "critical"}).value_or(rule.severity);
        if (const toml::table* annotations = alert.table("annotations"))
            for (const auto& [key, value] : *annotations) {
                const std::optional<std::string> text = value.value<std::string>();
                if (!text)
                    throw Error(positionOf(value, root.file()),
                        path + ".annotations." + std::string(key.str()) + ": expected a string");
                rule.annotations[std::string(key.str())] = *text;
            }
        if (const toml::array* actions = alert.array("actions")) {
            rule.actions.clear();
            for (const toml::node& action : *actions) {
                const std::optional<std::string> text = action.value<std::string>();
                if (!text
                    || !(*text == "notify" || text->rfind("webhook:http", 0) == 0 || text->rfind("agent:", 0) == 0))
                    throw Error(positionOf(action, root.file()),
                        path + ".actions: expected \"notify\", \"webhook:URL\" (http or https) or \"agent:NAME\"");
                if (text->rfind("agent:", 0) == 0
                    && std::find(kAgentNames.begin(), kAgentNames.end(), text->substr(6)) == kAgentNames.end())
                    throw Error(positionOf(action, root.file()),
                        path + ".actions: evograph has no agent \"" + text->substr(6)
                            + "\" (its agents: " + knownAgents() + ")");
                rule.actions.push_back(*text);
            }
        }
        alert.finish();
        config.alerts.push_back(std::move(rule));
    }
}

void readMonitoringAndBackup(TableReader& root, Config& config)
{
    if (const toml::table* table = root.table("monitoring")) {
        TableReader monitoring(*table, "monitoring", root.file(), root.warnings());
        MonitoringConfig& out = config.monitoring;
        out.enabled = monitoring.boolean("enabled").value_or(out.enabled);
        out.healthCheckIntervalSeconds
            = static_cast<std::uint64_t>(monitoring.integer("health_check_interval_seconds", 1, 86400)
                                             .value_or(static_cast<std::int64_t>(out.healthCheckIntervalSeconds)));
        out.metricsExportIntervalSeconds
            = static_cast<std::uint64_t>(monitoring.integer("metrics_export_interval_seconds", 1, 86400)
                                             .value_or(static_cast<std::int64_t>(out.metricsExportIntervalSeconds)));
        noteOrigins(
            monitoring, config, {"enabled", "health_check_interval_seconds", "metrics_export_interval_seconds"});
        monitoring.finish();
    }
    if (const toml::table* table = root.table("backup")) {
        TableReader backup(*table, "backup", root.file(), root.warnings());
        BackupConfig& out = config.backup;
        out.enabled = backup.boolean("enabled").value_or(out.enabled);
        out.intervalHours = backup.number("interval_hours", 1.0 / 60, 24 * 365).value_or(out.intervalHours);
        out.retentionDays = static_cast<std::uint64_t>(
            backup.integer("retention_days", 1, 36500).value_or(static_cast<std::int64_t>(out.retentionDays)));
        if (std::optional<std::string> destination = backup.string("destination")) {
            if (destination->rfind("file://", 0) == 0)
                destination->erase(0, 7);
            else if (const std::size_t scheme = destination->find("://"); scheme != std::string::npos)
                backup.fail("destination",
                    "\"" + *destination + "\": evograph keeps backups in a local folder; "
                        + destination->substr(0, scheme)
                        + ":// destinations are not supported. Write a path, e.g. destination = "
                          "\"/var/backups/evograph\", and copy that folder off-site with your backup tool");
            out.destination = *destination;
        }
        noteOrigins(backup, config, {"enabled", "interval_hours", "retention_days", "destination"});
        backup.finish();
    }
}

} // namespace evograph::config
