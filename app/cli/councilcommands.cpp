// vinhdanh-cli council new | add-dossier | tally | close | show: sittings of the Hội đồng Thi
// đua – Khen thưởng through the CouncilRepository (quorum, conflicts and thresholds are its).
#include "workflowcli.h"

#include "core/council/councilrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/text/vntext.h"

#include <QJsonArray>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;
using namespace Core::Workflow;

namespace {
void addSessionOptions(QCommandLineParser &p)
{
    addRecordOptions(p, {QStringLiteral("session"), Tr::tr("The council sitting's number (Phiên 3/2026) or key."), Tr::tr("NUMBER")});
}

/// "Name|Title;Name|Title" → members; those named in "Name;…" absent (UsageError for a name
/// that is not a member, so a typo never marks nobody absent).
QList<CouncilMember> membersOption(QCommandLineParser &p)
{
    QList<CouncilMember> members;
    for (const QString &item : splitList(required(p, QStringLiteral("members")))) {
        CouncilMember m;
        m.position = int(members.size()) + 1;
        m.fullName = item.section(QLatin1Char('|'), 0, 0).trimmed();
        m.title = item.section(QLatin1Char('|'), 1).trimmed();
        if (m.fullName.isEmpty())
            throw UsageError{Tr::tr("--members: \"%1\" has no name; write Name|Title;Name|Title.").arg(item)};
        members << m;
    }
    for (const QString &name : splitList(p.value(QStringLiteral("absent")))) {
        auto it = std::find_if(members.begin(), members.end(), [&](const CouncilMember &m) { return m.fullName == name; });
        if (it == members.end())
            throw UsageError{Tr::tr("--absent names \"%1\", who is not in --members.").arg(name)};
        it->attended = false;
    }
    return members;
}

/// --start / --end as hh:mm (UsageError naming the option for 25:00 or "8 giờ").
QTime timeOption(QCommandLineParser &p, const QString &name)
{
    try {
        return Council::timeOfDay(p.value(name));
    } catch (const Error &e) {
        throw UsageError{QStringLiteral("--%1: %2").arg(name, e.message())};
    }
}

/// --secretary: the member of that name is marked secretary; anyone else is named as the
/// secretary who is not a member.
void applySecretary(Sitting &s, const QString &name)
{
    const QString wanted = Text::clean(name);
    if (wanted.isEmpty())
        return;
    for (CouncilMember &m : s.members)
        if (Text::clean(m.fullName) == wanted) {
            m.secretary = true;
            return;
        }
    s.secretary = wanted;
}

QString clockText(const QTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("HH:mm")) : QString();
}

QString memberNames(const Sitting &s)
{
    QStringList names;
    for (const CouncilMember &m : s.members)
        names << m.fullName;
    return names.join(QStringLiteral(", "));
}

void newBody(QCommandLineParser &p)
{
    Sitting s;
    s.title = required(p, QStringLiteral("title"));
    s.heldOn = dateOption(p, QStringLiteral("date"), true);
    s.year = year(p);
    s.place = p.value(QStringLiteral("place")).trimmed();
    s.chair = p.value(QStringLiteral("chair")).trimmed();
    s.startTime = timeOption(p, QStringLiteral("start"));
    s.endTime = timeOption(p, QStringLiteral("end"));
    s.members = membersOption(p);
    applySecretary(s, p.value(QStringLiteral("secretary")));
    OpenDatabase db(p);
    s.movementId = movementId(*db, p);
    CouncilRepository(*db).save(s);
    // Its register number ("Phiên 3/2026"), which every --session accepts.
    out() << Registers::text(s) << '\n';
}

