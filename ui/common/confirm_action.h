#pragma once
// The one confirmation every destructive click in the studio asks (apply, roll back, delete a
// snapshot, disable an agent; restore and prune show their own dry run first and then ask through
// it too): the action's name, what it will change, whether it can be undone, and two buttons,
// the action and Cancel, Cancel the default so Enter never destroys anything.

#include <QString>
#include <QStringList>

class QWidget;

namespace evograph::ui {

struct Confirmation {
    QString title; // "Roll back migration"
    QString question; // "Roll back op-… in /w.evograph?"
    QStringList changes; // one line per thing that will change ("users: −2 +2 triples")
    QString undo; // how to undo it, or that it cannot be undone
    QString action; // the button: "Roll back"
};

// Asks and waits; true only when the action's button was pressed. The box's object name is
// "confirm-action" and its buttons "confirm" and "cancel" (what GUI tests click).
bool confirmAction(QWidget* parent, const Confirmation& confirmation);

} // namespace evograph::ui
