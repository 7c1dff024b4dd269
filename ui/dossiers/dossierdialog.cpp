#include "ui/dossiers/dossierdialog.h"

#include "core/domain/codes.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

DossierDialog::DossierDialog(Core::Database &db, qint64 dossierId, QWidget *parent)
    : FormDialog(parent), m_db(db), m_unit(new UnitPicker(this)), m_movement(new QComboBox(this)), m_occasion(new QComboBox(this)),
      m_year(new QSpinBox(this)), m_title(new QLineEdit(this)), m_letterNo(new QLineEdit(this)), m_letterDate(new DateField(this))
{
    setWindowTitle(dossierId ? tr("Edit dossier header") : tr("New dossier"));
    m_unit->setObjectName(QStringLiteral("unit"));
    m_movement->setObjectName(QStringLiteral("movement"));
    m_occasion->setObjectName(QStringLiteral("occasion"));
    m_year->setObjectName(QStringLiteral("year"));
    m_title->setObjectName(QStringLiteral("title"));
    m_letterNo->setObjectName(QStringLiteral("letterNo"));
    m_letterDate->setObjectName(QStringLiteral("letterDate"));
    m_movement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_movement->setMinimumContentsLength(40);
    m_year->setRange(1945, 2100);
    m_year->setGroupSeparatorShown(false); // "2.025" would be wrong for a year in Vietnamese
    m_letterNo->setPlaceholderText(tr("e.g. 45/TTr-SKHCN"));

    form()->addRow(tr("&Proposing unit:"), m_unit);
    form()->addRow(tr("&Movement:"), m_movement);
    form()->addRow(tr("&Occasion:"), m_occasion);
    form()->addRow(tr("&Year of achievement:"), m_year);
    form()->addRow(tr("&Title:"), m_title);
    form()->addRow(tr("Letter &number:"), m_letterNo);
    form()->addRow(tr("Letter &date:"), m_letterDate);

    m_dossier.year = QDate::currentDate().year() - 1; // proposals reward the year just closed
    try {
        m_unit->setUnits(Core::UnitRepository(m_db).visibleNames(), tr("(choose)"));
        m_movement->addItem(tr("(none: regular annual track)"), qint64(0));
        for (const Core::MovementSummary &m : Core::MovementRepository(m_db).list())
            m_movement->addItem(m.name, m.id);
        if (dossierId)
            m_dossier = Wf::DossierRepository(m_db).dossier(dossierId);
    } catch (const Core::Error &e) {
        setProblems({e.message()});
        setSaveEnabled(false);
    }
    fill();
    connect(m_movement, &QComboBox::currentIndexChanged, this, &DossierDialog::movementChanged);
    connect(m_occasion, &QComboBox::currentIndexChanged, this, &DossierDialog::occasionChanged);
    connect(m_year, &QSpinBox::valueChanged, this, &DossierDialog::yearChanged);
    resize(640, sizeHint().height());
}

void DossierDialog::fill()
{
    m_unit->setUnitId(m_dossier.unitId);
    {
        const QSignalBlocker blockMovement(m_movement);
        const QSignalBlocker blockOccasion(m_occasion);
        const QSignalBlocker blockYear(m_year);
        selectData(m_movement, m_dossier.movementId);
        movementChanged();
        selectData(m_occasion, m_dossier.occasion);
        m_year->setValue(m_dossier.year);
    }
    m_lastSuggestion = suggestedTitle();
    m_title->setText(m_dossier.id ? m_dossier.title : m_lastSuggestion);
    m_letterNo->setText(m_dossier.letterNo);
    m_letterDate->setDate(m_dossier.letterDate);
}

void DossierDialog::movementChanged()
{
    // A movement offers the occasions of its plan (its awards and its phases' reviews); the
    // regular track is the annual one only.
    const qint64 movementId = m_movement->currentData().toLongLong();
    const QString keep = currentCode(m_occasion);
    QStringList offered{QStringLiteral("annual")};
    m_reviewYears.clear();
    if (movementId) {
        offered.clear();
        try {
            if (const std::optional<Core::Movement> m = Core::MovementRepository(m_db).get(movementId)) {
                for (const Core::MovementAward &a : m->awards)
                    offered << a.occasion;
                for (const Core::MovementPhase &p : m->phases)
                    if (!p.review.isEmpty()) {
                        offered << p.review;
                        if (p.reviewYear > 0)
                            m_reviewYears.insert(p.review, p.reviewYear);
                    }
            }
        } catch (const Core::Error &e) {
            setProblems({e.message()});
        }
    }
    {
        const QSignalBlocker block(m_occasion);
        m_occasion->clear();
        for (const Core::CodeLabel &c : Core::Codes::list(Core::Codes::Set::Occasion))
            if (offered.contains(c.code) || offered.isEmpty())
                m_occasion->addItem(c.label, c.code);
        selectData(m_occasion, keep);
    }
    m_occasion->setEnabled(m_occasion->count() > 1);
    occasionChanged();
}

