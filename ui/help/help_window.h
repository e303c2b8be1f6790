#pragma once
// Help ▸ User Guide and Help ▸ Keyboard Shortcuts. The guide is docs/user-guide.md with its
// screenshots, rendered in the studio (installed under share/doc/evograph, or read from the source
// tree when the studio runs from a build); the shortcut list is read from the window's own menus,
// so it cannot drift from what the keys do.

#include <QDialog>

class QMenuBar;
class QTextBrowser;
class QTreeWidget;

namespace evograph::ui {

// Where the user guide is: beside the installed binary, else in the source tree; empty if neither.
QString userGuidePath();

class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget* parent = nullptr);
    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser;
};

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // `extra`: shortcuts that live outside the menus (a view's own keys), as {keys, what} pairs.
    ShortcutsDialog(const QMenuBar& menus, const QList<QPair<QString, QString>>& extra, QWidget* parent = nullptr);
    QTreeWidget* list() const { return m_list; }

private:
    QTreeWidget* m_list;
};

} // namespace evograph::ui
