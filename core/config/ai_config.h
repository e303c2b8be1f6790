#pragma once
// Internal to the config loader: the tables the embeddings own, [ai.*] and [cache.*].
#include "config_reader.h"

namespace evograph::config {

// [ai.providers.NAME] and [ai.routing] (with [[ai.routing.rules]]).
void readAiTables(TableReader& root, Config& config);
// [cache] (enabled) and [cache.ai_responses].
void readCacheTables(TableReader& root, Config& config);

} // namespace evograph::config
