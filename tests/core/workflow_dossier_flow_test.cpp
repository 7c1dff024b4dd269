// A dossier's path through the office: recall, return and resubmit, appraisal with overrides,
// roles, history, the read-only rule after submission (repository and database guards), and
// the candidates sweep's view of proposals.
#include "core/error.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include "core/db/query.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace VinhDanh;
using namespace VinhDanh::Core::Workflow;
using Core::Eligibility::Verdict;
using Test::errorOf;

namespace {
const QString kReturnReason = QStringLiteral("Bổ sung biên bản họp Hội đồng Thi đua – Khen thưởng của đơn vị");

/// The detail of the Error that running `sql` throws ("vinhdanh-protected: …"), or "".
QString guardOf(Core::Database &db, const QString &sql)
{
    try {
        Core::Query::run(db.sql(), sql);
    } catch (const Core::Error &e) {
        return e.detail();
    }
    return {};
}

/// A person whose LDTT the engine finds eligible: the rule's judgement items are confirmed
/// as checklist lines (the same ids the engine's trace uses).
qint64 confirmedEligibleNominee(Test::WorkflowFixture &f, qint64 dossierId)
{
    Nominee n;
    n.dossierId = dossierId;
    n.personId = f.eligiblePerson(2025, QStringLiteral("Hoàng Văn Giỏi"));
    n.formCode = QStringLiteral("LDTT");
    for (const char *id : {"khong-dang-xem-xet", "tinh-than"})
        n.checklist << ChecklistItem{0, QString::fromLatin1(id), QStringLiteral("Đã xác minh"), true,
                                     QStringLiteral("Biên bản 12/BB")};
    return f.dossiers().saveNominee(n);
}
} // namespace

TEST_CASE("recall_isAllowedOnlyBeforeAppraisalStarts_andMakesTheDossierEditable", "[workflow][flow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 d = f.dossierIn(Status::Submitted);
        CHECK(repo.dossier(d).submittedAt.isValid());
        repo.transition(d, Transition::Recall);
        CHECK(repo.dossier(d).status == Status::Draft);
        f.addPerson(d, f.eligiblePerson(2025, QStringLiteral("Bùi Văn Hải")));

        const qint64 appraising = f.dossierIn(Status::UnderAppraisal);
        CHECK(
            errorOf([&] { repo.transition(appraising, Transition::Recall); }).contains(QStringLiteral("only while it is submitted")));
        CHECK(repo.dossier(appraising).status == Status::UnderAppraisal);
    });
}

TEST_CASE("submit_needsANominee", "[workflow][flow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier empty = f.newDossier(2025);
        CHECK(errorOf([&] { repo.transition(empty.id, Transition::Submit); }).contains(QStringLiteral("no nominee")));
        CHECK(repo.dossier(empty.id).status == Status::Draft);
        CHECK(repo.history(empty.id).size() == 1);
    });
}

TEST_CASE("return_needsAReason_reopensTheContent_andResubmitSendsItBack", "[workflow][flow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 d = f.dossierIn(Status::UnderAppraisal);
        CHECK(errorOf([&] { repo.transition(d, Transition::Return, QStringLiteral("   ")); }).contains(QStringLiteral("reason")));
        CHECK(repo.dossier(d).status == Status::UnderAppraisal);

        const qint64 first = repo.nominees(d).first().id;
        repo.appraise(first, true, {});
        repo.transition(d, Transition::Return, kReturnReason);
        Dossier back = repo.dossier(d);
        CHECK(back.status == Status::Returned);
        CHECK(back.returnReason == kReturnReason);
        CHECK(repo.history(d).last().reason == kReturnReason);

        // Editable again: header, nominees, files.
        back.letterNo = QStringLiteral("46/TTr-SNV");
        repo.save(back);
        const qint64 added = f.addPerson(d, f.eligiblePerson(2025, QStringLiteral("Đỗ Văn Khải")));
        repo.addAttachment(d, DocumentKind::BienBan, 0, QStringLiteral("bien-ban.pdf"), QByteArray("%PDF-1.4"));
        repo.removeNominee(added);
        CHECK(repo.appraisals(d).size() == 1);
        Nominee edited = repo.nominee(first);
        edited.summary = QStringLiteral("Bổ sung: chủ trì đề tài cấp tỉnh");
        repo.saveNominee(edited);
        CHECK(repo.appraisals(d).isEmpty()); // changed content is appraised again

        // The reports are still on paper: resubmitting without them needs the clerk's reason.
        CHECK(errorOf([&] { repo.transition(d, Transition::Resubmit); }).contains(QStringLiteral("missing")));
        const QString paper = QStringLiteral("Báo cáo thành tích bản giấy gửi kèm");
        repo.transition(d, Transition::Resubmit, paper);
        CHECK(repo.history(d).last().reason == paper);
        CHECK(repo.dossier(d).status == Status::Submitted);
        CHECK(repo.dossier(d).letterNo == QStringLiteral("46/TTr-SNV"));
        CHECK(errorOf([&] { repo.save(back); }).contains(QStringLiteral("can no longer be changed")));
    });
}

