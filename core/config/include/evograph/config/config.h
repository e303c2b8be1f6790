#pragma once
// evograph's one configuration file, TOML: `--config FILE`, else
// $XDG_CONFIG_HOME/evograph/evograph.toml (~/.config/evograph/evograph.toml when XDG_CONFIG_HOME
// is unset). Without a file the defaults apply. Every front end loads it with loadConfig() and
// every domain finds its settings in the one Config it returns.
//
// Wrong types and values are errors naming FILE:LINE:COL and the key (evograph::Error); keys
// evograph does not know are warnings with the same position, kept in Config::warnings for the
// front end to print.

#include "evograph/config/alert_rule.h"
#include "evograph/error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace evograph::config {

struct ConfigWarning {
    SourcePosition where;
    std::string message;
};

// "FILE:LINE:COL: warning: MESSAGE".
std::string formatWarning(const ConfigWarning& warning);

// An embedding service reached over HTTP: [ai.providers.NAME].
enum class ProviderKind : std::uint8_t { OpenAi, Ollama };

struct ProviderConfig {
    std::string name;
    ProviderKind kind = ProviderKind::OpenAi; // kind = "openai" | "ollama"
    std::string url; // base URL: "http://127.0.0.1:8080/v1" (openai), "http://127.0.0.1:11434" (ollama)
    std::string model;
    std::size_t dimensions = 0; // 0: whatever the model gives (then the same for every answer)
    std::string apiKeyEnv; // the environment variable holding the key; never the key itself
    std::string caFile; // extra CA bundle for TLS; verification is always on
    double connectTimeoutSeconds = 10;
    double timeoutSeconds = 60; // per request, all retries aside
    unsigned maxRetries = 4;
    double requestsPerSecond = 0; // 0: no limit
    std::size_t maxBatch = 64; // texts per request
    std::size_t maxBatchBytes = 256 * 1024; // text bytes per request
    SourcePosition where;
};

// [[ai.routing.rules]]: the first rule whose condition holds names the provider. Conditions:
// "default", or "request.tokens" / "request.texts" compared (<, <=, >, >=) with a number.
struct RoutingRule {
    enum class Measure : std::uint8_t { Always, Tokens, Texts };
    enum class Comparison : std::uint8_t { Less, LessOrEqual, Greater, GreaterOrEqual };
    Measure measure = Measure::Always;
    Comparison comparison = Comparison::Less;
    double value = 0;
    std::string provider;
    SourcePosition where;

    bool matches(std::size_t tokens, std::size_t texts) const;
};

struct RoutingConfig {
    std::string strategy = "balanced";
    std::vector<RoutingRule> rules;
};

// [cache.ai_responses]: answers of the HTTP providers, kept in the user's cache folder.
struct ResponseCacheConfig {
    bool enabled = true;
    std::uint64_t maxSizeMb = 1024;
    std::uint64_t ttlSeconds = 1800;
    std::string path; // empty: $XDG_CACHE_HOME/evograph/ai-responses.sqlite
};

// A value the file set, and where: the policies override the workspace's settings of the same
// dotted name ("policies.enforcement_mode", "policies.operational.auto_approve_read_only", ...).
struct SettingValue {
    std::string value; // as a workspace setting holds it: "strict", "true", ...
    SourcePosition where;
};

// The agents evograph has; [agents] enabled_agents / disabled_agents name them ("*": all).
inline const std::vector<std::string> kAgentNames {"graph_monitor", "validator", "migration_planner",
    "snapshot_scheduler", "metrics_collector", "security_agent", "recovery_agent"};

// [agents.graph_monitor] watch = [...]: where new versions of a graph come from. A relative path
// is taken from the config file's folder (the current one without a file).
struct WatchSource {
    std::string path; // a file, or a folder whose RDF files are each a new version
    std::string url; // or an http(s) URL, asked every `interval` with ETag / Last-Modified
    std::string graph;
    std::chrono::seconds interval {300};
    SourcePosition where;
};

