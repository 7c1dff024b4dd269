#include "ui/dossiers/attachmentspanel.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/filedialogs.h"

#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/errorbox.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

namespace {
constexpr int KindRole = Qt::UserRole;
constexpr int NomineeRole = Qt::UserRole + 1;
} // namespace

AttachmentsPanel::AttachmentsPanel(Core::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_required(new QListWidget(this)), m_missing(new QLabel(this)), m_files(new QTableWidget(0, 4, this)),
      m_kind(new QComboBox(this)), m_add(new QPushButton(tr("&Add file…"), this)), m_saveAs(new QPushButton(tr("&Save as…"), this)),
      m_remove(new QPushButton(tr("&Remove…"), this))
{
    m_required->setObjectName(QStringLiteral("required"));
    m_missing->setObjectName(QStringLiteral("missing"));
    m_files->setObjectName(QStringLiteral("files"));
    m_kind->setObjectName(QStringLiteral("attachAs"));
    m_add->setObjectName(QStringLiteral("addFile"));
    m_saveAs->setObjectName(QStringLiteral("saveAs"));
    m_remove->setObjectName(QStringLiteral("removeFile"));
    m_missing->setWordWrap(true);
    m_files->setHorizontalHeaderLabels({tr("Document"), tr("File"), tr("Size"), tr("Added")});
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setSelectionMode(QAbstractItemView::SingleSelection);
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->verticalHeader()->hide();
    Columns::remember(m_files, QStringLiteral("attachments"), {0, 1}); // the document and its file name
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(30);

    connect(m_add, &QPushButton::clicked, this, &AttachmentsPanel::chooseAndAdd);
    connect(m_saveAs, &QPushButton::clicked, this, &AttachmentsPanel::saveSelectedAs);
    connect(m_remove, &QPushButton::clicked, this, &AttachmentsPanel::removeSelected);
    connect(m_files, &QTableWidget::itemSelectionChanged, this, &AttachmentsPanel::updateButtons);
    connect(m_files, &QTableWidget::cellDoubleClicked, this, &AttachmentsPanel::saveSelectedAs);
    // Picking a missing document in the checklist makes it the one the next file attaches as.
    connect(m_required, &QListWidget::currentRowChanged, this, [this](int row) {
        if (const QListWidgetItem *item = m_required->item(row)) {
            for (int i = 0; i < m_kind->count(); ++i)
                if (m_kind->itemData(i, KindRole) == item->data(KindRole)
                    && m_kind->itemData(i, NomineeRole) == item->data(NomineeRole))
                    m_kind->setCurrentIndex(i);
        }
    });

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("Required documents:"), this));
    left->addWidget(m_required, 1);
    left->addWidget(m_missing);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("Attach as:"), this));
    buttons->addWidget(m_kind, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_saveAs);
    buttons->addWidget(m_remove);
    auto *right = new QVBoxLayout;
    right->addWidget(m_files, 1);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);
    updateButtons();
}

void AttachmentsPanel::setDossier(qint64 dossierId, bool editable)
{
    m_dossierId = dossierId;
    m_editable = editable;
    reload();
}

QList<QWidget *> AttachmentsPanel::contentControls() const
{
    return {m_kind, m_add, m_remove};
}