TEST_CASE("appraisal_differingFromTheEngineNeedsAnOverrideReason_notAgreedNeedsAReason_andReappraisalReplaces",
          "[workflow][appraisal]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier d = f.newDossier(2025);
        const qint64 weak = f.addPerson(d.id, f.ineligiblePerson());     // engine: not eligible
        const qint64 strong = confirmedEligibleNominee(f, d.id);         // engine: eligible
        const qint64 review = f.addPerson(d.id, f.eligiblePerson(2025)); // engine: needs review
        CHECK(repo.nominee(strong).engineVerdict == QStringLiteral("eligible"));
        CHECK(repo.nominee(review).engineVerdict == QStringLiteral("needs_review"));
        CHECK(errorOf([&] { repo.appraise(weak, true, {}, QStringLiteral("x")); }).contains(QStringLiteral("under appraisal")));
        repo.transition(d.id, Transition::Submit, QStringLiteral("Hồ sơ giấy gửi kèm"));
        repo.transition(d.id, Transition::StartAppraisal);

        CHECK(errorOf([&] { repo.appraise(weak, true, {}); }).contains(QStringLiteral("overriding")));
        repo.appraise(weak, true, {}, QStringLiteral("Thành tích đột xuất đã được xác minh"));
        CHECK(errorOf([&] { repo.appraise(strong, false, QStringLiteral("Hồ sơ chưa đủ")); }).contains(QStringLiteral("overriding")));
        CHECK(errorOf([&] { repo.appraise(review, false, {}); }).contains(QStringLiteral("reason")));
        repo.appraise(review, false, QStringLiteral("Chưa đủ minh chứng tinh thần tương trợ")); // needs_review: no override
        CHECK(errorOf([&] { repo.transition(d.id, Transition::FinishAppraisal); }).contains(QStringLiteral("Hoàng Văn Giỏi")));
        repo.appraise(strong, true, {});

        // Appraising again replaces the row.
        repo.appraise(weak, false, QStringLiteral("Không đủ tiêu chuẩn năm xét"));
        const QList<Appraisal> rows = repo.appraisals(d.id);
        REQUIRE(rows.size() == 3);
        CHECK(rows.at(0).nomineeId == weak);
        CHECK_FALSE(rows.at(0).agreed);
        CHECK(rows.at(0).engineVerdict == QStringLiteral("not_eligible"));
        CHECK(rows.at(0).reason == QStringLiteral("Không đủ tiêu chuẩn năm xét"));
        // The rule set the engine applied at appraisal, with its version (raised when rules change).
        const auto applied = repo.evaluate(repo.nominee(weak)).ruleSet;
        CHECK(applied.id == QStringLiteral("luat-06-2022-nd-152-2025"));
        CHECK(rows.at(0).ruleSet == QStringLiteral("%1 v%2").arg(applied.id).arg(applied.version));
        CHECK(rows.at(1).agreed);
        CHECK(rows.at(1).engineVerdict == QStringLiteral("eligible"));

        // Finishing settles the refused nominees as not awarded, with the appraiser's reason.
        repo.transition(d.id, Transition::FinishAppraisal);
        const QList<Outcome> outcomes = repo.outcomes(d.id);
        REQUIRE(outcomes.size() == 2);
        CHECK(outcomes.at(0).nomineeId == weak);
        CHECK(outcomes.at(0).outcome == QStringLiteral("not_awarded"));
        CHECK(outcomes.at(0).reason == QStringLiteral("Không đủ tiêu chuẩn năm xét"));
        CHECK(outcomes.at(1).nomineeId == review);

        // To the council only when the agreed nominee is on a sitting; forwarded only if it passed.
        CHECK(errorOf([&] { repo.transition(d.id, Transition::PutToCouncil); }).contains(QStringLiteral("Hoàng Văn Giỏi")));
        f.putOnSitting(d.id);
        repo.transition(d.id, Transition::PutToCouncil);
        CHECK(errorOf([&] { repo.transition(d.id, Transition::Decide); }).contains(QStringLiteral("Hoàng Văn Giỏi")));
        CHECK(errorOf([&] { repo.recordOutcome(strong, QStringLiteral("forwarded"), {}); }).contains(QStringLiteral("passed")));
        CHECK(errorOf([&] { repo.recordOutcome(strong, QStringLiteral("not_awarded"), {}); }).contains(QStringLiteral("reason")));
        CHECK(errorOf([&] {
                  repo.recordOutcome(weak, QStringLiteral("not_awarded"), QStringLiteral("x"));
              }).contains(QStringLiteral("already recorded")));
        Core::Query::run(t.db().sql(), QStringLiteral("UPDATE council_items SET passed = 1"));
        repo.recordOutcome(strong, QStringLiteral("forwarded"), {});
        repo.transition(d.id, Transition::Decide);
        CHECK(repo.dossier(d.id).status == Status::Decided);
    });
}

