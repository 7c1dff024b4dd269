#include "core/tables/initiativeimport.h"

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
#include "core/tables/mappingfile.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

struct StoredAward
{
    qint64 id = 0;
    QString form;
    int year = 0;
};

/// title|number, folded: the initiative a row belongs to within the sheet and, with a number,
/// in the registry.
QString identity(const QString &title, const QString &number)
{
    return Text::fold(title).simplified() + QLatin1Char('|') + Text::fold(number).remove(QLatin1Char(' '));
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts << QString::number(id); // numbers only: safe to write into the SQL text
    return parts.join(QLatin1Char(','));
}

constexpr qsizetype kSlice = 500; // ids per IN (…): no statement of megabytes for a long sheet

/// The stored initiatives the sheet may mean, not the province's whole register (issue 15
/// review: the preview must not grow with the database): those held by a person the sheet
/// names, and those with a decision number the sheet writes (an initiative of the same number
/// whose holders the sheet does not name yet gets them added, not a twin). The trap: a number
/// written differently ("12/QĐ-SKHCN" against "12/QĐ-SKHCN ") is found through its holders only.
QList<Initiative> loadInitiatives(Database &db, const QSet<qint64> &holders, const QSet<QString> &numbers)
{
    QSet<qint64> ids;
    const QList<qint64> people(holders.cbegin(), holders.cend());
    for (qsizetype i = 0; i < people.size(); i += kSlice) {
        Query q(db.sql(), QStringLiteral("SELECT DISTINCT initiative_id FROM initiative_holders WHERE person_id IN (%1)")
                              .arg(idList(people.mid(i, kSlice))));
        q.exec();
        while (q.next())
            ids.insert(q.id(0));
    }
    for (const QString &number : numbers) {
        Query q(db.sql(), QStringLiteral("SELECT id FROM initiatives WHERE decision_no = :n"));
        q.bind(QStringLiteral(":n"), number).exec();
        while (q.next())
            ids.insert(q.id(0));
    }
    QList<qint64> wanted(ids.cbegin(), ids.cend());
    std::sort(wanted.begin(), wanted.end());
    QHash<qint64, int> at;
    QList<Initiative> out;
    for (qsizetype i = 0; i < wanted.size(); i += kSlice) {
        const QString slice = idList(wanted.mid(i, kSlice));
        Query q(db.sql(), QStringLiteral("SELECT id, ext_key, title, decision_no, decision_date, level, used_for_award_id, note, "
                                         "version FROM initiatives WHERE id IN (%1) ORDER BY id")
                              .arg(slice));
        q.exec();
        while (q.next()) {
            const Initiative ini = RecordRepository::initiativeAt(q);
            at.insert(ini.id, int(out.size()));
            out.append(ini);
        }
        Query h(db.sql(), QStringLiteral("SELECT initiative_id, person_id FROM initiative_holders WHERE initiative_id IN (%1) "
                                         "ORDER BY person_id")
                              .arg(slice));
        h.exec();
        while (h.next())
            if (const auto it = at.constFind(h.id(0)); it != at.cend())
                out[*it].holderIds.append(h.id(1));
    }
    return out;
}

/// The awards of the sheet's holders (for "used for"), not of every person of the registry.
QHash<qint64, QList<StoredAward>> loadPersonAwards(Database &db, const QSet<qint64> &holders)
{
    QHash<qint64, QList<StoredAward>> out;
    const QList<qint64> people(holders.cbegin(), holders.cend());
    for (qsizetype i = 0; i < people.size(); i += kSlice) {
        Query q(db.sql(), QStringLiteral("SELECT id, person_id, form_code, year FROM awards WHERE person_id IN (%1)")
                              .arg(idList(people.mid(i, kSlice))));
        q.exec();
        while (q.next())
            out[q.id(1)].append({q.id(0), q.text(2), q.integer(3)});
    }
    return out;
}

QString dayText(const QDate &d)
{
    return d.toString(QStringLiteral("dd/MM/yyyy"));
}

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// The rows of one initiative in the sheet.
struct Group
{
    QString title, number, level, usedFor, note;
    QDate date;
    int firstRow = 0;             // sheet row number
    QList<int> previewRows;       // indexes into preview.rows
    QList<qint64> holders;        // in row order
    QHash<qint64, int> holderRow; // person → sheet row
    QStringList holderNames;
};

/// Takes `value` for the group unless it gave another one on an earlier row.
void merge(QString &kept, int &keptRow, const QString &value, int row, const QString &what, QStringList &errors)
{
    if (value.isEmpty())
        return;
    if (kept.isEmpty()) {
        kept = value;
        keptRow = row;
    } else if (Text::fold(kept) != Text::fold(value)) {
        errors << Tr::tr("%1 \"%2\" differs from \"%3\" on row %4 of the same initiative.").arg(what, value, kept).arg(keptRow);
    }
}
} // namespace