void addDossierBody(QCommandLineParser &p)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    if (p.isSet(QStringLiteral("new-sitting"))) {
        // "Trình Hội đồng" when no open sitting accepts it: a sitting of its own track.
        if (p.isSet(QStringLiteral("session")))
            throw UsageError{Tr::tr("Give either --session or --new-sitting, not both.")};
        const QDate heldOn = dateOption(p, QStringLiteral("date"), false);
        OpenDatabase db(p);
        CouncilRepository repo(*db);
        const qint64 dossier = dossierId(*db, dossierKey);
        const qint64 id = repo.openSittingFor(dossier, heldOn);
        const Sitting s = repo.session(id);
        out() << Tr::tr("Opened the sitting %1 (%2, %3) with the members of the last sitting and put %n nominee(s) of the "
                        "dossier %4 before it.",
                        nullptr, int(repo.items(id).size()))
                     .arg(Registers::text(s), s.title, dateText(s.heldOn), Registers::text(DossierRepository(*db).reference(dossier)))
              << '\n';
        return;
    }
    const QString sessionKey = required(p, QStringLiteral("session"));
    OpenDatabase db(p);
    CouncilRepository repo(*db);
    const qint64 id = sessionId(*db, sessionKey);
    const qsizetype before = repo.items(id).size();
    const qint64 dossier = dossierId(*db, dossierKey);
    repo.addDossier(id, dossier, p.isSet(QStringLiteral("confirm-regular")));
    out() << Tr::tr("Put %n nominee(s) of the dossier %1 before the sitting %2.", nullptr, int(repo.items(id).size() - before))
                 .arg(Registers::text(DossierRepository(*db).reference(dossier)), Registers::text(repo.session(id)))
          << '\n';
}

/// "Trình Hội đồng": the open sittings that accept the dossier.
void sittingsForBody(QCommandLineParser &p)
{
    const QString dossierKey = required(p, QStringLiteral("dossier"));
    OpenDatabase db(p);
    const Dossier d = DossierRepository(*db).dossier(dossierId(*db, dossierKey));
    const QList<CouncilRepository::Offer> offers = CouncilRepository(*db).sittingsFor(d.id);
    if (offers.isEmpty()) {
        out() << Tr::tr("No open sitting accepts the dossier %1; open one for it with: council add-dossier --new-sitting --dossier %1")
                     .arg(QStringLiteral("\"%1\"").arg(Registers::text(d))) // quoted: it has a space
              << '\n';
        return;
    }
    for (const CouncilRepository::Offer &o : offers) {
        out() << Tr::tr("%1\t%2\t%3")
                     .arg(Registers::text(o.session), o.session.heldOn.toString(QStringLiteral("dd/MM/yyyy")), o.session.title);
        if (o.needsConfirmation)
            out() << '\t' << Tr::tr("(needs --confirm-regular: %1)").arg(o.note);
        out() << '\n';
    }
}

/// The item of a sitting whose nominee is this person or unit (within --dossier when given).
CouncilItem itemFor(Database &db, qint64 sessionId, const Subject &s, const QString &dossierKey)
{
    const DossierRepository dossiers(db);
    const qint64 onlyDossier = dossierKey.isEmpty() ? 0 : dossierId(db, dossierKey);
    QList<CouncilItem> matches;
    for (const CouncilItem &item : CouncilRepository(db).items(sessionId)) {
        const Nominee n = dossiers.nominee(item.nomineeId);
        if (((s.personId && n.personId == s.personId) || (s.unitId && n.unitId == s.unitId))
            && (!onlyDossier || n.dossierId == onlyDossier))
            matches << item;
    }
    if (matches.isEmpty())
        throw Error(Tr::tr("\"%1\" is not before this sitting (council add-dossier puts a dossier's nominees before it).").arg(s.key));
    if (matches.size() > 1)
        throw UsageError{Tr::tr("\"%1\" is before this sitting in more than one dossier; say which with --dossier.").arg(s.key)};
    return matches.first();
}

QString tallyText(const CouncilItem &i)
{
    if (!i.tallied)
        return Tr::tr("not tallied yet");
    const QString rule = (i.threshold.strictlyMore ? Tr::tr("more than %1 % of %2") : Tr::tr("at least %1 % of %2"))
                             .arg(i.threshold.percent)
                             .arg(i.base);
    return (i.passed ? Tr::tr("passed: %1 agree, %2 disagree, %3 abstain (needs %4)")
                     : Tr::tr("not passed: %1 agree, %2 disagree, %3 abstain (needs %4)"))
        .arg(i.agree)
        .arg(i.disagree)
        .arg(i.abstain)
        .arg(rule);
}

