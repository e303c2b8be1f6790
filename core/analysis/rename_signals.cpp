// The default rename signals: label, comment, structure and usage similarity.
#include "evograph/analysis/rename_detection.h"

#include "evograph/engine/sorted_merge.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <unordered_set>

namespace evograph::analysis {

namespace {
std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

template <typename T> double dice(std::vector<T> a, std::vector<T> b)
{
    if (a.empty() && b.empty())
        return 1;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return 2.0 * static_cast<double>(engine::sharedCount(a, b)) / static_cast<double>(a.size() + b.size());
}

std::vector<std::uint32_t> trigrams(std::string_view text)
{
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i + 3 <= text.size(); ++i)
        out.push_back(static_cast<std::uint32_t>(static_cast<unsigned char>(text[i])) << 16
            | static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + 1])) << 8
            | static_cast<unsigned char>(text[i + 2]));
    return out;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b)
{
    const std::size_t shared = engine::sharedCount(a, b);
    const std::size_t all = a.size() + b.size() - shared;
    return all == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(all);
}

std::string quoted(std::string_view text, std::size_t limit = 60)
{
    std::string out = "'";
    out += text.size() > limit ? std::string(text.substr(0, limit)) + "..." : std::string(text);
    return out + "'";
}

std::string percent(double share)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", share * 100);
    return buffer;
}

// Labels say most about identity; a renamed term often keeps its label, or swaps one word.
class LabelSignal final : public RenameSignal {
public:
    std::optional<SignalScore> score(const EntityProfile& removed, const EntityProfile& added) const override
    {
        if (removed.label.empty() && added.label.empty())
            return std::nullopt;
        const double similarity = textSimilarity(removed.label, added.label);
        SignalScore s {similarity, 0.25, false, {}};
        if (removed.label == added.label && removed.label.size() >= 3) {
            s.anchor = true;
            s.evidence = "same label " + quoted(added.rawLabel);
        } else {
            s.evidence = "label " + quoted(removed.rawLabel) + " -> " + quoted(added.rawLabel) + " ("
                + percent(similarity) + " similar)";
        }
        return s;
    }
};

class CommentSignal final : public RenameSignal {
public:
    std::optional<SignalScore> score(const EntityProfile& removed, const EntityProfile& added) const override
    {
        // A comment written or dropped along the way says nothing either way.
        if (removed.comment.empty() || added.comment.empty())
            return std::nullopt;
        const double similarity = textSimilarity(removed.comment, added.comment);
        SignalScore s {similarity, 0.25, false, {}};
        s.anchor = removed.comment == added.comment && removed.comment.size() >= 20;
        s.evidence = s.anchor ? "same comment" : "comment " + percent(similarity) + " similar";
        return s;
    }
};

// Parents, domain, range, restrictions, types: the statements the term makes.
class StructureSignal final : public RenameSignal {
public:
    std::optional<SignalScore> score(const EntityProfile& removed, const EntityProfile& added) const override
    {
        if (removed.structure.empty() && added.structure.empty())
            return std::nullopt;
        const double similarity = jaccard(removed.structure, added.structure);
        return SignalScore {similarity, 0.25, false,
            "same structure for " + percent(similarity) + " of its statements (parents, domain, range, restrictions)"};
    }
};

// Instances typed with it, subclasses, statements using it as predicate: moved wholesale by a rename.
class UsageSignal final : public RenameSignal {
public:
    std::optional<SignalScore> score(const EntityProfile& removed, const EntityProfile& added) const override
    {
        if (removed.usage.empty() && added.usage.empty())
            return std::nullopt;
        const double similarity = jaccard(removed.usage, added.usage);
        SignalScore s {similarity, 0.25, similarity >= 0.8, {}};
        s.evidence = "same usage for " + percent(similarity) + " of "
            + std::to_string(std::max(removed.usage.size(), added.usage.size())) + " statements";
        return s;
    }
};
} // namespace

std::vector<std::shared_ptr<const RenameSignal>> defaultRenameSignals()
{
    return {std::make_shared<LabelSignal>(), std::make_shared<CommentSignal>(), std::make_shared<StructureSignal>(),
        std::make_shared<UsageSignal>()};
}

std::string normalizeText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80)
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

double textSimilarity(std::string_view a, std::string_view b)
{
    if (a == b)
        return 1;
    if (a.empty() || b.empty())
        return 0;
    return std::max(dice(words(a), words(b)), dice(trigrams(a), trigrams(b)));
}

} // namespace evograph::analysis
