#include "remote_sources.h"

#include "cli_input.h"
#include "evograph/rdf/source_readers.h"
#include "evograph/remote/remote_graph.h"

#include <cstdlib>

namespace evograph::cli {

namespace {
std::string& sourceWorkspace()
{
    static std::string path;
    return path;
}

std::string workspacePath()
{
    if (!sourceWorkspace().empty())
        return sourceWorkspace();
    if (const char* env = std::getenv("EVOGRAPH_WORKSPACE"); env && *env)
        return env;
    return workspace::defaultWorkspacePath();
}

rdf::ReadReport readStore(
    remote::SparqlStore& store, const std::string& source, rdf::Dataset& into, const rdf::ReadOptions& options)
{
    if (options.format && *options.format != rdf::Format::NTriples)
        throw Error("'" + source + "' is read from a SPARQL store; --input-format does not apply");
    const remote::StoreRead read = store.read(into, options.cancel, options.progress);
    rdf::ReadReport report;
    report.format = rdf::Format::NTriples;
    report.bytes = read.bytes;
    report.statements = read.triples;
    report.seconds = read.seconds;
    return report;
}
} // namespace

void registerRemoteSources()
{
    rdf::registerSourceReader(
        "sparql:", [](const std::string& source, rdf::Dataset& into, const rdf::ReadOptions& options) {
            remote::StoreEndpoint endpoint = *remote::parseSparqlSource(source);
            if (const char* user = std::getenv("EVOGRAPH_SPARQL_USER"); user && *user) {
                const char* password = std::getenv("EVOGRAPH_SPARQL_PASSWORD");
                endpoint.credentials = {user, password ? password : ""};
            }
            remote::SparqlStore store(std::move(endpoint));
            return readStore(store, source, into, options);
        });
    rdf::registerSourceReader(
        "remote:", [](const std::string& source, rdf::Dataset& into, const rdf::ReadOptions& options) {
            const std::string name = source.substr(std::string_view("remote:").size());
            workspace::Workspace ws = workspace::Workspace::open(workspacePath());
            remote::SparqlStore store = remote::openStore(workspace::requireRemote(ws, name));
            return readStore(store, source, into, options);
        });
}

void addSourceWorkspaceOption(CLI::App& command)
{
    command.add_option("--workspace", sourceWorkspace(),
        "the workspace whose bound graphs remote:NAME sources name (default: $EVOGRAPH_WORKSPACE, else the "
        "default workspace)");
}

} // namespace evograph::cli
