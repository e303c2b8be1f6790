#pragma once
// Before and after side by side, as Meld shows two files: aligned rows, a marker column
// ("−" removed, "+" added, "±" changed: not colour alone), tinted backgrounds, the changed part of
// a changed line highlighted, both panes scrolling together, unchanged runs optionally folded.

#include <QWidget>

class QLabel;
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

    // What the panes show (tests, screenshots).
    QString leftText() const;
    QString rightText() const;
    int changedRows() const { return m_changedRows; }

private:
    void render();

    QLabel* m_leftTitle;
    QLabel* m_rightTitle;
    QPlainTextEdit* m_left;
    QPlainTextEdit* m_right;
    QString m_leftSource, m_rightSource;
    bool m_fold = false;
    int m_changedRows = 0;
};

} // namespace evograph::ui