// [agents], [agents.resource_limits] and the agents' own tables [agents.NAME].
struct AgentsConfig {
    std::vector<std::string> enabled; // names; "*" for every agent
    std::vector<std::string> disabled; // wins over enabled
    std::size_t maxConcurrentOperations = 4;
    std::uint64_t maxMemoryMb = 0; // 0: no ceiling; above it new runs are refused
    unsigned maxCpuPercent = 100;
    std::vector<WatchSource> watch; // [agents.graph_monitor]
    // [performance.rate_limiting]: agent runs started per second (0: no limit), all agents
    // together (global_requests_per_second) and each (per_agent_requests_per_second).
    double globalRunsPerSecond = 0, perAgentRunsPerSecond = 0;
    // [performance.timeouts]: a run longer than this is cancelled and counts as a failure (0:
    // none). validation_timeout_seconds: validator; generation_timeout_seconds:
    // migration_planner; graph_query_timeout_seconds: graph_monitor.
    std::map<std::string, std::uint64_t> timeoutSeconds; // agent -> seconds

    // recovery_agent runs only when named (not by "*"): it is destructive.
    bool isEnabled(const std::string& agent) const;
};

// [monitoring].
struct MonitoringConfig {
    bool enabled = true;
    std::uint64_t healthCheckIntervalSeconds = 30;
    std::uint64_t metricsExportIntervalSeconds = 60;
};

// [backup]: scheduled snapshots of the workspace, kept in a local folder.
struct BackupConfig {
    bool enabled = false;
    double intervalHours = 24;
    std::uint64_t retentionDays = 30;
    std::string destination; // a local folder; empty: the workspace's own snapshots only
};

struct Config {
    std::string file; // empty when no file was read
    std::map<std::string, ProviderConfig> providers;
    RoutingConfig routing;
    ResponseCacheConfig aiResponses;
    std::map<std::string, SettingValue>
        policies; // [policies], [policies.operational]: workspace settings they override
    AgentsConfig agents;
    MonitoringConfig monitoring;
    BackupConfig backup;
    std::vector<AlertRule> alerts; // [[alerts]]
    std::map<std::string, SourcePosition> origins; // where each key the file set is, by dotted name
    std::vector<ConfigWarning> warnings;

    // The provider NAME, "builtin" being evograph's own (nullptr); throws evograph::Error naming
    // the configured providers when there is no such provider.
    const ProviderConfig* provider(const std::string& name) const;
};

// The workspace's settings with the config file's [policies] laid over them: what the one policy
// gate (migrations, agents, the studio) decides by.
std::map<std::string, std::string> effectiveSettings(
    std::map<std::string, std::string> workspaceSettings, const Config& config);

// Every setting the file can hold with its effective value and where that came from ("default",
// FILE:LINE:COL, or "workspace" for a policy the workspace sets and the file does not), for
// `evograph config show`. `policyDefaults`: the gate's own (policy::Policy::defaultSettings()).
struct ShownSetting {
    std::string key, value, source;
};
std::vector<ShownSetting> showSettings(const Config& config,
    const std::map<std::string, std::string>& workspaceSettings, std::map<std::string, std::string> policyDefaults);

// The name of evograph's own embedder, always there, never configured as a provider.
inline constexpr const char* kBuiltinProvider = "builtin";

// $XDG_CONFIG_HOME/evograph/evograph.toml (or ~/.config/...).
std::filesystem::path defaultConfigPath();

// Reads `file`; with an empty path, the default path when that file exists, else the defaults.
// Throws evograph::Error (FILE:LINE:COL) for a syntax error, a wrong type or a wrong value.
Config loadConfig(const std::filesystem::path& file = {});
// The same from text (tests, `config check` of stdin); `name` appears in messages.
Config parseConfig(std::string_view text, const std::string& name);

} // namespace evograph::config