void DossierDialog::occasionChanged()
{
    // A review held in a known year (sơ kết 2023) rewards that year.
    if (const int year = m_reviewYears.value(currentCode(m_occasion)))
        m_year->setValue(year);
}

QString DossierDialog::suggestedTitle() const
{
    return tr("Proposal for awards for %1").arg(m_year->value());
}

void DossierDialog::yearChanged()
{
    // The suggested title names the year: follow it until the clerk writes their own.
    if (Core::Text::clean(m_title->text()) == m_lastSuggestion || m_title->text().trimmed().isEmpty())
        m_title->setText(suggestedTitle());
    m_lastSuggestion = suggestedTitle();
}

Wf::Dossier DossierDialog::collect() const
{
    Wf::Dossier d = m_dossier;
    d.unitId = m_unit->unitId();
    d.movementId = m_movement->currentData().toLongLong();
    d.occasion = currentCode(m_occasion);
    d.year = m_year->value();
    d.title = Core::Text::clean(m_title->text());
    d.letterNo = Core::Text::clean(m_letterNo->text());
    d.letterDate = m_letterDate->date();
    return d;
}

QStringList DossierDialog::check() const
{
    QStringList problems;
    const Wf::Dossier d = collect();
    if (d.unitId == 0)
        problems << tr("Proposing unit: choose the unit that sends the proposal.");
    else if (d.unitId < 0)
        problems << tr("Proposing unit: “%1” is not a unit of the registry; choose one from the list.")
                        .arg(m_unit->currentText().trimmed());
    if (d.title.isEmpty())
        problems << tr("Title: write what the dossier proposes, e.g. “Proposal for awards for %1”.").arg(d.year);
    checkDate(problems, m_letterDate, tr("Letter date"));
    return problems;
}

void DossierDialog::save()
{
    Wf::Dossier d = collect();
    Wf::DossierRepository(m_db).save(d);
    m_dossier = d;
}

QList<ConflictField> DossierDialog::conflictFields(const Core::ConflictError &e) const
{
    const Wf::Dossier mine = collect();
    const QVariantMap &theirs = e.stored();
    const auto value = [&](const char *column) { return theirs.value(QString::fromLatin1(column)); };
    QString theirUnit, theirMovement;
    try {
        theirUnit = Core::UnitRepository(m_db).name(value("unit_id").toLongLong());
        const int row = m_movement->findData(value("movement_id").toLongLong());
        theirMovement = m_movement->itemText(row < 0 ? 0 : row);
    } catch (const Core::Error &) {
        // Shown as empty: the dialog still lists the fields that can be read.
    }
    const auto occasion = [](const QString &code) { return Core::Codes::label(Core::Codes::Set::Occasion, code); };
    return {
        {tr("Proposing unit"), m_unit->currentText(), theirUnit},
        {tr("Movement"), m_movement->currentText(), theirMovement},
        {tr("Occasion"), occasion(mine.occasion), occasion(value("occasion").toString())},
        {tr("Year"), QString::number(mine.year), value("year").toString()},
        {tr("Title"), mine.title, value("title").toString()},
        {tr("Letter number"), mine.letterNo, value("letter_no").toString()},
        {tr("Letter date"), DateField::format(mine.letterDate), DateField::format(Core::Keys::dateFrom(value("letter_date")))},
    };
}

bool DossierDialog::reloadStored()
{
    try {
        m_dossier = Wf::DossierRepository(m_db).dossier(m_dossier.id);
    } catch (const Core::Error &) {
        return false;
    }
    fill();
    return true;
}

bool DossierDialog::adoptStoredVersion(int version)
{
    m_dossier.version = version;
    return true;
}

} // namespace VinhDanh::Ui
