#include "ui/registry/personpage.h"

#include "ui/common/errorbox.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/repo/personrepository.h"
#include "core/repo/unitrepository.h"
#include "ui/documents/printbutton.h"
#include "ui/eligibility/eligibilitypanel.h"
#include "ui/registry/formwidgets.h"
#include "ui/registry/persondialog.h"
#include "ui/registry/recordswidget.h"
#include "ui/workflow/subjectworkflowtab.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}
} // namespace

PersonPage::PersonPage(Core::Database &db, qint64 personId, QWidget *parent)
    : QDialog(parent), m_db(db), m_personId(personId), m_title(new QLabel(this)), m_details(new QFormLayout),
      m_records(new RecordsWidget(db, Core::Subject::person(personId), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *edit = new QPushButton(tr("Edit &person…"), this);
    connect(edit, &QPushButton::clicked, this, &PersonPage::editPerson);
    auto *print = new PrintButton(this);
    print->addDocument(QStringLiteral("bao-cao-ca-nhan"), tr("Achievement report (báo cáo thành tích)…"));
    print->setRecord(&db, personId);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(print, 0, Qt::AlignTop);
    header->addWidget(edit, 0, Qt::AlignTop);
    connect(m_records, &RecordsWidget::changed, this, &PersonPage::changed);
    // Eligibility follows every record written on this page; it evaluates only when shown.
    auto *eligibility = new EligibilityPanel(db, Core::Subject::person(personId), m_records);
    m_records->addTab(eligibility, tr("Eligibility"));
    connect(this, &PersonPage::changed, eligibility, &EligibilityPanel::invalidate);
    // The dossiers and decisions naming this person; a dossier opens over this page.
    auto *workflow = new SubjectWorkflowTab(db, Core::Subject::person(personId), m_records);
    m_records->addTab(workflow, tr("Dossiers and decisions"));
    connect(workflow, &SubjectWorkflowTab::changed, this, &PersonPage::changed);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &PersonPage::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(m_details);
    layout->addWidget(m_records, 1);
    layout->addWidget(close);
    loadDetails();
    resize(860, 600);
}

void PersonPage::loadDetails()
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    try {
        const std::optional<Core::Person> person = Core::PersonRepository(m_db).get(m_personId);
        if (!person) {
            m_title->setText(tr("This person no longer exists."));
            return;
        }
        setWindowTitle(tr("Person: %1").arg(person->fullName));
        m_title->setText(person->fullName);
        using Core::Codes::Set;
        auto add = [this](const QString &label, const QString &value) {
            auto *field = new QLabel(orDash(value), this);
            field->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_details->addRow(label, field);
        };
        add(tr("Gender:"), person->gender.isEmpty() ? QString() : Core::Codes::label(Set::Gender, person->gender));
        add(tr("Birth date:"), DateField::format(person->birthDate));
        add(tr("CCCD:"), person->cccd);
        add(tr("Unit:"), Core::UnitRepository(m_db).name(person->unitId));
        add(tr("Position:"), person->position);
        add(tr("Category:"), Core::Codes::label(Set::PersonCategory, person->category));
        add(tr("Key:"), person->key);
    } catch (const Core::Error &e) {
        m_title->setText(shownInPlace("person page", e));
    }
}

void PersonPage::editPerson()
{
    PersonDialog dialog(m_db, m_personId, 0, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    loadDetails();
    emit changed();
}

} // namespace VinhDanh::Ui
