#include "workflow_fixture.h"

#include "core/db/query.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"

namespace VinhDanh::Test {

using namespace Core::Workflow;

qint64 WorkflowFixture::eligiblePerson(int year, const QString &name, qint64 unitId)
{
    const qint64 id = person(name, unitId);
    rate(Core::Subject::person(id), year - 1, year, QStringLiteral("HTTNV"));
    return id;
}

qint64 WorkflowFixture::ineligiblePerson(const QString &name, qint64 unitId)
{
    return person(name, unitId);
}

qint64 WorkflowFixture::movement(const QString &catalogueKey)
{
    Core::MovementRepository movements(db);
    return movements.copy(movements.idForKey(catalogueKey));
}

Dossier WorkflowFixture::newDossier(int year, qint64 movementId, const QString &occasion, qint64 unitId)
{
    Dossier d;
    d.unitId = unitId ? unitId : unit;
    d.movementId = movementId;
    d.occasion = occasion;
    d.year = year;
    d.title = QStringLiteral("Đề nghị khen thưởng năm %1").arg(year);
    d.letterNo = QStringLiteral("45/TTr-SNV");
    d.letterDate = QDate(year, 12, 1);
    DossierRepository repo(db);
    return repo.dossier(repo.save(d));
}

namespace {
qint64 addNominee(Core::Database &db, qint64 dossierId, qint64 personId, qint64 unitId, const QString &form)
{
    DossierRepository repo(db);
    Nominee n;
    n.dossierId = dossierId;
    n.personId = personId;
    n.unitId = unitId;
    n.formCode = form;
    n.summary = QStringLiteral("Hoàn thành tốt nhiệm vụ được giao");
    for (const EntryWarning &w : repo.warningsFor(repo.dossier(n.dossierId), n))
        if (w.blocksWithoutReason())
            n.proceedReason = QStringLiteral("Đơn vị đề nghị xét đặc cách");
    return repo.saveNominee(n);
}
} // namespace

qint64 WorkflowFixture::addPerson(qint64 dossierId, qint64 personId, const QString &form)
{
    return addNominee(db, dossierId, personId, 0, form);
}

qint64 WorkflowFixture::addUnit(qint64 dossierId, qint64 unitId, const QString &form)
{
    return addNominee(db, dossierId, 0, unitId, form);
}

void WorkflowFixture::attachRequired(qint64 dossierId)
{
    DossierRepository repo(db);
    for (const RequiredDocument &r : repo.requiredDocuments(dossierId))
        if (!r.present)
            repo.addAttachment(dossierId, r.kind, r.nomineeId,
                               QStringLiteral("%1-%2.pdf").arg(documentKindCode(r.kind)).arg(r.nomineeId), QByteArray("%PDF-1.4"));
}

qint64 WorkflowFixture::dossierIn(Status status, QList<qint64> people)
{
    if (people.isEmpty())
        people << eligiblePerson(2025);
    const qint64 d = newDossier(2025).id;
    for (qint64 p : people)
        addPerson(d, p);
    DossierRepository repo(db);
    if (status == Status::Draft)
        return d;
    repo.transition(d, Transition::Submit, QStringLiteral("Hồ sơ giấy gửi kèm qua đường văn thư"));
    if (status == Status::Submitted)
        return d;
    repo.transition(d, Transition::StartAppraisal);
    if (status == Status::UnderAppraisal)
        return d;
    if (status == Status::Returned) {
        repo.transition(d, Transition::Return, QStringLiteral("Thiếu báo cáo thành tích"));
        return d;
    }
    for (const Nominee &n : repo.nominees(d))
        repo.appraise(n.id, true, {}, QStringLiteral("Đối chiếu hồ sơ gốc: đủ tiêu chuẩn"));
    repo.transition(d, Transition::FinishAppraisal);
    if (status == Status::Appraised)
        return d;
    putOnSitting(d);
    repo.transition(d, Transition::PutToCouncil);
    if (status == Status::BeforeCouncil)
        return d;
    for (const Nominee &n : repo.nominees(d))
        repo.recordOutcome(n.id, QStringLiteral("not_awarded"), QStringLiteral("Hội đồng không đủ số phiếu đồng ý"));
    repo.transition(d, Transition::Decide);
    return d;
}

qint64 WorkflowFixture::putOnSitting(qint64 dossierId, bool passed)
{
    const qint64 session =
        Core::Query(db.sql(), QStringLiteral("INSERT INTO council_sessions (ext_key, title, held_on, year, quorum_num, quorum_den) "
                                             "VALUES (:key, 'Phiên họp Hội đồng', '2026-01-10', 2025, 2, 3) RETURNING id"))
            .bind(QStringLiteral(":key"), Core::Keys::generate(QStringLiteral("session")))
            .insertReturningId();
    Core::Query(db.sql(), QStringLiteral("INSERT INTO council_items (session_id, nominee_id, position, passed) "
                                         "SELECT :s, a.nominee_id, n.position, :passed FROM nominee_appraisals a "
                                         "JOIN dossier_nominees n ON n.id = a.nominee_id WHERE n.dossier_id = :d AND a.agreed = 1"))
        .bind(QStringLiteral(":s"), session)
        .bind(QStringLiteral(":passed"), passed ? QVariant(1) : QVariant(QMetaType(QMetaType::Int)))
        .bind(QStringLiteral(":d"), dossierId)
        .exec();
    return session;
}

void WorkflowFixture::as(const QString &role, qint64 unitId)
{
    static qint64 nextAccount = 1000;
    db.setSession(Core::Session{++nextAccount, role, role, unitId});
}

void WorkflowFixture::asNobody()
{
    db.setSession({});
}

int WorkflowFixture::count(const QString &table)
{
    return Core::Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1").arg(table)).scalar(0).toInt();
}

} // namespace VinhDanh::Test
