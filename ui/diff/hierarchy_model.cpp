#include "hierarchy_model.h"

#include <QColor>
#include <QFont>

namespace evograph::ui {

using analysis::AlignedRow;
using analysis::NodeStatus;

QColor statusColor(NodeStatus status)
{
    // Accents that keep their contrast on light and dark backgrounds.
    switch (status) {
    case NodeStatus::Added:
        return QColor(40, 160, 60);
    case NodeStatus::Removed:
        return QColor(220, 50, 47);
    case NodeStatus::Changed:
        return QColor(200, 140, 0);
    case NodeStatus::Moved:
        return QColor(140, 90, 230);
    case NodeStatus::Renamed:
        return QColor(38, 139, 210);
    case NodeStatus::Deprecated:
        return QColor(130, 130, 130);
    case NodeStatus::Unchanged:
        break;
    }
    return {};
}

HierarchyModel::HierarchyModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void HierarchyModel::setSession(std::shared_ptr<const DiffSession> session)
{
    m_session = std::move(session);
    rebuild();
}

void HierarchyModel::setKind(analysis::HierarchyKind kind)
{
    m_kind = kind;
    rebuild();
}

void HierarchyModel::setShow(Show show)
{
    m_show = show;
    rebuild();
}

void HierarchyModel::setSearch(const QString& text)
{
    m_search = text.trimmed().toLower();
    rebuild();
}

const analysis::HierarchyTree* HierarchyModel::tree() const
{
    const auto k = static_cast<std::size_t>(m_kind);
    return m_session && k < m_session->hierarchies.size() ? &m_session->hierarchies[k] : nullptr;
}

QString HierarchyModel::name(std::size_t entry) const
{
    const analysis::HierarchyEntry& e = tree()->entries[entry];
    const QString term = m_session->display(e.iri);
    return e.label.empty() ? term : QString::fromStdString(e.label) + QStringLiteral("  ") + term;
}

void HierarchyModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_changedRows.clear();
    m_oldRowOf.clear();
    m_newRowOf.clear();
    const analysis::HierarchyTree* t = tree();
    if (!t) {
        endResetModel();
        return;
    }
    const auto& aligned = m_session->alignedHierarchies[static_cast<std::size_t>(m_kind)];
    const auto changed = [&](std::size_t entry) {
        return entry != AlignedRow::kNone && t->entries[entry].status != NodeStatus::Unchanged;
    };
    const auto matches = [&](std::size_t entry) {
        if (entry == AlignedRow::kNone)
            return false;
        const analysis::HierarchyEntry& e = t->entries[entry];
        return QString::fromStdString(e.label).toLower().contains(m_search)
            || m_session->display(e.iri).toLower().contains(m_search);
    };
    const bool everything = m_show == Show::Everything && m_search.isEmpty();
    std::vector<char> keep(aligned.size(), everything ? 1 : 0);
    if (!everything) {
        for (std::size_t i = 0; i < aligned.size(); ++i) {
            const AlignedRow& r = aligned[i];
            keep[i] = m_search.isEmpty() ? (changed(r.oldEntry) || changed(r.newEntry))
                                         : (matches(r.oldEntry) || matches(r.newEntry));
        }
        // The ancestors of what is kept, on each side, stay as its context.
        for (const bool newSide : {false, true}) {
            std::vector<std::pair<int, std::size_t>> path; // (depth, row) down to the current row
            for (std::size_t i = 0; i < aligned.size(); ++i) {
                const AlignedRow& r = aligned[i];
                if ((newSide ? r.newEntry : r.oldEntry) == AlignedRow::kNone)
                    continue;
                const int depth = newSide ? r.newDepth : r.oldDepth;
                while (!path.empty() && path.back().first >= depth)
                    path.pop_back();
                if (keep[i])
                    for (const auto& [d, row] : path)
                        keep[row] = keep[row] ? keep[row] : 2;
                path.emplace_back(depth, i);
            }
        }
    }
    m_oldRowOf.assign(t->entries.size(), -1);
    m_newRowOf.assign(t->entries.size(), -1);
    std::size_t folded = 0;
    const auto flushFold = [&] {
        if (folded > 0 && m_show != Show::ChangedOnly)
            m_rows.push_back({0, folded});
        folded = 0;
    };
    for (std::size_t i = 0; i < aligned.size(); ++i) {
        if (!keep[i]) {
            ++folded;
            continue;
        }
        flushFold();
        const int row = static_cast<int>(m_rows.size());
        const AlignedRow& r = aligned[i];
        if (r.oldEntry != AlignedRow::kNone)
            m_oldRowOf[r.oldEntry] = row;
        if (r.newEntry != AlignedRow::kNone)
            m_newRowOf[r.newEntry] = row;
        if (changed(r.oldEntry) || changed(r.newEntry))
            m_changedRows.push_back(row);
        m_rows.push_back({i, 0});
    }
    flushFold();
    endResetModel();
}

