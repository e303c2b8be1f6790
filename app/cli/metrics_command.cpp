// evograph metrics baseline | compare | report: the engine's metrics as metrics_collector keeps
// them in the workspace. A baseline is flat JSON (one figure per latency series: its average over
// the period, ms); compare exits 1 when a figure of the current file is worse than the baseline's
// by more than the tolerance, as the seed's regression tests do; report writes an HTML page.
#include "cli_config.h"
#include "commands.h"

#include "evograph/engine/file_read.h"
#include "workspace_cli.h"

#include "evograph/config/alert_rule.h"
#include "evograph/workspace/metric_report.h"

#include <chrono>
#include <iostream>

namespace evograph::cli {

namespace {
struct MetricsOptions {
    WorkspaceArgs args;
    std::string output, baseline, current, period = "1d";
    double tolerance = 0.10;
};

std::int64_t unixNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::map<std::string, std::vector<workspace::MetricPoint>> history(const MetricsOptions& o, std::int64_t& from)
{
    const std::int64_t now = unixNow();
    from = now - config::parseDuration(o.period, {"--period"}).count();
    auto ws = workspace::Workspace::open(o.args.path(), o.args.openOptions(workspace::Access::Read, "metrics"));
    return workspace::metricHistory(ws, from, now);
}

// A flat JSON object of numbers (other values are skipped).
std::map<std::string, double> readFigures(const std::string& path)
{
    const std::string text = engine::readWholeFile(path, "the figures");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(SourcePosition {path}, "not JSON: byte " + std::to_string(e.byte) + ": " + e.what());
    }
    if (!json.is_object())
        throw Error(SourcePosition {path}, "expected a JSON object of figures, e.g. {\"diff.latency.p95\": 12.5}");
    std::map<std::string, double> figures;
    for (const auto& [key, value] : json.items())
        if (value.is_number())
            figures[key] = value.get<double>();
    return figures;
}
} // namespace

void addMetricsCommand(CLI::App& app, int& exitCode)
{
    auto o = std::make_shared<MetricsOptions>();
    auto* group
        = app.add_subcommand("metrics", "The engine's metrics kept in the workspace: baseline, compare, report");
    group->require_subcommand(1);
    addWorkspaceArgs(*group, o->args, true);

    auto* baseline = workspaceSubcommand(*group, "baseline", "Write the latency figures of the period as a baseline");
    baseline->add_option("-o,--output", o->output, "the baseline file (JSON)")->required();
    baseline->add_option("--period", o->period, "how far back: 90s, 30m, 12h, 7d (default 1d)");
    baseline->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            std::int64_t from = 0;
            const auto figures = workspace::metricBaseline(history(*o, from));
            if (figures.empty())
                throw Error("no latency samples were kept in the last " + o->period
                    + " (enable the metrics_collector agent and run evograph serve)");
            writeOutput(o->output, nlohmann::json(figures).dump(2) + "\n");
            std::cout << figures.size() << " figures written to " << o->output << "\n";
            return kOk;
        });
    });

    auto* compare = workspaceSubcommand(
        *group, "compare", "Compare figures with a baseline; exit 1 on a regression beyond the tolerance");
    compare->add_option("--baseline", o->baseline, "the baseline (JSON)")->required();
    compare->add_option("--current", o->current, "the current figures (JSON)")->required();
    compare->add_option("--tolerance", o->tolerance, "how much worse passes, as a fraction (default 0.10)")
        ->check(CLI::Range(0.0, 100.0));
    compare->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            const auto results
                = workspace::compareMetrics(readFigures(o->baseline), readFigures(o->current), o->tolerance);
            std::size_t regressions = 0;
            nlohmann::json json = nlohmann::json::array();
            std::vector<std::vector<std::string>> rows {{"METRIC", "BASELINE", "CURRENT", "CHANGE", "STATUS"}};
            for (const workspace::MetricComparison& c : results) {
                regressions += c.status == "regression";
                json.push_back({{"metric", c.metric}, {"baseline", c.baseline}, {"current", c.current},
                    {"change", c.change}, {"status", c.status}});
                char change[32];
                std::snprintf(change, sizeof change, "%+.1f%%", 100 * c.change);
                rows.push_back(
                    {c.metric, std::to_string(c.baseline), c.status == "missing" ? "-" : std::to_string(c.current),
                        c.status == "missing" ? "-" : change, c.status});
            }
            if (o->args.json())
                printJson({{"tolerance", o->tolerance}, {"regressions", regressions}, {"metrics", json}});
            else
                std::cout << formatTable(rows) << regressions << " regression(s) beyond " << 100 * o->tolerance
                          << "%\n";
            return regressions ? kDifferent : kOk;
        });
    });

    auto* report = workspaceSubcommand(*group, "report", "Write an HTML report of the kept metrics");
    report->add_option("-o,--output", o->output, "the report (HTML)")->required();
    report->add_option("--period", o->period, "how far back: 90s, 30m, 12h, 7d (default 1d)");
    report->callback([o, &exitCode] {
        exitCode = runCommand([&] {
            std::int64_t from = 0;
            const auto series = history(*o, from);
            writeOutput(o->output,
                workspace::metricReportHtml(series, from, unixNow(), std::filesystem::path(o->args.path()).filename()));
            std::cout << series.size() << " series written to " << o->output << "\n";
            return kOk;
        });
    });
}

} // namespace evograph::cli