void tallyBody(QCommandLineParser &p)
{
    const QString sessionKey = required(p, QStringLiteral("session"));
    const int agree = positiveInt(p, QStringLiteral("agree"), 0, true);
    const int disagree = positiveInt(p, QStringLiteral("disagree"), 0, true);
    const int abstain = positiveInt(p, QStringLiteral("abstain"), 0, true);
    OpenDatabase db(p);
    CouncilRepository repo(*db);
    const qint64 id = sessionId(*db, sessionKey);
    const CouncilItem item = itemFor(*db, id, subjectOption(*db, p, {}, true), p.value(QStringLiteral("dossier")));
    if (p.isSet(QStringLiteral("conflict"))) {
        const Sitting session = repo.session(id);
        QList<qint64> conflicted;
        for (const QString &name : splitList(p.value(QStringLiteral("conflict")))) {
            auto it = std::find_if(session.members.begin(), session.members.end(),
                                   [&](const CouncilMember &m) { return m.fullName == name; });
            if (it == session.members.end())
                throw Error(Tr::tr("--conflict names \"%1\", who is not a member of this sitting (members: %2).")
                                .arg(name, memberNames(session)));
            conflicted << it->id;
        }
        repo.setConflicts(item.id, conflicted);
    }
    repo.recordTally(item.id, agree, disagree, abstain);
    const CouncilItem tallied = repo.item(item.id);
    out() << QStringLiteral("%1 (%2): %3\n").arg(tallied.nomineeName, formShown(*db, tallied.formCode), tallyText(tallied));
}

void closeBody(QCommandLineParser &p)
{
    const QString sessionKey = required(p, QStringLiteral("session"));
    OpenDatabase db(p);
    CouncilRepository repo(*db);
    const qint64 id = sessionId(*db, sessionKey);
    repo.close(id);
    out() << Tr::tr("Closed the sitting %1.").arg(Registers::text(repo.session(id))) << '\n';
}

void showBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const QString sessionKey = required(p, QStringLiteral("session"));
    OpenDatabase db(p);
    CouncilRepository repo(*db);
    const qint64 id = sessionId(*db, sessionKey);
    const Sitting s = repo.session(id);
    const QList<CouncilItem> items = repo.items(id);
    const bool quorum = repo.quorumMet(id);
    auto memberName = [&](qint64 memberId) {
        for (const CouncilMember &m : s.members)
            if (m.id == memberId)
                return m.fullName;
        return QString();
    };
    if (fmt == QLatin1String("json")) {
        QJsonArray members, itemsJson;
        for (const CouncilMember &m : s.members)
            members.append(QJsonObject{{QStringLiteral("name"), m.fullName},
                                       {QStringLiteral("title"), m.title},
                                       {QStringLiteral("attended"), m.attended},
                                       {QStringLiteral("secretary"), m.secretary}});
        for (const CouncilItem &i : items) {
            QStringList conflicts;
            for (qint64 m : i.conflictedMemberIds)
                conflicts << memberName(m);
            QJsonObject o{{QStringLiteral("nominee"), i.nomineeName},
                          {QStringLiteral("award"), i.formCode},
                          {QStringLiteral("dossier"), i.dossierKey},
                          {QStringLiteral("dossierNumber"), i.dossierNumber},
                          {QStringLiteral("conflicts"), QJsonArray::fromStringList(conflicts)},
                          {QStringLiteral("tallied"), i.tallied}};
            if (i.tallied) {
                o.insert(QStringLiteral("agree"), i.agree);
                o.insert(QStringLiteral("disagree"), i.disagree);
                o.insert(QStringLiteral("abstain"), i.abstain);
                o.insert(QStringLiteral("voters"), i.voters);
                o.insert(QStringLiteral("base"), i.base);
                o.insert(QStringLiteral("thresholdPercent"), i.threshold.percent);
                o.insert(QStringLiteral("thresholdBasis"), i.threshold.basis);
                o.insert(QStringLiteral("passed"), i.passed);
            }
            itemsJson.append(o);
        }
        printJson(QJsonObject{{QStringLiteral("key"), s.key},
                              {QStringLiteral("number"), Registers::text(s)},
                              {QStringLiteral("registerNo"), s.registerSeq},
                              {QStringLiteral("registerYear"), s.registerYear},
                              {QStringLiteral("title"), s.title},
                              {QStringLiteral("date"), isoDate(s.heldOn)},
                              {QStringLiteral("year"), s.year},
                              {QStringLiteral("place"), s.place},
                              {QStringLiteral("chair"), s.chair},
                              {QStringLiteral("start"), clockText(s.startTime)},
                              {QStringLiteral("end"), clockText(s.endTime)},
                              {QStringLiteral("secretary"), s.secretaryName()},
                              {QStringLiteral("quorum"), QStringLiteral("%1/%2").arg(s.quorumNum).arg(s.quorumDen)},
                              {QStringLiteral("quorumMet"), quorum},
                              {QStringLiteral("status"), sittingStatusCode(s.status)},
                              {QStringLiteral("members"), members},
                              {QStringLiteral("items"), itemsJson}});
        return;
    }
    const QString status = SittingMachine::changeable(s.status) ? Tr::tr("open") : Tr::tr("closed");
    out() << Tr::tr("%1: %2, %3 (%4)", "a sitting's register number (Phiên 3/2026): title, date (status)")
                 .arg(Registers::text(s), s.title, dateText(s.heldOn), status)
          << '\n';
    const QString unknown = Tr::tr("not recorded");
    out() << Tr::tr("Started at %1, ended at %2.")
                 .arg(s.startTime.isValid() ? clockText(s.startTime) : unknown, s.endTime.isValid() ? clockText(s.endTime) : unknown)
          << '\n';
    out() << Tr::tr("Secretary: %1").arg(s.secretaryName().isEmpty() ? unknown : s.secretaryName()) << '\n';
    const int present = int(std::count_if(s.members.begin(), s.members.end(), [](const CouncilMember &m) { return m.attended; }));
    out() << (quorum ? Tr::tr("%1 of %2 members present: quorum (%3/%4) met.")
                     : Tr::tr("%1 of %2 members present: no quorum (%3/%4)."))
                 .arg(present)
                 .arg(s.members.size())
                 .arg(s.quorumNum)
                 .arg(s.quorumDen)
          << '\n';
    for (const CouncilMember &m : s.members)
        out() << QStringLiteral("  %1\t%2\t%3\n").arg(m.fullName, m.title, m.attended ? Tr::tr("present") : Tr::tr("absent"));
    out() << Tr::tr("Nominees:") << '\n';
    for (const CouncilItem &i : items) {
        out() << QStringLiteral("  %1 (%2, %3): %4\n").arg(i.nomineeName, formShown(*db, i.formCode), i.dossierNumber, tallyText(i));
        for (qint64 m : i.conflictedMemberIds)
            out() << "     " << Tr::tr("Conflict of interest: %1 (not voting)").arg(memberName(m)) << '\n';
    }
}
} // namespace

