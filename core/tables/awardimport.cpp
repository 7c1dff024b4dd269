#include "core/tables/awardimport.h"

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
#include "core/tables/formnames.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

QString subjectKey(const Subject &s)
{
    return s.isPerson() ? QStringLiteral("p%1").arg(s.personId) : QStringLiteral("u%1").arg(s.unitId);
}

/// subject|form|year: the stored awards a row may be.
QString slot(const Subject &s, const QString &form, int year)
{
    return subjectKey(s) + QLatin1Char('|') + form + QLatin1Char('|') + QString::number(year);
}

/// Decision numbers compare as clerks mean them: "12/QĐ-UBND" and "12/qđ-ubnd " are one.
QString numberKey(const QString &decisionNo)
{
    return Text::fold(decisionNo).remove(QLatin1Char(' '));
}

/// The stored awards of one subject, by slot. Read per subject as rows name them (a province's
/// ledger holds a million awards; a sheet names a few thousand subjects).
QHash<QString, QList<Award>> loadAwards(Database &db, const Subject &subject)
{
    QHash<QString, QList<Award>> out;
    Query q(db.sql(), QStringLiteral("SELECT id, ext_key, person_id, unit_id, form_code, kind, year, decision_no, "
                                     "decision_date, authority, movement_id, note, version FROM awards WHERE %1 = :id")
                          .arg(subject.isPerson() ? QStringLiteral("person_id") : QStringLiteral("unit_id")));
    q.bind(QStringLiteral(":id"), subject.isPerson() ? subject.personId : subject.unitId).exec();
    while (q.next()) {
        Award a;
        a.id = q.id(0);
        a.key = q.text(1);
        a.subject = {q.id(2), q.id(3)};
        a.formCode = q.text(4);
        a.kind = q.text(5);
        a.year = q.integer(6);
        a.decisionNo = q.text(7);
        a.decisionDate = Keys::dateFrom(q.value(8));
        a.authority = q.text(9);
        a.movementId = q.id(10);
        a.note = q.text(11);
        a.version = q.integer(12);
        out[slot(a.subject, a.formCode, a.year)].append(a);
    }
    return out;
}

/// What a row gives besides the form and year (empty = keep the registry's value).
struct Details
{
    QString decisionNo, authority, kind, note;
    QDate decisionDate;
};

class AwardRows
{
public:
    AwardRows(Database &db, const Sheet &sheet, const RecordMapping &mapping)
        : m_map(mapping), m_reader(db, sheet, mapping), m_forms(RecordRepository(db).awardForms()),
          m_names(m_forms, OfficePlace::load(db)), m_db(db)
    {
        for (const AwardForm &f : m_forms)
            m_formByCode.insert(f.code, f);
    }

    bool isBlank(const Row &row) const { return m_reader.isBlank(row); }

