// The clerk's confirmations saved on the eligibility page (schema step 5) and the emulation-bloc
// condition of the Cờ thi đua rules, through the repository and Eligibility::Service — the code
// the GUI panel, the candidates sweep and the CLI call. Every test runs on both backends.
#include "core/accounts/permissions.h"
#include "core/db/query.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/ruleset.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "tests/support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;
using Test::find;
using Test::WorkflowFixture;

namespace {
const QString kNote = QStringLiteral("Biên bản họp bình xét ngày 12/01/2026");

ConfirmationKey keyOf(const Subject &s, const QString &award, int year, const QString &item, qint64 movement = 0)
{
    ConfirmationKey k;
    k.subject = s;
    k.awardCode = award;
    k.year = year;
    k.itemId = item;
    k.movementId = movement;
    return k;
}

/// Every item the check leaves to the clerk, saved through the repository with a note.
void confirmEverything(Database &db, const Subject &s, const Result &r, int year)
{
    const QMap<QString, QString> items = Test::confirmAll(r);
    for (auto it = items.begin(); it != items.end(); ++it)
        ConfirmationRepository(db).save(keyOf(s, r.awardCode, year, it.key()), true, kNote);
}

const Candidate *candidate(const QList<Candidate> &list, qint64 unitId, qint64 personId, const QString &award)
{
    for (const Candidate &c : list)
        if (c.unitId == unitId && c.personId == personId && c.awardCode == award)
            return &c;
    return nullptr;
}

/// A movement whose plan sets two standards of its own for individuals (cong_chuc) and LDTT.
qint64 movementWithTwoStandardsForLdtt(Database &db)
{
    Movement m;
    m.name = QStringLiteral("Thi đua “Dân vận khéo”");
    m.periodFrom = 2021;
    m.periodTo = 2025;
    m.categories << MovementCategory{
        QStringLiteral("cn"), QStringLiteral("individual"), QStringLiteral("Cá nhân"), {}, {QStringLiteral("cong_chuc")}};
    MovementStandard standard;
    standard.awardCodes = {QStringLiteral("LDTT")};
    standard.occasion = QStringLiteral("annual");
    standard.category = QStringLiteral("cn");
    standard.heading = QStringLiteral("Tiêu chuẩn cá nhân");
    standard.items = {QStringLiteral("Có mô hình dân vận khéo được công nhận"), QStringLiteral("Được nhân dân nơi cư trú tín nhiệm")};
    m.standards << standard;
    m.awards << MovementAward{
        QStringLiteral("annual"), {QStringLiteral("LDTT")}, QStringLiteral("Lao động tiên tiến"), QStringLiteral("individual"), {}};
    return MovementRepository(db).save(m);
}

qint64 bloc(Database &db, const QString &name, const QString &kind = QStringLiteral("cum"))
{
    Bloc b;
    b.name = name;
    b.kind = kind;
    return UnitRepository(db).saveBloc(b);
}

void putInBloc(Database &db, qint64 unitId, qint64 blocId)
{
    Unit u = *UnitRepository(db).get(unitId);
    u.blocId = blocId;
    UnitRepository(db).save(u);
}
} // namespace

TEST_CASE("savedConfirmation_turnsNeedsReviewIntoEligible_andUntickingBringsItBack", "[eligibility][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject p = Subject::person(o.eligiblePerson(2025));
        const Result before = o.check(p, QStringLiteral("LDTT"), 2025);
        REQUIRE(before.verdict == Verdict::NeedsReview);
        REQUIRE_FALSE(Test::confirmAll(before).isEmpty());
        const QString item = Test::confirmAll(before).firstKey();

        confirmEverything(t.db(), p, before, 2025);
        const Result after = o.check(p, QStringLiteral("LDTT"), 2025);
        CHECK(after.verdict == Verdict::Eligible);
        CHECK(after.earliestYear == 2025);
        const ConditionResult *c = find(after.conditions, item);
        REQUIRE(c);
        CHECK(c->confirmation.source == Confirmation::Source::Saved);
        CHECK(c->confirmation.note == kNote);
        CHECK(c->confirmation.at.startsWith(QStringLiteral("20")));
        // The sweep counts it too (the registry alone qualifies the person, so they are listed).
        const Candidate *listed = candidate(Service(t.db()).candidates(2025), 0, p.personId, QStringLiteral("LDTT"));
        REQUIRE(listed);
        CHECK(listed->verdict == Verdict::Eligible);
        // Another year is another question.
        CHECK(o.check(p, QStringLiteral("LDTT"), 2024).verdict != Verdict::Eligible);

        const SavedConfirmation withdrawn = ConfirmationRepository(t.db()).save(keyOf(p, QStringLiteral("LDTT"), 2025, item), false,
                                                                                {});
        CHECK_FALSE(withdrawn.confirmed);
        CHECK(withdrawn.evidence == kNote); // the note stays on record
        CHECK(o.check(p, QStringLiteral("LDTT"), 2025).verdict == Verdict::NeedsReview);
        CHECK(candidate(Service(t.db()).candidates(2025), 0, p.personId, QStringLiteral("LDTT"))->verdict == Verdict::NeedsReview);
    });
}

