#include "ai_config.h"

#include <regex>

namespace evograph::config {

namespace {
constexpr double kMaxSeconds = 24 * 3600;

ProviderConfig readProvider(const std::string& name, const toml::table& table, TableReader& parent)
{
    TableReader reader(table, parent.dotted(name), parent.file(), parent.warnings());
    ProviderConfig p;
    p.name = name;
    p.where = reader.position();
    if (name == kBuiltinProvider)
        throw Error(
            p.where, reader.path() + ": \"builtin\" is evograph's own embedder; give the provider another name");
    const std::optional<std::string> kind = reader.choice("kind", {"openai", "ollama"});
    if (!kind)
        reader.fail("kind", "missing: write kind = \"openai\" (OpenAI-compatible /v1/embeddings) or \"ollama\"");
    p.kind = *kind == "ollama" ? ProviderKind::Ollama : ProviderKind::OpenAi;
    const std::optional<std::string> url = reader.string("url");
    if (!url || url->empty())
        reader.fail("url", "missing: the provider's base URL, e.g. \"http://127.0.0.1:8080/v1\"");
    if (url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0)
        reader.fail("url", "\"" + *url + "\" is no http:// or https:// URL");
    p.url = *url;
    while (!p.url.empty() && p.url.back() == '/')
        p.url.pop_back();
    const std::optional<std::string> model = reader.string("model");
    if (!model || model->empty())
        reader.fail("model", "missing: the model the provider serves");
    p.model = *model;
    p.dimensions = static_cast<std::size_t>(reader.integer("dimensions", 1, 65536).value_or(0));
    if (std::optional<std::string> env = reader.string("api_key_env")) {
        if (!std::regex_match(*env, std::regex("[A-Za-z_][A-Za-z0-9_]*")))
            reader.fail("api_key_env",
                "\"" + *env + "\" is no environment variable name (the key itself never goes in the file)");
        p.apiKeyEnv = *env;
    }
    if (reader.has("api_key"))
        reader.fail("api_key",
            "keys never go in the config file: put the key in an environment variable and name it in api_key_env");
    p.caFile = reader.string("ca_file").value_or("");
    p.connectTimeoutSeconds
        = reader.number("connect_timeout_seconds", 0.001, kMaxSeconds).value_or(p.connectTimeoutSeconds);
    p.timeoutSeconds = reader.number("timeout_seconds", 0.001, kMaxSeconds).value_or(p.timeoutSeconds);
    p.maxRetries = static_cast<unsigned>(reader.integer("max_retries", 0, 20).value_or(p.maxRetries));
    p.requestsPerSecond = reader.number("requests_per_second", 0, 1e6).value_or(0);
    p.maxBatch = static_cast<std::size_t>(reader.integer("max_batch", 1, 1 << 16).value_or(64));
    p.maxBatchBytes = static_cast<std::size_t>(reader.integer("max_batch_bytes", 1024, 1 << 30).value_or(256 * 1024));
    reader.finish();
    return p;
}

RoutingRule readRule(const toml::table& table, const std::string& path, TableReader& parent, const Config& config)
{
    TableReader reader(table, path, parent.file(), parent.warnings());
    RoutingRule rule;
    rule.where = reader.position();
    const std::optional<std::string> condition = reader.string("condition");
    if (!condition)
        reader.fail("condition", "missing: \"default\", or e.g. \"request.tokens < 1000\"");
    static const std::regex comparison(R"(\s*request\.(tokens|texts)\s*(<=|>=|<|>)\s*([0-9]+(\.[0-9]+)?)\s*)");
    std::smatch m;
    if (*condition == "default") {
        rule.measure = RoutingRule::Measure::Always;
    } else if (std::regex_match(*condition, m, comparison)) {
        rule.measure = m[1] == "tokens" ? RoutingRule::Measure::Tokens : RoutingRule::Measure::Texts;
        const std::string op = m[2];
        rule.comparison = op == "<" ? RoutingRule::Comparison::Less
            : op == "<="            ? RoutingRule::Comparison::LessOrEqual
            : op == ">"             ? RoutingRule::Comparison::Greater
                                    : RoutingRule::Comparison::GreaterOrEqual;
        rule.value = std::stod(m[3]);
    } else {
        reader.fail("condition",
            "\"" + *condition
                + "\" is no condition evograph knows: \"default\", or request.tokens or request.texts compared with "
                  "<, <=, > or >= to a number");
    }
    const std::optional<std::string> provider = reader.string("provider");
    if (!provider)
        reader.fail("provider", "missing: the provider this rule chooses");
    if (*provider != kBuiltinProvider && !config.providers.count(*provider))
        reader.fail("provider", "no provider \"" + *provider + "\" is configured ([ai.providers." + *provider + "])");
    rule.provider = *provider;
    reader.finish();
    return rule;
}

void readRouting(const toml::table& table, TableReader& ai, Config& config)
{
    TableReader reader(table, "ai.routing", ai.file(), ai.warnings());
    config.routing.strategy
        = reader.choice("strategy", {"quality-first", "cost-first", "latency-first", "balanced"}).value_or("balanced");
    if (reader.has("strategy"))
        reader.warn("strategy", "evograph routes by the rules, first match first; the strategy is not used");
    if (const toml::array* rules = reader.array("rules")) {
        std::size_t i = 0;
        for (const toml::node& node : *rules) {
            const std::string path = "ai.routing.rules[" + std::to_string(i++) + "]";
            if (!node.is_table())
                throw Error(positionOf(node, ai.file()), path + ": expected a table ([[ai.routing.rules]])");
            config.routing.rules.push_back(readRule(*node.as_table(), path, reader, config));
        }
    }
    reader.finish();
}
} // namespace

void readAiTables(TableReader& root, Config& config)
{
    const toml::table* aiTable = root.table("ai");
    if (!aiTable)
        return;
    TableReader ai(*aiTable, "ai", root.file(), root.warnings());
    if (const toml::table* providers = ai.table("providers")) {
        TableReader list(*providers, "ai.providers", root.file(), root.warnings());
        for (auto&& [key, value] : *providers) {
            const std::string name(key.str());
            if (!list.table(name))
                continue;
            config.providers.emplace(name, readProvider(name, *value.as_table(), list));
        }
    }
    if (const toml::table* routing = ai.table("routing"))
        readRouting(*routing, ai, config);
    ai.finish();
}

void readCacheTables(TableReader& root, Config& config)
{
    const toml::table* cacheTable = root.table("cache");
    if (!cacheTable)
        return;
    TableReader cache(*cacheTable, "cache", root.file(), root.warnings());
    const bool enabled = cache.boolean("enabled").value_or(true);
    config.aiResponses.enabled = enabled;
    if (const toml::table* responses = cache.table("ai_responses")) {
        TableReader reader(*responses, "cache.ai_responses", root.file(), root.warnings());
        config.aiResponses.enabled = enabled && reader.boolean("enabled").value_or(true);
        config.aiResponses.maxSizeMb
            = static_cast<std::uint64_t>(reader.integer("max_size_mb", 1, 1 << 20).value_or(1024));
        config.aiResponses.ttlSeconds = static_cast<std::uint64_t>(
            reader.integer("ttl_seconds", 0, std::int64_t(10) * 365 * 86400).value_or(1800));
        reader.choice("hash_algorithm", {"sha256"});
        config.aiResponses.path = reader.string("path").value_or("");
        reader.finish();
    }
    cache.finish();
}

} // namespace evograph::config
