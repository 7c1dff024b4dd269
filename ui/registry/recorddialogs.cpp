#include "ui/registry/recorddialogs.h"

#include "core/domain/validation.h"
#include "core/error.h"
#include "core/repo/movementrepository.h"
#include "core/repo/personrepository.h"
#include "core/repo/recordrepository.h"
#include "core/text/vntext.h"
#include "ui/registry/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace VinhDanh::Ui {

namespace {
// The bounds Core::Validation accepts; the spin box keeps the clerk inside them.
constexpr int kFirstYear = 1945;
constexpr int kLastYear = 2200;

QSpinBox *yearBox(QWidget *parent, int year)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QStringLiteral("year"));
    box->setRange(kFirstYear, kLastYear);
    // Ratings and awards are usually entered for the year just closed.
    box->setValue(year > 0 ? year : QDate::currentDate().year() - 1);
    return box;
}
} // namespace

// ---- RatingDialog ---------------------------------------------------------------------

RatingDialog::RatingDialog(Core::Database &db, const Core::Rating &rating, bool editing, QWidget *parent)
    : FormDialog(parent), m_db(db), m_rating(rating), m_year(yearBox(this, rating.year)),
      m_value(new QComboBox(this)), m_note(new QLineEdit(rating.note, this))
{
    setWindowTitle(editing ? tr("Edit rating") : tr("Rate a year"));
    m_value->setObjectName(QStringLiteral("rating"));
    fillCodes(m_value, Core::Codes::Set::TaskRating);
    selectData(m_value, rating.rating);
    m_year->setEnabled(!editing);
    form()->addRow(tr("&Year:"), m_year);
    form()->addRow(tr("&Rating:"), m_value);
    form()->addRow(tr("&Note:"), m_note);
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

void RatingDialog::save()
{
    const Core::Rating r = collect();
    Core::RecordRepository(m_db).setRating(r);
    m_rating = r;
}

// ---- AwardDialog ----------------------------------------------------------------------

AwardDialog::AwardDialog(Core::Database &db, const Core::Award &award, QWidget *parent)
    : FormDialog(parent), m_db(db), m_award(award), m_form(new QComboBox(this)), m_kind(new QComboBox(this)),
      m_year(yearBox(this, award.year)), m_decisionNo(new QLineEdit(award.decisionNo, this)),
      m_decisionDate(new DateField(this)), m_authority(new QLineEdit(award.authority, this)),
      m_movement(new QComboBox(this)), m_note(new QLineEdit(award.note, this))
{
    setWindowTitle(award.id ? tr("Edit award") : tr("Add award"));
    m_form->setObjectName(QStringLiteral("form"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_movement->setObjectName(QStringLiteral("movement"));
    // Award and movement names run long; without this the dialog grows to the longest one.
    for (QComboBox *combo : {m_form, m_movement}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(40);
    }
    fillCodes(m_kind, Core::Codes::Set::AwardKind);
    selectData(m_kind, award.kind);
    m_decisionDate->setDate(award.decisionDate);
    m_authority->setPlaceholderText(tr("e.g. Chairman of the Provincial People's Committee"));

    form()->addRow(tr("&Award:"), m_form);
    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("&Year of achievement:"), m_year);
    form()->addRow(tr("Decision &number:"), m_decisionNo);
    form()->addRow(tr("Decision &date:"), m_decisionDate);
    form()->addRow(tr("A&uthority:"), m_authority);
    form()->addRow(tr("&Movement:"), m_movement);
    form()->addRow(tr("&Note:"), m_note);

    try {
        // Only the forms this subject can receive: individual forms for a person, collective
        // ones for a unit.
        const QString own = award.subject.isPerson() ? QStringLiteral("individual") : QStringLiteral("collective");
        m_form->addItem(tr("(choose)"), QString());
        for (const Core::AwardForm &f : Core::RecordRepository(m_db).awardForms())
            if (f.recipients == own || f.recipients == QLatin1String("both") || f.code == award.formCode)
                m_form->addItem(f.name, f.code);
        selectData(m_form, award.formCode);
        m_movement->addItem(tr("(none)"), qint64(0));
        for (const Core::MovementSummary &m : Core::MovementRepository(m_db).list())
            m_movement->addItem(m.name, m.id);
        selectData(m_movement, award.movementId);
    } catch (const Core::Error &e) {
        setProblems({e.message()});
        setSaveEnabled(false);
    }
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

void AwardDialog::save()
{
    Core::Award a = collect();
    Core::RecordRepository(m_db).saveAward(a);
    m_award = a;
}

// ---- InitiativeDialog -----------------------------------------------------------------

InitiativeDialog::InitiativeDialog(Core::Database &db, const Core::Initiative &initiative, QWidget *parent)
    : FormDialog(parent), m_db(db), m_initiative(initiative), m_title(new QLineEdit(initiative.title, this)),
      m_level(new QComboBox(this)), m_decisionNo(new QLineEdit(initiative.decisionNo, this)),
      m_decisionDate(new DateField(this)), m_note(new QLineEdit(initiative.note, this))
{
    setWindowTitle(initiative.id ? tr("Edit initiative") : tr("Add initiative"));
    m_title->setObjectName(QStringLiteral("title"));
    m_level->setObjectName(QStringLiteral("level"));
    fillCodes(m_level, Core::Codes::Set::InitiativeLevel);
    selectData(m_level, initiative.level);
    m_decisionDate->setDate(initiative.decisionDate);

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
    form()->addRow(tr("&Note:"), m_note);
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

void InitiativeDialog::save()
{
    Core::Initiative i = collect();
    Core::RecordRepository(m_db).saveInitiative(i);
    m_initiative = i;
}

// ---- DisciplineDialog -----------------------------------------------------------------

DisciplineDialog::DisciplineDialog(Core::Database &db, const Core::Discipline &discipline, QWidget *parent)
    : FormDialog(parent), m_db(db), m_discipline(discipline), m_kind(new QComboBox(this)),
      m_start(new DateField(this)), m_end(new DateField(this)),
      m_decisionNo(new QLineEdit(discipline.decisionNo, this)), m_note(new QLineEdit(discipline.note, this))
{
    setWindowTitle(discipline.id ? tr("Edit discipline") : tr("Add discipline"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_start->setObjectName(QStringLiteral("start"));
    m_end->setObjectName(QStringLiteral("end"));
    fillCodes(m_kind, Core::Codes::Set::DisciplineKind);
    selectData(m_kind, discipline.kind);
    m_start->setDate(discipline.startDate);
    m_end->setDate(discipline.endDate);
    m_end->setToolTip(tr("Leave empty while the discipline is still in force."));

    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("&From:"), m_start);
    form()->addRow(tr("&To:"), m_end);
    form()->addRow(tr("Decision &number:"), m_decisionNo);
    form()->addRow(tr("&Note:"), m_note);
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

void DisciplineDialog::save()
{
    Core::Discipline d = collect();
    Core::RecordRepository(m_db).saveDiscipline(d);
    m_discipline = d;
}

} // namespace VinhDanh::Ui
