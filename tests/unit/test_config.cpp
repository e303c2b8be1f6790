// The one config file: typed tables, FILE:LINE:COL errors, warnings for unknown keys.
#include "evograph/config/config.h"
#include "evograph/migrate/migration.h"

#include "config_errors.h"

#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace evograph;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("config: providers, routing and the response cache are read with their defaults", "[config]")
{
    const config::Config c = config::parseConfig(R"(
[ai.providers.local]
kind = "openai"
url = "http://127.0.0.1:8080/v1/"
model = "nomic-embed-text"
dimensions = 384
api_key_env = "LOCAL_KEY"
requests_per_second = 5

[ai.providers.lab]
kind = "ollama"
url = "http://127.0.0.1:11434"
model = "all-minilm"
timeout_seconds = 2.5

[ai.routing]
[[ai.routing.rules]]
condition = "request.tokens < 1000"
provider = "lab"
[[ai.routing.rules]]
condition = "default"
provider = "local"

[cache.ai_responses]
max_size_mb = 64
ttl_seconds = 60
hash_algorithm = "sha256"
)",
        "evograph.toml");
    REQUIRE(c.providers.size() == 2);
    const config::ProviderConfig& local = c.providers.at("local");
    CHECK(local.kind == config::ProviderKind::OpenAi);
    CHECK(local.url == "http://127.0.0.1:8080/v1"); // the trailing slash goes
    CHECK(local.dimensions == 384);
    CHECK(local.apiKeyEnv == "LOCAL_KEY");
    CHECK(local.requestsPerSecond == 5);
    CHECK(local.maxRetries == 4);
    CHECK(local.where.line == 2);
    CHECK(c.providers.at("lab").kind == config::ProviderKind::Ollama);
    CHECK(c.providers.at("lab").timeoutSeconds == 2.5);
    REQUIRE(c.routing.rules.size() == 2);
    CHECK(c.routing.rules[0].matches(999, 1));
    CHECK_FALSE(c.routing.rules[0].matches(1000, 1));
    CHECK(c.routing.rules[1].matches(1'000'000, 1));
    CHECK(c.aiResponses.maxSizeMb == 64);
    CHECK(c.aiResponses.ttlSeconds == 60);
    CHECK(c.warnings.empty());
    CHECK(c.provider("builtin") == nullptr);
    CHECK_THROWS_WITH(c.provider("nope"), ContainsSubstring("no provider \"nope\"") && ContainsSubstring("local"));
}

TEST_CASE("config: wrong types and values are errors at FILE:LINE:COL naming the key", "[config]")
{
    CHECK_THAT(test::configError(
                   "[ai.providers.x]\nkind = \"openai\"\nurl = \"http://h\"\nmodel = \"m\"\ndimensions = \"384\"\n"),
        ContainsSubstring("evograph.toml:5:14: error: ai.providers.x.dimensions: expected an integer, found a string"));
    CHECK_THAT(test::configError("[ai.providers.x]\nkind = \"grpc\"\n"),
        ContainsSubstring("evograph.toml:2:8") && ContainsSubstring("\"grpc\" is not one of \"openai\", \"ollama\""));
    CHECK_THAT(test::configError("[ai.providers.x]\nkind = \"openai\"\nurl = \"ftp://h\"\nmodel = \"m\"\n"),
        ContainsSubstring(":3:7") && ContainsSubstring("no http:// or https:// URL"));
    CHECK_THAT(test::configError(
                   "[ai.providers.x]\nkind = \"openai\"\nurl = \"http://h\"\nmodel = \"m\"\napi_key = \"sk-1\"\n"),
        ContainsSubstring("keys never go in the config file"));
    CHECK_THAT(test::configError("[ai.providers.x]\nkind = \"openai\"\nurl = \"http://h\"\n"),
        ContainsSubstring("model: missing"));
    CHECK_THAT(test::configError(
                   "[[ai.routing.rules]]\ncondition = \"request.requires_high_quality\"\nprovider = \"builtin\"\n"),
        ContainsSubstring(":2:13") && ContainsSubstring("no condition evograph knows"));
    CHECK_THAT(test::configError("[[ai.routing.rules]]\ncondition = \"default\"\nprovider = \"anthropic\"\n"),
        ContainsSubstring("no provider \"anthropic\" is configured"));
    CHECK_THAT(test::configError("[cache.ai_responses]\nhash_algorithm = \"md5\"\n"),
        ContainsSubstring("\"md5\" is not one of \"sha256\""));
    CHECK_THAT(test::configError("[cache.ai_responses]\nmax_size_mb = -1\n"), ContainsSubstring("out of range"));
    CHECK_THAT(test::configError("[ai\nkind = 1\n"), ContainsSubstring("evograph.toml:1:"));
}

