#include "migrate_report.h"

namespace evograph::cli {

nlohmann::json planRunJson(const migrate::PlanRun& run)
{
    nlohmann::json steps = nlohmann::json::array();
    for (const migrate::StepOutcome& s : run.steps)
        steps.push_back({{"id", s.id}, {"kind", migrate::toString(s.kind)}, {"code", migrate::toString(s.code)},
            {"description", s.description}, {"added", s.added}, {"removed", s.removed},
            {"milliseconds", s.milliseconds}, {"preview", {{"added", s.addedPreview}, {"removed", s.removedPreview}}}});
    nlohmann::json checks = nlohmann::json::array();
    for (const migrate::CheckResult& c : run.checks)
        checks.push_back({{"step", c.step}, {"when", c.when}, {"description", c.description}, {"graph", c.graph},
            {"expected", c.expected}, {"actual", c.actual}, {"passed", c.passed()}});
    nlohmann::json findings = nlohmann::json::array();
    for (const migrate::Finding& f : run.findings)
        findings.push_back({{"step", f.step}, {"code", migrate::toString(f.code)}, {"message", f.message}});
    return {{"graphs", run.graphs}, {"steps", steps}, {"checks", checks}, {"findings", findings}, {"added", run.added},
        {"removed", run.removed}, {"checks_passed", run.checksPassed()}};
}

nlohmann::json approvalJson(const migrate::ApprovalStatus& status)
{
    nlohmann::json decisions = nlohmann::json::array();
    for (const workspace::Approval& a : status.decisions)
        decisions.push_back({{"decision", a.decision}, {"reviewer", a.reviewer}, {"recorded_by", a.recordedBy},
            {"comment", a.comment}, {"at", a.at}});
    nlohmann::json signatures = nlohmann::json::array();
    for (const policy::SignedApproval& s : status.signatures)
        signatures.push_back(
            {{"file", s.file}, {"counts", s.counts}, {"signer", s.signer}, {"key", s.key}, {"problem", s.problem}});
    return {{"required", status.required}, {"satisfied", status.satisfied}, {"self_approved", status.selfApproved},
        {"bypassed_permissive", status.bypassedPermissive}, {"reason", status.reason}, {"decisions", decisions},
        {"signed_approvals", signatures}};
}

nlohmann::json operationJson(const workspace::JournalOperation& op)
{
    nlohmann::json graphs = nlohmann::json::array();
    for (const workspace::JournalGraph& g : op.graphs)
        graphs.push_back(
            {{"graph", g.graph}, {"before", g.before}, {"after", g.after}, {"added", g.added}, {"removed", g.removed}});
    nlohmann::json json = {{"operation", op.id}, {"correlation_id", op.correlationId}, {"kind", op.kind},
        {"status", op.status}, {"plan", op.planName}, {"plan_hash", op.planHash}, {"pre_snapshot", op.preSnapshot},
        {"before_state", op.beforeState}, {"after_state", op.afterState}, {"started_at", op.startedAt},
        {"finished_at", op.finishedAt}, {"user", op.user}, {"steps", nlohmann::json::parse(op.steps)},
        {"graphs", graphs}, {"approval", op.approval}, {"error", op.error}};
    json["rolls_back"] = op.rollsBack ? nlohmann::json(*op.rollsBack) : nlohmann::json();
    return json;
}

std::string planRunText(const migrate::Plan& plan, const migrate::PlanRun& run)
{
    std::string graphs;
    for (const std::string& g : run.graphs)
        graphs += (graphs.empty() ? "" : ", ") + g;
    std::string out = "Plan " + plan.file + " (hash " + plan.hash.substr(0, 12)
        + "): " + std::to_string(run.steps.size()) + " step" + (run.steps.size() == 1 ? "" : "s") + " over graph"
        + (run.graphs.size() == 1 ? " " : "s ") + graphs + "\n";
    std::size_t n = 0;
    for (const migrate::StepOutcome& s : run.steps) {
        out += "\n" + std::to_string(++n) + ". [" + std::string(migrate::toString(s.code)) + "] " + s.id + " ("
            + std::string(migrate::toString(s.kind)) + "): " + s.description + "\n";
        out += "   +" + std::to_string(s.added) + " -" + std::to_string(s.removed) + " triples\n";
        for (const std::string& line : s.removedPreview)
            out += "   - " + line + "\n";
        for (const std::string& line : s.addedPreview)
            out += "   + " + line + "\n";
        const std::size_t shown = s.addedPreview.size() + s.removedPreview.size();
        if (shown < s.added + s.removed)
            out += "   ... and " + std::to_string(s.added + s.removed - shown) + " more\n";
        for (const migrate::CheckResult& c : run.checks)
            if (c.step == s.id)
                out += std::string("   check ") + c.when + " [" + c.graph + "]: " + c.description + ": "
                    + (c.passed() ? "passes" : "FAILS") + "\n";
    }
    out += "\nFindings:\n";
    for (const migrate::Finding& f : run.findings)
        out += "  " + std::string(migrate::toString(f.code)) + " " + f.step + ": " + f.message + "\n";
    out += "\nIn all: +" + std::to_string(run.added) + " -" + std::to_string(run.removed) + " triples; checks "
        + (run.checksPassed() ? "pass" : "FAIL") + "\n";
    return out;
}

nlohmann::json storeSyncJson(const remote::StoreSync& sync)
{
    nlohmann::json out = nlohmann::json::array();
    for (const remote::PushResult& p : sync.pushes)
        out.push_back({{"graph", p.target.graph}, {"version", p.target.seq}, {"content", p.target.content},
            {"batches", p.batchesSent}, {"deleted", p.deletes}, {"inserted", p.inserts}, {"verified", true}});
    return out;
}

std::string storeSyncText(const remote::StoreSync& sync)
{
    std::string out;
    for (const remote::PushResult& p : sync.pushes)
        out += "Store: graph " + p.target.graph + " sent in " + std::to_string(p.batchesSent) + " batches (-"
            + std::to_string(p.deletes) + " +" + std::to_string(p.inserts) + "), verified: it holds version "
            + std::to_string(p.target.seq) + "\n";
    return out;
}

std::string approvalText(const migrate::ApprovalStatus& status)
{
    std::string out
        = std::string("Approval: ") + (status.satisfied ? "may run" : "REFUSED") + ": " + status.reason + "\n";
    for (const workspace::Approval& a : status.decisions)
        out += "  " + a.at + "  " + a.decision + "  " + a.reviewer + " (recorded by " + a.recordedBy + ")"
            + (a.comment.empty() ? "" : ": " + a.comment) + "\n";
    for (const policy::SignedApproval& s : status.signatures)
        out += "  " + s.file + ": "
            + (s.counts ? "signed by " + s.signer + " (" + s.key + ")" : "does not count: " + s.problem) + "\n";
    return out;
}

} // namespace evograph::cli
