// Proposal dossiers: the header, nominees and their entry warnings, attachments, the path
// through the office (recall, return, resubmit, appraisal) and its history.
#include "core/error.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include "core/db/query.h"
#include "core/registry/movementrepository.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>

#include <algorithm>

using namespace VinhDanh;
using namespace VinhDanh::Core::Workflow;
using Core::Subject;
using Test::errorOf;

namespace {
bool hasWarning(const QList<EntryWarning> &warnings, EntryWarning::Kind kind, const QString &text = {})
{
    return std::any_of(warnings.begin(), warnings.end(),
                       [&](const EntryWarning &w) { return w.kind == kind && w.message.contains(text); });
}

Nominee personNominee(qint64 dossierId, qint64 personId, const QString &form)
{
    Nominee n;
    n.dossierId = dossierId;
    n.personId = personId;
    n.formCode = form;
    return n;
}
} // namespace

TEST_CASE("saveDossier_refusesWhatIsInvalid_withAClearMessage_andWritesNothing", "[workflow][dossier]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 movement = f.movement(); // annual; so_ket 2027; tong_ket 2030
        // A plan with reviews only: a copy of catalogue-000 without its annual awards (the
        // catalogue itself now offers Giấy khen every year in each of its movements).
        const qint64 tongKetOnly = f.movement(QStringLiteral("catalogue-000"));
        {
            Core::MovementRepository movements(t.db());
            Core::Movement reviews = *movements.get(tongKetOnly);
            reviews.awards.erase(std::remove_if(reviews.awards.begin(), reviews.awards.end(),
                                                [](const Core::MovementAward &a) { return a.occasion == QLatin1String("annual"); }),
                                 reviews.awards.end());
            movements.save(reviews);
        }
        auto attempt = [&](auto change) {
            Dossier d;
            d.unitId = f.unit;
            d.year = 2025;
            d.title = QStringLiteral("Đề nghị khen thưởng");
            change(d);
            return errorOf([&] { repo.save(d); });
        };
        CHECK(attempt([](Dossier &d) { d.title = QStringLiteral("  "); }).contains(QStringLiteral("title")));
        CHECK(attempt([](Dossier &d) { d.unitId = 0; }).contains(QStringLiteral("proposing unit")));
        CHECK(attempt([](Dossier &d) { d.year = 1900; }).contains(QStringLiteral("1900")));
        CHECK(attempt([](Dossier &d) { d.occasion = QStringLiteral("quarterly"); }).contains(QStringLiteral("quarterly")));
        CHECK(attempt([](Dossier &d) { d.occasion = QStringLiteral("so_ket"); }).contains(QStringLiteral("regular track")));
        CHECK(attempt([&](Dossier &d) { d.movementId = tongKetOnly; }).contains(QStringLiteral("choose one of")));
        CHECK(attempt([&](Dossier &d) {
                  d.movementId = movement;
                  d.occasion = QStringLiteral("so_ket");
                  d.year = 2026;
              }).contains(QStringLiteral("2027")));
        CHECK(f.count(QStringLiteral("dossiers")) == 0);
        CHECK(f.count(QStringLiteral("dossier_events")) == 0);

        CHECK(attempt([&](Dossier &d) {
                  d.movementId = movement;
                  d.occasion = QStringLiteral("so_ket");
                  d.year = 2027;
              }).isEmpty());
        const Dossier made = f.newDossier(2025);
        CHECK(made.key.startsWith(QStringLiteral("dossier-")));
        CHECK(made.status == Status::Draft);
        CHECK(made.unitName == QStringLiteral("Sở Nội vụ"));
        CHECK(made.createdAt.isValid());
        REQUIRE(repo.history(made.id).size() == 1);
        CHECK(repo.history(made.id).first().transition == QStringLiteral("create"));
        CHECK(repo.idForKey(made.key) == made.id);
    });
}

