#include "ui/dossiers/subjectpicker.h"

#include "ui/registry/personlistmodel.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/listpage.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

SubjectPicker::SubjectPicker(Core::Database &db, QWidget *parent)
    : QWidget(parent), m_people(new PersonListModel(this)), m_units(new UnitListModel(this)),
      m_personButton(new QRadioButton(tr("A &person"), this)), m_unitButton(new QRadioButton(tr("A &unit (collective)"), this)),
      m_filter(new QLineEdit(this)), m_lists(new QStackedWidget(this)), m_peopleTable(new QTableView(this)),
      m_unitsTable(new QTableView(this)), m_table(m_peopleTable), m_chosen(new QLabel(this))
{
    m_personButton->setObjectName(QStringLiteral("person"));
    m_unitButton->setObjectName(QStringLiteral("unit"));
    m_filter->setObjectName(QStringLiteral("search"));
    m_peopleTable->setObjectName(QStringLiteral("candidates"));
    m_unitsTable->setObjectName(QStringLiteral("candidateUnits"));
    m_chosen->setObjectName(QStringLiteral("chosen"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_personButton);
    group->addButton(m_unitButton);
    m_personButton->setChecked(true);
    m_filter->setPlaceholderText(tr("Search: part of a name or key, with or without accents"));
    m_filter->setClearButtonEnabled(true);
    m_peopleTable->setModel(m_people);
    m_unitsTable->setModel(m_units);
    // Gender does not tell a nominee apart; hidden before remember(), it is not offered either.
    m_peopleTable->setColumnHidden(PersonListModel::Gender, true);
    for (QTableView *table : {m_peopleTable, m_unitsTable}) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->verticalHeader()->hide();
        table->setWordWrap(false);
        table->setMinimumHeight(150);
        m_lists->addWidget(table);
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, table] {
            if (table == m_table) // the hidden list's reset is not a choice
                rowChosen();
        });
    }
    Columns::remember(m_peopleTable, QStringLiteral("nomineePeople"), {PersonListModel::Name, PersonListModel::Unit});
    Columns::remember(m_unitsTable, QStringLiteral("nomineeUnits"), {UnitListModel::Name, UnitListModel::Parent});
    m_chosen->setWordWrap(true);

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(ListPage::FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(&m_filterTimer, &QTimer::timeout, this, &SubjectPicker::applyFilter);
    connect(m_personButton, &QRadioButton::toggled, this, [this] {
        kindChanged();
        // A person chosen before switching to units (or the reverse) is no longer the choice.
        if ((m_subject.personId || m_subject.unitId) && m_subject.isPerson() != m_personButton->isChecked()) {
            setSubject({}, {});
            emit subjectChanged();
        }
    });

    auto *kinds = new QHBoxLayout;
    kinds->addWidget(m_personButton);
    kinds->addWidget(m_unitButton);
    kinds->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(kinds);
    layout->addWidget(m_filter);
    layout->addWidget(m_lists, 1);
    layout->addWidget(m_chosen);

    m_people->setDatabase(&db);
    m_units->setDatabase(&db);
    kindChanged();
    setSubject({}, {});
}

SubjectPicker::~SubjectPicker()
{
    // The children go after this destructor; a selection they drop on the way must not reach
    // rowChosen(), which reads the buttons already gone.
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

void SubjectPicker::kindChanged()
{
    // Each list keeps its own filter; the typed text applies to the one shown.
    const bool person = m_personButton->isChecked();
    m_table = person ? m_peopleTable : m_unitsTable;
    m_lists->setCurrentWidget(m_table);
    // Each view keeps its selection model: a row left current from before the switch would not
    // say "chosen" when clicked again (no currentRowChanged), so the shown list starts unselected.
    m_table->selectionModel()->clearCurrentIndex();
    m_table->clearSelection();
    applyFilter();
}

void SubjectPicker::applyFilter()
{
    m_filterTimer.stop();
    PagedModelBase *model = m_personButton->isChecked() ? static_cast<PagedModelBase *>(m_people) : m_units;
    model->setFilter(m_filter->text());
    // One match is the one meant: choose it, so typing a full name is enough.
    if (model->totalCount() == 1)
        chooseRow(0);
}

void SubjectPicker::chooseRow(int row)
{
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_table->model()->index(row, 0));
}

void SubjectPicker::rowChosen()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    const qint64 id = index.siblingAtColumn(0).data(PagedModelBase::IdRole).toLongLong();
    const QString name = index.siblingAtColumn(0).data().toString();
    const Core::Subject subject = m_personButton->isChecked() ? Core::Subject::person(id) : Core::Subject::unit(id);
    if (subject.personId == m_subject.personId && subject.unitId == m_subject.unitId)
        return;
    setSubject(subject, name);
    emit subjectChanged();
}

void SubjectPicker::setSubject(const Core::Subject &subject, const QString &name)
{
    m_subject = subject;
    m_name = name;
    if (subject.personId || subject.unitId) {
        const QSignalBlocker block(m_personButton);
        m_personButton->setChecked(subject.isPerson());
        m_unitButton->setChecked(!subject.isPerson());
        if (m_table != (subject.isPerson() ? m_peopleTable : m_unitsTable))
            kindChanged();
    }
    m_chosen->setText(name.isEmpty() ? tr("Nobody chosen yet: search, then click a row.") : tr("Chosen: %1").arg(name));
}

} // namespace VinhDanh::Ui
