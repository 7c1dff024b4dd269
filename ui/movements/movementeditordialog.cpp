#include "ui/movements/movementeditordialog.h"

#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "core/text/vntext.h"
#include "ui/widgets/editabletable.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
// The years validation accepts (MovementRepository::validate).
constexpr int kFirstYear = 1945;
constexpr int kLastYear = 2100;

QLineEdit *lineEdit(const char *objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(objectName));
    return edit;
}

QSpinBox *yearBox(const char *objectName, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(objectName));
    box->setRange(kFirstYear, kLastYear);
    // No digit grouping: "2.026" would be wrong for a year in a Vietnamese locale.
    box->setGroupSeparatorShown(false);
    return box;
}
} // namespace

MovementEditorDialog::MovementEditorDialog(Core::Database &db, const Core::Movement &movement, QWidget *parent)
    : QDialog(parent), m_db(db), m_original(movement)
{
    setObjectName(QStringLiteral("movementEditor"));
    setWindowTitle(movement.id > 0 ? tr("Edit movement – %1").arg(movement.name) : tr("New movement"));
    try {
        for (const Core::AwardForm &f : Core::RecordRepository(m_db).awardForms())
            m_awardForms.append({f.code, f.name});
    } catch (const Core::Error &) {
        // The form still works; award codes then show as codes and Save reports any problem.
        m_awardForms.clear();
    }

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildGeneralTab(), tr("&General"));
    buildListTabs();

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problems->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MovementEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MovementEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_buttons);

    m_loading = true;
    loadGeneral(movement);
    loadLists(movement);
    m_loading = false;

    if (movement.isCatalogue) {
        // The view never opens a catalogue movement here; if someone does, say why Save is off.
        m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        showProblems({tr("This is a catalogue movement and cannot be changed. Copy it and edit the copy.")});
    }
    resize(960, 640);
}

MovementEditorDialog::~MovementEditorDialog()
{
    // QWidget deletes the children after this destructor has run; a table or an open cell
    // editor committing on the way out would then call onEdited() on a half-destroyed dialog.
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

QWidget *MovementEditorDialog::buildGeneralTab()
{
    auto *page = new QWidget(this);
    m_name = lineEdit("name", page);
    m_name->setPlaceholderText(tr("The movement's quoted name, e.g. Digital transformation 2026"));
    m_title = lineEdit("title", page);
    m_title->setPlaceholderText(tr("The plan's title line"));
    m_issuer = lineEdit("issuer", page);
    m_documentKind = lineEdit("documentKind", page);
    m_documentKind->setPlaceholderText(tr("e.g. plan"));
    m_planNumber = lineEdit("planNumber", page);
    m_planNumber->setPlaceholderText(tr("Leave empty when the plan is not numbered yet"));

    // A plan is often issued with its date left blank: the date is optional, hence the box.
    m_planDated = new QCheckBox(tr("Dated"), page);
    m_planDated->setObjectName(QStringLiteral("planDated"));
    m_planDate = new QDateEdit(QDate::currentDate(), page);
    m_planDate->setObjectName(QStringLiteral("planDate"));
    m_planDate->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_planDate->setCalendarPopup(true);
    m_planDate->setEnabled(false);
    connect(m_planDated, &QCheckBox::toggled, m_planDate, &QDateEdit::setEnabled);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(m_planDated);
    dateRow->addWidget(m_planDate);
    dateRow->addStretch();

    m_place = lineEdit("place", page);
    m_scope = lineEdit("scope", page);
    m_scope->setPlaceholderText(tr("Where the movement runs, e.g. the province"));
    m_periodFrom = yearBox("periodFrom", page);
    m_periodTo = yearBox("periodTo", page);
    auto *periodRow = new QHBoxLayout;
    periodRow->addWidget(m_periodFrom);
    periodRow->addWidget(new QLabel(tr("to"), page));
    periodRow->addWidget(m_periodTo);
    periodRow->addStretch();
    m_signerTitle = lineEdit("signerTitle", page);
    m_signerName = lineEdit("signerName", page);

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("Iss&uer:"), m_issuer);
    form->addRow(tr("Document &kind:"), m_documentKind);
    form->addRow(tr("Plan num&ber:"), m_planNumber);
    // Rows holding a layout need their label's buddy set by hand, or the mnemonic shows as "&".
    auto *dateLabel = new QLabel(tr("Plan &date:"), page);
    dateLabel->setBuddy(m_planDated);
    form->addRow(dateLabel, dateRow);
    form->addRow(tr("&Place:"), m_place);
    form->addRow(tr("&Scope:"), m_scope);
    auto *periodLabel = new QLabel(tr("Pe&riod:"), page);
    periodLabel->setBuddy(m_periodFrom);
    form->addRow(periodLabel, periodRow);
    form->addRow(tr("Signer's t&itle:"), m_signerTitle);
    form->addRow(tr("Signer's na&me:"), m_signerName);

    for (QLineEdit *edit : {m_name, m_title, m_issuer, m_documentKind, m_planNumber, m_place, m_scope, m_signerTitle, m_signerName})
        connect(edit, &QLineEdit::textChanged, this, &MovementEditorDialog::onEdited);
    for (QSpinBox *box : {m_periodFrom, m_periodTo})
        connect(box, &QSpinBox::valueChanged, this, &MovementEditorDialog::onEdited);
    connect(m_planDated, &QCheckBox::toggled, this, &MovementEditorDialog::onEdited);
    connect(m_planDate, &QDateEdit::dateChanged, this, &MovementEditorDialog::onEdited);
    return page;
}

