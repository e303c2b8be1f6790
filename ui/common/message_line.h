#pragma once
// The one-line message under a view's buttons: hidden while empty, selectable, and where the
// failures of the view's jobs are reported ("✖ <job> failed: <message>", position kept).

#include "common/engine_adapter.h"

#include <QLabel>

namespace evograph::ui {

class MessageLine : public QLabel {
    Q_OBJECT
public:
    explicit MessageLine(QWidget* parent = nullptr);

    void setMessage(const QString& message);
    // Reports the job's failure here; returns the job.
    int reportFailures(EngineAdapter& engine, int job);
};

} // namespace evograph::ui
