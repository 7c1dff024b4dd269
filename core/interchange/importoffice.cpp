// Whose an interchange file is (issue 15, docs/interchange.md "Files of another office").
// Matching by key is right for an office's own file and wrong for another office's (keys are
// short and per office), and an office id alone cannot tell "another office" from "another
// database of this office that got its own id at the upgrade". So an id this database does not
// know is refused until the clerk says which it is; the answer is remembered.
#include "core/interchange/importer_p.h"

#include "core/text/vntext.h"

namespace VinhDanh::Core::Interchange::Detail {

namespace {
/// The office as a clerk reads it: its letterhead's name on one line. Never its id (a UUID).
QString officeText(const QString &name)
{
    const QString line = QString(name).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line.isEmpty() ? Tr::tr("an office whose letterhead has no name") : QStringLiteral("“%1”").arg(line);
}

/// Two letterhead bodies that read the same: lines, case and spacing aside.
bool sameName(const QString &a, const QString &b)
{
    const auto folded = [](const QString &name) {
        return Text::fold(QString(name).replace(QLatin1Char('\n'), QLatin1Char(' '))).simplified();
    };
    return !a.trimmed().isEmpty() && folded(a) == folded(b);
}
} // namespace

void Importer::decideOffice(InterchangeCounts &counts)
{
    const QString &id = counts.officeId;
    const QString office = officeText(counts.officeName);
    if (m_newFile) {
        // A new file made from the export is a copy (or a move) of the office that wrote it.
        Keys::takeOfficeIdentity(m_db, id, counts.officeName);
        counts.tookOfficeIdentity = true;
        return;
    }
    switch (Keys::knownOffice(m_db, id)) {
    case Keys::KnownOffice::This: return; // the office's own file, matched by key whatever the choice says
    case Keys::KnownOffice::Same:
        if (m_office == FileOffice::Other)
            throw Error(Tr::tr("The file's office, %1, was taken before as this office's own (--same-office): its "
                               "records are matched by key, and it cannot now be imported as another office's.")
                            .arg(office));
        return;
    case Keys::KnownOffice::Other:
        if (m_office == FileOffice::Same)
            throw Error(Tr::tr("The file's office, %1, was imported before as another office (--other-office): its "
                               "records here have keys of their own, and it cannot now be taken as this office's.")
                            .arg(office));
        break;
    case Keys::KnownOffice::Unknown:
        switch (m_office) {
        case FileOffice::Ask:
            // Either guess loses records: taken as the office's own, another office's file
            // overwrites records by key; taken as another's, the office's own is duplicated.
            if (sameName(counts.officeName, Keys::officeName(m_db)))
                throw Error(Tr::tr("The file was written by a database with the same name as this office, %1: probably "
                                   "a database of this office made before offices had ids (a second database, a copy "
                                   "moved to PostgreSQL, an old backup restored). If it is, import it with --same-office: "
                                   "its records are matched by key and its later files need no option. If it is "
                                   "another office's, import it with --other-office.")
                                .arg(office));
            throw Error(Tr::tr("The file was written by another office, %1, or by a database of this office that is "
                               "not known here. Say whose it is: --same-office if it is this office's own (a second "
                               "database, a copy moved to PostgreSQL, an old backup restored): its records are matched "
                               "by key; --other-office if it is another office's: its records are kept apart, under new "
                               "keys where theirs are used here. Either way its later files need no option.")
                            .arg(office));
        case FileOffice::Same:
            // A database with nothing in its registry becomes the office's copy (as import
            // --new makes one); one with records keeps its id and learns the file's.
            if (registryEmpty()) {
                Keys::takeOfficeIdentity(m_db, id, counts.officeName);
                counts.tookOfficeIdentity = true;
            } else {
                Keys::rememberSameOffice(m_db, id, counts.officeName);
                counts.addedOfficeId = true;
            }
            return;
        case FileOffice::Other: Keys::rememberOtherOffice(m_db, id, counts.officeName); break;
        }
        break;
    }
    counts.anotherOffice = true;
    m_otherOffice = id;
}

} // namespace VinhDanh::Core::Interchange::Detail
