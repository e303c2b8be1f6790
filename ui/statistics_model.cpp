#include "statistics_model.h"

#include <QLocale>

namespace evograph::ui {

StatisticsModel::StatisticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void StatisticsModel::setFile(std::shared_ptr<const LoadedFile> file)
{
    beginResetModel();
    m_rows.clear();
    if (file) {
        const auto& s = file->statistics;
        auto add = [this](QString name, std::uint64_t value, QString tip) {
            m_rows.push_back({std::move(name), QVariant::fromValue<qulonglong>(value), std::move(tip)});
        };
        add(tr("Triples"), s.triples, tr("Statements, in all graphs, without duplicates"));
        add(tr("Subjects"), s.subjects, tr("Distinct subjects"));
        add(tr("Classes"), s.classes, tr("IRIs typed owl:Class or rdfs:Class"));
        add(tr("Object properties"), s.objectProperties, tr("IRIs typed owl:ObjectProperty"));
        add(tr("Datatype properties"), s.datatypeProperties, tr("IRIs typed owl:DatatypeProperty"));
        add(tr("Annotation properties"), s.annotationProperties, tr("IRIs typed owl:AnnotationProperty"));
        add(tr("Other properties"), s.rdfProperties, tr("IRIs typed rdf:Property only"));
        add(tr("Individuals"), s.individuals, tr("IRIs typed owl:NamedIndividual or with a class of this file"));
        add(tr("Blank nodes"), s.blankNodes, tr("Distinct blank nodes (restrictions, lists, axioms)"));
        add(tr("Literals"), s.literals, tr("Distinct literals"));
        add(tr("Named graphs"), s.graphs, tr("Graphs other than the default graph"));
        add(tr("Prefixes"), s.prefixes, tr("Namespace prefixes declared in the file"));
    }
    endResetModel();
}

int StatisticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StatisticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant StatisticsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == 0 ? QVariant(row.name) : QVariant(QLocale().toString(row.value.toULongLong()));
    case Qt::UserRole:
        return index.column() == 0 ? QVariant(row.name) : row.value;
    case Qt::ToolTipRole:
        return row.tip;
    case Qt::TextAlignmentRole:
        return index.column() == 1 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

QVariant StatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == 0 ? tr("Figure") : tr("Count");
}

} // namespace evograph::ui