TEST_CASE("roles_clerkOfAnotherUnitIsRefused_appraiserAppraises_clerkCannot", "[workflow][roles]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        const qint64 person = f.eligiblePerson(2025);
        Dossier d = f.newDossier(2025);
        const qint64 n = f.addPerson(d.id, person);

        f.as(QStringLiteral("clerk"), other);
        CHECK_THROWS_AS(repo.save(d), Core::PermissionError);
        CHECK_THROWS_AS(f.addPerson(d.id, f.ineligiblePerson(QStringLiteral("Ngô Văn Lâm"), other)), Core::PermissionError);
        CHECK_THROWS_AS(repo.transition(d.id, Transition::Submit, QStringLiteral("Hồ sơ giấy gửi kèm")), Core::PermissionError);
        CHECK(repo.list().isEmpty()); // a clerk sees their own subtree's dossiers only
        CHECK(repo.counts().value(Status::Draft) == 0);

        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(repo.list().size() == 1);
        repo.transition(d.id, Transition::Submit, QStringLiteral("Hồ sơ giấy gửi kèm"));
        CHECK_THROWS_AS(repo.transition(d.id, Transition::StartAppraisal), Core::PermissionError);
        f.as(QStringLiteral("appraiser"));
        repo.transition(d.id, Transition::StartAppraisal);
        f.as(QStringLiteral("clerk"), f.unit);
        CHECK_THROWS_AS(repo.appraise(n, true, {}), Core::PermissionError);
        f.as(QStringLiteral("council_secretary"));
        CHECK_THROWS_AS(repo.appraise(n, true, {}), Core::PermissionError);
        f.as(QStringLiteral("appraiser"));
        repo.appraise(n, true, {});
        repo.transition(d.id, Transition::FinishAppraisal);
        f.putOnSitting(d.id);
        CHECK_THROWS_AS(repo.transition(d.id, Transition::PutToCouncil), Core::PermissionError);
        f.as(QStringLiteral("council_secretary"));
        repo.transition(d.id, Transition::PutToCouncil);
        CHECK(repo.dossier(d.id).status == Status::BeforeCouncil);
    });
}

