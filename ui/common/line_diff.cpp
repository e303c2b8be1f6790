#include "line_diff.h"

#include <QHash>

#include <algorithm>

namespace evograph::ui {

namespace {
constexpr long long kMaxCells = 4'000'000;

// Pairs the lines of one changed block that state the same thing, in order (each left line with
// the first right line left with its key); the rest are removed or added rows.
void addBlock(std::vector<AlignedRow>& rows, const QStringList& left, const QStringList& right, int leftFrom,
    int leftTo, int rightFrom, int rightTo)
{
    QHash<QString, std::vector<int>> linesOf;
    for (int j = rightFrom; j < rightTo; ++j)
        if (const QString key = statementKey(right[j]); !key.isEmpty())
            linesOf[key].push_back(j);
    int j = rightFrom;
    for (int i = leftFrom; i < leftTo; ++i) {
        int partner = -1;
        if (const auto it = linesOf.constFind(statementKey(left[i])); it != linesOf.constEnd())
            if (const auto at = std::lower_bound(it->begin(), it->end(), j); at != it->end())
                partner = *at;
        if (partner < 0) {
            rows.push_back({AlignedRow::Kind::Removed, i, -1});
            continue;
        }
        while (j < partner)
            rows.push_back({AlignedRow::Kind::Added, -1, j++});
        rows.push_back({AlignedRow::Kind::Changed, i, j++});
    }
    while (j < rightTo)
        rows.push_back({AlignedRow::Kind::Added, -1, j++});
}
} // namespace

QString withoutClosingPunctuation(const QString& line)
{
    // The label comment entityTurtle appends ("  # User") goes first: the punctuation is before it.
    const qsizetype comment = line.indexOf(QLatin1String("  # "));
    QString out = comment > 0 ? line.left(comment) : line;
    while (!out.isEmpty() && out.back().isSpace())
        out.chop(1);
    if (out.size() >= 2
        && (out.endsWith(QLatin1String(" ;")) || out.endsWith(QLatin1String(" ."))
            || out.endsWith(QLatin1String(" ,"))))
        out.chop(2);
    return out;
}

QString statementKey(const QString& line)
{
    const QStringList tokens = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (tokens.isEmpty())
        return {};
    const bool graph = tokens.front().startsWith(QLatin1Char('['));
    if (line.front().isSpace())
        return tokens.front();
    if (graph)
        return tokens.mid(0, 3).join(QLatin1Char(' '));
    // An entity's opening line pairs with the other version's by its predicate, whatever the
    // subject: a renamed entity shows ":manages a owl:ObjectProperty" against ":supervises a …".
    return tokens.size() > 1 ? QStringLiteral("subject ") + tokens[1] : tokens.front();
}

std::vector<AlignedRow> alignLines(const QStringList& leftLines, const QStringList& rightLines)
{
    // Compared without closing punctuation: a statement that moved to the end of its block is equal.
    QStringList left, right;
    for (const QString& line : leftLines)
        left << withoutClosingPunctuation(line);
    for (const QString& line : rightLines)
        right << withoutClosingPunctuation(line);
    const int n = static_cast<int>(left.size()), m = static_cast<int>(right.size());
    int head = 0;
    while (head < n && head < m && left[head] == right[head])
        ++head;
    int tail = 0;
    while (tail < n - head && tail < m - head && left[n - 1 - tail] == right[m - 1 - tail])
        ++tail;
    std::vector<AlignedRow> rows;
    for (int i = 0; i < head; ++i)
        rows.push_back({AlignedRow::Kind::Equal, i, i});
    const int a = n - head - tail, b = m - head - tail;
    if (static_cast<long long>(a) * b > kMaxCells) {
        addBlock(rows, left, right, head, head + a, head, head + b);
    } else {
        // lcs[i][j]: LCS length of left[head+i..] and right[head+j..].
        std::vector<int> lcs(static_cast<std::size_t>(a + 1) * (b + 1), 0);
        auto at = [&](int i, int j) -> int& { return lcs[static_cast<std::size_t>(i) * (b + 1) + j]; };
        for (int i = a - 1; i >= 0; --i)
            for (int j = b - 1; j >= 0; --j)
                at(i, j)
                    = left[head + i] == right[head + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        int i = 0, j = 0, blockI = 0, blockJ = 0;
        while (i < a && j < b) {
            if (left[head + i] == right[head + j]) {
                addBlock(rows, left, right, head + blockI, head + i, head + blockJ, head + j);
                rows.push_back({AlignedRow::Kind::Equal, head + i, head + j});
                blockI = ++i, blockJ = ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                ++i;
            } else {
                ++j;
            }
        }
        addBlock(rows, left, right, head + blockI, head + a, head + blockJ, head + b);
    }
    for (int k = 0; k < tail; ++k)
        rows.push_back({AlignedRow::Kind::Equal, n - tail + k, m - tail + k});
    return rows;
}

InlineChange inlineChange(const QString& leftLine, const QString& rightLine)
{
    const QString left = withoutClosingPunctuation(leftLine), right = withoutClosingPunctuation(rightLine);
    const int n = static_cast<int>(left.size()), m = static_cast<int>(right.size());
    int prefix = 0;
    while (prefix < n && prefix < m && left[prefix] == right[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && left[n - 1 - suffix] == right[m - 1 - suffix])
        ++suffix;
    if (prefix == n && prefix == m)
        return {n, n, m, m}; // equal but for punctuation: nothing to highlight
    // Whole words: ":Manager" against ":User", not "Mana" against "Us".
    while (prefix > 0 && !left[prefix - 1].isSpace())
        --prefix;
    auto wordEnd = [](const QString& text, int at) {
        while (at < text.size() && at > 0 && !text[at - 1].isSpace() && !text[at].isSpace())
            ++at;
        return at;
    };
    return {prefix, wordEnd(left, n - suffix), prefix, wordEnd(right, m - suffix)};
}

} // namespace evograph::ui
