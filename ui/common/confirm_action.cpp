#include "common/confirm_action.h"

#include <QMessageBox>
#include <QPushButton>

namespace evograph::ui {

bool confirmAction(QWidget* parent, const Confirmation& c)
{
    QMessageBox box(QMessageBox::Warning, c.title, c.question, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("confirm-action"));
    QString details;
    for (const QString& line : c.changes)
        details += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    box.setInformativeText((details.isEmpty() ? QString() : QStringLiteral("<ul>%1</ul>").arg(details))
        + QStringLiteral("<p>%1</p>").arg(c.undo.toHtmlEscaped()));
    QPushButton* confirm = box.addButton(c.action, QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirm"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancel"));
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == confirm;
}

} // namespace evograph::ui
