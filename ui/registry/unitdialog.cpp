#include "ui/registry/unitdialog.h"

#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/unitrepository.h"
#include "core/registry/validation.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace VinhDanh::Ui {

UnitDialog::UnitDialog(Core::Database &db, qint64 unitId, QWidget *parent)
    : FormDialog(parent), m_db(db), m_name(new QLineEdit(this)), m_kind(new QComboBox(this)), m_parent(new UnitPicker(this)),
      m_bloc(new QComboBox(this)), m_validFrom(new DateField(this)), m_validTo(new DateField(this)),
      m_succeededBy(new UnitPicker(this))
{
    setWindowTitle(unitId ? tr("Edit unit") : tr("New unit"));
    m_name->setObjectName(QStringLiteral("name"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_parent->setObjectName(QStringLiteral("parent"));
    m_bloc->setObjectName(QStringLiteral("bloc"));
    m_validFrom->setObjectName(QStringLiteral("validFrom"));
    m_validTo->setObjectName(QStringLiteral("validTo"));
    m_succeededBy->setObjectName(QStringLiteral("succeededBy"));
    // No preselected kind: a wrong default saved unnoticed is worse than one more click.
    fillCodes(m_kind, Core::Codes::Set::UnitKind, tr("(choose)"));

    auto *addBlocButton = new QPushButton(tr("New bloc…"), this);
    auto *blocRow = new QHBoxLayout;
    blocRow->addWidget(m_bloc, 1);
    blocRow->addWidget(addBlocButton);
    connect(addBlocButton, &QPushButton::clicked, this, &UnitDialog::addBloc);

    form()->addRow(tr("&Name:"), m_name);
    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("&Parent unit:"), m_parent);
    // A row that is a layout gets no buddy from QFormLayout, so its mnemonic needs one here.
    auto *blocLabel = new QLabel(tr("Emulation &bloc:"), this);
    blocLabel->setBuddy(m_bloc);
    form()->addRow(blocLabel, blocRow);
    form()->addRow(tr("Valid &from:"), m_validFrom);
    form()->addRow(tr("Valid &to:"), m_validTo);
    form()->addRow(tr("&Succeeded by:"), m_succeededBy);
    m_succeededBy->setToolTip(tr("The unit this one was merged into or renamed to."));

    try {
        Core::UnitRepository repo(m_db);
        if (unitId) {
            const std::optional<Core::Unit> unit = repo.get(unitId);
            if (!unit)
                throw Core::Error(tr("This unit no longer exists; another user may have deleted it."));
            m_unit = *unit;
        }
        // A clerk picks among the units of their subtree; the unit's own parent and successor
        // stay listed even when outside it, so saving a rename keeps them.
        m_parent->setUnits(repo.visibleNames(m_unit.parentId), tr("(none: top level)"), unitId);
        m_succeededBy->setUnits(repo.visibleNames(m_unit.succeededById), tr("(none)"), unitId);
        loadBlocs(m_unit.blocId);
    } catch (const Core::Error &e) {
        setProblems({e.message()});
        setSaveEnabled(false);
    }
    fill();
    resize(560, sizeHint().height());
}

void UnitDialog::fill()
{
    m_name->setText(m_unit.name);
    selectData(m_kind, m_unit.kind);
    m_parent->setUnitId(m_unit.parentId);
    m_validFrom->setDate(m_unit.validFrom);
    m_validTo->setDate(m_unit.validTo);
    m_succeededBy->setUnitId(m_unit.succeededById);
}

QList<ConflictField> UnitDialog::conflictFields(const Core::ConflictError &e) const
{
    const QVariantMap mine = Core::Versioning::columns(collect());
    const QVariantMap &theirs = e.stored();
    Core::UnitRepository repo(m_db);
    const auto unitName = [&](const QVariant &id) { return id.toLongLong() > 0 ? repo.name(id.toLongLong()) : QString(); };
    const auto blocName = [&](const QVariant &id) {
        for (const Core::Bloc &b : repo.blocs())
            if (b.id == id.toLongLong())
                return b.name;
        return QString();
    };
    const auto date = [](const QVariant &v) { return DateField::format(Core::Keys::dateFrom(v)); };
    const auto kind = [](const QVariant &v) { return Core::Codes::label(Core::Codes::Set::UnitKind, v.toString()); };
    const auto field = [&](const QString &label, const char *column, const std::function<QString(const QVariant &)> &show) {
        const QString c = QString::fromLatin1(column);
        return ConflictField{label, show(mine.value(c)), show(theirs.value(c))};
    };
    const auto text = [](const QVariant &v) { return v.toString(); };
    return {field(tr("Name"), "name", text),
            field(tr("Kind"), "kind", kind),
            field(tr("Parent unit"), "parent_id", unitName),
            field(tr("Emulation bloc"), "bloc_id", blocName),
            field(tr("Valid from"), "valid_from", date),
            field(tr("Valid to"), "valid_to", date),
            field(tr("Succeeded by"), "succeeded_by_id", unitName)};
}

bool UnitDialog::reloadStored()
{
    const std::optional<Core::Unit> unit = Core::UnitRepository(m_db).get(m_unit.id);
    if (!unit)
        return false;
    m_unit = *unit;
    loadBlocs(m_unit.blocId);
    fill();
    return true;
}

bool UnitDialog::adoptStoredVersion(int version)
{
    m_unit.version = version;
    return true;
}

void UnitDialog::setParentUnit(qint64 parentId)
{
    m_parent->setUnitId(parentId);
}

Core::Unit UnitDialog::collect() const
{
    Core::Unit u = m_unit;
    u.name = Core::Text::clean(m_name->text());
    u.kind = currentCode(m_kind);
    u.parentId = qMax<qint64>(0, m_parent->unitId());
    u.blocId = m_bloc->currentData().toLongLong();
    u.validFrom = m_validFrom->date();
    u.validTo = m_validTo->date();
    u.succeededById = qMax<qint64>(0, m_succeededBy->unitId());
    return u;
}

QStringList UnitDialog::check() const
{
    QStringList problems = Core::Validation::unit(collect());
    if (m_parent->unitId() < 0)
        problems << tr("No unit is called “%1”; choose the parent unit from the list.").arg(m_parent->currentText());
    if (m_succeededBy->unitId() < 0)
        problems << tr("No unit is called “%1”; choose the successor from the list.").arg(m_succeededBy->currentText());
    checkDate(problems, m_validFrom, tr("Valid from"));
    checkDate(problems, m_validTo, tr("Valid to"));
    return problems;
}

void UnitDialog::save()
{
    Core::Unit u = collect();
    Core::UnitRepository(m_db).save(u);
    m_unit = u;
}

void UnitDialog::loadBlocs(qint64 selectId)
{
    m_bloc->clear();
    m_bloc->addItem(tr("(none)"), qint64(0));
    for (const Core::Bloc &b : Core::UnitRepository(m_db).blocs())
        m_bloc->addItem(tr("%1 (%2)").arg(b.name, Core::Codes::label(Core::Codes::Set::BlocKind, b.kind)), b.id);
    selectData(m_bloc, selectId);
}

void UnitDialog::addBloc()
{
    BlocDialog dialog(m_db, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    try {
        loadBlocs(dialog.blocId());
    } catch (const Core::Error &e) {
        setProblems({e.message()});
    }
}

BlocDialog::BlocDialog(Core::Database &db, QWidget *parent)
    : FormDialog(parent), m_db(db), m_name(new QLineEdit(this)), m_kind(new QComboBox(this))
{
    setWindowTitle(tr("New emulation bloc"));
    m_name->setObjectName(QStringLiteral("name"));
    m_kind->setObjectName(QStringLiteral("kind"));
    fillCodes(m_kind, Core::Codes::Set::BlocKind);
    form()->addRow(tr("&Name:"), m_name);
    form()->addRow(tr("&Kind:"), m_kind);
    resize(420, sizeHint().height());
}

QStringList BlocDialog::check() const
{
    if (Core::Text::clean(m_name->text()).isEmpty())
        return {tr("The bloc name is required.")};
    return {};
}

void BlocDialog::save()
{
    Core::Bloc b;
    b.name = Core::Text::clean(m_name->text());
    b.kind = currentCode(m_kind);
    Core::UnitRepository(m_db).saveBloc(b);
    m_bloc = b;
}

} // namespace VinhDanh::Ui
