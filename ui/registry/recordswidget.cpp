#include "ui/registry/recordswidget.h"

#include "ui/widgets/columns.h"

#include "core/domain/codes.h"
#include "core/error.h"
#include "ui/registry/recorddialogs.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
using Core::Codes::Set;

template<typename T>
const T *findById(const QList<T> &list, qint64 id)
{
    for (const T &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}

const Core::AwardRow *findAward(const QList<Core::AwardRow> &list, qint64 id)
{
    for (const Core::AwardRow &row : list)
        if (row.award.id == id)
            return &row;
    return nullptr;
}
} // namespace

RecordSection::RecordSection(const QStringList &headers, const QString &list, const QList<int> &wide, QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(0, int(headers.size()), this))
{
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    Columns::remember(m_table, list, wide);

    auto *add = new QPushButton(tr("&Add…"), this);
    auto *edit = new QPushButton(tr("&Edit…"), this);
    auto *remove = new QPushButton(tr("&Remove…"), this);
    add->setObjectName(QStringLiteral("add"));
    edit->setObjectName(QStringLiteral("edit"));
    remove->setObjectName(QStringLiteral("remove"));
    connect(add, &QPushButton::clicked, this, &RecordSection::addRequested);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (currentKey().isValid())
            emit editRequested(currentKey());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (currentKey().isValid())
            emit removeRequested(currentKey());
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { emit editRequested(currentKey()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void RecordSection::setRows(const QList<QStringList> &rows, const QList<QVariant> &keys)
{
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < m_table->columnCount(); ++c) {
            auto *item = new QTableWidgetItem(rows[r].value(c));
            if (c == 0)
                item->setData(Qt::UserRole, keys.value(r));
            m_table->setItem(r, c, item);
        }
    }
    // Widths follow the rows (ui/widgets/columns.h) until the clerk sets their own.
}

QVariant RecordSection::currentKey() const
{
    const int row = m_table->currentRow();
    return row < 0 || !m_table->item(row, 0) ? QVariant() : m_table->item(row, 0)->data(Qt::UserRole);
}

RecordsWidget::RecordsWidget(Core::Database &db, const Core::Subject &subject, QWidget *parent)
    : QTabWidget(parent), m_db(db), m_subject(subject),
      m_years(new RecordSection({tr("Year"), tr("Task rating"), tr("Emulation titles")}, QStringLiteral("recordYears"), {2}, this)),
      m_awards(new RecordSection(
          {tr("Year"), tr("Award"), tr("Kind"), tr("Decision no."), tr("Decision date"), tr("Authority"), tr("Movement")},
          QStringLiteral("recordAwards"), {1, 6}, this)),
      m_disciplines(new RecordSection({tr("Kind"), tr("From"), tr("To"), tr("Decision no."), tr("Note")},
                                      QStringLiteral("recordDisciplines"), {0, 4}, this))
{
    m_years->setObjectName(QStringLiteral("years"));
    m_awards->setObjectName(QStringLiteral("awards"));
    m_disciplines->setObjectName(QStringLiteral("disciplines"));
    addTab(m_years, tr("Yearly records"));
    addTab(m_awards, tr("Awards"));
    if (subject.isPerson()) {
        m_initiatives = new RecordSection({tr("Title"), tr("Level"), tr("Decision no."), tr("Decision date"), tr("Used for an award")},
                                          QStringLiteral("recordInitiatives"), {0, 4}, this);
        m_initiatives->setObjectName(QStringLiteral("initiatives"));
        addTab(m_initiatives, tr("Initiatives"));
        connect(m_initiatives, &RecordSection::addRequested, this, [this] { editInitiative({}); });
        connect(m_initiatives, &RecordSection::editRequested, this, &RecordsWidget::editInitiative);
        connect(m_initiatives, &RecordSection::removeRequested, this, &RecordsWidget::removeInitiative);
    }
    addTab(m_disciplines, tr("Disciplines"));

    connect(m_years, &RecordSection::addRequested, this, [this] { editRating({}); });
    connect(m_years, &RecordSection::editRequested, this, &RecordsWidget::editRating);
    connect(m_years, &RecordSection::removeRequested, this, &RecordsWidget::removeRating);
    connect(m_awards, &RecordSection::addRequested, this, [this] { editAward({}); });
    connect(m_awards, &RecordSection::editRequested, this, &RecordsWidget::editAward);
    connect(m_awards, &RecordSection::removeRequested, this, &RecordsWidget::removeAward);
    connect(m_disciplines, &RecordSection::addRequested, this, [this] { editDiscipline({}); });
    connect(m_disciplines, &RecordSection::editRequested, this, &RecordsWidget::editDiscipline);
    connect(m_disciplines, &RecordSection::removeRequested, this, &RecordsWidget::removeDiscipline);
    reload();
}

void RecordsWidget::reload()
{
    try {
        Core::RecordRepository repo(m_db);
        loadYears(repo);
        loadAwards(repo);
        if (m_initiatives)
            loadInitiatives(repo);
        loadDisciplines(repo);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot read the records"), e);
    }
}

void RecordsWidget::loadYears(Core::RecordRepository &repo)
{
    m_ratingCache = repo.ratings(m_subject);
    QList<QStringList> rows;
    QList<QVariant> keys;
    for (const Core::YearRecord &y : repo.yearRecords(m_subject)) {
        QStringList titles;
        for (const QString &code : y.titleCodes)
            titles << repo.awardFormName(code);
        rows << QStringList{QString::number(y.year), y.rating.isEmpty() ? QString() : Core::Codes::label(Set::TaskRating, y.rating),
                            titles.join(QStringLiteral("; "))};
        keys << y.year;
    }
    m_years->setRows(rows, keys);
}

void RecordsWidget::loadAwards(Core::RecordRepository &repo)
{
    m_awardCache = repo.awards(m_subject);
    QList<QStringList> rows;
    QList<QVariant> keys;
    for (const Core::AwardRow &r : qAsConst(m_awardCache)) {
        const Core::Award &a = r.award;
        rows << QStringList{QString::number(a.year),
                            r.formName,
                            Core::Codes::label(Set::AwardKind, a.kind),
                            a.decisionNo,
                            DateField::format(a.decisionDate),
                            a.authority,
                            r.movementName};
        keys << a.id;
    }
    m_awards->setRows(rows, keys);
}

void RecordsWidget::loadInitiatives(Core::RecordRepository &repo)
{
    m_initiativeCache = repo.initiatives(m_subject.personId);
    QList<QStringList> rows;
    QList<QVariant> keys;
    for (const Core::Initiative &i : qAsConst(m_initiativeCache)) {
        rows << QStringList{i.title, Core::Codes::label(Set::InitiativeLevel, i.level), i.decisionNo,
                            DateField::format(i.decisionDate), i.usedForAwardId ? tr("Yes") : QString()};
        keys << i.id;
    }
    m_initiatives->setRows(rows, keys);
}

void RecordsWidget::loadDisciplines(Core::RecordRepository &repo)
{
    m_disciplineCache = repo.disciplines(m_subject);
    QList<QStringList> rows;
    QList<QVariant> keys;
    for (const Core::Discipline &d : qAsConst(m_disciplineCache)) {
        rows << QStringList{Core::Codes::label(Set::DisciplineKind, d.kind), DateField::format(d.startDate),
                            d.endDate.isValid() ? DateField::format(d.endDate) : tr("in force"), d.decisionNo, d.note};
        keys << d.id;
    }
    m_disciplines->setRows(rows, keys);
}

bool RecordsWidget::runDialog(QDialog &dialog)
{
    if (dialog.exec() != QDialog::Accepted)
        return false;
    reload();
    emit changed();
    return true;
}

template<typename F>
void RecordsWidget::confirmRemove(const QString &question, F remove)
{
    if (QMessageBox::question(this, tr("Remove"), question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    try {
        remove(Core::RecordRepository(m_db));
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot remove"), e);
        return;
    }
    reload();
    emit changed();
}

void RecordsWidget::editRating(const QVariant &year)
{
    Core::Rating rating;
    rating.subject = m_subject;
    rating.year = year.toInt();
    for (const Core::Rating &r : qAsConst(m_ratingCache))
        if (r.year == rating.year)
            rating = r;
    RatingDialog dialog(m_db, rating, year.isValid(), this);
    runDialog(dialog);
}

void RecordsWidget::removeRating(const QVariant &year)
{
    const int y = year.toInt();
    const bool rated = std::any_of(m_ratingCache.cbegin(), m_ratingCache.cend(), [y](const Core::Rating &r) { return r.year == y; });
    if (!rated) {
        QMessageBox::information(this, tr("Remove"),
                                 tr("%1 has no task rating to remove; its titles are entries of the award ledger.").arg(y));
        return;
    }
    confirmRemove(tr("Remove the task rating of %1?").arg(y), [&](Core::RecordRepository repo) { repo.removeRating(m_subject, y); });
}

void RecordsWidget::editAward(const QVariant &id)
{
    Core::Award award;
    award.subject = m_subject;
    if (const Core::AwardRow *row = findAward(m_awardCache, id.toLongLong()); row && id.isValid()) {
        award = row->award;
    } else {
        award.kind = QStringLiteral("cong_trang"); // the usual case: a regular merit award
    }
    AwardDialog dialog(m_db, award, this);
    runDialog(dialog);
}

void RecordsWidget::removeAward(const QVariant &id)
{
    const Core::AwardRow *row = findAward(m_awardCache, id.toLongLong());
    if (!row)
        return;
    confirmRemove(tr("Remove “%1” (%2) from the ledger?").arg(row->formName).arg(row->award.year),
                  [&](Core::RecordRepository repo) { repo.removeAward(id.toLongLong()); });
}

void RecordsWidget::editInitiative(const QVariant &id)
{
    Core::Initiative initiative;
    if (const Core::Initiative *found = findById(m_initiativeCache, id.toLongLong()); found && id.isValid())
        initiative = *found;
    else
        initiative.holderIds = {m_subject.personId};
    InitiativeDialog dialog(m_db, initiative, this);
    runDialog(dialog);
}

void RecordsWidget::removeInitiative(const QVariant &id)
{
    const Core::Initiative *found = findById(m_initiativeCache, id.toLongLong());
    if (!found)
        return;
    confirmRemove(tr("Remove the initiative “%1”? It is removed for all its holders.").arg(found->title),
                  [&](Core::RecordRepository repo) { repo.removeInitiative(id.toLongLong()); });
}

void RecordsWidget::editDiscipline(const QVariant &id)
{
    Core::Discipline discipline;
    discipline.subject = m_subject;
    if (const Core::Discipline *found = findById(m_disciplineCache, id.toLongLong()); found && id.isValid())
        discipline = *found;
    DisciplineDialog dialog(m_db, discipline, this);
    runDialog(dialog);
}

void RecordsWidget::removeDiscipline(const QVariant &id)
{
    const Core::Discipline *found = findById(m_disciplineCache, id.toLongLong());
    if (!found)
        return;
    confirmRemove(tr("Remove this discipline (%1, from %2)?")
                      .arg(Core::Codes::label(Set::DisciplineKind, found->kind), DateField::format(found->startDate)),
                  [&](Core::RecordRepository repo) { repo.removeDiscipline(id.toLongLong()); });
}

} // namespace VinhDanh::Ui
