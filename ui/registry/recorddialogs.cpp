#include "ui/registry/recorddialogs.h"

#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/validation.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <functional>
#include <optional>

namespace VinhDanh::Ui {

namespace {
// The bounds Core::Validation accepts; the spin box keeps the clerk inside them.
constexpr int kFirstYear = 1945;
constexpr int kLastYear = 2100;

QSpinBox *yearBox(QWidget *parent, int year)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QStringLiteral("year"));
    box->setRange(kFirstYear, kLastYear);
    // Ratings and awards are usually entered for the year just closed.
    box->setValue(year > 0 ? year : QDate::currentDate().year() - 1);
    return box;
}

// How the conflict dialog shows a stored value: as the form would.
QString dateText(const QVariant &v)
{
    return DateField::format(Core::Keys::dateFrom(v));
}

std::function<QString(const QVariant &)> codeText(Core::Codes::Set set)
{
    return [set](const QVariant &v) { return v.toString().isEmpty() ? QString() : Core::Codes::label(set, v.toString()); };
}

/// The text of the combo's entry for the stored id `v` (a NULL is the "(none)" entry's 0).
std::function<QString(const QVariant &)> choiceText(const QComboBox *combo)
{
    return [combo](const QVariant &v) {
        for (int i = 0; i < combo->count(); ++i)
            if (combo->itemData(i).toLongLong() == v.toLongLong())
                return combo->itemText(i);
        return v.toString();
    };
}

template<typename T>
std::optional<T> findStored(const QList<T> &list, qint64 id)
{
    for (const T &item : list)
        if (item.id == id)
            return item;
    return std::nullopt;
}
} // namespace

// ---- RatingDialog ---------------------------------------------------------------------

RatingDialog::RatingDialog(Core::Database &db, const Core::Rating &rating, bool editing, QWidget *parent)
    : FormDialog(parent), m_db(db), m_rating(rating), m_year(yearBox(this, rating.year)), m_value(new QComboBox(this)),
      m_note(new QLineEdit(this))
{
    setWindowTitle(editing ? tr("Edit rating") : tr("Rate a year"));
    m_value->setObjectName(QStringLiteral("rating"));
    m_note->setObjectName(QStringLiteral("note"));
    fillCodes(m_value, Core::Codes::Set::TaskRating);
    fill();
    m_year->setEnabled(!editing);
    form()->addRow(tr("&Year:"), m_year);
    form()->addRow(tr("&Rating:"), m_value);
    form()->addRow(tr("N&ote:"), m_note);
    resize(480, sizeHint().height());
}

Core::Rating RatingDialog::collect() const
{
    Core::Rating r = m_rating;
    r.year = m_year->value();
    r.rating = currentCode(m_value);
    r.note = Core::Text::clean(m_note->text());
    return r;
}

QStringList RatingDialog::check() const
{
    return Core::Validation::rating(collect());
}

void RatingDialog::fill()
{
    if (m_rating.year > 0)
        m_year->setValue(m_rating.year);
    selectData(m_value, m_rating.rating);
    m_note->setText(m_rating.note);
}

void RatingDialog::save()
{
    const Core::Rating r = collect();
    if (r.id == 0) {
        // Rating a year that has a rating already (another clerk rated it since this form
        // opened, or the year was picked by mistake): the repository would update it, so ask
        // first, as for any lost race. From here on the form edits that stored rating.
        for (const Core::Rating &stored : Core::RecordRepository(m_db).ratings(r.subject)) {
            if (stored.year != r.year)
                continue;
            m_rating.id = stored.id;
            m_rating.version = -1; // not read yet: saving again needs "keep theirs" or "overwrite"
            m_year->setEnabled(false);
            QVariantMap columns = Core::Versioning::columns(stored);
            columns.insert(QStringLiteral("version"), stored.version);
            throw Core::ConflictError(tr("%1 already has a rating for %2 (perhaps just entered by another clerk).")
                                          .arg(r.subject.isPerson() ? tr("This person") : tr("This unit"))
                                          .arg(r.year),
                                      QStringLiteral("ratings"), stored.id, columns);
        }
    }
    Core::RecordRepository(m_db).setRating(r);
    m_rating = r;
}

