#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace VinhDanh::Core {

class Database;

struct InterchangeCounts
{
    int blocs = 0;
    int units = 0;
    int people = 0;
    int movements = 0;
    int ratings = 0;
    int awards = 0;
    int initiatives = 0;
    int disciplines = 0;
    int confirmations = 0; // the clerk's eligibility confirmations (ticked and withdrawn)

    /// The office the file comes from (its header's "officeId" and "officeName"; empty in a
    /// file written before offices had ids, which is taken as this office's own).
    QString officeId, officeName;
    /// The file is another office's: its records were matched through the keys they got here.
    bool anotherOffice = false;
    /// The database took the file's office id as its own: a new file made from it (import
    /// --new), or a database with no registry records told the file is its office's own.
    bool tookOfficeIdentity = false;
    /// The file was told to be this office's own (FileOffice::Same): its id is now known as
    /// another id of this office, so its later files are matched by key with no choice.
    bool addedOfficeId = false;
    /// Another office's records that got a new key here, because this database uses theirs for
    /// other records: by section ("units", "people", …), only the sections with some.
    QList<std::pair<QString, int>> newKeys;
    int newKeyCount() const
    {
        int n = 0;
        for (const auto &s : newKeys)
            n += s.second;
        return n;
    }
};

/// Writes the registry to the interchange format of docs/interchange.md. Records are sorted
/// by their keys and written one per line, so the same data always gives the same bytes
/// (export → import into an empty database → export reproduces the file). It streams: a
/// province with a million ratings is never held in memory as one JSON tree.
/// Writes to a temporary file and renames it into place, so a failure leaves no half file.
namespace Interchange {
/// The "formatVersion" export writes and the newest one import reads. Version 2 added
/// "confirmations"; a version 1 file (without them) still imports.
constexpr int kFormatVersion = 2;

InterchangeCounts exportTo(Database &db, const QString &path);
} // namespace Interchange

} // namespace VinhDanh::Core
