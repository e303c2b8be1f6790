// evograph cache stats|clear: the providers' response cache ([cache.ai_responses]).
#include "cli_config.h"
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/embed/response_cache.h"

#include <cstdio>
#include <iostream>

namespace evograph::cli {

namespace {
struct CacheOptions {
    std::string type = "embeddings", format = "text", configPath;
};

std::string percent(double x)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.1f%%", 100 * x);
    return text;
}
} // namespace

void addCacheCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<CacheOptions>();
    auto* group = app.add_subcommand("cache", "The cache of the embedding providers' answers");
    group->require_subcommand(1);
    const auto common = [&](CLI::App* c) {
        c->add_option("--type", o->type, "embeddings (the only type so far)")->check(CLI::IsMember({"embeddings"}));
        addConfigOption(*c, o->configPath);
    };

    auto* stats = group->add_subcommand("stats", "Hit rate, size, evictions and lookup time");
    common(stats);
    stats->add_option("--format", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    stats->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            embed::ResponseCache cache(config.aiResponses);
            const embed::CacheStats s = cache.stats();
            if (o->format == "json") {
                printJson({{"type", o->type}, {"path", cache.path().string()}, {"enabled", config.aiResponses.enabled},
                    {"entries", s.entries}, {"bytes", s.bytes}, {"max_bytes", s.maxBytes}, {"hits", s.hits},
                    {"misses", s.misses}, {"hit_rate", s.hitRate()}, {"evictions", s.evictions},
                    {"average_lookup_ms", s.averageLookupMs}});
                return kOk;
            }
            char lookup[32];
            std::snprintf(lookup, sizeof lookup, "%.3fms", s.averageLookupMs);
            std::cout << "Embeddings Cache (" << cache.path().string()
                      << (config.aiResponses.enabled ? "" : ", disabled") << "):\n"
                      << "  Hit Rate: " << percent(s.hitRate()) << "\n"
                      << "  Miss Rate: " << percent(s.hits + s.misses ? 1 - s.hitRate() : 0) << "\n"
                      << "  Size: " << humanBytes(s.bytes) << " / " << humanBytes(s.maxBytes) << " (" << s.entries
                      << " entries)\n"
                      << "  Evictions: " << s.evictions << "\n"
                      << "  Avg Lookup Time: " << lookup << "\n";
            return kOk;
        });
    });

    auto* clear = group->add_subcommand("clear", "Remove every cached answer and reset the counters");
    common(clear);
    clear->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const config::Config config = loadCliConfig(o->configPath);
            embed::ResponseCache cache(config.aiResponses);
            const std::uint64_t entries = cache.stats().entries;
            cache.clear();
            std::cout << "cleared " << entries << " cached " << o->type << " (" << cache.path().string() << ")\n";
            return kOk;
        });
    });
}

} // namespace evograph::cli
