#include "ui/registry/persondialog.h"

#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/registry/validation.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace VinhDanh::Ui {

PersonDialog::PersonDialog(Core::Database &db, qint64 personId, qint64 unitId, QWidget *parent)
    : FormDialog(parent), m_db(db), m_fullName(new QLineEdit(this)), m_gender(new QComboBox(this)), m_birthDate(new DateField(this)),
      m_cccd(new QLineEdit(this)), m_unit(new UnitPicker(this)), m_position(new QLineEdit(this)), m_category(new QComboBox(this))
{
    setWindowTitle(personId ? tr("Edit person") : tr("New person"));
    m_fullName->setObjectName(QStringLiteral("fullName"));
    m_gender->setObjectName(QStringLiteral("gender"));
    m_birthDate->setObjectName(QStringLiteral("birthDate"));
    m_cccd->setObjectName(QStringLiteral("cccd"));
    m_unit->setObjectName(QStringLiteral("unit"));
    m_position->setObjectName(QStringLiteral("position"));
    m_category->setObjectName(QStringLiteral("category"));
    fillCodes(m_gender, Core::Codes::Set::Gender, tr("(not given)"));
    fillCodes(m_category, Core::Codes::Set::PersonCategory, tr("(choose)"));
    m_cccd->setPlaceholderText(tr("12 digits, optional"));
    m_cccd->setMaxLength(20); // longer than 12 so a pasted number with spaces is still seen whole
    m_fullName->setPlaceholderText(tr("Family name, middle name and given name"));

    form()->addRow(tr("&Full name:"), m_fullName);
    form()->addRow(tr("&Gender:"), m_gender);
    form()->addRow(tr("&Birth date:"), m_birthDate);
    form()->addRow(tr("&CCCD:"), m_cccd);
    form()->addRow(tr("&Unit:"), m_unit);
    form()->addRow(tr("&Position:"), m_position);
    form()->addRow(tr("C&ategory:"), m_category);

    m_person.unitId = unitId;
    try {
        m_unit->setUnits(Core::UnitRepository(m_db).visibleNames(), tr("(choose)"));
        if (personId) {
            const std::optional<Core::Person> person = Core::PersonRepository(m_db).get(personId);
            if (!person)
                throw Core::Error(tr("This person no longer exists; another user may have deleted the record."));
            m_person = *person;
        }
    } catch (const Core::Error &e) {
        setProblems({e.message()});
        setSaveEnabled(false);
    }
    fill();
    resize(560, sizeHint().height());
}

void PersonDialog::fill()
{
    m_fullName->setText(m_person.fullName);
    selectData(m_gender, m_person.gender);
    m_birthDate->setDate(m_person.birthDate);
    m_cccd->setText(m_person.cccd);
    m_unit->setUnitId(m_person.unitId);
    m_position->setText(m_person.position);
    selectData(m_category, m_person.category);
}

QList<ConflictField> PersonDialog::conflictFields(const Core::ConflictError &e) const
{
    const QVariantMap mine = Core::Versioning::columns(collect());
    const QVariantMap &theirs = e.stored();
    const auto field = [&](const QString &label, const char *column, const std::function<QString(const QVariant &)> &show) {
        const QString c = QString::fromLatin1(column);
        return ConflictField{label, show(mine.value(c)), show(theirs.value(c))};
    };
    const auto text = [](const QVariant &v) { return v.toString(); };
    const auto code = [](Core::Codes::Set set) {
        return [set](const QVariant &v) { return v.toString().isEmpty() ? QString() : Core::Codes::label(set, v.toString()); };
    };
    const auto date = [](const QVariant &v) { return DateField::format(Core::Keys::dateFrom(v)); };
    const auto unitName = [this](const QVariant &id) {
        return id.toLongLong() > 0 ? Core::UnitRepository(m_db).name(id.toLongLong()) : QString();
    };
    // Personal data appears here as on the form itself: this is the person's own form.
    return {field(tr("Full name"), "full_name", text),
            field(tr("Gender"), "gender", code(Core::Codes::Set::Gender)),
            field(tr("Birth date"), "birth_date", date),
            field(tr("CCCD"), "cccd", text),
            field(tr("Unit"), "unit_id", unitName),
            field(tr("Position"), "position", text),
            field(tr("Category"), "category", code(Core::Codes::Set::PersonCategory))};
}

bool PersonDialog::reloadStored()
{
    const std::optional<Core::Person> person = Core::PersonRepository(m_db).get(m_person.id);
    if (!person)
        return false;
    m_person = *person;
    fill();
    return true;
}

bool PersonDialog::adoptStoredVersion(int version)
{
    m_person.version = version;
    return true;
}

Core::Person PersonDialog::collect() const
{
    Core::Person p = m_person;
    p.fullName = Core::Text::clean(m_fullName->text());
    p.gender = currentCode(m_gender);
    p.birthDate = m_birthDate->date();
    // Spaces are how people group the digits when they copy a CCCD; they are not part of it.
    p.cccd = m_cccd->text().remove(QLatin1Char(' '));
    p.unitId = qMax<qint64>(0, m_unit->unitId());
    p.position = Core::Text::clean(m_position->text());
    p.category = currentCode(m_category);
    return p;
}

QStringList PersonDialog::check() const
{
    QStringList problems = Core::Validation::person(collect());
    if (m_unit->unitId() < 0)
        problems << tr("No unit is called “%1”; choose the unit from the list.").arg(m_unit->currentText());
    checkDate(problems, m_birthDate, tr("Birth date"));
    return problems;
}

void PersonDialog::save()
{
    Core::Person p = collect();
    Core::PersonRepository(m_db).save(p);
    m_person = p;
}

} // namespace VinhDanh::Ui