TEST_CASE("listAndCounts_filterByStatusMovementYearAndNominee", "[workflow][dossier]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 person = f.eligiblePerson(2025);
        const qint64 submitted = f.dossierIn(Status::Submitted, {person});
        const qint64 movement = f.movement();
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        const Dossier draft = f.newDossier(2026, movement, QStringLiteral("annual"), other);

        CHECK(repo.list().size() == 2);
        CHECK(repo.list().first().id == draft.id); // newest first
        DossierFilter byStatus;
        byStatus.anyStatus = false;
        byStatus.status = Status::Submitted;
        REQUIRE(repo.list(byStatus).size() == 1);
        CHECK(repo.list(byStatus).first().id == submitted);
        CHECK(repo.list(byStatus).first().nomineeCount == 1);
        DossierFilter byMovement;
        byMovement.movementId = movement;
        CHECK(repo.list(byMovement).size() == 1);
        DossierFilter byYear;
        byYear.year = 2025;
        CHECK(repo.list(byYear).size() == 1);
        DossierFilter byPerson;
        byPerson.personId = person;
        CHECK(repo.list(byPerson).size() == 1);
        DossierFilter byUnit;
        byUnit.unitId = other;
        CHECK(repo.list(byUnit).size() == 1);
        f.addUnit(draft.id, f.unit, QStringLiteral("TTLDTT"));
        byUnit.unitId = f.unit; // the proposing unit of one, a nominee of the other
        CHECK(repo.list(byUnit).size() == 2);

        const StatusCounts counts = repo.counts();
        CHECK(counts.value(Status::Draft) == 1);
        CHECK(counts.value(Status::Submitted) == 1);
        CHECK(counts.value(Status::Decided) == 0);
    });
}

TEST_CASE("removeDossier_onlyADraft_andItsNomineesChecklistAndFilesGoWithIt", "[workflow][dossier]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 movement = f.movement();
        const Dossier d = f.newDossier(2025, movement);
        const qint64 n = f.addPerson(d.id, f.eligiblePerson(2025), QStringLiteral("GIAYKHEN"));
        repo.addAttachment(d.id, DocumentKind::BaoCaoThanhTich, n, QStringLiteral("baocao.pdf"), QByteArray("%PDF-1.4"));
        CHECK(f.count(QStringLiteral("nominee_checklist")) == 1);

        const qint64 submitted = f.dossierIn(Status::Submitted);
        CHECK(errorOf([&] { repo.remove(submitted); }).contains(QStringLiteral("Only a draft")));
        repo.remove(d.id);
        CHECK(repo.idForKey(d.key) == 0);
        CHECK(f.count(QStringLiteral("nominee_checklist")) == 0);
        CHECK(f.count(QStringLiteral("dossier_attachments")) == 0);
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 1); // the submitted one's
    });
}

TEST_CASE("nomineeWarning_duplicateInTheSameMovementYearAndOccasion_namesTheOtherDossier", "[workflow][nominee]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 movement = f.movement();
        const qint64 person = f.eligiblePerson(2025);
        Dossier first = f.newDossier(2025, movement);
        first.title = QStringLiteral("Hồ sơ phong trào chuyển đổi số");
        repo.save(first);
        f.addPerson(first.id, person, QStringLiteral("GIAYKHEN"));

        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        const Dossier second = f.newDossier(2025, movement, QStringLiteral("annual"), other);
        const QList<EntryWarning> w = repo.warningsFor(second, personNominee(second.id, person, QStringLiteral("BK_TINH")));
        CHECK(hasWarning(w, EntryWarning::Kind::DuplicateInMovement, QStringLiteral("Hồ sơ phong trào chuyển đổi số")));
        CHECK(hasWarning(w, EntryWarning::Kind::DuplicateInMovement, first.key));
        CHECK(hasWarning(w, EntryWarning::Kind::DuplicateInMovement, statusLabel(Status::Draft).toLower()));

        // Another year, another occasion, the regular track: no duplicate.
        const Dossier later = f.newDossier(2026, movement);
        CHECK_FALSE(hasWarning(repo.warningsFor(later, personNominee(later.id, person, QStringLiteral("GIAYKHEN"))),
                               EntryWarning::Kind::DuplicateInMovement));
        const Dossier soKet = f.newDossier(2027, movement, QStringLiteral("so_ket"));
        CHECK_FALSE(hasWarning(repo.warningsFor(soKet, personNominee(soKet.id, person, QStringLiteral("GIAYKHEN"))),
                               EntryWarning::Kind::DuplicateInMovement));
        const Dossier regular = f.newDossier(2025);
        CHECK_FALSE(hasWarning(repo.warningsFor(regular, personNominee(regular.id, person, QStringLiteral("LDTT"))),
                               EntryWarning::Kind::DuplicateInMovement));
        // On the regular track: the same year without a movement. The nominee itself is no duplicate.
        const qint64 own = f.addPerson(regular.id, person, QStringLiteral("LDTT"));
        CHECK(repo.nominee(own).warnings.filter(QStringLiteral("already proposed")).isEmpty());
        const Dossier regular2 = f.newDossier(2025, 0, QStringLiteral("annual"), other);
        CHECK(hasWarning(repo.warningsFor(regular2, personNominee(regular2.id, person, QStringLiteral("LDTT"))),
                         EntryWarning::Kind::DuplicateInMovement, regular.key));
    });
}