QList<ConflictField> RatingDialog::conflictFields(const Core::ConflictError &e) const
{
    return ConflictDialog::fields(
        {{tr("Year"), "year"}, {tr("Rating"), "rating", codeText(Core::Codes::Set::TaskRating)}, {tr("Note"), "note"}},
        Core::Versioning::columns(collect()), e.stored());
}

bool RatingDialog::reloadStored()
{
    const std::optional<Core::Rating> stored = findStored(Core::RecordRepository(m_db).ratings(m_rating.subject), m_rating.id);
    if (!stored)
        return false;
    m_rating = *stored;
    fill();
    return true;
}

bool RatingDialog::adoptStoredVersion(int version)
{
    m_rating.version = version;
    return true;
}

// ---- AwardDialog ----------------------------------------------------------------------

AwardDialog::AwardDialog(Core::Database &db, const Core::Award &award, QWidget *parent)
    : FormDialog(parent), m_db(db), m_award(award), m_form(new QComboBox(this)), m_kind(new QComboBox(this)),
      m_year(yearBox(this, award.year)), m_decisionNo(new QLineEdit(this)), m_decisionDate(new DateField(this)),
      m_authority(new QLineEdit(this)), m_movement(new QComboBox(this)), m_note(new QLineEdit(this))
{
    setWindowTitle(award.id ? tr("Edit award") : tr("Add award"));
    m_form->setObjectName(QStringLiteral("form"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_movement->setObjectName(QStringLiteral("movement"));
    m_decisionNo->setObjectName(QStringLiteral("decisionNo"));
    m_authority->setObjectName(QStringLiteral("authority"));
    m_note->setObjectName(QStringLiteral("note"));
    // Award and movement names run long; without this the dialog grows to the longest one.
    for (QComboBox *combo : {m_form, m_movement}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(40);
    }
    fillCodes(m_kind, Core::Codes::Set::AwardKind);
    m_authority->setPlaceholderText(tr("e.g. Chairman of the Provincial People's Committee"));

    form()->addRow(tr("&Award:"), m_form);
    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("&Year of achievement:"), m_year);
    form()->addRow(tr("Decision &number:"), m_decisionNo);
    form()->addRow(tr("Decision &date:"), m_decisionDate);
    form()->addRow(tr("A&uthority:"), m_authority);
    form()->addRow(tr("&Movement:"), m_movement);
    form()->addRow(tr("N&ote:"), m_note);

    try {
        // Only the forms this subject can receive: individual forms for a person, collective
        // ones for a unit.
        const QString own = award.subject.isPerson() ? QStringLiteral("individual") : QStringLiteral("collective");
        m_form->addItem(tr("(choose)"), QString());
        for (const Core::AwardForm &f : Core::RecordRepository(m_db).awardForms())
            if (f.recipients == own || f.recipients == QLatin1String("both") || f.code == award.formCode)
                m_form->addItem(f.name, f.code);
        m_movement->addItem(tr("(none)"), qint64(0));
        for (const Core::MovementSummary &m : Core::MovementRepository(m_db).list())
            m_movement->addItem(m.name, m.id);
    } catch (const Core::Error &e) {
        setProblems({e.message()});
        setSaveEnabled(false);
    }
    fill();
    resize(620, sizeHint().height());
}

Core::Award AwardDialog::collect() const
{
    Core::Award a = m_award;
    a.formCode = currentCode(m_form);
    a.kind = currentCode(m_kind);
    a.year = m_year->value();
    a.decisionNo = Core::Text::clean(m_decisionNo->text());
    a.decisionDate = m_decisionDate->date();
    a.authority = Core::Text::clean(m_authority->text());
    a.movementId = m_movement->currentData().toLongLong();
    a.note = Core::Text::clean(m_note->text());
    return a;
}

QStringList AwardDialog::check() const
{
    QStringList problems = Core::Validation::award(collect());
    checkDate(problems, m_decisionDate, tr("Decision date"));
    return problems;
}

void AwardDialog::fill()
{
    selectData(m_form, m_award.formCode);
    selectData(m_kind, m_award.kind);
    if (m_award.year > 0)
        m_year->setValue(m_award.year);
    m_decisionNo->setText(m_award.decisionNo);
    m_decisionDate->setDate(m_award.decisionDate);
    m_authority->setText(m_award.authority);
    selectData(m_movement, m_award.movementId);
    m_note->setText(m_award.note);
}

void AwardDialog::save()
{
    Core::Award a = collect();
    Core::RecordRepository(m_db).saveAward(a);
    m_award = a;
}

QList<ConflictField> AwardDialog::conflictFields(const Core::ConflictError &e) const
{
    const auto formName = [this](const QVariant &v) { return Core::RecordRepository(m_db).awardFormName(v.toString()); };
    return ConflictDialog::fields({{tr("Award"), "form_code", formName},
                                   {tr("Kind"), "kind", codeText(Core::Codes::Set::AwardKind)},
                                   {tr("Year of achievement"), "year"},
                                   {tr("Decision number"), "decision_no"},
                                   {tr("Decision date"), "decision_date", dateText},
                                   {tr("Authority"), "authority"},
                                   {tr("Movement"), "movement_id", choiceText(m_movement)},
                                   {tr("Note"), "note"}},
                                  Core::Versioning::columns(collect()), e.stored());
}

bool AwardDialog::reloadStored()
{
    for (const Core::AwardRow &row : Core::RecordRepository(m_db).awards(m_award.subject))
        if (row.award.id == m_award.id) {
            m_award = row.award;
            fill();
            return true;
        }
    return false;
}

bool AwardDialog::adoptStoredVersion(int version)
{
    m_award.version = version;
    return true;
}

// ---- InitiativeDialog -----------------------------------------------------------------

InitiativeDialog::InitiativeDialog(Core::Database &db, const Core::Initiative &initiative, QWidget *parent)
    : FormDialog(parent), m_db(db), m_initiative(initiative), m_title(new QLineEdit(this)), m_level(new QComboBox(this)),
      m_decisionNo(new QLineEdit(this)), m_decisionDate(new DateField(this)), m_note(new QLineEdit(this))
{
    setWindowTitle(initiative.id ? tr("Edit initiative") : tr("Add initiative"));
    m_title->setObjectName(QStringLiteral("title"));
    m_level->setObjectName(QStringLiteral("level"));
    m_decisionNo->setObjectName(QStringLiteral("decisionNo"));
    m_note->setObjectName(QStringLiteral("note"));
    fillCodes(m_level, Core::Codes::Set::InitiativeLevel);
    fill();

    QStringList holders;
    try {
        Core::PersonRepository people(m_db);
        for (qint64 id : initiative.holderIds)
            holders << people.name(id);
    } catch (const Core::Error &e) {
        setProblems({e.message()});
    }
    auto *holderLabel = new QLabel(holders.join(QStringLiteral(", ")), this);
    holderLabel->setWordWrap(true);

    form()->addRow(tr("&Title:"), m_title);
    form()->addRow(tr("&Level:"), m_level);
    form()->addRow(tr("Decision &number:"), m_decisionNo);
    form()->addRow(tr("Decision &date:"), m_decisionDate);
    form()->addRow(tr("Holders:"), holderLabel);
    form()->addRow(tr("N&ote:"), m_note);
    resize(560, sizeHint().height());
}

Core::Initiative InitiativeDialog::collect() const
{
    Core::Initiative i = m_initiative;
    i.title = Core::Text::clean(m_title->text());
    i.level = currentCode(m_level);
    i.decisionNo = Core::Text::clean(m_decisionNo->text());
    i.decisionDate = m_decisionDate->date();
    i.note = Core::Text::clean(m_note->text());
    return i;
}

QStringList InitiativeDialog::check() const
{
    QStringList problems = Core::Validation::initiative(collect());
    checkDate(problems, m_decisionDate, tr("Decision date"));
    return problems;
}

void InitiativeDialog::fill()
{
    m_title->setText(m_initiative.title);
    selectData(m_level, m_initiative.level);
    m_decisionNo->setText(m_initiative.decisionNo);
    m_decisionDate->setDate(m_initiative.decisionDate);
    m_note->setText(m_initiative.note);
}

void InitiativeDialog::save()
{
    Core::Initiative i = collect();
    Core::RecordRepository(m_db).saveInitiative(i);
    m_initiative = i;
}

QList<ConflictField> InitiativeDialog::conflictFields(const Core::ConflictError &e) const
{
    return ConflictDialog::fields({{tr("Title"), "title"},
                                   {tr("Level"), "level", codeText(Core::Codes::Set::InitiativeLevel)},
                                   {tr("Decision number"), "decision_no"},
                                   {tr("Decision date"), "decision_date", dateText},
                                   {tr("Note"), "note"}},
                                  Core::Versioning::columns(collect()), e.stored());
}

namespace {
/// The initiative as stored, read through any of its holders (the list is per person).
std::optional<Core::Initiative> storedInitiative(Core::Database &db, const Core::Initiative &initiative)
{
    for (qint64 holder : initiative.holderIds)
        if (auto stored = findStored(Core::RecordRepository(db).initiatives(holder), initiative.id))
            return stored;
    return std::nullopt;
}
} // namespace

bool InitiativeDialog::reloadStored()
{
    const std::optional<Core::Initiative> stored = storedInitiative(m_db, m_initiative);
    if (!stored)
        return false;
    m_initiative = *stored;
    fill();
    return true;
}

bool InitiativeDialog::adoptStoredVersion(int version)
{
    // The form does not edit the holders or the award the initiative served: "mine" means the
    // fields above, so those keep what is stored rather than what this copy read earlier.
    if (const std::optional<Core::Initiative> stored = storedInitiative(m_db, m_initiative)) {
        m_initiative.holderIds = stored->holderIds;
        m_initiative.usedForAwardId = stored->usedForAwardId;
    }
    m_initiative.version = version;
    return true;
}

// ---- DisciplineDialog -----------------------------------------------------------------

DisciplineDialog::DisciplineDialog(Core::Database &db, const Core::Discipline &discipline, QWidget *parent)
    : FormDialog(parent), m_db(db), m_discipline(discipline), m_kind(new QComboBox(this)), m_start(new DateField(this)),
      m_end(new DateField(this)), m_decisionNo(new QLineEdit(this)), m_note(new QLineEdit(this))
{
    setWindowTitle(discipline.id ? tr("Edit discipline") : tr("Add discipline"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_start->setObjectName(QStringLiteral("start"));
    m_end->setObjectName(QStringLiteral("end"));
    m_decisionNo->setObjectName(QStringLiteral("decisionNo"));
    m_note->setObjectName(QStringLiteral("note"));
    fillCodes(m_kind, Core::Codes::Set::DisciplineKind);
    fill();
    m_end->setToolTip(tr("Leave empty while the discipline is still in force."));

    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("&From:"), m_start);
    form()->addRow(tr("&To:"), m_end);
    form()->addRow(tr("Decision &number:"), m_decisionNo);
    form()->addRow(tr("N&ote:"), m_note);
    resize(480, sizeHint().height());
}

Core::Discipline DisciplineDialog::collect() const
{
    Core::Discipline d = m_discipline;
    d.kind = currentCode(m_kind);
    d.startDate = m_start->date();
    d.endDate = m_end->date();
    d.decisionNo = Core::Text::clean(m_decisionNo->text());
    d.note = Core::Text::clean(m_note->text());
    return d;
}

QStringList DisciplineDialog::check() const
{
    QStringList problems = Core::Validation::discipline(collect());
    checkDate(problems, m_start, tr("From"));
    checkDate(problems, m_end, tr("To"));
    return problems;
}

void DisciplineDialog::fill()
{
    selectData(m_kind, m_discipline.kind);
    m_start->setDate(m_discipline.startDate);
    m_end->setDate(m_discipline.endDate);
    m_decisionNo->setText(m_discipline.decisionNo);
    m_note->setText(m_discipline.note);
}

void DisciplineDialog::save()
{
    Core::Discipline d = collect();
    Core::RecordRepository(m_db).saveDiscipline(d);
    m_discipline = d;
}

QList<ConflictField> DisciplineDialog::conflictFields(const Core::ConflictError &e) const
{
    return ConflictDialog::fields({{tr("Kind"), "kind", codeText(Core::Codes::Set::DisciplineKind)},
                                   {tr("From"), "start_date", dateText},
                                   {tr("To"), "end_date", dateText},
                                   {tr("Decision number"), "decision_no"},
                                   {tr("Note"), "note"}},
                                  Core::Versioning::columns(collect()), e.stored());
}

bool DisciplineDialog::reloadStored()
{
    const std::optional<Core::Discipline> stored = findStored(Core::RecordRepository(m_db).disciplines(m_discipline.subject),
                                                              m_discipline.id);
    if (!stored)
        return false;
    m_discipline = *stored;
    fill();
    return true;
}

bool DisciplineDialog::adoptStoredVersion(int version)
{
    m_discipline.version = version;
    return true;
}

} // namespace VinhDanh::Ui
