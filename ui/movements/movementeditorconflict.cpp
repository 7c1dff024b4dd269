// MovementEditorDialog when its save lost a race: the clerk sees the fields that differ (the
// general facts one by one, each list as one line per entry) and chooses, as in every form of
// a versioned record (FormDialog::resolveConflict).
#include "ui/movements/movementeditordialog.h"

#include "core/catalogue/movementjson.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "ui/widgets/editabletable.h"

#include <QJsonDocument>

namespace VinhDanh::Ui {

namespace {

QString joinParts(QStringList parts)
{
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

QString yearText(int year)
{
    return year > 0 ? QString::number(year) : QString();
}

QString occasion(const QString &code)
{
    return code.isEmpty() ? QString() : Core::Codes::label(Core::Codes::Set::Occasion, code);
}

/// One line per entry, every field of it, so a change anywhere in the entry shows.
template<typename T, typename Show>
QString lines(const QList<T> &entries, Show show)
{
    QStringList out;
    for (const T &e : entries)
        out << show(e);
    return out.join(QLatin1Char('\n'));
}

/// The movement as ConflictError::stored() has it: its columns, the plan itself in `content`.
std::optional<Core::Movement> storedMovement(const Core::ConflictError &e)
{
    try {
        const QJsonDocument doc = QJsonDocument::fromJson(e.stored().value(QStringLiteral("content")).toString().toUtf8());
        return Core::MovementJson::fromJson(doc.object(), e.stored().value(QStringLiteral("ext_key")).toString());
    } catch (const Core::Error &) {
        return std::nullopt;
    }
}

} // namespace

QList<ConflictField> MovementEditorDialog::conflictFields(const Core::Movement &mine, const Core::Movement &theirs)
{
    QList<ConflictField> out;
    const auto add = [&](const QString &label, const std::function<QString(const Core::Movement &)> &show) {
        out.append({label, show(mine), show(theirs)});
    };
    add(tr("Name"), [](const Core::Movement &m) { return m.name; });
    add(tr("Title"), [](const Core::Movement &m) { return m.title; });
    add(tr("Issuer"), [](const Core::Movement &m) { return m.issuer; });
    add(tr("Document kind"), [](const Core::Movement &m) { return m.documentKind; });
    add(tr("Plan number"), [](const Core::Movement &m) { return m.planNumber; });
    add(tr("Plan date"), [](const Core::Movement &m) { return m.planDate.toString(QStringLiteral("dd/MM/yyyy")); });
    add(tr("Place"), [](const Core::Movement &m) { return m.place; });
    add(tr("Scope"), [](const Core::Movement &m) { return m.scope; });
    add(tr("Period"), [](const Core::Movement &m) { return tr("%1 to %2").arg(m.periodFrom).arg(m.periodTo); });
    add(tr("Signer's title"), [](const Core::Movement &m) { return m.signerTitle; });
    add(tr("Signer's name"), [](const Core::Movement &m) { return m.signerName; });
    add(tr("Legal bases"), [](const Core::Movement &m) { return m.legalBases.join(QLatin1Char('\n')); });
    add(tr("Phases"), [](const Core::Movement &m) {
        return lines(m.phases, [](const Core::MovementPhase &p) {
            return joinParts(
                {p.name, joinParts({yearText(p.fromYear), yearText(p.toYear)}), occasion(p.review), yearText(p.reviewYear), p.text});
        });
    });
    add(tr("Contents"), [](const Core::Movement &m) {
        return lines(m.contents, [](const Core::MovementContent &c) { return joinParts({c.number, c.text}); });
    });
    add(tr("Categories"), [](const Core::Movement &m) {
        return lines(m.categories, [](const Core::MovementCategory &c) {
            return joinParts(
                {c.code, c.kind, c.name, c.unitKinds.join(QStringLiteral(", ")), c.personCategories.join(QStringLiteral(", "))});
        });
    });
    add(tr("Awards"), [](const Core::Movement &m) {
        return lines(m.awards, [](const Core::MovementAward &a) {
            return joinParts({occasion(a.occasion), a.awardCodes.join(QStringLiteral(", ")), a.name, a.recipients, a.note});
        });
    });
    add(tr("Standards"), [](const Core::Movement &m) {
        return lines(m.standards, [](const Core::MovementStandard &s) {
            return joinParts({s.awardCodes.join(QStringLiteral(", ")), occasion(s.occasion), s.category, s.heading,
                              s.items.join(QStringLiteral("; "))});
        });
    });
    add(tr("Notes"), [](const Core::Movement &m) { return m.notes.join(QLatin1Char('\n')); });
    return out;
}

void MovementEditorDialog::resolveConflict(const Core::Movement &mine, const Core::ConflictError &e)
{
    showProblems({e.message()});
    const std::optional<Core::Movement> theirs = storedMovement(e);
    ConflictDialog dialog(e.message(), theirs ? conflictFields(mine, *theirs) : QList<ConflictField>{}, this);
    dialog.exec();
    switch (dialog.choice()) {
    case ConflictDialog::KeepTheirs: {
        std::optional<Core::Movement> stored;
        try {
            stored = Core::MovementRepository(m_db).get(m_original.id);
        } catch (const Core::Error &error) {
            showProblems({error.message()});
            return;
        }
        if (!stored)
            return;
        m_original = *stored;
        m_loading = true;
        for (EditableTable *t : {m_legalBases, m_phases, m_contents, m_categories, m_awards, m_standards, m_notes})
            t->clear();
        loadGeneral(*stored);
        loadLists(*stored);
        m_loading = false;
        showProblems({tr("The form now shows the movement as the other user saved it.")});
        break;
    }
    case ConflictDialog::OverwriteWithMine:
        m_original.version = e.storedVersion();
        accept(); // saves again; another race in the meantime asks again
        break;
    case ConflictDialog::Cancel: break;
    }
}

} // namespace VinhDanh::Ui