TEST_CASE("nomineeWarning_alreadyReceivedInsideTheRepeatWindow_includingItsFirstYear", "[workflow][nominee]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        // BK_TINH: repeat window 2 years (workflow_defaults.json).
        const qint64 person = f.eligiblePerson(2025);
        f.award(Subject::person(person), QStringLiteral("BK_TINH"), 2024);
        const Dossier in2025 = f.newDossier(2025);
        const QList<EntryWarning> w = repo.warningsFor(in2025, personNominee(in2025.id, person, QStringLiteral("BK_TINH")));
        CHECK(hasWarning(w, EntryWarning::Kind::AlreadyReceived, QStringLiteral("2024")));
        CHECK(hasWarning(w, EntryWarning::Kind::AlreadyReceived, QStringLiteral("2024/QĐ-UBND")));
        const Dossier in2026 = f.newDossier(2026);
        CHECK_FALSE(hasWarning(repo.warningsFor(in2026, personNominee(in2026.id, person, QStringLiteral("BK_TINH"))),
                               EntryWarning::Kind::AlreadyReceived));
        // Another form is no repeat; the same year is.
        CHECK_FALSE(hasWarning(repo.warningsFor(in2025, personNominee(in2025.id, person, QStringLiteral("GIAYKHEN"))),
                               EntryWarning::Kind::AlreadyReceived));
        f.award(Subject::person(person), QStringLiteral("LDTT"), 2025);
        CHECK(hasWarning(repo.warningsFor(in2025, personNominee(in2025.id, person, QStringLiteral("LDTT"))),
                         EntryWarning::Kind::AlreadyReceived, QStringLiteral("2025")));
        // A warning that does not block is kept with the nominee for the appraiser.
        const qint64 n = f.addPerson(in2025.id, person, QStringLiteral("BK_TINH"));
        CHECK(repo.nominee(n).warnings.filter(QStringLiteral("2024/QĐ-UBND")).size() == 1);
    });
}

TEST_CASE("notEligibleNominee_isRefusedWithoutAReasonNamingWhatIsMissing_andTheReasonIsKept", "[workflow][nominee]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier d = f.newDossier(2025);
        const qint64 person = f.ineligiblePerson();
        Nominee n = personNominee(d.id, person, QStringLiteral("LDTT"));
        const QList<EntryWarning> w = repo.warningsFor(d, n);
        REQUIRE(hasWarning(w, EntryWarning::Kind::NotEligible));
        CHECK(w.first().result.verdict == Core::Eligibility::Verdict::NotEligible);

        const QString error = errorOf([&] { repo.saveNominee(n); });
        CHECK(error.contains(QStringLiteral("no task rating recorded for 2025")));
        CHECK(error.contains(QStringLiteral("give the reason")));
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 0);

        n.proceedReason = QStringLiteral("Có thành tích đột xuất trong phòng chống bão lụt");
        const qint64 id = repo.saveNominee(n);
        const Nominee stored = repo.nominee(id);
        CHECK(stored.proceedReason == n.proceedReason);
        CHECK(stored.engineVerdict == QStringLiteral("not_eligible"));
        CHECK(stored.ruleSet.startsWith(QStringLiteral("luat-06-2022-nd-152-2025 v")));
        CHECK(stored.warnings.filter(QStringLiteral("no task rating recorded for 2025")).size() == 1);
        CHECK(stored.name == QStringLiteral("Trần Thị Bình"));
        CHECK(stored.context.contains(QStringLiteral("Sở Nội vụ")));
        CHECK(stored.awardKind == QStringLiteral("cong_trang"));

        // Every form gets the engine's answer now (issue 13), HCLĐ hạng Nhì included: its
        // verdict and rule set are stored with the nominee like any other.
        Nominee order = personNominee(d.id, f.eligiblePerson(2025, QStringLiteral("Lê Văn Cường")), QStringLiteral("HCLD_2"));
        order.proceedReason = QStringLiteral("Thành tích xuất sắc đột xuất, đề nghị cấp trên xem xét");
        repo.saveNominee(order);
        CHECK_FALSE(order.engineVerdict.isEmpty());
        CHECK(order.ruleSet.startsWith(QStringLiteral("luat-06-2022-nd-152-2025 v")));
    });
}

