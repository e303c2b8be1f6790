#include "line_diff.h"

#include <algorithm>

namespace evograph::ui {

namespace {
constexpr long long kMaxCells = 4'000'000;

// Pairs the lines of one changed block: as many Changed rows as both sides have, then the rest.
void addBlock(std::vector<AlignedRow>& rows, int leftFrom, int leftTo, int rightFrom, int rightTo)
{
    while (leftFrom < leftTo && rightFrom < rightTo)
        rows.push_back({AlignedRow::Kind::Changed, leftFrom++, rightFrom++});
    while (leftFrom < leftTo)
        rows.push_back({AlignedRow::Kind::Removed, leftFrom++, -1});
    while (rightFrom < rightTo)
        rows.push_back({AlignedRow::Kind::Added, -1, rightFrom++});
}
} // namespace

std::vector<AlignedRow> alignLines(const QStringList& left, const QStringList& right)
{
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
        addBlock(rows, head, head + a, head, head + b);
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
                addBlock(rows, head + blockI, head + i, head + blockJ, head + j);
                rows.push_back({AlignedRow::Kind::Equal, head + i, head + j});
                blockI = ++i, blockJ = ++j;
            } else if (at(i + 1, j) >= at(i, j + 1)) {
                ++i;
            } else {
                ++j;
            }
        }
        addBlock(rows, head + blockI, head + a, head + blockJ, head + b);
    }
    for (int k = 0; k < tail; ++k)
        rows.push_back({AlignedRow::Kind::Equal, n - tail + k, m - tail + k});
    return rows;
}

InlineChange inlineChange(const QString& left, const QString& right)
{
    const int n = static_cast<int>(left.size()), m = static_cast<int>(right.size());
    int prefix = 0;
    while (prefix < n && prefix < m && left[prefix] == right[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && left[n - 1 - suffix] == right[m - 1 - suffix])
        ++suffix;
    return {prefix, n - suffix, prefix, m - suffix};
}

} // namespace evograph::ui
