#pragma once
// RDF sources on remote stores for every command that reads RDF: "sparql:ENDPOINT#GRAPH_IRI"
// (credentials, when the store asks, from $EVOGRAPH_SPARQL_USER and $EVOGRAPH_SPARQL_PASSWORD)
// and "remote:NAME", a graph bound in the workspace that --workspace names ($EVOGRAPH_WORKSPACE,
// else the default one). Reading shows progress on a terminal and Ctrl-C cancels it.

#include <CLI/CLI.hpp>

namespace evograph::cli {

// Registers both source readers with the RDF layer (once, from main).
void registerRemoteSources();

// Adds --workspace (for remote:NAME sources) to a command that has none of its own.
void addSourceWorkspaceOption(CLI::App& command);

} // namespace evograph::cli