TEST_CASE("config: keys evograph does not know are warnings with their position and what is known", "[config]")
{
    const config::Config c = config::parseConfig("[cache]\nenabled = true\n[cache.template]\nmax_size_mb = "
                                                 "500\n[cache.ai_responses]\nmax_size_mb = 10\nevict = \"lfu\"\n",
        "seed.toml");
    REQUIRE(c.warnings.size() == 2);
    CHECK(
        config::formatWarning(c.warnings[0]).find("seed.toml:7:1: warning: unknown key cache.ai_responses.evict") == 0);
    CHECK_THAT(c.warnings[0].message, ContainsSubstring("knows") && ContainsSubstring("max_size_mb"));
    CHECK(c.warnings[1].where.line == 3);
    CHECK_THAT(c.warnings[1].message, ContainsSubstring("cache.template"));
    CHECK(c.aiResponses.maxSizeMb == 10);
}

TEST_CASE("config: --config FILE, else $XDG_CONFIG_HOME/evograph/evograph.toml, else the defaults", "[config]")
{
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "evograph-config-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "evograph");
    setenv("XDG_CONFIG_HOME", dir.c_str(), 1);
    CHECK(config::defaultConfigPath() == dir / "evograph" / "evograph.toml");
    CHECK(config::loadConfig().file.empty()); // no file: the defaults
    std::ofstream(dir / "evograph" / "evograph.toml") << "[cache.ai_responses]\nmax_size_mb = 7\n";
    CHECK(config::loadConfig().aiResponses.maxSizeMb == 7);
    std::ofstream(dir / "other.toml") << "[cache.ai_responses]\nmax_size_mb = 9\n";
    CHECK(config::loadConfig(dir / "other.toml").aiResponses.maxSizeMb == 9);
    CHECK_THROWS_WITH(config::loadConfig(dir / "missing.toml"), ContainsSubstring("missing.toml: error: cannot read"));
    unsetenv("XDG_CONFIG_HOME");
    std::filesystem::remove_all(dir);
}

TEST_CASE("config: policies override the workspace's settings; agents enabled by name or \"*\"", "[config]")
{
    const config::Config c = config::parseConfig(R"([policies]
enforcement_mode = "permissive"
[policies.operational]
allow_self_approval = true
audit_all_operations = false
[agents]
enabled_agents = ["*"]
disabled_agents = ["validator"]
[agents.resource_limits]
max_concurrent_operations = 3
[backup]
enabled = true
destination = "file:///srv/evograph-backups"
)",
        "ops.toml");
    const auto settings = config::effectiveSettings(
        {{"policies.enforcement_mode", "strict"}, {"policies.operational.auto_approve_read_only", "false"}}, c);
    CHECK(settings.at("policies.enforcement_mode") == "permissive"); // the file wins
    CHECK(settings.at("policies.operational.auto_approve_read_only") == "false"); // the workspace's, unset in the file
    CHECK(settings.at("policies.operational.allow_self_approval") == "true");
    CHECK(c.policies.at("policies.enforcement_mode").where.line == 2);
    REQUIRE(c.warnings.size() == 1);
    CHECK(config::formatWarning(c.warnings[0])
        == "ops.toml:5:24: warning: policies.operational.audit_all_operations: evograph audits every operation and "
           "cannot be told not to; false is ignored");
    CHECK(c.agents.isEnabled("graph_monitor"));
    CHECK_FALSE(c.agents.isEnabled("validator")); // disabled wins
    CHECK_FALSE(c.agents.isEnabled("recovery_agent")); // destructive: only when named
    CHECK(c.agents.maxConcurrentOperations == 3);
    CHECK(c.backup.destination == "/srv/evograph-backups");

    const auto shown
        = config::showSettings(c, {{"policies.enforcement_mode", "strict"}}, policy::Policy::defaultSettings());
    const auto mode = std::find_if(
        shown.begin(), shown.end(), [](const config::ShownSetting& s) { return s.key == "policies.enforcement_mode"; });
    REQUIRE(mode != shown.end());
    CHECK(mode->source == "ops.toml:2:20 (overrides the workspace's strict)");
}

TEST_CASE("config: a remote backup destination is an error saying what to write", "[config]")
{
    CHECK_THAT(test::configError("[backup]\ndestination = \"s3://bucket/x\"\n"),
        ContainsSubstring(
            "evograph.toml:2:15: error: backup.destination: \"s3://bucket/x\": evograph keeps backups in a "
            "local folder; s3:// destinations are not supported"));
    CHECK_THAT(test::configError("[agents]\nenabled_agents = [1]\n"),
        ContainsSubstring("evograph.toml:2:19: error: agents.enabled_agents: expected agent names"));
}