namespace Values {
QString initiativeLevel(const QString &text)
{
    QString k = headerKey(text);
    for (const CodeLabel &c : Codes::list(Codes::Set::InitiativeLevel))
        if (k == headerKey(c.code) || k == headerKey(c.label))
            return c.code;
    // Offices write the scope with fillers: "cấp cơ sở", "phạm vi toàn quốc", "cấp tỉnh". The law
    // ranks a ministry's or sector's recognition with the province's ("cấp bộ, ngành, tỉnh").
    static const QRegularExpression filler(QStringLiteral(R"(^(?:cap|pham vi|pham vi anh huong|sang kien cap)\s+)"));
    k.remove(filler);
    static const QHash<QString, QString> words = {
        {QStringLiteral("co so"), QStringLiteral("co_so")},         {QStringLiteral("don vi"), QStringLiteral("co_so")},
        {QStringLiteral("tinh"), QStringLiteral("tinh")},           {QStringLiteral("toan tinh"), QStringLiteral("tinh")},
        {QStringLiteral("bo nganh tinh"), QStringLiteral("tinh")},  {QStringLiteral("bo"), QStringLiteral("tinh")},
        {QStringLiteral("toan quoc"), QStringLiteral("toan_quoc")}, {QStringLiteral("quoc gia"), QStringLiteral("toan_quoc")},
    };
    return words.value(k);
}
} // namespace Values

