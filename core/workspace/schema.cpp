#include "schema.h"

#include "evograph/error.h"

#include <array>
#include <string>

namespace evograph::workspace {

namespace {
// Step i takes a file from version i to version i + 1. Never edit a released step: add one.
constexpr std::array<const char*, kSchemaVersion> kSteps = {
    // 0 -> 1: the first release.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- A graph's content, addressed by the SHA-256 of its RDFC-1.0 canonical N-Quads. Stored whole
-- ('nquads') or as an RDF Patch against `base` ('patch'); `depth` patches lie between it and
-- the nearest whole content. `data` is zstd-compressed; `data_hash` is its SHA-256.
CREATE TABLE contents(
  hash TEXT PRIMARY KEY,
  triples INTEGER NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('nquads', 'patch')),
  base TEXT REFERENCES contents(hash),
  depth INTEGER NOT NULL,
  raw_size INTEGER NOT NULL,
  data BLOB NOT NULL,
  data_hash TEXT NOT NULL);
CREATE TABLE graphs(
  name TEXT PRIMARY KEY,
  head INTEGER REFERENCES versions(id),
  created_at TEXT NOT NULL);
CREATE TABLE versions(
  id INTEGER PRIMARY KEY,
  graph TEXT NOT NULL REFERENCES graphs(name),
  seq INTEGER NOT NULL,
  label TEXT NOT NULL,
  content TEXT NOT NULL REFERENCES contents(hash),
  triples INTEGER NOT NULL,
  added INTEGER,
  removed INTEGER,
  prefixes TEXT NOT NULL,
  ontology_versions TEXT NOT NULL,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  user TEXT NOT NULL,
  UNIQUE (graph, seq));
CREATE TABLE snapshots(
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  user TEXT NOT NULL,
  name TEXT NOT NULL,
  tags TEXT NOT NULL,
  manifest TEXT NOT NULL,
  manifest_hash TEXT NOT NULL);
CREATE TABLE snapshot_contents(
  snapshot TEXT NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  graph TEXT NOT NULL,
  content TEXT NOT NULL REFERENCES contents(hash),
  PRIMARY KEY (snapshot, graph));
CREATE INDEX snapshot_contents_by_content ON snapshot_contents(content);
-- Hash-chained: hash = SHA-256 of prev_hash and the record's fields (audit_log.cpp).
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  operation TEXT NOT NULL,
  target TEXT NOT NULL,
  before_state TEXT NOT NULL,
  after_state TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
)sql",
    // 1 -> 2: workspace settings (snapshots carry those that are not secret) and the time and
    // depth of each snapshot's last verification.
    R"sql(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL, secret INTEGER NOT NULL DEFAULT 0);
ALTER TABLE snapshots ADD COLUMN verified_at TEXT;
ALTER TABLE snapshots ADD COLUMN verified_mode TEXT;
)sql",
    // 2 -> 3: migrations. Reviewers' decisions, bound to a plan's hash, and the journal of
    // applied and rolled-back migrations with what undoes each.
    R"sql(
CREATE TABLE approvals(
  id INTEGER PRIMARY KEY,
  plan_hash TEXT NOT NULL,
  plan_name TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  reviewer TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  comment TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX approvals_by_plan ON approvals(plan_hash);
CREATE TABLE operations(
  id TEXT PRIMARY KEY,
  correlation_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('apply', 'rollback')),
  status TEXT NOT NULL CHECK (status IN ('applied', 'failed', 'rolled_back', 'done')),
  plan_hash TEXT NOT NULL,
  plan_name TEXT NOT NULL,
  plan_text TEXT NOT NULL,
  pre_snapshot TEXT NOT NULL,
  before_state TEXT NOT NULL,
  after_state TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  user TEXT NOT NULL,
  steps TEXT NOT NULL,
  graphs TEXT NOT NULL,
  rolls_back TEXT REFERENCES operations(id),
  approval TEXT NOT NULL,
  error TEXT NOT NULL);
CREATE INDEX operations_by_correlation ON operations(correlation_id);
)sql",
    // 3 -> 4: artifacts derived from a graph version (a vector index of its terms), kept beside
    // the version they were built from. `data` is zstd-compressed; `data_hash` is the SHA-256 of
    // the uncompressed bytes.
    R"sql(
