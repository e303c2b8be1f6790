#pragma once
// Internal to the config loader: the tables of running evograph, [policies], [agents],
// [monitoring] and [backup] (the seed's pilot.toml and production.toml).
#include "config_reader.h"

namespace evograph::config {

// [policies] and [policies.operational].
void readPolicyTables(TableReader& root, Config& config);
// [agents] and [agents.resource_limits].
void readAgentTables(TableReader& root, Config& config);
// [performance], [performance.rate_limiting], [performance.timeouts].
void readPerformanceTables(TableReader& root, Config& config);
// [[alerts]].
void readAlertTables(TableReader& root, Config& config);
// [monitoring] and [backup].
void readMonitoringAndBackup(TableReader& root, Config& config);

} // namespace evograph::config
