#include "message_line.h"

namespace evograph::ui {

MessageLine::MessageLine(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageLine::setMessage(const QString& message)
{
    setText(message);
    setVisible(!message.isEmpty());
}

int MessageLine::reportFailures(EngineAdapter& engine, int job)
{
    engine.onFailure(job, this, [this, what = engine.description(job)](const QString& message) {
        setMessage(tr("✖ %1 failed: %2").arg(what, message));
    });
    return job;
}

} // namespace evograph::ui
