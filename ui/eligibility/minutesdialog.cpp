#include "ui/eligibility/minutesdialog.h"

#include "core/db/database.h"
#include "core/eligibility/minutesrepository.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Elig = Core::Eligibility;

namespace {
constexpr int kNamesShown = 8;

/// The unit a subject belongs to: a person's unit, or the unit itself.
qint64 unitOf(Core::Database &db, const Core::Subject &s)
{
    if (!s.isPerson())
        return s.unitId;
    const std::optional<Core::Person> p = Core::PersonRepository(db).get(s.personId);
    return p ? p->unitId : 0;
}

/// The units from `unitId` up to the top, nearest first.
QList<qint64> chain(Core::Database &db, qint64 unitId)
{
    QList<qint64> out;
    Core::UnitRepository units(db);
    for (qint64 u = unitId; u > 0 && out.size() < 50 && !out.contains(u);) {
        out << u;
        const std::optional<Core::Unit> unit = units.get(u);
        u = unit ? unit->parentId : 0;
    }
    return out;
}

/// The nearest unit above (or at) every subject: whose meeting can name them all.
qint64 commonUnit(Core::Database &db, const QList<Core::Subject> &subjects)
{
    QList<qint64> common;
    for (const Core::Subject &s : subjects) {
        const QList<qint64> up = chain(db, unitOf(db, s));
        if (common.isEmpty()) {
            common = up;
            continue;
        }
        common.erase(std::remove_if(common.begin(), common.end(), [&](qint64 u) { return !up.contains(u); }), common.end());
    }
    return common.isEmpty() ? 0 : common.first();
}
} // namespace