void addCouncilCommands(CommandTable &table)
{
    table.insert({QStringLiteral("council new"),
                  {QT_TRANSLATE_NOOP("Cli", "Record a council sitting with its members (prints its number)."),
                   [](QCommandLineParser &p) {
                       p.addOption(databaseOption());
                       p.addOption({QStringLiteral("title"), Tr::tr("The sitting's title."), Tr::tr("TEXT")});
                       p.addOption({QStringLiteral("date"), Tr::tr("The day it sits (31/12/2025 or 2025-12-31)."), Tr::tr("DATE")});
                       p.addOption({QStringLiteral("year"), Tr::tr("The achievement year it considers."), Tr::tr("YYYY")});
                       p.addOption({QStringLiteral("movement"), Tr::tr("The movement's key, if it sits for one."), Tr::tr("KEY")});
                       p.addOption({QStringLiteral("members"), Tr::tr("The members: \"Name|Title;Name|Title;…\"."), Tr::tr("LIST")});
                       p.addOption({QStringLiteral("absent"), Tr::tr("Members who did not attend: \"Name;Name\"."), Tr::tr("LIST")});
                       p.addOption({QStringLiteral("place"), Tr::tr("Where it sits."), Tr::tr("TEXT")});
                       p.addOption({QStringLiteral("chair"), Tr::tr("Who chairs it."), Tr::tr("NAME")});
                       p.addOption({QStringLiteral("start"), Tr::tr("The time it started (hh:mm, e.g. 08:00)."), Tr::tr("HH:MM")});
                       p.addOption({QStringLiteral("end"), Tr::tr("The time it ended (hh:mm, after the start)."), Tr::tr("HH:MM")});
                       p.addOption({QStringLiteral("secretary"),
                                    Tr::tr("Who takes the minutes: a name from --members marks that member; any other name "
                                           "is a secretary who is not a member."),
                                    Tr::tr("NAME")});
                   },
                   newBody}});
    table.insert({QStringLiteral("council add-dossier"),
                  {QT_TRANSLATE_NOOP("Cli", "Put the agreed nominees of an appraised dossier before a sitting."),
                   [](QCommandLineParser &p) {
                       addSessionOptions(p);
                       p.addOption(dossierOption());
                       p.addOption({QStringLiteral("confirm-regular"),
                                    Tr::tr("Put a regular-track dossier before a sitting of a movement all the same.")});
                       p.addOption({QStringLiteral("new-sitting"),
                                    Tr::tr("Instead of --session: open a new sitting of the dossier's track and year, with the "
                                           "members of the last sitting, and put the dossier before it.")});
                       p.addOption({QStringLiteral("date"), Tr::tr("With --new-sitting: the sitting's date (default: today)."),
                                    Tr::tr("DATE")});
                   },
                   addDossierBody}});
    table.insert({QStringLiteral("council sittings-for"),
                  {QT_TRANSLATE_NOOP("Cli", "List the open sittings a dossier can be put before (number, date, title)."),
                   [](QCommandLineParser &p) {
                       p.addOption(databaseOption());
                       p.addOption(dossierOption());
                   },
                   sittingsForBody}});
    table.insert(
        {QStringLiteral("council tally"),
         {QT_TRANSLATE_NOOP("Cli", "Record the secret-ballot tally for one nominee before a sitting."),
          [](QCommandLineParser &p) {
              addSessionOptions(p);
              addSubjectOptions(p);
              p.addOption({QStringLiteral("dossier"), Tr::tr("The nominee's dossier, when they are in two."), Tr::tr("NUMBER")});
              p.addOption({QStringLiteral("agree"), Tr::tr("Ballots in favour."), Tr::tr("N")});
              p.addOption({QStringLiteral("disagree"), Tr::tr("Ballots against."), Tr::tr("N")});
              p.addOption({QStringLiteral("abstain"), Tr::tr("Abstentions."), Tr::tr("N")});
              p.addOption({QStringLiteral("conflict"), Tr::tr("Members with a conflict of interest: \"Name;Name\"."), Tr::tr("LIST")});
          },
          tallyBody}});
    table.insert({QStringLiteral("council close"),
                  {QT_TRANSLATE_NOOP("Cli", "Close a sitting once every nominee before it is tallied."),
                   [](QCommandLineParser &p) { addSessionOptions(p); }, closeBody}});
    table.insert({QStringLiteral("council show"),
                  {QT_TRANSLATE_NOOP("Cli", "Show a sitting: members, attendance, quorum and tallies."),
                   [](QCommandLineParser &p) {
                       addSessionOptions(p);
                       p.addOption(textOrJsonOption());
                   },
                   showBody}});
}

} // namespace VinhDanh::Cli