TEST_CASE("saveNominee_checksTheRecipientKind_andChoosesTheAwardKindByTrack", "[workflow][nominee]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier regular = f.newDossier(2025);
        const qint64 person = f.eligiblePerson(2025);
        Nominee wrong = personNominee(regular.id, person, QStringLiteral("TTLDTT"));
        CHECK(errorOf([&] { repo.saveNominee(wrong); }).contains(QStringLiteral("not to individuals")));
        Nominee none = personNominee(regular.id, 0, QStringLiteral("LDTT"));
        CHECK(errorOf([&] { repo.saveNominee(none); }).contains(QStringLiteral("either a person or a unit")));
        Nominee both = personNominee(regular.id, person, QStringLiteral("LDTT"));
        both.unitId = f.unit;
        CHECK(errorOf([&] { repo.saveNominee(both); }).contains(QStringLiteral("either a person or a unit")));
        Nominee unknown = personNominee(regular.id, person, QStringLiteral("XYZ"));
        CHECK(errorOf([&] { repo.saveNominee(unknown); }).contains(QStringLiteral("XYZ")));
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 0);

        const Dossier inMovement = f.newDossier(2025, f.movement());
        Nominee certificate = personNominee(inMovement.id, person, QStringLiteral("GIAYKHEN"));
        repo.saveNominee(certificate);
        CHECK(certificate.awardKind == QStringLiteral("theo_dot"));
        Nominee title = personNominee(inMovement.id, f.eligiblePerson(2025, QStringLiteral("Phạm Thị Dung")), QStringLiteral("LDTT"));
        title.awardKind = QStringLiteral("theo_dot");
        // The movement offers only Giấy khen each year: the title needs the clerk's reason.
        CHECK(errorOf([&] { repo.saveNominee(title); }).contains(QStringLiteral("does not offer")));
        title.proceedReason = QStringLiteral("Danh hiệu xét theo năm, đề nghị cùng hồ sơ phong trào");
        repo.saveNominee(title);
        CHECK(title.awardKind == QStringLiteral("cong_trang"));
        Nominee regularOne = personNominee(regular.id, person, QStringLiteral("GIAYKHEN"));
        repo.saveNominee(regularOne);
        CHECK(regularOne.awardKind == QStringLiteral("cong_trang"));
        CHECK(repo.nominees(inMovement.id).size() == 2);
        CHECK(repo.nominees(inMovement.id).at(1).position == 2);
    });
}

