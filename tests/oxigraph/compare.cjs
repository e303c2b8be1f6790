// Runs each SPARQL Update of cases/ on data.trig in Oxigraph (from the npm registry) and in
// evograph (evograph migrate update), and requires the two results to be isomorphic (evograph
// diff, blank-node aware, exits 0). Exit 77 (skipped) when Oxigraph is not installed.
//   node compare.cjs EVOGRAPH OUT_DIR
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

let oxigraph;
try {
  oxigraph = require("oxigraph");
} catch (e) {
  console.log("SKIP: the oxigraph package is not installed (scripts/install-deps.sh test installs it)");
  process.exit(77);
}

const [evograph, outDir] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
const dataFile = path.join(__dirname, "data.trig");
const data = fs.readFileSync(dataFile, "utf8");
const cases = fs.readdirSync(path.join(__dirname, "cases")).filter((f) => f.endsWith(".ru")).sort();

let failures = 0;
for (const name of cases) {
  const updateFile = path.join(__dirname, "cases", name);
  const store = new oxigraph.Store();
  store.load(data, { format: "application/trig" });
  store.update(fs.readFileSync(updateFile, "utf8"));
  const theirs = path.join(outDir, name + ".oxigraph.nq");
  fs.writeFileSync(theirs, store.dump({ format: "application/n-quads" }));

  const ours = path.join(outDir, name + ".evograph.nq");
  const run = spawnSync(evograph, ["migrate", "update", dataFile, updateFile, "-o", ours], { encoding: "utf8" });
  if (run.status !== 0) {
    console.log(`FAIL ${name}: evograph exited ${run.status}: ${run.stderr.trim()}`);
    failures++;
    continue;
  }
  const diff = spawnSync(evograph, ["diff", theirs, ours], { encoding: "utf8" });
  const quads = fs.readFileSync(theirs, "utf8").split("\n").filter((l) => l.trim()).length;
  if (diff.status === 0) {
    console.log(`ok   ${name}: isomorphic (${quads} quads; evograph ${run.stderr.trim()})`);
  } else {
    console.log(`FAIL ${name}: results differ (Oxigraph -> evograph):\n${diff.stdout}${diff.stderr}`);
    failures++;
  }
}
// A control: the comparison must notice a difference (the data before an update that changes it).
const control = spawnSync(evograph, ["diff", dataFile, path.join(outDir, cases[0] + ".evograph.nq")]);
if (control.status !== 1) {
  console.log(`FAIL control: evograph diff exited ${control.status} on two different datasets`);
  failures++;
}
console.log(`oxigraph comparison: ${cases.length - failures}/${cases.length} isomorphic`);
process.exit(failures ? 1 : 0);
