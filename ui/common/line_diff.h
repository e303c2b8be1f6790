#pragma once
// Aligns two texts line by line the way Meld shows them: equal lines side by side, a block of
// changed lines paired up (filler rows where one side has more), so both panes keep the same
// number of rows and scroll together.

#include <QString>
#include <QStringList>

#include <vector>

namespace evograph::ui {

struct AlignedRow {
    enum class Kind { Equal, Removed, Added, Changed };
    Kind kind = Kind::Equal;
    int left = -1, right = -1; // line numbers; -1: a filler row on that side
};

// Longest common subsequence of lines; texts past kMaxCells (lines × lines) are compared only by
// their common head and tail.
std::vector<AlignedRow> alignLines(const QStringList& left, const QStringList& right);

// The differing middle of two lines: [start, end) in each, after their common prefix and suffix.
struct InlineChange {
    int leftStart = 0, leftEnd = 0, rightStart = 0, rightEnd = 0;
};
InlineChange inlineChange(const QString& left, const QString& right);

} // namespace evograph::ui