TEST_CASE("history_recordsWhoWhenAndWhy", "[workflow][flow]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        f.as(QStringLiteral("clerk"), f.unit);
        const qint64 d = f.dossierIn(Status::Submitted);
        f.as(QStringLiteral("appraiser"));
        repo.transition(d, Transition::StartAppraisal);
        repo.transition(d, Transition::Return, kReturnReason);

        const QList<Event> h = repo.history(d);
        REQUIRE(h.size() == 4);
        CHECK(h.at(0).transition == QStringLiteral("create"));
        CHECK(h.at(0).fromStatus.isEmpty());
        CHECK(h.at(0).toStatus == QStringLiteral("draft"));
        CHECK(h.at(1).transition == QStringLiteral("submit"));
        CHECK(h.at(1).actor == QStringLiteral("clerk"));
        CHECK(h.at(2).actor == QStringLiteral("appraiser"));
        CHECK(h.at(3).transition == QStringLiteral("return"));
        CHECK(h.at(3).fromStatus == QStringLiteral("under_appraisal"));
        CHECK(h.at(3).toStatus == QStringLiteral("returned"));
        CHECK(h.at(3).reason == kReturnReason);
        for (const Event &e : h) {
            CHECK(e.at >= before);
            CHECK(e.at <= QDateTime::currentDateTimeUtc());
        }
    });
}

TEST_CASE("submittedContent_isRefusedByTheRepository_andByTheDatabaseItself", "[workflow][guards]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        Dossier d = f.newDossier(2025, f.movement());
        const qint64 n = f.addPerson(d.id, f.eligiblePerson(2025), QStringLiteral("GIAYKHEN"));
        const qint64 file = repo.addAttachment(d.id, DocumentKind::ToTrinh, 0, QStringLiteral("to-trinh.pdf"), QByteArray("%PDF"));
        repo.transition(d.id, Transition::Submit, QStringLiteral("Hồ sơ giấy gửi kèm"));
        d = repo.dossier(d.id);
        Nominee nominee = repo.nominee(n);
        REQUIRE(nominee.checklist.size() == 1);

        // The repository refuses first, in words.
        const QString refused = QStringLiteral("can no longer be changed");
        d.title = QStringLiteral("Sửa sau khi gửi");
        CHECK(errorOf([&] { repo.save(d); }).contains(refused));
        nominee.summary = QStringLiteral("Sửa tóm tắt");
        CHECK(errorOf([&] { repo.saveNominee(nominee); }).contains(refused));
        CHECK(errorOf([&] { f.addPerson(d.id, f.eligiblePerson(2025, QStringLiteral("Mai Văn Minh"))); }).contains(refused));
        CHECK(errorOf([&] { repo.removeNominee(n); }).contains(refused));
        CHECK(errorOf([&] { repo.addAttachment(d.id, DocumentKind::Other, 0, QStringLiteral("a.txt"), "a"); }).contains(refused));
        CHECK(errorOf([&] { repo.removeAttachment(file); }).contains(refused));

        // And the database refuses raw SQL on every content table.
        const QString id = QString::number(d.id), nid = QString::number(n);
        const QStringList statements = {
            QStringLiteral("UPDATE dossiers SET title = 'x' WHERE id = %1").arg(id),
            QStringLiteral("DELETE FROM dossiers WHERE id = %1").arg(id),
            QStringLiteral("UPDATE dossier_nominees SET summary = 'x' WHERE id = %1").arg(nid),
            QStringLiteral("INSERT INTO dossier_nominees (dossier_id, unit_id, form_code) VALUES (%1, %2, 'TTLDTT')")
                .arg(id)
                .arg(f.unit),
            QStringLiteral("DELETE FROM dossier_nominees WHERE id = %1").arg(nid),
            QStringLiteral("UPDATE nominee_checklist SET confirmed = 1 WHERE nominee_id = %1").arg(nid),
            QStringLiteral("INSERT INTO nominee_checklist (nominee_id, item_id, text) VALUES (%1, 'x', 'x')").arg(nid),
            QStringLiteral("DELETE FROM nominee_checklist WHERE nominee_id = %1").arg(nid),
            QStringLiteral("UPDATE dossier_attachments SET file_name = 'x.pdf' WHERE dossier_id = %1").arg(id),
            QStringLiteral("INSERT INTO dossier_attachments (dossier_id, kind, file_name, size, sha256, data, added_at) "
                           "VALUES (%1, 'khac', 'x', 0, 'x', '', '2026-01-01')")
                .arg(id),
            QStringLiteral("DELETE FROM dossier_attachments WHERE dossier_id = %1").arg(id),
            QStringLiteral("DELETE FROM dossier_events WHERE dossier_id = %1").arg(id),
        };
        for (const QString &sql : statements) {
            INFO(sql.toStdString());
            CHECK(guardOf(t.db(), sql).contains(QStringLiteral("vinhdanh-protected")));
        }
        CHECK(repo.dossier(d.id).title == QStringLiteral("Đề nghị khen thưởng năm 2025"));
        CHECK(repo.nominees(d.id).size() == 1);
        CHECK(repo.attachments(d.id).size() == 1);
        CHECK(f.count(QStringLiteral("nominee_checklist")) == 1);
        // The status itself moves on (the state machine), the content stays.
        Core::Query::run(t.db().sql(), QStringLiteral("UPDATE dossiers SET status = 'under_appraisal' WHERE id = %1").arg(id));
    });
}

