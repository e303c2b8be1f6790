#pragma once
// Before and after side by side, as Meld shows two files: aligned rows (statements paired by what
// they state, line_diff.h), a marker column ("−" removed, "+" added, "±" changed: not colour
// alone), tinted backgrounds, the changed value of a changed line highlighted, long lines wrapped
// at the pane's width with the other side padded to match, both panes scrolling together,
// unchanged runs optionally folded.

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace evograph::ui {

class SideBySideView : public QWidget {
    Q_OBJECT
public:
    explicit SideBySideView(QWidget* parent = nullptr);

    // Empty text: the entity is not in that version (the pane says so).
    void setTexts(const QString& leftTitle, const QString& left, const QString& rightTitle, const QString& right);
    void setFoldUnchanged(bool fold);
    void clear(const QString& message);
    // Edit ▸ Find in Panes: the find bar under the panes, focused.
    void showFindBar();
    // Selects the next occurrence of `text` after the current selection, in the pane with the
    // focus first and then the other (wrapping around); false when neither pane holds it.
    bool find(const QString& text);

    // What the panes show, one row a line before wrapping (tests, screenshots).
    QString leftText() const;
    QString rightText() const;
    int changedRows() const { return m_changedRows; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override; // re-wraps when the panes' width changes

private:
    void render();

    QLabel* m_leftTitle;
    QLabel* m_rightTitle;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
    QLineEdit* m_findBar;
    QString m_leftSource, m_rightSource;
    QStringList m_leftShown, m_rightShown; // the rows before wrapping
    int m_columns = 100; // characters a pane line holds
    bool m_fold = false;
    int m_changedRows = 0;
};

} // namespace evograph::ui
