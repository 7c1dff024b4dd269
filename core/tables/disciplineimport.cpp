#include "core/tables/disciplineimport.h"

#include "core/accounts/permissions.h"
#include "core/audit/bulkwrite.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/recordrepository.h"
#include "core/registry/validation.h"
#include "core/tables/awardsubjects.h"
#include "core/tables/commitloop_p.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QSet>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

/// subject|kind|start date: the stored record a row is.
QString slot(const Subject &s, const QString &kind, const QDate &start)
{
    return (s.isPerson() ? QStringLiteral("p%1").arg(s.personId) : QStringLiteral("u%1").arg(s.unitId)) + QLatin1Char('|') + kind
           + QLatin1Char('|') + start.toString(Qt::ISODate);
}

/// The stored disciplinary records of one subject, by slot, added to `out`. Read per subject as
/// rows name them, as the awards preview does (issue 15 review): a province's registry holds
/// far more records than one sheet names, and the preview must not grow with it.
void loadDisciplines(Database &db, const Subject &subject, QHash<QString, Discipline> &out)
{
    Query q(db.sql(), QStringLiteral("SELECT id, ext_key, person_id, unit_id, kind, start_date, end_date, decision_no, note, "
                                     "version FROM disciplines WHERE %1 = :id")
                          .arg(subject.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id")));
    q.bind(QStringLiteral(":id"), subject.isPerson() ? subject.personId : subject.unitId).exec();
    while (q.next()) {
        Discipline d;
        d.id = q.id(0);
        d.key = q.text(1);
        d.subject = {q.id(2), q.id(3)};
        d.kind = q.text(4);
        d.startDate = Keys::dateFrom(q.value(5));
        d.endDate = Keys::dateFrom(q.value(6));
        d.decisionNo = q.text(7);
        d.note = q.text(8);
        d.version = q.integer(9);
        out.insert(slot(d.subject, d.kind, d.startDate), d);
    }
}

QString dayText(const QDate &d)
{
    return d.toString(QStringLiteral("dd/MM/yyyy"));
}

QStringList changes(const Discipline &before, const Discipline &after)
{
    QStringList out;
    auto change = [&](const QString &field, const QString &a, const QString &b) {
        if (a != b)
            out << Tr::tr("%1: %2 → %3").arg(field, a.isEmpty() ? Tr::tr("(empty)") : a, b);
    };
    change(Tr::tr("end date"), dayText(before.endDate), dayText(after.endDate));
    change(Tr::tr("decision number"), before.decisionNo, after.decisionNo);
    change(Tr::tr("note"), before.note, after.note);
    return out;
}
} // namespace

DisciplinePreview previewDisciplines(Database &db, const Sheet &sheet, const RecordMapping &mapping)
{
    if (!Permissions::allowed(db, Permissions::Action::EditRegistry))
        Permissions::require(db, Permissions::Action::EditRegistry);
    DisciplinePreview preview;
    preview.begin(sheet, mapping.headerIndex, mapping.headerRow, mapping.unrecognised);
    const SubjectReader reader(db, sheet, mapping);
    QHash<QString, Discipline> stored; // of the subjects read so far
    QSet<QString> loaded;              // those subjects ("p12", "u3")
    QHash<QString, int> seen;          // slot → the sheet row that gave it
    const int kindColumn = mapping.columnOf(RecordField::DisciplineKind);
    const int startColumn = mapping.columnOf(RecordField::StartDate);
    for (int i = mapping.headerIndex + 1; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        if (reader.isBlank(row))
            continue;
        PreviewRow out;
        out.sheetRow = row.number;
        out.cells = reader.cells(row);
        out.name = reader.writtenName(row);
        QStringList errors, notes;
        const std::optional<SubjectReader::Found> subject = reader.subject(row, errors);
        if (subject) {
            out.name = subject->name;
            if (!subject->warning.isEmpty())
                out.warnings << subject->warning;
        }

        QString kind;
        if (const QString typed = reader.text(row, kindColumn); typed.isEmpty()) {
            errors << reader.at(kindColumn, Tr::tr("the kind of discipline is missing."));
        } else if ((kind = Values::disciplineKind(typed)).isEmpty()) {
            QStringList labels;
            for (const CodeLabel &l : Codes::list(Codes::Set::DisciplineKind))
                labels << l.label;
            errors << reader.at(
                kindColumn,
                Tr::tr("\"%1\" is not a kind of discipline; write one of: %2.").arg(typed, labels.join(QStringLiteral(", "))));
        }
        const QDate start = reader.date(row, RecordField::StartDate, errors);
        if (!start.isValid() && reader.text(row, startColumn).isEmpty())
            errors << reader.at(startColumn, Tr::tr("the start date is missing."));
        const QDate end = reader.date(row, RecordField::EndDate, errors);
        const QString number = reader.text(row, RecordField::DecisionNo);
        const QString note = reader.text(row, RecordField::Note);

        bool isNew = false, changed = false;
        Discipline d;
        if (subject && !kind.isEmpty() && start.isValid()) {
            const Subject &who = subject->subject;
            const QString whoKey = who.isPerson() ? QStringLiteral("p%1").arg(who.personId) : QStringLiteral("u%1").arg(who.unitId);
            if (!loaded.contains(whoKey)) {
                loadDisciplines(db, who, stored);
                loaded.insert(whoKey);
            }
            const QString key = slot(subject->subject, kind, start);
            if (const auto other = seen.constFind(key); other != seen.cend())
                errors << Tr::tr("the same disciplinary record is already on row %1.").arg(*other);
            seen.insert(key, row.number);
            const auto found = stored.constFind(key);
            isNew = found == stored.cend();
            if (isNew) {
                d.subject = subject->subject;
                d.kind = kind;
                d.startDate = start;
            } else {
                d = *found;
            }
            const Discipline before = d;
            if (end.isValid())
                d.endDate = end;
            if (!number.isEmpty())
                d.decisionNo = number;
            if (!note.isEmpty())
                d.note = note;
            errors << Validation::discipline(d);
            const QString label = Codes::label(Codes::Set::DisciplineKind, kind);
            if (isNew) {
                notes << Tr::tr("new disciplinary record: %1 from %2").arg(label, dayText(start));
            } else if (const QStringList c = changes(before, d); !c.isEmpty()) {
                changed = true;
                notes << Tr::tr("%1 from %2: %3").arg(label, dayText(start), c.join(QStringLiteral(", ")));
            }
        }
        if (row.hidden)
            notes << Tr::tr("the row is hidden in the sheet");
        if (!errors.isEmpty()) {
            out.status = RowStatus::Error;
            out.reasons = errors;
        } else if (!isNew && !changed) {
            out.status = RowStatus::Unchanged;
            out.reasons = {Tr::tr("already in the registry as written")};
        } else {
            out.status = isNew ? RowStatus::New : RowStatus::Changed;
            out.reasons = notes;
            preview.plans.append({d, row.number});
        }
        preview.rows.append(out);
    }
    return preview;
}

DisciplineCommitResult commitDisciplines(Database &db, const DisciplinePreview &preview, const std::function<void(int, int)> &progress,
                                         const std::atomic_bool *cancel)
{
    RecordRepository::DisciplineBatch disciplines(db);
    const PlanCounts done = commitPlans(
        db, preview, preview.plans, QStringLiteral("disciplines-table"),
        [&](DisciplinePlan &plan) {
            const bool isNew = plan.discipline.id == 0;
            disciplines.save(plan.discipline);
            return isNew;
        },
        progress, cancel);
    return DisciplineCommitResult{done.cancelled, done.added, done.changed};
}

QString disciplineStatusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return Tr::tr("new disciplinary record");
    case RowStatus::Changed: return Tr::tr("changes a disciplinary record");
    case RowStatus::Unchanged:
    case RowStatus::Error: return statusText(status);
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
