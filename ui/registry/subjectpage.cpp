#include "ui/registry/subjectpage.h"

#include "core/error.h"
#include "ui/decisions/subjectworkflowtab.h"
#include "ui/eligibility/eligibilitypanel.h"
#include "ui/registry/recordswidget.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/printbutton.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
// A function, not a braced list in the constructor's initialisers: lupdate loses the class's
// translation context at a brace there, and every tr() of the constructor would go untranslated.
/// The subject and its unit's names, its people and its records.
QStringList subjectTables()
{
    return {QStringLiteral("people"),
            QStringLiteral("units"),
            QStringLiteral("blocs"),
            QStringLiteral("ratings"),
            QStringLiteral("awards"),
            QStringLiteral("initiatives"),
            QStringLiteral("initiative_holders"),
            QStringLiteral("disciplines")};
}
} // namespace

SubjectPage::SubjectPage(Core::Database &db, const Core::Subject &subject, const QString &report, const QString &editText,
                         QWidget *parent)
    : QDialog(parent), RecordPage(this, subjectTables()), m_db(db), m_subject(subject), m_title(new QLabel(this)),
      m_details(new QFormLayout), m_records(new RecordsWidget(db, subject, this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    auto *edit = new QPushButton(editText, this);
    connect(edit, &QPushButton::clicked, this, &SubjectPage::edit);
    auto *print = new PrintButton(this);
    print->addDocument(report, tr("Achievement report (báo cáo thành tích)…"));
    print->setRecord(&db, shownRecordId());
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(print, 0, Qt::AlignTop);
    header->addWidget(edit, 0, Qt::AlignTop);
    // The page's own writes: what the notifier brings for them is shown already.
    connect(m_records, &RecordsWidget::changed, this, [this] {
        ownChangeShown();
        emit changed();
    });
    // Eligibility follows every record written on this page (and, through the change notifier,
    // elsewhere); it evaluates only when shown.
    auto *eligibility = new EligibilityPanel(db, subject, m_records);
    m_records->addTab(eligibility, tr("Eligibility"));
    connect(this, &SubjectPage::changed, eligibility, &EligibilityPanel::invalidate);
    // The dossiers and decisions naming the subject; a dossier opens over this page.
    auto *workflow = new SubjectWorkflowTab(db, subject, m_records);
    m_records->addTab(workflow, tr("Dossiers and decisions"));
    // A dossier or decision opened from here wrote: not this page's own write (issuing a decision
    // adds awards the records tabs have not read), so what the notifier brings is kept.
    connect(workflow, &SubjectWorkflowTab::changed, this, &SubjectPage::changed);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &SubjectPage::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(changeNotice());
    layout->addLayout(m_details);
    layout->addWidget(m_records, 1);
    layout->addWidget(close);
    watchDatabase(&db);
}

void SubjectPage::setTitle(const QString &title)
{
    m_title->setText(title);
}

void SubjectPage::addDetail(const QString &label, const QString &value)
{
    auto *field = new QLabel(value.isEmpty() ? QStringLiteral("—") : value, this);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->addRow(label, field);
}

void SubjectPage::loadDetails()
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    try {
        readDetails();
    } catch (const Core::Error &e) {
        m_title->setText(shownInPlace(logName(), e));
    }
}

void SubjectPage::readRecord(qint64)
{
    // Nothing here is edited in place (the dialogs edit), so a change is always read at once.
    loadDetails();
    m_records->reload();
    readMore();
    setClean();
}

QString SubjectPage::readErrorTitle() const
{
    return tr("Cannot read the records");
}

void SubjectPage::edit()
{
    if (!runEditDialog())
        return;
    readRecord(shownRecordId());
    ownChangeShown();
    emit changed();
}

} // namespace VinhDanh::Ui
