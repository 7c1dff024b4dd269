#include "ui/registry/personpage.h"

#include "core/domain/codes.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "ui/registry/persondialog.h"
#include "ui/widgets/formwidgets.h"

namespace VinhDanh::Ui {

PersonPage::PersonPage(Core::Database &db, qint64 personId, QWidget *parent)
    : SubjectPage(db, Core::Subject::person(personId), QStringLiteral("bao-cao-ca-nhan"), tr("Edit &person…"), parent)
{
    loadDetails();
    resize(860, 600);
}

void PersonPage::readDetails()
{
    const std::optional<Core::Person> person = Core::PersonRepository(m_db).get(personId());
    if (!person) {
        setTitle(tr("This person no longer exists."));
        return;
    }
    setWindowTitle(tr("Person: %1").arg(person->fullName));
    setTitle(person->fullName);
    using Core::Codes::Set;
    addDetail(tr("Gender:"), person->gender.isEmpty() ? QString() : Core::Codes::label(Set::Gender, person->gender));
    addDetail(tr("Birth date:"), DateField::format(person->birthDate));
    addDetail(tr("CCCD:"), person->cccd);
    addDetail(tr("Unit:"), Core::UnitRepository(m_db).name(person->unitId));
    addDetail(tr("Position:"), person->position);
    addDetail(tr("Category:"), Core::Codes::label(Set::PersonCategory, person->category));
    addDetail(tr("Key:"), person->key);
}

bool PersonPage::runEditDialog()
{
    PersonDialog dialog(m_db, personId(), 0, this);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace VinhDanh::Ui
