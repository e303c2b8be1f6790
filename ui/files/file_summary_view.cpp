#include "file_summary_view.h"

#include "statistics_model.h"

#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace evograph::ui {

namespace {
QTableWidget* prefixTable(const rdf::PrefixMap& prefixes, QWidget* parent)
{
    auto* table = new QTableWidget(static_cast<int>(prefixes.size()), 2, parent);
    table->setHorizontalHeaderLabels({QObject::tr("Prefix"), QObject::tr("Namespace")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    int row = 0;
    for (const auto& [prefix, iri] : prefixes.entries()) {
        table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(prefix) + ':'));
        table->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(iri)));
        ++row;
    }
    table->resizeColumnToContents(0);
    return table;
}
} // namespace

FileSummaryView::FileSummaryView(std::shared_ptr<const LoadedFile> file, QWidget* parent)
    : QWidget(parent)
    , m_file(std::move(file))
    , m_model(new StatisticsModel(this))
{
    m_model->setFile(m_file);
    const auto& report = m_file->report;
    const auto& stats = m_file->statistics;

    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(QFileInfo(m_file->path).fileName().toHtmlEscaped()));
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList details;
    details << QFileInfo(m_file->path).absoluteFilePath().toHtmlEscaped();
    details << tr("%1, %2 read in %3 s")
                   .arg(QString::fromStdString(std::string(rdf::formatName(report.format))),
                       QLocale().formattedDataSize(static_cast<qint64>(report.bytes)),
                       QString::number(report.seconds, 'f', 3));
    for (const auto& iri : stats.ontologies)
        details << tr("Ontology: %1").arg(QString::fromStdString(iri).toHtmlEscaped());
    for (const auto& iri : stats.versionIris)
        details << tr("Version IRI: %1").arg(QString::fromStdString(iri).toHtmlEscaped());
    auto* detailLabel = new QLabel(details.join(QStringLiteral("<br>")));
    detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLabel->setWordWrap(true);

    auto* statsView = new QTableView;
    statsView->setObjectName(QStringLiteral("statisticsTable"));
    statsView->setModel(m_model);
    statsView->verticalHeader()->hide();
    statsView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    statsView->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    statsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    statsView->setAlternatingRowColors(true);

    auto* statsBox = new QGroupBox(tr("Contents"));
    (new QVBoxLayout(statsBox))->addWidget(statsView);
    auto* prefixBox = new QGroupBox(tr("Prefixes"));
    (new QVBoxLayout(prefixBox))->addWidget(prefixTable(m_file->dataset->prefixes(), prefixBox));

    auto* columns = new QHBoxLayout;
    columns->addWidget(statsBox, 2);
    columns->addWidget(prefixBox, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(detailLabel);
    layout->addLayout(columns, 1);
}

} // namespace evograph::ui