TEST_CASE("savedConfirmation_needsANote_andAnItemTheCheckLeavesToTheClerk", "[eligibility][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject p = Subject::person(o.eligiblePerson(2025));
        ConfirmationRepository repo(t.db());
        CHECK(Test::errorOf([&] {
                  repo.save(keyOf(p, QStringLiteral("LDTT"), 2025, QStringLiteral("tinh-than")), true, QStringLiteral("  "));
              }).contains(QStringLiteral("evidence")));
        CHECK(Test::errorOf([&] {
                  repo.save(keyOf(p, QStringLiteral("LDTT"), 2025, QStringLiteral("movement-1-1")), true, kNote);
              }).contains(QStringLiteral("movement")));
        Request r;
        r.personId = p.personId;
        r.awardCode = QStringLiteral("LDTT");
        r.year = 2025;
        // The rating streak is the registry's to answer, not the clerk's.
        const QString refused = Test::errorOf([&] { Service(t.db()).confirm(r, QStringLiteral("no-such-item"), true, kNote); });
        CHECK(refused.contains(QStringLiteral("no-such-item")));
        CHECK(refused.contains(Test::confirmAll(o.check(p, QStringLiteral("LDTT"), 2025)).firstKey()));
        CHECK(o.count(QStringLiteral("eligibility_confirmations")) == 0);
    });
}

TEST_CASE("savedConfirmation_isAudited_andASecondClerkWorkingOnAStaleCopyIsRefused", "[eligibility][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject p = Subject::person(o.eligiblePerson(2025));
        o.as(QStringLiteral("appraiser"));
        ConfirmationRepository repo(t.db());
        const ConfirmationKey key = keyOf(p, QStringLiteral("LDTT"), 2025, QStringLiteral("tinh-than"));
        const SavedConfirmation saved = repo.save(key, true, kNote, 0);
        CHECK(saved.by == QStringLiteral("appraiser"));
        repo.save(key, false, {}, saved.version);

        Query q(t.db().sql(), QStringLiteral("SELECT action, actor, record_key, new_values FROM audit_log "
                                             "WHERE table_name = 'eligibility_confirmations' ORDER BY id"));
        q.exec();
        QStringList actions;
        while (q.next()) {
            actions << q.text(0);
            CHECK(q.text(1) == QStringLiteral("appraiser"));
            CHECK(q.text(2) == QStringLiteral("tinh-than"));
            CHECK(q.text(3).contains(QStringLiteral("Biên bản")));
        }
        CHECK(actions == QStringList{QStringLiteral("insert"), QStringLiteral("update")});

        // Read at version 1, changed since (version 2): refused, nothing written.
        CHECK_THROWS_AS(repo.save(key, true, QStringLiteral("Ghi chú khác"), saved.version), ConflictError);
        CHECK_FALSE(repo.get(key)->confirmed);
    });
}

TEST_CASE("savedConfirmation_clerkOutsideTheSubtree_isRefused_insideItIsSaved", "[eligibility][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const qint64 other = o.newUnit(QStringLiteral("Sở Tài chính"));
        const Subject mine = Subject::person(o.eligiblePerson(2025, QStringLiteral("Nguyễn Văn An"), o.unit));
        const Subject theirs = Subject::person(o.eligiblePerson(2025, QStringLiteral("Lê Thị Hoa"), other));
        o.as(QStringLiteral("clerk"), o.unit);
        ConfirmationRepository repo(t.db());
        CHECK_THROWS_AS(repo.save(keyOf(theirs, QStringLiteral("LDTT"), 2025, QStringLiteral("tinh-than")), true, kNote),
                        PermissionError);
        CHECK_THROWS_AS(repo.save(keyOf(Subject::unit(other), QStringLiteral("TTLDTT"), 2025, QStringLiteral("x")), true, kNote),
                        PermissionError);
        CHECK(repo.save(keyOf(mine, QStringLiteral("LDTT"), 2025, QStringLiteral("tinh-than")), true, kNote).confirmed);
        o.asNobody();
        CHECK(o.count(QStringLiteral("eligibility_confirmations")) == 1);
    });
}