void AttachmentsPanel::reload()
{
    const qint64 keep = selectedId();
    m_required->clear();
    m_files->setRowCount(0);
    m_missingCount = 0;
    const QVariant keepKind = m_kind->currentData(KindRole);
    const QVariant keepNominee = m_kind->currentData(NomineeRole);
    m_kind->clear();
    if (!m_dossierId)
        return;
    try {
        Wf::DossierRepository repo(m_db);
        QStyle *style = QApplication::style();
        for (const Wf::RequiredDocument &doc : repo.requiredDocuments(m_dossierId)) {
            auto *item = new QListWidgetItem(
                style->standardIcon(doc.present ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning),
                doc.present ? doc.label : tr("%1 — missing").arg(doc.label), m_required);
            item->setData(KindRole, int(doc.kind));
            item->setData(NomineeRole, doc.nomineeId);
            if (!doc.present)
                ++m_missingCount;
            m_kind->addItem(doc.label);
            m_kind->setItemData(m_kind->count() - 1, int(doc.kind), KindRole);
            m_kind->setItemData(m_kind->count() - 1, doc.nomineeId, NomineeRole);
        }
        m_kind->addItem(Wf::documentKindLabel(Wf::DocumentKind::Other));
        m_kind->setItemData(m_kind->count() - 1, int(Wf::DocumentKind::Other), KindRole);
        m_kind->setItemData(m_kind->count() - 1, qint64(0), NomineeRole);
        const QList<Wf::Attachment> files = repo.attachments(m_dossierId);
        m_files->setRowCount(0); // rows inserted anew: the columns fit the new rows
        m_files->setRowCount(int(files.size()));
        for (int row = 0; row < files.size(); ++row) {
            const Wf::Attachment &a = files.at(row);
            auto *kind = new QTableWidgetItem(Wf::documentKindLabel(a.kind));
            kind->setData(Qt::UserRole, a.id);
            m_files->setItem(row, 0, kind);
            m_files->setItem(row, 1, new QTableWidgetItem(a.fileName));
            m_files->setItem(row, 2, new QTableWidgetItem(QLocale().formattedDataSize(a.size)));
            m_files->setItem(row, 3, new QTableWidgetItem(WorkflowText::timestamp(a.addedAt)));
            if (a.id == keep)
                m_files->selectRow(row);
        }
        m_missing->setText(m_missingCount ? tr("%n required document(s) missing.", nullptr, m_missingCount)
                                          : tr("Every required document is attached."));
        m_missing->setStyleSheet(m_missingCount ? QStringLiteral("color: #b06a00;") : QString());
    } catch (const Core::Error &e) {
        m_missing->setText(shownInPlace("attachments", e));
        m_missing->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
    for (int i = 0; i < m_kind->count(); ++i)
        if (m_kind->itemData(i, KindRole) == keepKind && m_kind->itemData(i, NomineeRole) == keepNominee)
            m_kind->setCurrentIndex(i);
    updateButtons();
}

qint64 AttachmentsPanel::selectedId() const
{
    const int row = m_files->currentRow();
    const QTableWidgetItem *item = row < 0 ? nullptr : m_files->item(row, 0);
    return item && item->isSelected() ? item->data(Qt::UserRole).toLongLong() : 0;
}

void AttachmentsPanel::updateButtons()
{
    const bool selected = selectedId() != 0;
    m_kind->setEnabled(m_editable);
    m_add->setEnabled(m_editable && m_dossierId);
    m_remove->setEnabled(m_editable && selected);
    m_saveAs->setEnabled(selected);
}

void AttachmentsPanel::chooseAndAdd()
{
    const QString path = FileDialogs::openFile(this, tr("Attach a file as: %1").arg(m_kind->currentText()));
    if (!path.isEmpty())
        addFile(path);
}

bool AttachmentsPanel::addFile(const QString &path)
{
    if (!m_editable || !m_dossierId || m_kind->currentIndex() < 0)
        return false;
    try {
        Wf::DossierRepository(m_db).addAttachmentFile(m_dossierId, Wf::DocumentKind(m_kind->currentData(KindRole).toInt()),
                                                      m_kind->currentData(NomineeRole).toLongLong(), path);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot attach the file"), e);
        return false;
    }
    reload();
    emit changed();
    return true;
}

void AttachmentsPanel::saveSelectedAs()
{
    const int row = m_files->currentRow();
    if (!selectedId() || row < 0)
        return;
    const QString path = FileDialogs::saveFile(this, tr("Save the document as"), m_files->item(row, 1)->text());
    if (!path.isEmpty())
        saveSelectedTo(path);
}

bool AttachmentsPanel::saveSelectedTo(const QString &path)
{
    const qint64 id = selectedId();
    if (!id)
        return false;
    try {
        const QByteArray data = Wf::DossierRepository(m_db).attachmentData(id);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.flush()) {
            QMessageBox::warning(this, tr("Cannot save the document"),
                                 tr("The file “%1” could not be written: %2. Choose another folder or name.")
                                     .arg(QFileInfo(path).fileName(), file.errorString()));
            return false;
        }
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot save the document"), e);
        return false;
    }
    return true;
}

void AttachmentsPanel::removeSelected()
{
    const qint64 id = selectedId();
    const int row = m_files->currentRow();
    if (!id || !m_editable || row < 0)
        return;
    if (QMessageBox::question(this, tr("Remove document"), tr("Remove “%1” from the dossier?").arg(m_files->item(row, 1)->text()),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    try {
        Wf::DossierRepository(m_db).removeAttachment(id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot remove the document"), e);
        return;
    }
    reload();
    emit changed();
}

} // namespace VinhDanh::Ui