MinutesDialog::MinutesDialog(Core::Database &db, const QList<Core::Subject> &subjects, int year, QWidget *parent)
    : QDialog(parent), m_db(db), m_subjects(subjects), m_year(year), m_choice(new QComboBox(this)),
      m_newBox(new QGroupBox(tr("New minutes"), this)), m_unit(new UnitPicker(m_newBox)), m_date(new DateField(m_newBox)),
      m_number(new QLineEdit(m_newBox)), m_attendees(new QLineEdit(m_newBox)), m_note(new QLineEdit(m_newBox)),
      m_problems(makeProblemLabel(this)), m_skipped(new QLabel(this))
{
    setWindowTitle(tr("Confirm from the bình xét minutes"));
    QStringList names;
    for (const Core::Subject &s : subjects)
        if (names.size() < kNamesShown)
            names << (s.isPerson() ? Core::PersonRepository(db).name(s.personId) : Core::UnitRepository(db).name(s.unitId));
    QString named = names.join(QStringLiteral(", "));
    if (subjects.size() > kNamesShown)
        named = tr("%1 and %n more", nullptr, int(subjects.size() - kNamesShown)).arg(named);
    auto *intro = new QLabel(tr("For %n nominee(s) (%1), confirm the facts of %2 that count for every award form: not "
                                "under disciplinary review, solidarity and active emulation, compliance with the law. "
                                "The evidence names the minutes.",
                                nullptr, int(subjects.size()))
                                 .arg(named)
                                 .arg(year),
                             this);
    intro->setWordWrap(true);

    m_choice->setObjectName(QStringLiteral("minutesChoice"));
    m_unit->setObjectName(QStringLiteral("unit"));
    m_date->setObjectName(QStringLiteral("date"));
    m_number->setObjectName(QStringLiteral("number"));
    m_attendees->setObjectName(QStringLiteral("attendees"));
    m_note->setObjectName(QStringLiteral("note"));
    m_number->setPlaceholderText(tr("e.g. 03/BB-HĐTĐKT"));
    m_attendees->setPlaceholderText(tr("e.g. 7/7 members of the emulation council"));
    m_unit->setUnits(Core::UnitRepository(db).names(), tr("(choose the unit that held the meeting)"));
    m_homeUnit = commonUnit(db, subjects);
    m_unit->setUnitId(m_homeUnit);
    auto *form = new QFormLayout(m_newBox);
    form->addRow(tr("&Unit:"), m_unit);
    form->addRow(tr("&Date of the meeting:"), m_date);
    form->addRow(tr("Num&ber:"), m_number);
    form->addRow(tr("&Attended:"), m_attendees);
    form->addRow(tr("N&ote:"), m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Confirm"));
    connect(buttons, &QDialogButtonBox::accepted, this, &MinutesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_choice, &QComboBox::currentIndexChanged, this, &MinutesDialog::choiceChanged);

    auto *choice = new QFormLayout;
    choice->addRow(tr("&Minutes:"), m_choice);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    m_skipped->setObjectName(QStringLiteral("skipped"));
    m_skipped->setWordWrap(true);
    m_skipped->hide();
    layout->addWidget(m_skipped);
    layout->addLayout(choice);
    layout->addWidget(m_newBox);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    fillChoices();
}

void MinutesDialog::fillChoices()
{
    m_choice->clear();
    m_choice->addItem(tr("Record new minutes"), 0);
    try {
        // Minutes naming one of the chosen first: the likeliest pick.
        Elig::MinutesRepository repo(m_db);
        QList<qint64> offered;
        const auto offer = [&](const Elig::ReviewMinutes &m) {
            if (offered.contains(m.id))
                return;
            offered << m.id;
            // The minutes as the clerk knows them (number, date, unit); the key is for scripts.
            m_choice->addItem(tr("%1, %2").arg(m.evidence(), m.unitName), m.id);
        };
        if (!m_subjects.isEmpty())
            for (const Elig::ReviewMinutes &m : repo.naming(m_subjects.first(), m_year))
                offer(m);
        // Then the other minutes of the nominees' own unit and year only: list(year, 0) offered
        // every unit's, and a clerk picked another unit's meeting (minutes of a unit above that
        // name a nominee were offered just before).
        if (m_homeUnit > 0)
            for (const Elig::ReviewMinutes &m : repo.list(m_year, m_homeUnit))
                offer(m);
        if (offered.size() > 0 && !repo.naming(m_subjects.value(0), m_year).isEmpty())
            m_choice->setCurrentIndex(1);
    } catch (const Core::Error &e) {
        showProblems(m_problems, {e.message()});
    }
    choiceChanged();
}

void MinutesDialog::setSkipped(int count)
{
    m_skipped->setText(count > 0
                           ? tr("%n other selected nominee(s) have nothing awaiting confirmation and are left out.", nullptr, count)
                           : QString());
    m_skipped->setVisible(count > 0);
}

void MinutesDialog::choiceChanged()
{
    m_newBox->setEnabled(m_choice->currentData().toLongLong() == 0);
}

void MinutesDialog::accept()
{
    QStringList problems;
    const qint64 chosen = m_choice->currentData().toLongLong();
    if (chosen == 0) {
        if (m_unit->unitId() <= 0)
            problems << tr("Choose the unit that held the meeting.");
        if (!m_date->isAcceptable() || !m_date->date().isValid())
            problems << (m_date->text().trimmed().isEmpty() ? tr("Enter the date of the meeting.")
                                                            : badDateMessage(tr("Date of the meeting"), m_date->text()));
    }
    if (!problems.isEmpty()) {
        showProblems(m_problems, problems);
        return;
    }
    try {
        Elig::MinutesRepository repo(m_db);
        Elig::ReviewMinutes minutes;
        QList<Core::Subject> confirmFor = m_subjects;
        int notNamed = 0;
        if (chosen == 0) {
            minutes.unitId = m_unit->unitId();
            minutes.year = m_year;
            minutes.date = m_date->date();
            minutes.number = m_number->text();
            minutes.attendees = m_attendees->text();
            minutes.note = m_note->text();
            minutes.subjects = m_subjects;
            minutes = repo.add(minutes);
        } else {
            // Recorded minutes confirm those they name; the others are left as they were.
            minutes = repo.get(chosen).value_or(Elig::ReviewMinutes{});
            confirmFor.clear();
            for (const Core::Subject &s : m_subjects) {
                const bool named = std::any_of(minutes.subjects.begin(), minutes.subjects.end(), [&](const Core::Subject &m) {
                    return m.personId == s.personId && m.unitId == s.unitId;
                });
                if (named)
                    confirmFor << s;
                else
                    ++notNamed;
            }
            if (confirmFor.isEmpty())
                throw Core::Error(
                    tr("The minutes %1 name none of the chosen nominees; record new minutes for them.").arg(minutes.key));
        }
        const Elig::MinutesConfirmation done = repo.confirmFrom(minutes.id, confirmFor);
        m_result = tr("Confirmed %n item(s) from %1", nullptr, done.confirmed).arg(minutes.evidence());
        if (done.kept > 0)
            m_result += QLatin1Char(' ') + tr("(%n confirmed already)", nullptr, done.kept);
        if (notNamed > 0)
            m_result += QLatin1Char(' ')
                        + tr("%n chosen nominee(s) not named in the minutes were left as they were.", nullptr, notNamed);
    } catch (const Core::Error &e) {
        showProblems(m_problems, {e.message()});
        return;
    }
    QDialog::accept();
}

} // namespace VinhDanh::Ui