CREATE TABLE artifacts(
  version INTEGER NOT NULL REFERENCES versions(id),
  name TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  data_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  user TEXT NOT NULL,
  PRIMARY KEY (version, name));
)sql",
    // 4 -> 5: agents. A checkpoint is an agent's cursor (what it has seen), so a restart neither
    // repeats nor skips work; an action is what an agent did or, where the policy gate did not let
    // it, proposed (each also in the audit log).
    R"sql(
CREATE TABLE agent_checkpoints(
  agent TEXT PRIMARY KEY,
  cursor TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE agent_actions(
  id INTEGER PRIMARY KEY,
  agent TEXT NOT NULL,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  class TEXT NOT NULL,
  target TEXT NOT NULL,
  decision TEXT NOT NULL,
  reason TEXT NOT NULL,
  details TEXT NOT NULL);
CREATE INDEX agent_actions_by_agent ON agent_actions(agent, id);
)sql",
    // 5 -> 6: what `serve` last knew of each agent (for `agents status` and the studio from another
    // process), and every state change of an alert rule.
    R"sql(
CREATE TABLE agent_status(
  agent TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  updated_at TEXT NOT NULL);
CREATE TABLE alert_history(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  state TEXT NOT NULL,
  severity TEXT NOT NULL,
  value REAL NOT NULL,
  at TEXT NOT NULL,
  annotations TEXT NOT NULL);
CREATE INDEX alert_history_by_name ON alert_history(name, id);
)sql",
    // 6 -> 7: the engine's metrics over time (metrics_collector), down-sampled as they age.
    R"sql(
CREATE TABLE metric_samples(
  metric TEXT NOT NULL,
  resolution INTEGER NOT NULL,
  at INTEGER NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (metric, resolution, at));
CREATE INDEX metric_samples_by_time ON metric_samples(at);
)sql",
    // 7 -> 8: graphs bound to a remote store's named graph (the store holds the live data; the
    // workspace its history and what the store held when last read or written), and the journal
    // of pushes, batch by batch, so an interrupted one resumes. No password is ever stored.
    R"sql(
CREATE TABLE remotes(
  graph TEXT PRIMARY KEY,
  endpoint TEXT NOT NULL,
  update_endpoint TEXT NOT NULL,
  gsp TEXT NOT NULL,
  graph_iri TEXT NOT NULL,
  user TEXT NOT NULL,
  password_env TEXT NOT NULL,
  known_content TEXT NOT NULL,
  known_version INTEGER NOT NULL,
  known_value_hash TEXT NOT NULL,
  bound_at TEXT NOT NULL);
CREATE TABLE remote_pushes(
  id INTEGER PRIMARY KEY,
  graph TEXT NOT NULL,
  base_content TEXT NOT NULL,
  target_content TEXT NOT NULL,
  target_version INTEGER NOT NULL,
  batch_size INTEGER NOT NULL,
  batches INTEGER NOT NULL,
  batches_sent INTEGER NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT);
CREATE INDEX remote_pushes_by_graph ON remote_pushes(graph, id);
)sql",
};

void runSteps(sql::Connection& db, int from, int to)
{
    for (int version = from; version < to; ++version)
        db.execute(kSteps[static_cast<std::size_t>(version)]);
    db.execute("PRAGMA user_version = " + std::to_string(to));
}
} // namespace

void createSchema(sql::Connection& db, int version)
{
    if (version < 1 || version > kSchemaVersion)
        throw Error("no workspace schema version " + std::to_string(version));
    runSteps(db, 0, version);
}

int schemaVersion(sql::Connection& db)
{
    return static_cast<int>(sql::queryInteger(db, "PRAGMA user_version").value_or(0));
}

void upgradeSchema(sql::Connection& db)
{
    const int version = schemaVersion(db);
    if (version > kSchemaVersion)
        throw Error(db.path() + ": the workspace has schema version " + std::to_string(version)
            + ", newer than this evograph understands (" + std::to_string(kSchemaVersion)
            + "); open it with a newer evograph");
    if (version < 1)
        throw Error(db.path() + ": not an evograph workspace (no schema)");
    if (version < kSchemaVersion)
        runSteps(db, version, kSchemaVersion);
}

} // namespace evograph::workspace
