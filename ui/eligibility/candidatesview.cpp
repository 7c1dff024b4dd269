#include "ui/eligibility/candidatesview.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/filedialogs.h"

#include "core/text/csv.h"

#include "core/db/database.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "ui/eligibility/candidatesmodel.h"
#include "ui/eligibility/candidatessweep.h"
#include "ui/eligibility/minutesdialog.h"
#include "ui/registry/personpage.h"
#include "ui/registry/unitpage.h"

#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Elig = Core::Eligibility;

namespace {
QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

/// A row the minutes can move: awaiting confirmation, or missing data with items to confirm as
/// well. An eligible or not-eligible row has nothing the minutes would change.
bool awaitsConfirmation(const Elig::Candidate &c)
{
    return c.outcome == Elig::Outcome::AwaitingConfirmation || (c.outcome == Elig::Outcome::MissingData && !c.pending.isEmpty());
}
} // namespace

CandidatesView::CandidatesView(QWidget *parent)
    : QWidget(parent), m_model(new CandidatesModel(this)), m_year(new QSpinBox(this)), m_movement(new QComboBox(this)),
      m_run(new QPushButton(tr("F&ind candidates"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_award(new QComboBox(this)), m_verdict(new QComboBox(this)),
      m_recipients(new QComboBox(this)), m_filter(new QLineEdit(this)), m_table(new QTableView(this)), m_count(new QLabel(this)),
      m_error(new QLabel(this)), m_export(new QPushButton(tr("E&xport CSV…"), this)),
      m_fromMinutes(new QPushButton(tr("Confi&rm from minutes…"), this)), m_stale(new QLabel(this))
{
    // In the body, not the initialisers: lupdate loses the class's context at a brace there.
    // The year's choices follow the movements and award forms; the rows found follow what the
    // engine reads (core/eligibility), from this window, the CLI or another clerk.
    m_choicesWatch = new ChangeWatch(
        {QStringLiteral("movements"), QStringLiteral("award_forms")}, [this](const Core::ChangeSet &) { fillChoices(); }, this);
    m_dataWatch = new ChangeWatch(
        {QStringLiteral("people"), QStringLiteral("units"), QStringLiteral("ratings"), QStringLiteral("awards"),
         QStringLiteral("initiatives"), QStringLiteral("initiative_holders"), QStringLiteral("disciplines"),
         QStringLiteral("dossiers"), QStringLiteral("dossier_nominees"), QStringLiteral("eligibility_confirmations"),
         QStringLiteral("rule_sets"), QStringLiteral("movements"), QStringLiteral("decisions"), QStringLiteral("decision_awardees")},
        [this](const Core::ChangeSet &) { markStale(); }, this);
    m_year->setObjectName(QStringLiteral("year"));
    m_year->setRange(1990, QDate::currentDate().year() + 1);
    m_year->setValue(QDate::currentDate().year() - 1);
    m_movement->setObjectName(QStringLiteral("movement"));
    m_movement->setMinimumContentsLength(30);
    m_movement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setObjectName(QStringLiteral("run"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setTextVisible(true);
    auto *top = new QHBoxLayout;
    top->addWidget(buddyLabel(tr("&Year:"), m_year, this));
    top->addWidget(m_year);
    top->addSpacing(12);
    top->addWidget(buddyLabel(tr("&Movement:"), m_movement, this));
    top->addWidget(m_movement, 1);
    top->addWidget(m_run);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);

    m_award->setObjectName(QStringLiteral("awardFilter"));
    m_verdict->setObjectName(QStringLiteral("verdictFilter"));
    m_verdict->addItem(tr("(every verdict)"), -1);
    for (const Elig::Verdict v : {Elig::Verdict::Eligible, Elig::Verdict::NeedsReview, Elig::Verdict::NotEligible})
        m_verdict->addItem(v == Elig::Verdict::NotEligible ? tr("Not eligible or missing data")
                                                           : Elig::outcomeLabel(Elig::outcomeOf(v)),
                           int(v)); // the rows say which of the four outcomes
    m_recipients->setObjectName(QStringLiteral("recipientFilter"));
    m_recipients->addItem(tr("(individuals and collectives)"), int(CandidatesModel::Recipients::All));
    m_recipients->addItem(tr("Individuals"), int(CandidatesModel::Recipients::Individuals));
    m_recipients->addItem(tr("Collectives"), int(CandidatesModel::Recipients::Collectives));
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter by name, key or unit"));
    m_filter->setClearButtonEnabled(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 2);
    filters->addWidget(buddyLabel(tr("A&ward form:"), m_award, this));
    filters->addWidget(m_award, 1);
    filters->addWidget(buddyLabel(tr("V&erdict:"), m_verdict, this));
    filters->addWidget(m_verdict);
    filters->addWidget(m_recipients);

    m_table->setObjectName(QStringLiteral("candidates"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Nine "Nguyễn Văn An" are told apart by their unit: both get the room left over.
    Columns::remember(m_table, QStringLiteral("candidates"), {CandidatesModel::NameColumn, CandidatesModel::UnitColumn});

    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    m_count->setObjectName(QStringLiteral("count"));
    m_export->setObjectName(QStringLiteral("export"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(m_fromMinutes);
    bottom->addWidget(m_export);
    m_fromMinutes->setObjectName(QStringLiteral("fromMinutes"));
    m_fromMinutes->setToolTip(tr("Record the unit's bình xét minutes for the selected rows (or pick recorded ones) and "
                                 "confirm from them the facts of the year that count for every award form."));

    m_stale->setObjectName(QStringLiteral("stale"));
    m_stale->setWordWrap(true);
    m_stale->setText(tr("The registry has changed since these rows were found: press Find candidates to check again."));
    m_stale->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_stale);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(200);
    connect(&m_filterTimer, &QTimer::timeout, this, &CandidatesView::applyFilter);
    connect(m_filter, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_award, &QComboBox::currentIndexChanged, this, &CandidatesView::applyFilter);
    connect(m_verdict, &QComboBox::currentIndexChanged, this, &CandidatesView::applyFilter);
    connect(m_recipients, &QComboBox::currentIndexChanged, this, &CandidatesView::applyFilter);
    connect(m_run, &QPushButton::clicked, this, &CandidatesView::run);
    connect(m_cancel, &QPushButton::clicked, this, &CandidatesView::cancel);
    connect(m_export, &QPushButton::clicked, this, &CandidatesView::exportCsv);
    // activated: a double click, or Enter on the current row.
    connect(m_table, &QTableView::activated, this, &CandidatesView::openRow);
    connect(m_fromMinutes, &QPushButton::clicked, this, &CandidatesView::confirmFromMinutes);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CandidatesView::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CandidatesView::updateState);
    setDatabase(nullptr);
}

CandidatesView::~CandidatesView()
{
    if (m_sweep) {
        m_sweep->disconnect(this);
        m_sweep->cancel();
        m_sweep->wait();
    }
}

void CandidatesView::setDatabase(Core::Database *db)
{
    cancel(); // a running sweep belongs to the previous database
    m_db = db;
    m_choicesWatch->setDatabase(db);
    m_dataWatch->setDatabase(db);
    m_model->clear();
    m_error->hide();
    m_stale->hide();
    fillChoices();
    updateState();
}

void CandidatesView::markStale()
{
    // A sweep running now reads what is committed as it goes; its rows may predate the change too.
    if (m_model->totalCount() > 0 || isRunning())
        m_stale->show();
}

void CandidatesView::fillChoices()
{
    const QSignalBlocker blockMovement(m_movement);
    const QSignalBlocker blockAward(m_award);
    // Filled again when movements or award forms change: the clerk's choice stays when it is still there.
    const QVariant movement = m_movement->currentData();
    const QVariant award = m_award->currentData();
    auto restore = qScopeGuard([&] {
        m_movement->setCurrentIndex(qMax(0, m_movement->findData(movement)));
        m_award->setCurrentIndex(qMax(0, m_award->findData(award)));
    });
    m_movement->clear();
    m_award->clear();
    m_movement->addItem(tr("(no movement)"), 0);
    m_award->addItem(tr("(every award form)"), QString());
    if (!m_db)
        return;
    try {
        for (const Core::MovementSummary &m : Core::MovementRepository(*m_db).list())
            m_movement->addItem(m.name, m.id);
        for (const Core::AwardForm &form : Core::RecordRepository(*m_db).awardForms())
            m_award->addItem(form.name, form.code);
    } catch (const Core::Error &e) {
        m_error->setText(shownInPlace("candidates", e));
        m_error->show();
    }
}

bool CandidatesView::isRunning() const
{
    return m_sweep != nullptr;
}

void CandidatesView::run()
{
    if (!m_db || isRunning())
        return;
    m_error->hide();
    m_stale->hide();
    m_dataWatch->discardPending(); // what changed before now is in this sweep
    const int year = m_year->value();
    const qint64 movement = m_movement->currentData().toLongLong();
    const Core::ConnectionSettings settings = m_db->settings();
    if (settings.backend == Core::Backend::Sqlite && settings.path == QLatin1String(":memory:")) {
        // A private in-memory database cannot be opened a second time from another thread.
        try {
            QMap<QString, QString> names;
            for (const Core::AwardForm &form : Core::RecordRepository(*m_db).awardForms())
                names.insert(form.code, form.name);
            m_model->setCandidates(Elig::Service(*m_db).candidates(year, movement), names);
        } catch (const Core::Error &e) {
            m_model->clear();
            m_error->setText(shownInPlace("candidates", e));
            m_error->show();
        }
        updateState();
        emit sweepEnded();
        return;
    }
    m_sweep = new CandidatesSweep(settings, m_db->session(), year, movement, this);
    connect(m_sweep, &CandidatesSweep::progressed, this, &CandidatesView::showProgress, Qt::QueuedConnection);
    connect(m_sweep, &QThread::finished, this, &CandidatesView::sweepFinished);
    m_progress->setRange(0, 0); // busy until the engine reports its total
    m_sweep->start(QThread::LowPriority);
    updateState();
}

void CandidatesView::cancel()
{
    if (!m_sweep)
        return;
    // The sweep stops at its next progress report and deletes itself; its rows are dropped.
    CandidatesSweep *sweep = m_sweep;
    m_sweep = nullptr;
    sweep->disconnect(this);
    sweep->cancel();
    connect(sweep, &QThread::finished, sweep, &QObject::deleteLater);
    if (sweep->isFinished())
        sweep->deleteLater();
    updateState();
    emit sweepEnded();
}

void CandidatesView::showProgress(int done, int total)
{
    m_progress->setRange(0, qMax(total, 1));
    m_progress->setValue(done);
}

void CandidatesView::sweepFinished()
{
    CandidatesSweep *sweep = m_sweep;
    m_sweep = nullptr;
    if (!sweep)
        return;
    if (!sweep->error().isEmpty()) {
        m_model->clear();
        m_error->setText(sweep->error());
        m_error->show();
    } else if (m_db) {
        QMap<QString, QString> names;
        try {
            for (const Core::AwardForm &form : Core::RecordRepository(*m_db).awardForms())
                names.insert(form.code, form.name);
        } catch (const Core::Error &) {
            // The codes stand in for the names; the sweep itself succeeded.
        }
        m_model->setCandidates(sweep->results(), names);
    }
    sweep->deleteLater();
    updateState();
    emit sweepEnded();
}

void CandidatesView::applyFilter()
{
    m_filterTimer.stop();
    CandidatesModel::Filter filter;
    filter.awardCode = m_award->currentData().toString();
    filter.verdict = m_verdict->currentData().isValid() ? m_verdict->currentData().toInt() : -1;
    filter.recipients = CandidatesModel::Recipients(m_recipients->currentData().toInt());
    filter.text = m_filter->text();
    m_model->setFilter(filter);
    updateState();
}

void CandidatesView::updateState()
{
    const bool running = isRunning();
    m_run->setEnabled(m_db && !running);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_year->setEnabled(!running);
    m_movement->setEnabled(!running);
    m_export->setEnabled(m_model->rowCount() > 0 && !running);
    m_fromMinutes->setEnabled(m_db && !running && selectionAwaitsConfirmation());
    if (running)
        m_count->setText(tr("Checking every person and unit…"));
    else if (m_model->totalCount() == 0)
        m_count->setText(m_db ? tr("Choose a year and press Find candidates.") : QString());
    else if (m_model->rowCount() == m_model->totalCount())
        m_count->setText(tr("%n row(s)", nullptr, m_model->totalCount()));
    else
        m_count->setText(tr("%1 of %n row(s) match the filters", nullptr, m_model->totalCount()).arg(m_model->rowCount()));
}

QString CandidatesView::exportTo(const QString &path) const
{
    try {
        Core::Csv::save(path, m_model->tableText());
    } catch (const Core::Error &e) {
        return e.message();
    }
    return {};
}

void CandidatesView::exportCsv()
{
    const QString suggested = QDir::home().filePath(tr("candidates-%1.csv").arg(m_year->value()));
    const QString path = FileDialogs::saveFile(this, tr("Export CSV"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = exportTo(path);
    if (!error.isEmpty())
        showError(this, tr("Export CSV"), error);
}

void CandidatesView::openRow(const QModelIndex &index)
{
    if (!m_db || !index.isValid())
        return;
    const Elig::Candidate &c = m_model->candidateAt(index.row());
    if (c.personId) {
        auto *page = new PersonPage(*m_db, c.personId, this);
        connect(page, &PersonPage::changed, this, &CandidatesView::changed);
        page->open();
    } else if (c.unitId) {
        auto *page = new UnitPage(*m_db, c.unitId, this);
        connect(page, &UnitPage::changed, this, &CandidatesView::changed);
        page->open();
    }
}

QList<Core::Subject> CandidatesView::selectedSubjects(int *skipped) const
{
    QList<Core::Subject> out;
    if (skipped)
        *skipped = 0;
    if (!m_table->selectionModel())
        return out;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    // One person is a row per award form: the facts of the year are theirs once, and one form
    // awaiting confirmation is enough for the minutes to matter. Sets, not list scans: a
    // province's selection can hold a hundred thousand rows.
    using Key = QPair<qint64, qint64>;
    QSet<Key> taken;
    QSet<Key> idle; // selected, with no row awaiting confirmation (so far)
    for (const QModelIndex &index : rows) {
        const Elig::Candidate &c = m_model->candidateAt(index.row());
        const Key key{c.personId, c.unitId};
        if (taken.contains(key))
            continue;
        if (awaitsConfirmation(c)) {
            taken.insert(key);
            idle.remove(key);
            out << Core::Subject{c.personId, c.unitId};
        } else {
            idle.insert(key);
        }
    }
    if (skipped)
        *skipped = int(idle.size());
    return out;
}

bool CandidatesView::selectionAwaitsConfirmation() const
{
    if (!m_table->selectionModel())
        return false;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return std::any_of(rows.begin(), rows.end(),
                       [&](const QModelIndex &index) { return awaitsConfirmation(m_model->candidateAt(index.row())); });
}

void CandidatesView::confirmFromMinutes()
{
    int skipped = 0;
    const QList<Core::Subject> subjects = selectedSubjects(&skipped);
    if (!m_db || subjects.isEmpty() || isRunning())
        return;
    MinutesDialog dialog(*m_db, subjects, m_year->value(), this);
    dialog.setSkipped(skipped);
    if (dialog.exec() != QDialog::Accepted)
        return;
    emit changed();
    run(); // the verdicts follow the new confirmations
}

} // namespace VinhDanh::Ui