TEST_CASE("standardChecklist_isTheMovementsStandardsForTheNomineesCategory_andConfirmingItReachesTheEngine", "[workflow][nominee]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier d = f.newDossier(2025, f.movement());
        const qint64 person = f.eligiblePerson(2025); // cong_chuc: category ca_nhan_can_bo
        const QList<ChecklistItem> items = repo.standardChecklist(d, personNominee(d.id, person, QStringLiteral("GIAYKHEN")));
        REQUIRE(items.size() == 1);
        CHECK(items.first().itemId == QStringLiteral("movement-4-1"));
        CHECK(items.first().text.startsWith(QStringLiteral("Cán bộ, công chức, viên chức nỗ lực")));
        CHECK_FALSE(items.first().confirmed);
        CHECK(repo.standardChecklist(f.newDossier(2025), personNominee(d.id, person, QStringLiteral("LDTT"))).isEmpty());

        // A new nominee gets the checklist; confirming a line is a confirmation the engine reads.
        const qint64 id = f.addPerson(d.id, person, QStringLiteral("GIAYKHEN"));
        Nominee n = repo.nominee(id);
        REQUIRE(n.checklist.size() == 1);
        auto movementNode = [&](const Nominee &x) { return *Test::find(repo.evaluate(x).conditions, QStringLiteral("movement")); };
        CHECK(movementNode(n).state == Core::Eligibility::Verdict::NeedsReview);
        n.checklist[0].confirmed = true;
        n.checklist[0].evidence = QStringLiteral("Sáng kiến cấp tỉnh năm 2025");
        repo.saveNominee(n);
        const Nominee stored = repo.nominee(id);
        CHECK(stored.checklist.first().confirmed);
        CHECK(stored.checklist.first().evidence == QStringLiteral("Sáng kiến cấp tỉnh năm 2025"));
        CHECK(movementNode(stored).state == Core::Eligibility::Verdict::Eligible);
    });
}

TEST_CASE("requiredDocuments_areLetterListOneReportPerNomineeAndMinutes_markedWhenAttached", "[workflow][attachments]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier d = f.newDossier(2025);
        const qint64 a = f.addPerson(d.id, f.eligiblePerson(2025));
        const qint64 b = f.addPerson(d.id, f.eligiblePerson(2025, QStringLiteral("Võ Thị Em")));
        const QByteArray pdf("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n");
        const qint64 letter = repo.addAttachment(d.id, DocumentKind::ToTrinh, 0, QStringLiteral("/tmp/to-trinh.pdf"), pdf);
        repo.addAttachment(d.id, DocumentKind::BaoCaoThanhTich, b, QStringLiteral("bao-cao.pdf"), pdf);

        const QList<RequiredDocument> docs = repo.requiredDocuments(d.id);
        REQUIRE(docs.size() == 5);
        CHECK(docs.at(0).kind == DocumentKind::ToTrinh);
        CHECK(docs.at(0).present);
        CHECK(docs.at(1).kind == DocumentKind::DanhSach);
        CHECK_FALSE(docs.at(1).present);
        CHECK(docs.at(2).nomineeId == a);
        CHECK_FALSE(docs.at(2).present);
        CHECK(docs.at(3).nomineeId == b);
        CHECK(docs.at(3).label.contains(QStringLiteral("Võ Thị Em")));
        CHECK(docs.at(3).present);
        CHECK(docs.at(4).kind == DocumentKind::BienBan);
        CHECK_FALSE(docs.at(4).present);

        const Attachment stored = repo.attachments(d.id).first();
        CHECK(stored.id == letter);
        CHECK(stored.fileName == QStringLiteral("to-trinh.pdf"));
        CHECK(stored.size == pdf.size());
        CHECK(stored.mime == QStringLiteral("application/pdf"));
        CHECK(stored.sha256 == QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
        CHECK(stored.addedAt.isValid());
        CHECK(repo.attachmentData(letter) == pdf);

        CHECK(errorOf([&] {
                  repo.addAttachment(d.id, DocumentKind::BaoCaoThanhTich, 0, QStringLiteral("x.pdf"), pdf);
              }).contains(QStringLiteral("nominee")));
        const QByteArray huge(50 * 1024 * 1024 + 1, 'x');
        CHECK(errorOf([&] {
                  repo.addAttachment(d.id, DocumentKind::Other, 0, QStringLiteral("scan.tif"), huge);
              }).contains(QStringLiteral("at most 50 MB")));
        CHECK(errorOf([&] {
                  repo.addAttachmentFile(d.id, DocumentKind::Other, 0, QStringLiteral("/nonexistent/bb.pdf"));
              }).contains(QStringLiteral("/nonexistent/bb.pdf")));
        CHECK(repo.attachments(d.id).size() == 2);
        repo.removeAttachment(letter);
        CHECK_FALSE(repo.requiredDocuments(d.id).first().present);
    });
}