int HierarchyModel::rowOf(std::size_t entry, Column side) const
{
    const auto& map = side == Old ? m_oldRowOf : m_newRowOf;
    return entry < map.size() ? map[entry] : -1;
}

int HierarchyModel::entryAt(int row) const
{
    if (row < 0 || row >= rowCount() || m_rows[static_cast<std::size_t>(row)].folded)
        return -1;
    const AlignedRow& r
        = m_session
              ->alignedHierarchies[static_cast<std::size_t>(m_kind)][m_rows[static_cast<std::size_t>(row)].aligned];
    return static_cast<int>(r.newEntry != AlignedRow::kNone ? r.newEntry : r.oldEntry);
}

int HierarchyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HierarchyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HierarchyModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (row.folded) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("… %n unchanged", nullptr, static_cast<int>(row.folded));
        case Qt::ForegroundRole:
            return QColor(140, 140, 140);
        case Qt::FontRole: {
            QFont font;
            font.setItalic(true);
            return font;
        }
        case kFoldRole:
            return static_cast<qulonglong>(row.folded);
        case kEntryRole:
            return -1;
        default:
            return {};
        }
    }
    const AlignedRow& r = m_session->alignedHierarchies[static_cast<std::size_t>(m_kind)][row.aligned];
    const bool oldSide = index.column() == Old;
    const std::size_t entry = oldSide ? r.oldEntry : r.newEntry;
    if (role == kEntryRole)
        return entry == AlignedRow::kNone ? -1 : static_cast<int>(entry);
    if (role == kFoldRole)
        return 0;
    if (entry == AlignedRow::kNone)
        return {};
    const analysis::HierarchyEntry& e = tree()->entries[entry];
    switch (role) {
    case Qt::DisplayRole:
        return QString(static_cast<qsizetype>(oldSide ? r.oldDepth : r.newDepth) * 3, QLatin1Char(' '))
            + QString::fromUtf8(analysis::statusMark(e.status)) + QLatin1Char(' ') + name(entry);
    case kDepthRole:
        return oldSide ? r.oldDepth : r.newDepth;
    case Qt::ForegroundRole:
        if (e.status != NodeStatus::Unchanged)
            return statusColor(e.status);
        return {};
    case Qt::BackgroundRole: {
        // Tinted where the entity is not the same in this version: added on the right, removed on
        // the left, moved and renamed on both.
        const bool tinted = (e.status == NodeStatus::Added && !oldSide) || (e.status == NodeStatus::Removed && oldSide)
            || e.status == NodeStatus::Moved || e.status == NodeStatus::Renamed;
        if (!tinted)
            return {};
        QColor tint = statusColor(e.status);
        tint.setAlpha(40);
        return tint;
    }
    case Qt::FontRole:
        if (e.deprecated && !oldSide) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = QString::fromStdString(std::string(m_session->dictionary().term(e.iri).value)) + QLatin1Char('\n')
            + QString::fromUtf8(analysis::toString(e.status));
        for (const std::string& reason : e.reasons)
            tip += QStringLiteral("\n• ") + QString::fromStdString(reason);
        return tip;
    }
    default:
        return {};
    }
}

QVariant HierarchyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || !m_session)
        return {};
    return section == Old ? tr("Before: %1").arg(m_session->oldTitle) : tr("After: %1").arg(m_session->newTitle);
}

} // namespace evograph::ui
