#include "side_by_side_view.h"

#include "line_diff.h"

#include <QAction>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace evograph::ui {

namespace {
constexpr int kFoldContext = 2;
const QString kMissing = QStringLiteral("(not in this version)");

// Tints that read on light and dark palettes alike.
QColor removedTint()
{
    return QColor(220, 50, 47, 55);
}
QColor addedTint()
{
    return QColor(80, 160, 40, 60);
}
QColor removedStrong()
{
    return QColor(220, 50, 47, 120);
}
QColor addedStrong()
{
    return QColor(80, 160, 40, 130);
}

struct PaneLine {
    QString text;
    QColor tint; // invalid: none
    int highlightStart = 0, highlightEnd = 0; // the inline change, in text (after the marker)
    QColor highlight;
};

// One row cut at word boundaries into lines of at most `columns` characters; continuation lines
// are indented by two, and the inline highlight follows its characters.
std::vector<PaneLine> wrapped(const PaneLine& line, int columns)
{
    const QString& text = line.text;
    if (text.size() <= columns)
        return {line};
    std::vector<PaneLine> out;
    for (qsizetype start = 0; start < text.size();) {
        const qsizetype indent = start == 0 ? 0 : 2, room = std::max<qsizetype>(8, columns - indent);
        qsizetype end = std::min(text.size(), start + room);
        if (end < text.size())
            if (const qsizetype space = text.lastIndexOf(QLatin1Char(' '), end - 1); space > start + room / 3)
                end = space + 1;
        PaneLine part {
            QString(indent, QLatin1Char(' ')) + text.mid(start, end - start), line.tint, 0, 0, line.highlight};
        const auto clampTo
            = [&](int at) { return static_cast<int>(std::clamp<qsizetype>(at - start, 0, end - start) + indent); };
        part.highlightStart = clampTo(line.highlightStart);
        part.highlightEnd = clampTo(line.highlightEnd);
        out.push_back(std::move(part));
        start = end;
    }
    return out;
}

QPlainTextEdit* makePane(QWidget* parent)
{
    auto* pane = new QPlainTextEdit(parent);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap); // rows are wrapped by render(), the same on both sides
    pane->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return pane;
}

void fill(QPlainTextEdit* pane, const std::vector<PaneLine>& lines)
{
    QStringList text;
    for (const PaneLine& line : lines)
        text << line.text;
    pane->setPlainText(text.join(QLatin1Char('\n')));
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = pane->document()->firstBlock();
    for (const PaneLine& line : lines) {
        if (line.tint.isValid()) {
            QTextEdit::ExtraSelection whole;
            whole.cursor = QTextCursor(block);
            whole.format.setBackground(line.tint);
            whole.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections << whole;
        }
        if (line.highlight.isValid() && line.highlightEnd > line.highlightStart) {
            QTextEdit::ExtraSelection part;
            part.cursor = QTextCursor(block);
            part.cursor.setPosition(block.position() + line.highlightStart);
            part.cursor.setPosition(block.position() + line.highlightEnd, QTextCursor::KeepAnchor);
            part.format.setBackground(line.highlight);
            selections << part;
        }
        block = block.next();
    }
    pane->setExtraSelections(selections);
}
} // namespace