InitiativePreview previewInitiatives(Database &db, const Sheet &sheet, const RecordMapping &mapping)
{
    if (!Permissions::allowed(db, Permissions::Action::EditRegistry))
        Permissions::require(db, Permissions::Action::EditRegistry);
    InitiativePreview preview;
    preview.begin(sheet, mapping.headerIndex, mapping.headerRow, mapping.unrecognised);
    const SubjectReader reader(db, sheet, mapping);
    const QList<AwardForm> forms = RecordRepository(db).awardForms();
    const AwardFormNames names(forms, OfficePlace::load(db));
    QHash<QString, QString> formName;
    for (const AwardForm &f : forms)
        formName.insert(f.code, f.name);
    const int titleColumn = mapping.columnOf(RecordField::Title);
    const int levelColumn = mapping.columnOf(RecordField::Level);
    const int usedColumn = mapping.columnOf(RecordField::UsedFor);

    // Pass 1: each row read on its own and gathered into its initiative.
    QList<Group> groups;
    QHash<QString, int> groupOf;               // identity → index in groups
    QHash<int, QHash<QString, int>> firstRows; // group → field → the row that gave it
    for (int i = mapping.headerIndex + 1; i < sheet.rows.size(); ++i) {
        const Row &row = sheet.rows.at(i);
        if (reader.isBlank(row))
            continue;
        PreviewRow out;
        out.sheetRow = row.number;
        out.cells = reader.cells(row);
        out.name = reader.writtenName(row);
        QStringList errors;
        std::optional<SubjectReader::Found> subject = reader.subject(row, errors);
        // One holder per row (see the header): a cell of several names gets the way to write it.
        static const QRegularExpression severalNames(QStringLiteral("[,;\\n]"));
        if (!subject && out.name.contains(severalNames))
            errors << Tr::tr("one author per row: write each of \"%1\" on a row of their own, with the same title and "
                             "decision number.")
                          .arg(out.name.simplified());
        if (subject && !subject->subject.isPerson()) {
            errors << Tr::tr("an initiative's holders are people; \"%1\" is a unit.").arg(subject->name);
            subject.reset();
        }
        if (subject) {
            out.name = subject->name;
            if (!subject->warning.isEmpty())
                out.warnings << subject->warning;
        }
        const QString title = reader.text(row, titleColumn);
        if (title.isEmpty())
            errors << reader.at(titleColumn, Tr::tr("the title of the initiative is missing."));
        const QString number = reader.text(row, RecordField::DecisionNo);
        const QDate date = reader.date(row, RecordField::DecisionDate, errors);
        QString level;
        if (const QString typed = reader.text(row, levelColumn); !typed.isEmpty()) {
            if ((level = Values::initiativeLevel(typed)).isEmpty())
                errors << reader.at(levelColumn,
                                    Tr::tr("\"%1\" is not a level of recognition; write cơ sở, cấp tỉnh or toàn quốc.").arg(typed));
        }
        if (row.hidden)
            out.reasons << Tr::tr("the row is hidden in the sheet");
        if (!title.isEmpty()) {
            const QString id = identity(title, number);
            int g = groupOf.value(id, -1);
            if (g < 0) {
                g = int(groups.size());
                groupOf.insert(id, g);
                Group group;
                group.title = title;
                group.number = number;
                group.firstRow = row.number;
                groups.append(group);
            }
            Group &group = groups[g];
            QHash<QString, int> &from = firstRows[g];
            auto take = [&](const char *field, QString &kept, const QString &value, const QString &what) {
                int keptRow = from.value(QLatin1String(field), row.number);
                merge(kept, keptRow, value, row.number, what, errors);
                from.insert(QLatin1String(field), keptRow);
            };
            take("level", group.level, level, Tr::tr("The level"));
            take("usedFor", group.usedFor, reader.text(row, usedColumn), Tr::tr("The award it was used for"));
            take("note", group.note, reader.text(row, RecordField::Note), Tr::tr("The note"));
            QString dateText = date.isValid() ? date.toString(Qt::ISODate) : QString();
            QString keptDate = group.date.isValid() ? group.date.toString(Qt::ISODate) : QString();
            take("date", keptDate, dateText, Tr::tr("The decision date"));
            group.date = QDate::fromString(keptDate, Qt::ISODate);
            if (subject) {
                const qint64 person = subject->subject.personId;
                if (const auto other = group.holderRow.constFind(person); other != group.holderRow.cend())
                    errors << Tr::tr("%1 is already a holder of this initiative on row %2.").arg(subject->name).arg(*other);
                else if (errors.isEmpty()) {
                    group.holders.append(person);
                    group.holderRow.insert(person, row.number);
                    group.holderNames << subject->name;
                }
            }
            group.previewRows.append(int(preview.rows.size()));
        }
        if (!errors.isEmpty()) {
            out.status = RowStatus::Error;
            out.reasons = errors;
        }
        preview.rows.append(out);
    }

    // Pass 2: each initiative against the registry, read for the people and numbers the sheet names.
    QSet<qint64> holders;
    QSet<QString> numbers;
    for (const Group &group : std::as_const(groups)) {
        for (const qint64 h : group.holders)
            holders.insert(h);
        if (!group.number.isEmpty())
            numbers.insert(group.number);
    }
    const QList<Initiative> stored = loadInitiatives(db, holders, numbers);
    const QHash<qint64, QList<StoredAward>> awards = loadPersonAwards(db, holders);
    static const QRegularExpression yearIn(QStringLiteral(R"((?:^|\D)((?:19|20)\d\d)(?:\D|$))"));
    static const QRegularExpression yearWords(QStringLiteral(R"(\s*(?:năm|nam)?\s*(?:19|20)\d\d\s*$)"),
                                              QRegularExpression::CaseInsensitiveOption);
    for (const Group &group : groups) {
        QStringList errors, notes;
        PreviewRow &first = preview.rows[group.previewRows.first()];
        qint64 usedFor = 0;
        if (!group.usedFor.isEmpty() && !group.holders.isEmpty()) {
            const auto y = yearIn.match(group.usedFor);
            const int year = y.hasMatch() ? y.captured(1).toInt() : 0;
            QString formText = group.usedFor;
            formText.remove(yearWords);
            const QString code = names.code(formText);
            QList<qint64> found;
            for (qint64 person : group.holders)
                for (const StoredAward &a : awards.value(person))
                    if (a.form == code && (year == 0 || a.year == year))
                        found << a.id;
            if (const QString refused = code.isEmpty() ? names.refusal(formText) : QString(); !refused.isEmpty())
                errors << reader.at(usedColumn, refused); // another body's award, a city of no known level
            else if (code.isEmpty())
                errors << reader.at(usedColumn, Tr::tr("\"%1\" is not an award form of the catalogue; write its name or code "
                                                       "and the year (such as BK UBND tỉnh 2025).")
                                                    .arg(group.usedFor));
            else if (found.isEmpty())
                errors << reader.at(usedColumn, Tr::tr("no award \"%1\" of %2 is in the registry for %3; import the award "
                                                       "list first.")
                                                    .arg(formName.value(code, code), year ? QString::number(year) : Tr::tr("any year"),
                                                         group.holderNames.join(QStringLiteral(", "))));
            else if (found.size() > 1)
                errors << reader.at(usedColumn, Tr::tr("%1 holders' awards \"%2\" match; write the year as well (such as %3 2025).")
                                                    .arg(found.size())
                                                    .arg(formName.value(code, code), group.usedFor));
            else
                usedFor = found.first();
        }
        // The stored initiative this one is: same title and number; without a number, same
        // title and holders.
        const Initiative *match = nullptr;
        const QString id = identity(group.title, group.number);
        for (const Initiative &s : stored) {
            if (identity(s.title, s.decisionNo) != id)
                continue;
            if (group.number.isEmpty() && sorted(s.holderIds) != sorted(group.holders))
                continue;
            match = &s;
            break;
        }
        Initiative d;
        if (match) {
            d = *match;
        } else {
            d.title = group.title;
            d.decisionNo = group.number;
            if (group.level.isEmpty())
                errors << reader.at(levelColumn, Tr::tr("the level of recognition is missing for a new initiative "
                                                        "(cơ sở, cấp tỉnh or toàn quốc)."));
        }
        const Initiative before = d;
        if (!group.level.isEmpty())
            d.level = group.level;
        if (group.date.isValid())
            d.decisionDate = group.date;
        if (usedFor)
            d.usedForAwardId = usedFor;
        if (!group.note.isEmpty())
            d.note = group.note;
        QStringList added;
        for (int h = 0; h < group.holders.size(); ++h)
            if (!d.holderIds.contains(group.holders.at(h))) {
                d.holderIds.append(group.holders.at(h));
                added << group.holderNames.at(h);
            }
        if (errors.isEmpty() && !group.holders.isEmpty())
            errors << Validation::initiative(d);
        bool isNew = !match, changed = false;
        if (isNew) {
            notes << Tr::tr("new initiative: \"%1\" (%2), holders: %3")
                         .arg(group.title, Codes::label(Codes::Set::InitiativeLevel, d.level),
                              group.holderNames.join(QStringLiteral(", ")));
        } else {
            QStringList c;
            if (before.level != d.level)
                c << Tr::tr("level: %1 → %2")
                         .arg(Codes::label(Codes::Set::InitiativeLevel, before.level),
                              Codes::label(Codes::Set::InitiativeLevel, d.level));
            if (before.decisionDate != d.decisionDate)
                c << Tr::tr("decision date: %1 → %2").arg(dayText(before.decisionDate), dayText(d.decisionDate));
            if (before.usedForAwardId != d.usedForAwardId)
                c << Tr::tr("used for: %1").arg(group.usedFor);
            if (before.note != d.note)
                c << Tr::tr("note: %1").arg(d.note);
            if (!added.isEmpty())
                c << Tr::tr("holders added: %1").arg(added.join(QStringLiteral(", ")));
            changed = !c.isEmpty();
            if (changed)
                notes << Tr::tr("\"%1\": %2").arg(group.title, c.join(QStringLiteral(", ")));
        }
        if (!errors.isEmpty()) {
            first.status = RowStatus::Error;
            first.reasons = errors + first.reasons;
        }
        int errorRow = 0;
        for (int r : group.previewRows)
            if (preview.rows.at(r).status == RowStatus::Error && !errorRow)
                errorRow = preview.rows.at(r).sheetRow;
        if (errorRow) {
            // Part of an initiative is not written: its other rows wait for the faulty one.
            for (int r : group.previewRows)
                if (PreviewRow &row = preview.rows[r]; row.status != RowStatus::Error) {
                    row.status = RowStatus::Error;
                    row.reasons.prepend(Tr::tr("the same initiative has an error on row %1.").arg(errorRow));
                }
            continue;
        }
        const RowStatus status = isNew ? RowStatus::New : changed ? RowStatus::Changed : RowStatus::Unchanged;
        for (int r : group.previewRows) {
            PreviewRow &row = preview.rows[r];
            row.status = status;
            if (status == RowStatus::Unchanged)
                row.reasons.prepend(Tr::tr("already in the registry as written"));
            else if (r == group.previewRows.first())
                row.reasons = notes + row.reasons;
            else
                row.reasons.prepend(Tr::tr("another holder of the initiative on row %1").arg(group.firstRow));
        }
        if (status != RowStatus::Unchanged)
            preview.plans.append({d, group.firstRow});
    }
    return preview;
}

InitiativeCommitResult commitInitiatives(Database &db, const InitiativePreview &preview, const std::function<void(int, int)> &progress,
                                         const std::atomic_bool *cancel)
{
    RecordRepository records(db);
    const PlanCounts done = commitPlans(
        db, preview, preview.plans, QStringLiteral("initiatives-table"),
        [&](InitiativePlan &plan) {
            const bool isNew = plan.initiative.id == 0;
            records.saveInitiative(plan.initiative); // its own Transaction is a savepoint of this one
            return isNew;
        },
        progress, cancel);
    return InitiativeCommitResult{done.cancelled, done.added, done.changed};
}

QString initiativeStatusText(RowStatus status)
{
    switch (status) {
    case RowStatus::New: return Tr::tr("new initiative");
    case RowStatus::Changed: return Tr::tr("changes an initiative");
    case RowStatus::Unchanged:
    case RowStatus::Error: return statusText(status);
    }
    return {};
}

} // namespace VinhDanh::Core::Tables