    PreviewRow read(const Row &row, QList<AwardPlan> &plans)
    {
        PreviewRow out;
        out.sheetRow = row.number;
        out.cells = m_reader.cells(row);
        out.name = m_reader.writtenName(row);
        QStringList errors, notes;
        const std::optional<SubjectReader::Found> subject = m_reader.subject(row, errors);
        if (subject) {
            out.name = subject->name;
            if (!subject->warning.isEmpty())
                out.warnings << subject->warning;
        }
        const Details details = readDetails(row, errors);

        // The awards the row names: (form, year, column).
        struct Named
        {
            QString form;
            int year;
            int column;
        };
        QList<Named> named;
        const int formColumn = m_map.columnOf(RecordField::Form);
        const QString formText = m_reader.text(row, formColumn);
        if (!formText.isEmpty()) {
            const QString code = formCode(formText, formColumn, errors);
            const int year = readYear(row, errors);
            if (!code.isEmpty() && year > 0)
                named.append({code, year, formColumn});
        }
        bool anyTitle = false;
        for (const RecordColumn &c : m_map.yearColumns()) {
            const QString cell = m_reader.text(row, c.column);
            static const QRegularExpression separators(QStringLiteral("[,;+\\n]"));
            for (const QString &part : cell.split(separators, Qt::SkipEmptyParts)) {
                // "-" or "–" is how sheets say "no title that year": a cell without a letter or
                // digit names nothing.
                if (std::none_of(part.cbegin(), part.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
                    continue;
                anyTitle = true;
                if (const QString code = formCode(part.trimmed(), c.column, errors); !code.isEmpty())
                    named.append({code, c.year, c.column});
            }
        }
        if (formText.isEmpty() && !anyTitle) {
            errors << (formColumn >= 0 ? m_reader.at(formColumn, Tr::tr("the award form is missing."))
                                       : Tr::tr("the row names no title in its year columns."));
        }

        int added = 0, changed = 0;
        QList<AwardPlan> rowPlans;
        for (const Named &n : std::as_const(named)) {
            if (!subject)
                break;
            const AwardForm form = m_formByCode.value(n.form);
            const bool person = subject->subject.isPerson();
            if (person && form.recipients == QLatin1String("collective")) {
                errors << m_reader.at(n.column, Tr::tr("%1 is awarded to collectives, not to individuals.").arg(form.name));
                continue;
            }
            if (!person && form.recipients == QLatin1String("individual")) {
                errors << m_reader.at(n.column, Tr::tr("%1 is awarded to individuals, not to collectives.").arg(form.name));
                continue;
            }
            // The row's decision details belong to its one-per-row award, not to year columns.
            const Details d = n.column == formColumn ? details : Details{};
            const QString sheetKey = slot(subject->subject, n.form, n.year) + QLatin1Char('|') + numberKey(d.decisionNo);
            if (const auto seen = m_seen.constFind(sheetKey); seen != m_seen.cend()) {
                errors << Tr::tr("%1 of %2 is already on row %3.").arg(form.name).arg(n.year).arg(*seen);
                continue;
            }
            m_seen.insert(sheetKey, row.number);
            Award award;
            const std::optional<Award> stored = match(subject->subject, n.form, n.year, d.decisionNo, form.name, errors);
            if (stored) {
                // Two rows that are one stored award (one with the number, one without).
                if (const auto other = m_matched.constFind(stored->id); other != m_matched.cend()) {
                    errors << Tr::tr("%1 of %2 is already on row %3.").arg(form.name).arg(n.year).arg(*other);
                    continue;
                }
                m_matched.insert(stored->id, row.number);
                award = *stored;
            } else {
                award.subject = subject->subject;
                award.formCode = n.form;
                award.year = n.year;
                award.kind = QStringLiteral("cong_trang");
            }
            const Award before = award;
            apply(award, d);
            for (const QString &p : Validation::award(award))
                errors << m_reader.at(n.column, p);
            if (!stored) {
                ++added;
                notes << Tr::tr("new award: %1, %2").arg(form.name).arg(n.year);
                rowPlans.append({award, row.number});
            } else if (const QStringList c = changes(before, award); !c.isEmpty()) {
                ++changed;
                notes << Tr::tr("%1, %2: %3").arg(form.name).arg(n.year).arg(c.join(QStringLiteral(", ")));
                rowPlans.append({award, row.number});
            }
        }
        if (row.hidden)
            notes << Tr::tr("the row is hidden in the sheet");
        if (!errors.isEmpty()) {
            out.status = RowStatus::Error;
            out.reasons = errors;
        } else if (added + changed == 0) {
            out.status = RowStatus::Unchanged;
            out.reasons = {Tr::tr("already in the registry as written")};
        } else {
            out.status = changed > 0 ? RowStatus::Changed : RowStatus::New;
            out.reasons = notes;
            plans << rowPlans;
        }
        return out;
    }

private:
    QString formCode(const QString &text, int column, QStringList &errors) const
    {
        const QString code = m_names.code(text);
        if (!code.isEmpty())
            return code;
        const QStringList candidates = m_names.candidates(text);
        if (const QString refused = m_names.refusal(text); !refused.isEmpty()) {
            errors << m_reader.at(column, refused); // another body's award, a city of no known level
        } else if (const QString level = m_names.unknownLevel(text); !level.isEmpty()) {
            errors << m_reader.at(column, Tr::tr("\"%1\" is a form given at the level \"%2\", and the catalogue has no "
                                                 "award form of that level; it is not taken for another level's form.")
                                              .arg(text, level));
        } else if (candidates.isEmpty()) {
            errors << m_reader.at(column, Tr::tr("\"%1\" is not an award form of the catalogue; write its name or code "
                                                 "(such as Lao động tiên tiến, LĐTT, CSTĐCS, BK UBND tỉnh).")
                                              .arg(text));
        } else {
            QStringList names;
            for (const QString &c : candidates)
                names << m_formByCode.value(c).name;
            errors << m_reader.at(
                column, Tr::tr("\"%1\" could be any of: %2; write the form in full.").arg(text, names.join(QStringLiteral("; "))));
        }
        return {};
    }

    int readYear(const Row &row, QStringList &errors) const
    {
        const int c = m_map.columnOf(RecordField::Year);
        const QString text = m_reader.text(row, c);
        if (text.isEmpty()) {
            errors << m_reader.at(c, Tr::tr("the year is missing."));
            return 0;
        }
        bool ok = false;
        const int year = text.toInt(&ok);
        if (!ok)
            errors << m_reader.at(c, Tr::tr("\"%1\" is not a year.").arg(text));
        return ok ? year : 0;
    }

    Details readDetails(const Row &row, QStringList &errors) const
    {
        Details d;
        d.decisionNo = m_reader.text(row, RecordField::DecisionNo);
        d.authority = m_reader.text(row, RecordField::Authority);
        d.note = m_reader.text(row, RecordField::Note);
        d.decisionDate = m_reader.date(row, RecordField::DecisionDate, errors);
        if (const QString kind = m_reader.text(row, RecordField::AwardKind); !kind.isEmpty()) {
            d.kind = Values::awardKind(kind);
            if (d.kind.isEmpty())
                errors << m_reader.at(
                    m_map.columnOf(RecordField::AwardKind),
                    Tr::tr("\"%1\" is not a kind of award; write công trạng, đột xuất, theo đợt or cống hiến.").arg(kind));
        }
        return d;
    }

    /// The stored award the row is (see previewAwards), or nullopt for a new one.
    std::optional<Award> match(const Subject &s, const QString &form, int year, const QString &number, const QString &formName,
                               QStringList &errors) const
    {
        if (!m_loaded.contains(subjectKey(s))) {
            m_loaded.insert(subjectKey(s));
            m_stored.insert(loadAwards(m_db, s));
        }
        const QList<Award> stored = m_stored.value(slot(s, form, year));
        if (!number.isEmpty()) {
            for (const Award &a : stored)
                if (numberKey(a.decisionNo) == numberKey(number))
                    return a;
            // A number given later completes the one award recorded without it.
            QList<Award> unnumbered;
            for (const Award &a : stored)
                if (a.decisionNo.isEmpty())
                    unnumbered << a;
            return unnumbered.size() == 1 ? std::optional<Award>(unnumbered.first()) : std::nullopt;
        }
        if (stored.size() > 1) {
            errors << Tr::tr("%1 of %2 is recorded several times in the registry; give the decision number.").arg(formName).arg(year);
            return std::nullopt;
        }
        return stored.isEmpty() ? std::nullopt : std::optional<Award>(stored.first());
    }

    static void apply(Award &a, const Details &d)
    {
        if (!d.decisionNo.isEmpty())
            a.decisionNo = d.decisionNo;
        if (d.decisionDate.isValid())
            a.decisionDate = d.decisionDate;
        if (!d.authority.isEmpty())
            a.authority = d.authority;
        if (!d.kind.isEmpty())
            a.kind = d.kind;
        if (!d.note.isEmpty())
            a.note = d.note;
    }

    static QStringList changes(const Award &before, const Award &after)
    {
        QStringList out;
        auto change = [&](const QString &field, const QString &a, const QString &b) {
            if (a != b)
                out << Tr::tr("%1: %2 → %3").arg(field, a.isEmpty() ? Tr::tr("(empty)") : a, b);
        };
        change(Tr::tr("decision number"), before.decisionNo, after.decisionNo);
        change(Tr::tr("decision date"), before.decisionDate.toString(QStringLiteral("dd/MM/yyyy")),
               after.decisionDate.toString(QStringLiteral("dd/MM/yyyy")));
        change(Tr::tr("authority"), before.authority, after.authority);
        if (before.kind != after.kind)
            change(Tr::tr("kind"), Codes::label(Codes::Set::AwardKind, before.kind), Codes::label(Codes::Set::AwardKind, after.kind));
        change(Tr::tr("note"), before.note, after.note);
        return out;
    }

    const RecordMapping &m_map;
    SubjectReader m_reader;
    QList<AwardForm> m_forms;
    AwardFormNames m_names;
    QHash<QString, AwardForm> m_formByCode;
    Database &m_db;
    mutable QHash<QString, QList<Award>> m_stored; // slot → stored awards, of the subjects read so far
    mutable QSet<QString> m_loaded;                // subjectKey of the subjects read
    QHash<QString, int> m_seen;                    // slot|number → the sheet row that gave it
    QHash<qint64, int> m_matched;                  // stored award → the sheet row that is it
};
} // namespace

AwardPreview previewAwards(Database &db, const Sheet &sheet, const RecordMapping &mapping)
{
    // Refused up front for a role that may not edit the registry at all (a viewer).
    if (!Permissions::allowed(db, Permissions::Action::EditRegistry))
        Permissions::require(db, Permissions::Action::EditRegistry);
    AwardPreview preview;
    preview.begin(sheet, mapping.headerIndex, mapping.headerRow, mapping.unrecognised);
    AwardRows rows(db, sheet, mapping);
    for (int i = mapping.headerIndex + 1; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        if (!rows.isBlank(row))
            preview.rows.append(rows.read(row, preview.plans));
    }
    return preview;
}

AwardCommitResult commitAwards(Database &db, const AwardPreview &preview, const std::function<void(int, int)> &progress,
                               const std::atomic_bool *cancel)
{
    // The batch prepares its statements once and checks each subject's permission once.
    RecordRepository::AwardBatch awards(db);
    const PlanCounts done = commitPlans(
        db, preview, preview.plans, QStringLiteral("awards-table"),
        [&](AwardPlan &plan) {
            const bool isNew = plan.award.id == 0;
            awards.save(plan.award);
            return isNew;
        },
        progress, cancel);
    return AwardCommitResult{done.cancelled, done.added, done.changed};
}

QString awardStatusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return Tr::tr("new award");
    case RowStatus::Changed: return Tr::tr("changes an award");
    case RowStatus::Unchanged:
    case RowStatus::Error: return statusText(status);
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
