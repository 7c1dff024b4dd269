#pragma once
// Internals of the danh sách đề nghị preview (nomineelist.cpp, nomineelistmatch.cpp): the
// registry and catalogue read once per preview, and how a row finds its nominee and its form.

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/tables/formnames.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables::NomineeListDetail {

class Registry;

/// The form a row takes, or why it has none; `described` is the preview's words for it.
struct FormChoice
{
    QString code;
    QString problem;
    QString described;
};

/// Whom and what the rows under the last heading are about ("I. Tập thể", "A. Bằng khen …").
struct Context
{
    enum class Kind { Any, Person, Unit };
    Kind kind = Kind::Any;
    QString form; // from a heading naming a form
    int formRow = 0;

    /// Reads a heading's words; false when they are neither a kind of nominee, a form nor a total.
    bool read(const QString &label, int row, const Registry &registry);
};

/// Who a row names: a person or a unit of the registry, or why not.
struct Match
{
    bool found = false;
    bool isPerson = true;
    qint64 id = 0;
    QString key;
    QString name;      // as the registry has it
    QString described; // "person in the registry: …"
    QString problem;   // not found, ambiguous, outside the clerk's units
    QString warning;   // found by name and birth date though the key written matches nobody
};

class Registry
{
public:
    Registry(Database &db, const Workflow::Dossier &dossier);

    /// The row's own form, else its heading's; empty code and problem: the dossier's default applies.
    FormChoice chooseForm(const QString &text, const Context &context) const;
    /// The one form the dossier's movement offers at its occasion for this kind of nominee.
    FormChoice defaultForm(bool person) const;
    QString formCode(const QString &text) const { return m_names.code(text); }
    QString recipients(const QString &code) const { return m_recipients.value(code); }
    QString formName(const QString &code) const { return m_formNames.value(code, code); }
    /// "p:ID|FORM" or "u:ID|FORM" already among the dossier's nominees.
    bool alreadyNominated(const QString &pair) const { return m_nominated.contains(pair); }

    Match match(const QString &key, const QString &name, const QString &collective, const QString &unit,
                const QString &positionAndUnit, const QDate &birth, const Context &context, const FormChoice &form) const;

private:
    struct Person
    {
        QString key, name;
        QDate birth;
        qint64 unitId = 0;
    };
    struct Unit
    {
        QString key, name, folded;
        qint64 parentId = 0;
    };
    Match matchPerson(const QString &key, const QString &name, const QString &unit, const QString &positionAndUnit, const QDate &birth,
                      bool *nobodyByThatName) const;
    Match matchUnit(const QString &key, const QString &name) const;
    bool inSubtree(qint64 root, qint64 unit) const;
    QList<qint64> unitsNamedIn(const QString &unit, const QString &positionAndUnit) const;
    QString unitsText(const QList<qint64> &people) const;
    bool visible(qint64 unitId) const { return !m_visible || m_visible->contains(unitId); }

    AwardFormNames m_names;
    QHash<QString, QString> m_recipients; // form code → individual | collective | both
    QHash<QString, QString> m_formNames;
    QStringList m_offered; // the movement's forms at the dossier's occasion
    QSet<QString> m_nominated;
    qint64 m_dossierUnit = 0;
    QHash<qint64, Person> m_people;
    QHash<QString, qint64> m_peopleByKey;
    QHash<QString, QList<qint64>> m_peopleByName; // folded
    QHash<qint64, Unit> m_units;
    QHash<QString, qint64> m_unitsByKey;
    QHash<QString, QList<qint64>> m_unitsByName; // folded
    std::optional<QSet<qint64>> m_visible;
};

/// Error unless nominees may still be added to the dossier (draft, or returned for supplement).
void requireOpenForNominees(const Workflow::Dossier &dossier);

} // namespace VinhDanh::Core::Tables::NomineeListDetail
