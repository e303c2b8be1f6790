#include "help/help_window.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace evograph::ui {

QString userGuidePath()
{
    const QString installed
        = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/evograph/user-guide.md");
    for (const QString& candidate : {installed, QStringLiteral(EVOGRAPH_SOURCE_DIR "/docs/user-guide.md")})
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    return {};
}

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("evograph user guide"));
    setObjectName(QStringLiteral("user-guide"));
    m_browser->setOpenExternalLinks(true);
    const QString path = userGuidePath();
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
        m_browser->setSearchPaths({QFileInfo(path).absolutePath()}); // its screenshots/ beside it
        m_browser->setMarkdown(QString::fromUtf8(file.readAll()));
    } else {
        m_browser->setMarkdown(tr("# User guide not found\n\nThe guide is installed with the package as "
                                  "`/usr/share/doc/evograph/user-guide.md`; this installation has no copy of it."));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(900, 760);
}

namespace {
void addShortcuts(QTreeWidget* list, const QMenu& menu, const QString& path)
{
    for (QAction* action : menu.actions()) {
        const QString name = path + QStringLiteral(" ▸ ") + action->text().remove(QLatin1Char('&'));
        if (action->menu())
            addShortcuts(list, *action->menu(), name);
        else if (!action->shortcut().isEmpty())
            new QTreeWidgetItem(list, {action->shortcut().toString(QKeySequence::NativeText), name});
    }
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar& menus, const QList<QPair<QString, QString>>& extra, QWidget* parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    setObjectName(QStringLiteral("shortcuts"));
    m_list->setHeaderLabels({tr("Keys"), tr("What")});
    m_list->setRootIsDecorated(false);
    for (QAction* top : menus.actions())
        if (top->menu())
            addShortcuts(m_list, *top->menu(), top->text().remove(QLatin1Char('&')));
    for (const auto& [keys, what] : extra)
        new QTreeWidgetItem(m_list, {keys, what});
    m_list->resizeColumnToContents(0);
    m_list->header()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace evograph::ui
