#pragma once
// The workspace file's schema and its upgrade path. The version lives in PRAGMA user_version;
// each step upgrades from one version to the next inside the caller's transaction, so a file is
// at one version or the next, never between.

#include "evograph/workspace/sqlite.h"

namespace evograph::workspace {

inline constexpr int kSchemaVersion = 8;

// Creates the schema up to `version` (kSchemaVersion by default) in an empty database. Tests pass
// an older version to make the files that earlier releases wrote.
void createSchema(sql::Connection& db, int version = kSchemaVersion);

// The file's schema version (0 for an empty database).
int schemaVersion(sql::Connection& db);

// Brings an older file up to kSchemaVersion; refuses a newer one with a message naming both.
void upgradeSchema(sql::Connection& db);

} // namespace evograph::workspace