TEST_CASE("movementStandardConfirmation_countsWithItsMovementOnly_andADossierChecklistCountsToo", "[eligibility][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject p = Subject::person(o.eligiblePerson(2025));
        const qint64 movement = movementWithTwoStandardsForLdtt(t.db());
        const Result open = o.check(p, QStringLiteral("LDTT"), 2025, {}, {}, movement);
        const ConditionResult *standards = find(open.conditions, QStringLiteral("movement"));
        REQUIRE(standards);
        REQUIRE(standards->children.size() >= 2);
        const QString first = standards->children.at(0).id, second = standards->children.at(1).id;

        ConfirmationRepository(t.db()).save(keyOf(p, QStringLiteral("LDTT"), 2025, first, movement), true, kNote);
        Result r = o.check(p, QStringLiteral("LDTT"), 2025, {}, {}, movement);
        CHECK(find(r.conditions, first)->state == Verdict::Eligible);
        CHECK(find(r.conditions, first)->confirmation.source == Confirmation::Source::Saved);

        // The dossier of the same movement and year confirms the second standard on its checklist.
        const qint64 dossier = o.newDossier(2025, movement).id;
        const qint64 nomineeId = o.addPerson(dossier, p.personId, QStringLiteral("LDTT"));
        Workflow::Nominee n = o.dossiers().nominee(nomineeId);
        bool ticked = false;
        for (Workflow::ChecklistItem &c : n.checklist)
            if (c.itemId == second) {
                c.confirmed = true;
                c.evidence = QStringLiteral("Báo cáo thành tích kèm hồ sơ");
                ticked = true;
            }
        REQUIRE(ticked);
        o.dossiers().saveNominee(n);
        r = o.check(p, QStringLiteral("LDTT"), 2025, {}, {}, movement);
        const ConditionResult *fromDossier = find(r.conditions, second);
        REQUIRE(fromDossier);
        CHECK(fromDossier->state == Verdict::Eligible);
        CHECK(fromDossier->confirmation.source == Confirmation::Source::Dossier);
        CHECK(fromDossier->confirmation.dossier.contains(QStringLiteral("Đề nghị khen thưởng năm 2025")));

        // Without the movement neither counts (nor shows: there are no movement standards).
        CHECK_FALSE(find(o.check(p, QStringLiteral("LDTT"), 2025).conditions, first));
    });
}