void MovementEditorDialog::loadGeneral(const Core::Movement &m)
{
    m_name->setText(m.name);
    m_title->setText(m.title);
    m_issuer->setText(m.issuer);
    m_documentKind->setText(m.documentKind);
    m_planNumber->setText(m.planNumber);
    m_planDated->setChecked(m.planDate.isValid());
    if (m.planDate.isValid())
        m_planDate->setDate(m.planDate);
    m_place->setText(m.place);
    m_scope->setText(m.scope);
    // A new movement (no period yet) starts in the current year.
    const int year = QDate::currentDate().year();
    m_periodFrom->setValue(m.periodFrom > 0 ? m.periodFrom : year);
    m_periodTo->setValue(m.periodTo > 0 ? m.periodTo : (m.periodFrom > 0 ? m.periodFrom : year));
    m_signerTitle->setText(m.signerTitle);
    m_signerName->setText(m.signerName);
}

Core::Movement MovementEditorDialog::movement() const
{
    Core::Movement m = m_original;
    m.name = Core::Text::clean(m_name->text());
    m.title = Core::Text::clean(m_title->text());
    m.issuer = Core::Text::clean(m_issuer->text());
    m.documentKind = Core::Text::clean(m_documentKind->text());
    m.planNumber = Core::Text::clean(m_planNumber->text());
    m.planDate = m_planDated->isChecked() ? m_planDate->date() : QDate();
    m.place = Core::Text::clean(m_place->text());
    m.scope = Core::Text::clean(m_scope->text());
    m.periodFrom = m_periodFrom->value();
    m.periodTo = m_periodTo->value();
    m.signerTitle = Core::Text::clean(m_signerTitle->text());
    m.signerName = Core::Text::clean(m_signerName->text());
    storeLists(m);
    return m;
}

QString MovementEditorDialog::problemsText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void MovementEditorDialog::accept()
{
    // A cell editor still open holds text the table does not have yet: close it first.
    if (QWidget *focus = focusWidget())
        focus->clearFocus();
    m_showProblems = true;
    Core::Movement m = movement();
    const QStringList problems = Core::MovementRepository::validate(m);
    if (!problems.isEmpty()) {
        showProblems(problems);
        return;
    }
    try {
        m_savedId = Core::MovementRepository(m_db).save(m);
    } catch (const Core::ConflictError &e) {
        resolveConflict(m, e);
        return;
    } catch (const Core::Error &e) {
        showProblems({e.message()});
        return;
    }
    m_original = m;
    showProblems({});
    QDialog::accept();
}

void MovementEditorDialog::onEdited()
{
    // Once Save has been tried, keep the list of problems current as the clerk fixes them.
    if (m_loading || !m_showProblems)
        return;
    showProblems(Core::MovementRepository::validate(movement()));
}

void MovementEditorDialog::showProblems(const QStringList &problems)
{
    if (problems.isEmpty()) {
        m_problems->clear();
        m_problems->hide();
        return;
    }
    QStringList lines;
    for (const QString &p : problems)
        lines << tr("• %1").arg(p);
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->show();
}

} // namespace VinhDanh::Ui