TEST_CASE("candidates_listAProposedPersonWhoIsNotEligible_andMarkTheProposed", "[workflow][eligibility]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 proposedWeak = f.ineligiblePerson(QStringLiteral("Chưa Đạt Được Đề Nghị"));
        const qint64 proposedGood = f.eligiblePerson(2025, QStringLiteral("Đạt Được Đề Nghị"));
        const qint64 notProposed = f.eligiblePerson(2025, QStringLiteral("Đạt Chưa Đề Nghị"));
        const qint64 ignored = f.ineligiblePerson(QStringLiteral("Chưa Đạt Không Đề Nghị"));
        const Dossier d = f.newDossier(2025);
        f.addPerson(d.id, proposedWeak);
        f.addPerson(d.id, proposedGood);

        const QList<Core::Eligibility::Candidate> list = Core::Eligibility::Service(t.db()).candidates(2025);
        auto row = [&](qint64 person, const QString &code) -> const Core::Eligibility::Candidate * {
            const auto it = std::find_if(list.begin(), list.end(),
                                         [&](const auto &c) { return c.personId == person && c.awardCode == code; });
            return it == list.end() ? nullptr : &*it;
        };
        const QString ldtt = QStringLiteral("LDTT");
        REQUIRE(row(proposedWeak, ldtt));
        CHECK(row(proposedWeak, ldtt)->proposed);
        CHECK(row(proposedWeak, ldtt)->verdict == Verdict::NotEligible);
        CHECK_FALSE(row(proposedWeak, QStringLiteral("CSTDCS"))); // proposed for LDTT only
        REQUIRE(row(proposedGood, ldtt));
        CHECK(row(proposedGood, ldtt)->proposed);
        REQUIRE(row(notProposed, ldtt));
        CHECK_FALSE(row(notProposed, ldtt)->proposed);
        CHECK_FALSE(row(ignored, ldtt));
        CHECK(Core::Eligibility::Service(t.db()).candidates(2026).isEmpty()); // another year: nobody

        // With a movement: proposals in that movement count (GIAYKHEN is never swept by itself).
        const qint64 movement = f.movement();
        const Dossier inMovement = f.newDossier(2025, movement);
        f.addPerson(inMovement.id, notProposed, QStringLiteral("GIAYKHEN"));
        const QList<Core::Eligibility::Candidate> swept = Core::Eligibility::Service(t.db()).candidates(2025, movement);
        const auto it = std::find_if(swept.begin(), swept.end(), [&](const auto &c) {
            return c.personId == notProposed && c.awardCode == QStringLiteral("GIAYKHEN");
        });
        REQUIRE(it != swept.end());
        CHECK(it->proposed);
        CHECK(std::none_of(swept.begin(), swept.end(), [&](const auto &c) { return c.personId == proposedWeak; }));
    });
}
