// Which snapshots a retention policy keeps, by restic's rules (restic forget --keep-*).
#include "evograph/workspace/snapshots.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

namespace evograph::workspace {

namespace {
std::chrono::sys_days dayOf(const std::string& timestamp) // "YYYY-MM-DDT..." in UTC
{
    int y = 0;
    unsigned m = 0, d = 0;
    std::sscanf(timestamp.c_str(), "%d-%u-%u", &y, &m, &d);
    return std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

// "2026-W47": the ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday).
std::string isoWeekOf(const std::string& timestamp)
{
    using namespace std::chrono;
    const sys_days day = dayOf(timestamp);
    const sys_days thursday = day + days(4 - static_cast<int>(weekday(day).iso_encoding()));
    const year y = year_month_day(thursday).year();
    const auto week = (thursday - sys_days(y / January / 1)).count() / 7 + 1;
    char text[32];
    std::snprintf(text, sizeof text, "%04d-W%02d", static_cast<int>(y), static_cast<int>(week));
    return text;
}

// Keeps the newest snapshot of each of the first `count` distinct buckets, newest first.
template <typename Bucket>
void keepNewestPerBucket(std::vector<PruneDecision>& decisions, unsigned count, const char* kind, Bucket bucketOf)
{
    std::set<std::string> seen;
    for (PruneDecision& d : decisions) {
        if (seen.size() >= count)
            return;
        const std::string bucket = bucketOf(d.createdAt);
        if (seen.insert(bucket).second)
            d.reasons.push_back(std::string(kind) + " " + bucket);
    }
}
} // namespace

std::vector<PruneDecision> applyRetention(const std::vector<SnapshotSummary>& snapshots, const RetentionPolicy& policy)
{
    std::vector<PruneDecision> decisions; // newest first; of two in the same millisecond, the later listed
    for (auto s = snapshots.rbegin(); s != snapshots.rend(); ++s)
        decisions.push_back({s->manifest.id, s->manifest.createdAt, s->manifest.name, {}});
    std::stable_sort(decisions.begin(), decisions.end(),
        [](const PruneDecision& a, const PruneDecision& b) { return a.createdAt > b.createdAt; });
    for (std::size_t i = 0; i < decisions.size() && i < policy.keepLast; ++i)
        decisions[i].reasons.push_back("last " + std::to_string(policy.keepLast));
    keepNewestPerBucket(decisions, policy.keepDaily, "daily", [](const std::string& t) { return t.substr(0, 10); });
    keepNewestPerBucket(decisions, policy.keepWeekly, "weekly", isoWeekOf);
    return decisions;
}

} // namespace evograph::workspace