SideBySideView::SideBySideView(QWidget* parent)
    : QWidget(parent)
    , m_leftTitle(new QLabel(this))
    , m_rightTitle(new QLabel(this))
    , m_left(makePane(this))
    , m_right(makePane(this))
    , m_findBar(new QLineEdit(this))
{
    m_findBar->setObjectName(QStringLiteral("paneFind"));
    m_findBar->setPlaceholderText(tr("Find in both panes (Enter: next, Esc: close)"));
    m_findBar->setClearButtonEnabled(true);
    m_findBar->hide();
    connect(m_findBar, &QLineEdit::returnPressed, this, [this] { find(m_findBar->text()); });
    auto* close = new QAction(m_findBar);
    close->setShortcut(Qt::Key_Escape);
    close->setShortcutContext(Qt::WidgetShortcut);
    connect(close, &QAction::triggered, m_findBar, &QWidget::hide);
    m_findBar->addAction(close);
    m_left->setObjectName(QStringLiteral("beforePane"));
    m_left->viewport()->installEventFilter(this);
    m_right->setObjectName(QStringLiteral("afterPane"));
    for (QLabel* title : {m_leftTitle, m_rightTitle})
        title->setTextFormat(Qt::PlainText), title->setStyleSheet(QStringLiteral("font-weight: bold"));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_leftTitle, 0, 0);
    layout->addWidget(m_rightTitle, 0, 1);
    layout->addWidget(m_left, 1, 0);
    layout->addWidget(m_right, 1, 1);
    layout->addWidget(m_findBar, 2, 0, 1, 2);
    // Rows are aligned, so equal scroll positions show the same rows.
    for (auto [from, to] : {std::pair {m_left, m_right}, std::pair {m_right, m_left}}) {
        connect(from->verticalScrollBar(), &QScrollBar::valueChanged, to->verticalScrollBar(), &QScrollBar::setValue);
        connect(
            from->horizontalScrollBar(), &QScrollBar::valueChanged, to->horizontalScrollBar(), &QScrollBar::setValue);
    }
}

void SideBySideView::setTexts(
    const QString& leftTitle, const QString& left, const QString& rightTitle, const QString& right)
{
    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    m_leftSource = left;
    m_rightSource = right;
    render();
}

void SideBySideView::setFoldUnchanged(bool fold)
{
    m_fold = fold;
    render();
}

void SideBySideView::clear(const QString& message)
{
    m_leftTitle->clear(), m_rightTitle->clear();
    m_leftSource.clear(), m_rightSource.clear();
    m_leftShown.clear(), m_rightShown.clear();
    m_left->setPlainText(message);
    m_right->clear();
    m_left->setExtraSelections({}), m_right->setExtraSelections({});
    m_changedRows = 0;
}

void SideBySideView::showFindBar()
{
    m_findBar->show();
    m_findBar->setFocus();
    m_findBar->selectAll();
}

bool SideBySideView::find(const QString& text)
{
    if (text.isEmpty())
        return false;
    QPlainTextEdit* first = m_right->hasFocus() || m_right->textCursor().hasSelection() ? m_right : m_left;
    QPlainTextEdit* second = first == m_left ? m_right : m_left;
    if (first->find(text))
        return true;
    // On to the other pane from its top, then this one's top again.
    for (QPlainTextEdit* pane : {second, first}) {
        QTextCursor top(pane->document());
        pane->setTextCursor(top);
        if (pane->find(text)) {
            if (pane != first)
                first->setTextCursor(QTextCursor(first->document()));
            return true;
        }
    }
    return false;
}

QString SideBySideView::leftText() const
{
    return m_leftShown.isEmpty() ? m_left->toPlainText() : m_leftShown.join(QLatin1Char('\n'));
}

QString SideBySideView::rightText() const
{
    return m_rightShown.isEmpty() ? m_right->toPlainText() : m_rightShown.join(QLatin1Char('\n'));
}

