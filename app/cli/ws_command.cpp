// evograph ws init|import|log|export|config: the workspace's graphs and their versions.
#include "commands.h"
#include "workspace_cli.h"

#include "evograph/rdf/writer.h"

#include <iostream>
#include <sstream>

namespace evograph::cli {

namespace {
struct WsOptions {
    WorkspaceArgs args;
    std::string path, graph, version, file, output, inputFormat, outputFormat, key, value;
    bool secret = false;
};

nlohmann::json versionJson(const workspace::GraphVersion& v)
{
    nlohmann::json json = {{"graph", v.graph}, {"version", v.seq}, {"label", v.label}, {"content", v.content},
        {"triples", v.triples}, {"created_at", v.createdAt}, {"user", v.user}, {"source", v.source},
        {"current", v.isHead}, {"stored", v.storedAsDelta ? "delta" : "full"}, {"stored_bytes", v.storedBytes},
        {"ontology_versions", v.ontologyVersions}};
    if (v.added)
        json["added"] = *v.added;
    if (v.removed)
        json["removed"] = *v.removed;
    return json;
}

std::string changeOf(const workspace::GraphVersion& v)
{
    if (!v.added && !v.removed)
        return "-";
    return "+" + std::to_string(v.added.value_or(0)) + " -" + std::to_string(v.removed.value_or(0));
}

void addInit(CLI::App& group, const std::shared_ptr<WsOptions>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "init", "Create a workspace file (default: $XDG_DATA_HOME/evograph/...)");
    c->add_option("PATH", o->path, "the workspace file to create");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const std::string path = o->path.empty() ? workspace::defaultWorkspacePath() : o->path;
            workspace::Workspace::create(path, o->args.openOptions(workspace::Access::Write, "ws init"));
            if (o->args.json())
                printJson({{"workspace", path}});
            else
                std::cout << "created workspace " << path << "\n";
            return kOk;
        });
    });
}

void addImport(CLI::App& group, const std::shared_ptr<WsOptions>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "import", "Import FILE as the graph's new current version");
    c->add_option("PATH", o->path, "the workspace file")->required();
    c->add_option("FILE", o->file, "the RDF file to import")->required()->check(CLI::ExistingFile);
    c->add_option("--graph", o->graph, "the graph's name (created on first import)")->required();
    c->add_option("--version", o->version, "a label for the version (default: v<N>)");
    c->add_option("-i,--input-format", o->inputFormat, "input format (default: from the extension, else the content)");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            std::optional<rdf::Format> format = formatOption(o->inputFormat, "input");
            const auto [v, isNew] = onWorkspace(o->path, o->args.openOptions(workspace::Access::Write, "ws import"),
                "importing", [&](workspace::Workspace& ws, const workspace::Progress& progress) {
                    return ws.importGraph(o->graph, o->file, o->version, format, progress);
                });
            const bool unchanged = !isNew;
            if (o->args.json()) {
                nlohmann::json json = versionJson(v);
                json["unchanged"] = unchanged;
                printJson(json);
            } else if (unchanged) {
                std::cout << "graph " << v.graph << ": unchanged (already version " << v.seq << ", " << v.label
                          << ")\n";
            } else {
                std::cout << "graph " << v.graph << ": version " << v.seq << " (" << v.label << "), " << v.triples
                          << " triples, " << changeOf(v) << ", stored " << (v.storedAsDelta ? "as a delta" : "whole")
                          << " in " << humanBytes(v.storedBytes) << ", content " << shortHash(v.content) << "\n";
            }
            return kOk;
        });
    });
}

