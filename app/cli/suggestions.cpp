#include "suggestions.h"

#include <algorithm>
#include <vector>

namespace evograph::cli {

namespace {
std::size_t editDistance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The closest of `names` to `typed`, when close enough to be a typo (a third of its length, at least 1).
std::string closest(const std::string& typed, const std::vector<std::string>& names)
{
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(1, typed.size() / 3) + 1;
    for (const std::string& name : names)
        if (const std::size_t d = editDistance(typed, name); d < bestDistance)
            bestDistance = d, best = name;
    return best;
}

std::vector<std::string> subcommandNames(const CLI::App& app)
{
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    return names;
}

// Long option names of `app` and of the commands above it whose options it takes ("--format").
std::vector<std::string> optionNames(const CLI::App& app)
{
    std::vector<std::string> names;
    for (const CLI::App* at = &app; at; at = at->get_parent())
        for (const CLI::Option* option : at->get_options())
            for (const std::string& name : option->get_lnames())
                names.push_back("--" + name);
    return names;
}
} // namespace

std::string suggestionFor(const CLI::App& app, int argc, const char* const* argv)
{
    const CLI::App* at = &app;
    for (int i = 1; i < argc; ++i) {
        const std::string token = argv[i];
        if (token.rfind("--", 0) == 0 && token.size() > 2) {
            const std::string name = token.substr(0, token.find('='));
            const std::vector<std::string> known = optionNames(*at);
            if (std::find(known.begin(), known.end(), name) != known.end())
                continue;
            const std::string best = closest(name, known);
            return best.empty() ? std::string() : "unknown option '" + name + "'; did you mean '" + best + "'?";
        }
        if (token.rfind('-', 0) == 0)
            continue;
        const std::vector<std::string> subs = subcommandNames(*at);
        if (subs.empty())
            continue; // a positional argument
        if (const CLI::App* sub = [&]() -> const CLI::App* {
                try {
                    return at->get_subcommand(token);
                } catch (const CLI::OptionNotFound&) {
                    return nullptr;
                }
            }()) {
            at = sub;
            continue;
        }
        const std::string best = closest(token, subs);
        if (!best.empty())
            return "unknown command '" + token + "'; did you mean '" + best + "'?";
        if (at->get_require_subcommand_min() > 0)
            return "unknown command '" + token + "'";
    }
    return {};
}

} // namespace evograph::cli
