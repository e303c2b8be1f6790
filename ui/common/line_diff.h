#pragma once
// Aligns two texts line by line the way Meld shows them: equal lines side by side, a block of
// changed lines paired up (filler rows where one side has more), so both panes keep the same
// number of rows and scroll together. The texts are Turtle or statements, and the alignment knows
// it: lines that differ only in their closing punctuation (" ;" became " .") are equal, and in a
// changed block a line is paired only with one that states the same thing (the same predicate,
// or the same subject and predicate), so "rdfs:domain" is never set against "owl:deprecated".

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

// What a line states, for pairing: an indented line's first token (its predicate); a statement
// "[graph] s p o ." its graph, subject and predicate; an entity's opening Turtle line its predicate
// (so a renamed entity's opening lines pair). Empty for a blank line.
QString statementKey(const QString& line);
// The line without its closing Turtle punctuation (" ;", " .", " ,") and trailing spaces.
QString withoutClosingPunctuation(const QString& line);

// The differing middle of two lines: [start, end) in each, after their common prefix and suffix;
// closing punctuation is not a difference.
struct InlineChange {
    int leftStart = 0, leftEnd = 0, rightStart = 0, rightEnd = 0;
};
InlineChange inlineChange(const QString& left, const QString& right);

} // namespace evograph::ui
