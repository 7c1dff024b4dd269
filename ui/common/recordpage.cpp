#include "ui/common/recordpage.h"

#include "core/db/changes.h"
#include "core/error.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/errorbox.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVariant>
#include <QWidget>

namespace VinhDanh::Ui {

namespace {
// How often a change that arrived while the page could not read it is tried again.
constexpr int RetryMs = 300;

bool isInside(const QObject *object, const QObject *ancestor)
{
    // By QObject parent, not QWidget::isAncestorOf: a dialog is a window of its own.
    for (const QObject *o = object; o; o = o->parent())
        if (o == ancestor)
            return true;
    return false;
}
} // namespace

RecordPage::RecordPage(QWidget *page, const QStringList &tables)
    : m_page(page), m_signals(new RecordPageSignals(page)),
      m_watch(new ChangeWatch(
          tables, [this](const Core::ChangeSet &changes) { onChanges(changes); }, m_signals)),
      m_notice(new QFrame(page)), m_noticeText(new QLabel(m_notice))
{
    m_notice->setObjectName(QStringLiteral("changedElsewhere"));
    m_notice->setStyleSheet(QStringLiteral("#changedElsewhere { background: #fff4ce; }"));
    m_noticeText->setWordWrap(true);
    auto *reload = new QPushButton(QCoreApplication::translate("VinhDanh::Ui::RecordPage", "Reload"), m_notice);
    reload->setObjectName(QStringLiteral("reloadChangedRecord"));
    auto *layout = new QHBoxLayout(m_notice);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_noticeText, 1);
    layout->addWidget(reload);
    m_notice->hide();
    // The context is m_signals, not the page: ~RecordPage cuts the page's incoming connections.
    QObject::connect(reload, &QPushButton::clicked, m_signals, [this] { reloadRecord(); });
}

RecordPage::~RecordPage()
{
    // ~QWidget, which runs after this, deletes the children; on the way they still signal (a
    // selection model emptied, a line edit losing focus) and the slots would reach a page whose
    // derived part is gone. Cut every child's connection to the page before that.
    delete m_watch;
    for (QObject *child : m_page->findChildren<QObject *>()) {
        QObject::disconnect(child, nullptr, m_page, nullptr);
        QObject::disconnect(child, nullptr, m_signals, nullptr);
    }
}

bool RecordPage::isChangeNoticeShown() const
{
    return !m_notice->isHidden();
}

bool RecordPage::concerns(const Core::ChangeSet &) const
{
    return true;
}

bool RecordPage::loadRecord(qint64 id)
{
    try {
        readRecord(id);
    } catch (const Core::Error &e) {
        showError(m_page, readErrorTitle(), e);
        return false;
    }
    // What was waiting is in what was just read.
    m_watch->discardPending();
    return true;
}

void RecordPage::reloadRecord()
{
    const qint64 id = shownRecordId();
    if (id <= 0) {
        hideNotice();
        return;
    }
    loadRecord(id);
}

bool RecordPage::saveIfDirty()
{
    return (!m_dirty && shownRecordId() > 0) || saveRecord();
}

void RecordPage::markDirty()
{
    if (m_loading || m_readOnly || m_dirty)
        return;
    m_dirty = true;
    emit m_signals->dirtyChanged(true);
    dirtyStateChanged();
}

void RecordPage::setClean()
{
    hideNotice();
    if (!m_dirty)
        return;
    m_dirty = false;
    emit m_signals->dirtyChanged(false);
}

void RecordPage::addEditors(const QList<QWidget *> &editors)
{
    m_editors << editors;
}

void RecordPage::setEditorsReadOnly(bool readOnly)
{
    for (QWidget *editor : std::as_const(m_editors)) {
        // Read-only rather than disabled where the widget can: the text stays legible and copyable.
        if (editor->metaObject()->indexOfProperty("readOnly") >= 0)
            editor->setProperty("readOnly", readOnly);
        else
            editor->setEnabled(!readOnly);
    }
}

void RecordPage::watchDatabase(Core::Database *db)
{
    m_watch->setDatabase(db);
    m_waiting = false;
}

void RecordPage::ownChangeShown()
{
    m_watch->discardPending();
}

void RecordPage::holdWhileFocused(QWidget *part)
{
    m_held << part;
}

bool RecordPage::mustWait() const
{
    // A dialog of the page (a message box, a nominee's form) works on what the page shows.
    const QWidget *modal = QApplication::activeModalWidget();
    if (modal && modal != m_page && isInside(modal, m_page))
        return true;
    if (holdsUnsavedInput())
        return true;
    const QWidget *focus = QApplication::focusWidget();
    for (const QWidget *part : m_held)
        if (focus && isInside(focus, part))
            return true;
    return false;
}

void RecordPage::onChanges(const Core::ChangeSet &changes)
{
    if (shownRecordId() <= 0 || !concerns(changes))
        return;
    followChange();
}

void RecordPage::followChange()
{
    if (mustWait()) {
        if (!m_waiting) {
            m_waiting = true;
            QTimer::singleShot(RetryMs, m_signals, [this] {
                m_waiting = false;
                followChange();
            });
        }
        return;
    }
    const qint64 id = shownRecordId();
    if (id <= 0)
        return;
    try {
        if (!m_dirty) {
            readRecord(id);
            return;
        }
        if (!storedRecordDiffers()) {
            readChildren();
            return;
        }
    } catch (const Core::Error &e) {
        // Not a box: nobody on this desk asked for the read. (Also the record deleted elsewhere.)
        showNotice(shownInPlace("record page", e));
        return;
    }
    showNotice(QCoreApplication::translate("VinhDanh::Ui::RecordPage",
                                           "This record has just been changed elsewhere. Your unsaved changes are "
                                           "still here; Reload shows the stored record instead of them."));
    emit m_signals->changedElsewhere();
}

void RecordPage::showNotice(const QString &text)
{
    m_noticeText->setText(text);
    m_notice->show();
}

void RecordPage::hideNotice()
{
    m_notice->hide();
}

} // namespace VinhDanh::Ui