TEST_CASE("inEmulationBloc_unitWithoutBloc_failsWithWhatToDo_unitInABloc_passesAndTheItemNamesIt", "[eligibility][bloc]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        WorkflowFixture o(t.db());
        const Subject loose = Subject::unit(o.newUnit(QStringLiteral("Sở Xây dựng")));
        const Subject member = Subject::unit(o.newUnit(QStringLiteral("Sở Tư pháp")));
        putInBloc(t.db(), member.unitId, bloc(t.db(), QStringLiteral("Cụm thi đua số 3")));

        const Result without = o.check(loose, QStringLiteral("CO_TD_TINH"), 2025);
        const ConditionResult *notIn = find(without.conditions, QStringLiteral("thuoc-cum-khoi"));
        REQUIRE(notIn);
        CHECK(notIn->state == Verdict::NotEligible);
        CHECK(notIn->explanation.contains(QStringLiteral("belongs to no emulation cluster or bloc")));
        CHECK(notIn->explanation.contains(QStringLiteral("record its cluster or bloc on the unit's form")));
        CHECK(find(without.conditions, QStringLiteral("cum-khoi"))->state == Verdict::NotEligible);
        // The thematic-movement route (Art 26(2)) does not need a bloc: still for the clerk.
        CHECK(without.verdict == Verdict::NeedsReview);

        const Result with = o.check(member, QStringLiteral("CO_TD_TINH"), 2025);
        const ConditionResult *in = find(with.conditions, QStringLiteral("thuoc-cum-khoi"));
        REQUIRE(in);
        CHECK(in->state == Verdict::Eligible);
        CHECK(in->explanation.contains(QStringLiteral("Cụm thi đua số 3")));
        const ConditionResult *lead = find(with.conditions, QStringLiteral("dan-dau-cum-khoi"));
        REQUIRE(lead);
        CHECK(lead->state == Verdict::NeedsReview);
        CHECK(lead->description == QStringLiteral("Dẫn đầu phong trào thi đua của Cụm thi đua số 3 do tỉnh tổ chức"));
        CHECK(with.checklist.join(QLatin1Char('\n')).contains(QStringLiteral("Cụm thi đua số 3")));
        const ConditionResult *government = find(o.check(member, QStringLiteral("CO_TD_CP"), 2025).conditions,
                                                 QStringLiteral("khoan-1"));
        REQUIRE(government);
        CHECK(government->description.contains(QStringLiteral("Cụm thi đua số 3")));

        // The bloc's vote confirmed by the clerk: eligible, and a candidate of the sweep (a
        // route judgement counts as not met there until confirmed).
        CHECK_FALSE(candidate(Service(t.db()).candidates(2025), member.unitId, 0, QStringLiteral("CO_TD_TINH")));
        ConfirmationRepository(t.db()).save(keyOf(member, QStringLiteral("CO_TD_TINH"), 2025, QStringLiteral("dan-dau-cum-khoi")),
                                            true, QStringLiteral("Biên bản suy tôn Cụm thi đua số 3"));
        CHECK(o.check(member, QStringLiteral("CO_TD_TINH"), 2025).verdict == Verdict::NeedsReview); // the common judgement is open
        ConfirmationRepository(t.db()).save(keyOf(member, QStringLiteral("CO_TD_TINH"), 2025, QStringLiteral("khong-dang-xem-xet")),
                                            true, QStringLiteral("Xác nhận của Thanh tra tỉnh"));
        CHECK(o.check(member, QStringLiteral("CO_TD_TINH"), 2025).verdict == Verdict::Eligible);
        const Candidate *flag = candidate(Service(t.db()).candidates(2025), member.unitId, 0, QStringLiteral("CO_TD_TINH"));
        REQUIRE(flag);
        CHECK(flag->verdict == Verdict::Eligible);
        // A person is never in a bloc.
        CHECK(find(o.check(Subject::person(o.eligiblePerson(2025)), QStringLiteral("CO_TD_TINH"), 2025).conditions,
                   QStringLiteral("thuoc-cum-khoi"))
              == nullptr);
    });
}

TEST_CASE("ruleSetImport_validatesInEmulationBlocAndTheBlocPlaceholder", "[eligibility][bloc]")
{
    const auto parse = [](const QString &condition) {
        const QString text = QStringLiteral(
                                 "{\n\"format\": \"vinhdanh-rules\", \"formatVersion\": 1, \"id\": \"thu\", \"version\": 1,\n"
                                 "\"title\": \"Thử\", \"citations\": [\"Luật\"], \"effectiveFrom\": \"2026-01-01\",\n"
                                 "\"awards\": [{\"code\": \"CO_TD_TINH\", \"name\": \"Cờ\", \"recipients\": \"collective\",\n"
                                 "\"condition\":\n%1\n}]\n}\n")
                                 .arg(condition);
        return Test::errorOf([&] { parseRuleSet(text.toUtf8(), QStringLiteral("thu.json")); });
    };
    CHECK(parse(QStringLiteral("{\"id\": \"b\", \"type\": \"inEmulationBloc\", \"description\": \"Thuộc {bloc}\"}")).isEmpty());
    const QString extra = parse(
        QStringLiteral("{\"id\": \"b\", \"type\": \"inEmulationBloc\", \"description\": \"Thuộc cụm\", \"kind\": \"cum\"}"));
    CHECK(extra.contains(QStringLiteral("thu.json, line 6")));
    CHECK(extra.contains(QStringLiteral("kind")));
    const QString typo = parse(QStringLiteral("{\"id\": \"j\", \"type\": \"judgement\", \"description\": \"Dẫn đầu {cum}\", "
                                              "\"checklist\": \"Xem xét\"}"));
    CHECK(typo.contains(QStringLiteral("thu.json, line 6")));
    CHECK(typo.contains(QStringLiteral("{cum}")));
}
