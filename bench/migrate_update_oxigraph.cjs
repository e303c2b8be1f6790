// Oxigraph's side of bench/migrate_vs_oxigraph.sh: loads DATA (N-Triples), then runs UPDATE on a
// fresh store RUNS times and prints the best wall time of store.update in seconds.
//   node bench/migrate_update_oxigraph.cjs DATA UPDATE [RUNS]
"use strict";
const fs = require("fs");
const oxigraph = require("../tests/oxigraph/node_modules/oxigraph");
const [data, updateFile, runsText] = process.argv.slice(2);
const text = fs.readFileSync(data, "utf8");
const update = fs.readFileSync(updateFile, "utf8");
let best = Infinity;
for (let i = 0; i < Number(runsText || 3); i++) {
  const store = new oxigraph.Store();
  store.load(text, { format: "application/n-triples" });
  const before = store.size;
  const start = process.hrtime.bigint();
  store.update(update);
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  if (i === 0) console.error(`oxigraph: ${before} -> ${store.size} quads`);
}
console.log(best.toFixed(4));
