#pragma once
// One opened file: where it came from, how it was read, what it holds, its prefixes.

#include "common/engine_adapter.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTableWidget;

namespace evograph::ui {

class StatisticsModel;

class FileSummaryView : public QWidget {
    Q_OBJECT
public:
    explicit FileSummaryView(std::shared_ptr<const LoadedFile> file, QWidget* parent = nullptr);

    const std::shared_ptr<const LoadedFile>& file() const { return m_file; }
    StatisticsModel* statisticsModel() const { return m_model; }

private:
    std::shared_ptr<const LoadedFile> m_file;
    StatisticsModel* m_model;
};

} // namespace evograph::ui