void SideBySideView::render()
{
    const QStringList left = m_leftSource.isEmpty() ? QStringList() : m_leftSource.split(QLatin1Char('\n'));
    const QStringList right = m_rightSource.isEmpty() ? QStringList() : m_rightSource.split(QLatin1Char('\n'));
    const std::vector<AlignedRow> rows = alignLines(left, right);
    std::vector<PaneLine> leftLines, rightLines;
    m_changedRows = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const AlignedRow& row = rows[i];
        if (row.kind == AlignedRow::Kind::Equal) {
            // A long run of equal rows folds to its first and last few.
            std::size_t end = i;
            while (end < rows.size() && rows[end].kind == AlignedRow::Kind::Equal)
                ++end;
            const std::size_t run = end - i;
            const bool foldRun = m_fold && run > 2 * kFoldContext + 1;
            for (std::size_t k = i; k < end; ++k) {
                const std::size_t fromStart = k - i, fromEnd = end - 1 - k;
                const bool keep = !foldRun || (fromStart < kFoldContext && i != 0)
                    || (fromEnd < kFoldContext && end != rows.size());
                if (keep) {
                    leftLines.push_back({QStringLiteral("  ") + left[rows[k].left], {}, 0, 0, {}});
                    rightLines.push_back({QStringLiteral("  ") + right[rows[k].right], {}, 0, 0, {}});
                } else if (k == i + (i != 0 ? kFoldContext : 0)) {
                    std::size_t hidden = run - (i != 0 ? kFoldContext : 0) - (end != rows.size() ? kFoldContext : 0);
                    const QString fold = tr("  ⋯ %n unchanged line(s)", nullptr, static_cast<int>(hidden));
                    leftLines.push_back({fold, {}, 0, 0, {}});
                    rightLines.push_back({fold, {}, 0, 0, {}});
                }
            }
            i = end - 1;
            continue;
        }
        ++m_changedRows;
        const QString leftText = row.left >= 0 ? left[row.left] : QString();
        const QString rightText = row.right >= 0 ? right[row.right] : QString();
        if (row.kind == AlignedRow::Kind::Changed) {
            const InlineChange change = inlineChange(leftText, rightText);
            leftLines.push_back({QStringLiteral("± ") + leftText, removedTint(), 2 + change.leftStart,
                2 + change.leftEnd, removedStrong()});
            rightLines.push_back({QStringLiteral("± ") + rightText, addedTint(), 2 + change.rightStart,
                2 + change.rightEnd, addedStrong()});
        } else if (row.kind == AlignedRow::Kind::Removed) {
            leftLines.push_back({QStringLiteral("− ") + leftText, removedTint(), 0, 0, {}});
            rightLines.push_back({QString(), {}, 0, 0, {}});
        } else {
            leftLines.push_back({QString(), {}, 0, 0, {}});
            rightLines.push_back({QStringLiteral("+ ") + rightText, addedTint(), 0, 0, {}});
        }
    }
    // A side the entity is missing from is all filler rows: say so in the first.
    for (auto [source, lines] : {std::pair {&left, &leftLines}, std::pair {&right, &rightLines}}) {
        if (!source->isEmpty())
            continue;
        if (lines->empty())
            lines->push_back({});
        lines->front().text = QStringLiteral("  ") + kMissing;
    }
    if (rightLines.size() < leftLines.size())
        rightLines.resize(leftLines.size());
    if (leftLines.size() < rightLines.size())
        leftLines.resize(rightLines.size());
    m_leftShown.clear(), m_rightShown.clear();
    for (const PaneLine& line : leftLines)
        m_leftShown << line.text;
    for (const PaneLine& line : rightLines)
        m_rightShown << line.text;
    // Long lines wrap at the pane's width, and the other side gets as many rows, so the panes stay
    // aligned row for row.
    const int columns = m_columns;
    std::vector<PaneLine> leftRows, rightRows;
    for (std::size_t i = 0; i < leftLines.size(); ++i) {
        std::vector<PaneLine> l = wrapped(leftLines[i], columns), r = wrapped(rightLines[i], columns);
        const std::size_t height = std::max(l.size(), r.size());
        l.resize(height, PaneLine {QString(), leftLines[i].text.isEmpty() ? QColor() : leftLines[i].tint, 0, 0, {}});
        r.resize(height, PaneLine {QString(), rightLines[i].text.isEmpty() ? QColor() : rightLines[i].tint, 0, 0, {}});
        leftRows.insert(leftRows.end(), l.begin(), l.end());
        rightRows.insert(rightRows.end(), r.begin(), r.end());
    }
    fill(m_left, leftRows);
    fill(m_right, rightRows);
}

bool SideBySideView::eventFilter(QObject* watched, QEvent* event)
{
    // The pane's own width decides where lines wrap (the view's is known before its layout runs).
    if (watched == m_left->viewport() && event->type() == QEvent::Resize) {
        const int charWidth = std::max(1, m_left->fontMetrics().horizontalAdvance(QLatin1Char('x')));
        const int columns = std::max(24, m_left->viewport()->width() / charWidth - 3); // the marker, the margins
        if (columns != m_columns) {
            m_columns = columns;
            QMetaObject::invokeMethod(this, &SideBySideView::render, Qt::QueuedConnection); // not inside the layout
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace evograph::ui