void addLog(CLI::App& group, const std::shared_ptr<WsOptions>& o, int& exitCode)
{
    auto* c
        = workspaceSubcommand(group, "log", "List the versions of every graph, or of one (* marks the current one)");
    c->add_option("PATH", o->path, "the workspace file")->required();
    c->add_option("--graph", o->graph, "only this graph");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto versions = onWorkspace(o->path, o->args.openOptions(workspace::Access::Read, "ws log"),
                "reading", [&](workspace::Workspace& ws, const workspace::Progress&) {
                    return ws.log(o->graph.empty() ? std::nullopt : std::optional<std::string>(o->graph));
                });
            if (o->args.json()) {
                nlohmann::json json = nlohmann::json::array();
                for (const auto& v : versions)
                    json.push_back(versionJson(v));
                printJson(json);
                return kOk;
            }
            std::vector<std::vector<std::string>> rows {
                {"", "GRAPH", "VERSION", "LABEL", "CREATED", "USER", "TRIPLES", "CHANGE", "STORED", "CONTENT"}};
            for (const auto& v : versions)
                rows.push_back({v.isHead ? "*" : "", v.graph, std::to_string(v.seq), v.label, v.createdAt, v.user,
                    std::to_string(v.triples), changeOf(v),
                    std::string(v.storedAsDelta ? "delta " : "full ") + humanBytes(v.storedBytes),
                    shortHash(v.content)});
            std::cout << formatTable(rows);
            return kOk;
        });
    });
}

void addExport(CLI::App& group, const std::shared_ptr<WsOptions>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "export", "Write a version of a graph to a file (atomically)");
    c->add_option("PATH", o->path, "the workspace file")->required();
    c->add_option("--graph", o->graph, "the graph")->required();
    c->add_option("--version", o->version, "a version label or number (default: the current one)");
    c->add_option("-o,--output", o->output, "the file to write; '-' for stdout")->required();
    c->add_option("--output-format", o->outputFormat,
        "turtle, trig, ntriples or nquads (default: from the output's extension, else N-Triples/N-Quads)");
    c->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const std::string text = onWorkspace(o->path, o->args.openOptions(workspace::Access::Read, "ws export"),
                "exporting", [&](workspace::Workspace& ws, const workspace::Progress& progress) {
                    const workspace::GraphVersion v = ws.findVersion(o->graph, o->version);
                    rdf::Dataset data = ws.readContent(v.content, progress);
                    for (const auto& [prefix, iri] : v.prefixes)
                        data.prefixes().set(prefix, iri);
                    std::optional<rdf::Format> format = formatOption(o->outputFormat, "output");
                    if (!format)
                        format = rdf::formatFromExtension(o->output);
                    std::ostringstream out;
                    rdf::writeDataset(data, format.value_or(rdf::defaultOutputFormat(data)), out);
                    return out.str();
                });
            writeOutput(o->output, text);
            return kOk;
        });
    });
}

void addConfig(CLI::App& group, const std::shared_ptr<WsOptions>& o, int& exitCode)
{
    auto* c = workspaceSubcommand(group, "config", "Show a setting, or set it (secrets stay out of snapshots)");
    c->add_option("PATH", o->path, "the workspace file")->required();
    c->add_option("KEY", o->key, "the setting")->required();
    c->add_option("VALUE", o->value, "the new value");
    c->add_flag("--secret", o->secret, "keep the value out of snapshots, exports and the audit log");
    c->callback([o, &exitCode, c] {
        exitCode = runCommand([&] {
            const bool setting = c->count("VALUE") > 0;
            const auto value = onWorkspace(o->path,
                o->args.openOptions(setting ? workspace::Access::Write : workspace::Access::Read, "ws config"),
                "reading", [&](workspace::Workspace& ws, const workspace::Progress&) -> std::optional<std::string> {
                    if (setting)
                        ws.setSetting(o->key, o->value, o->secret);
                    const auto all = ws.settings(true);
                    const auto it = all.find(o->key);
                    return it == all.end() ? std::nullopt : std::optional<std::string>(it->second);
                });
            if (!value)
                throw Error("no setting '" + o->key + "' in " + o->path);
            if (o->args.json())
                printJson({{"key", o->key}, {"value", *value}});
            else if (!setting)
                std::cout << *value << "\n";
            return kOk;
        });
    });
}
} // namespace

void addWorkspaceCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<WsOptions>();
    auto* ws = app.add_subcommand("ws", "The workspace: graphs and their versions in one SQLite file");
    addWorkspaceArgs(*ws, o->args, false);
    addInit(*ws, o, exitCode);
    addImport(*ws, o, exitCode);
    addLog(*ws, o, exitCode);
    addExport(*ws, o, exitCode);
    addConfig(*ws, o, exitCode);
}

} // namespace evograph::cli
