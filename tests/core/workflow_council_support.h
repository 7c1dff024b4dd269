#pragma once
// Fixture of the council and decision tests: an office with people, appraised dossiers and
// council sittings. Dossiers are made with plain SQL (a draft, its nominees, then the status
// and the appraisals), so these tests do not depend on the dossier repository's own checks;
// sittings, items and tallies go through CouncilRepository, the code under test.

#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"

#include <QDateTime>

namespace VinhDanh::Test {

struct NomineeSpec
{
    qint64 personId = 0;
    qint64 unitId = 0;
    QString form;
    bool agreed = true;
};

struct WorkflowOffice
{
    Core::Database &db;
    qint64 unit = 0;

    explicit WorkflowOffice(Core::Database &database) : db(database) { unit = newUnit(QStringLiteral("Sở Khoa học và Công nghệ")); }

    qint64 newUnit(const QString &name)
    {
        Core::Unit u;
        u.name = name;
        u.kind = QStringLiteral("provincial_agency");
        return Core::UnitRepository(db).save(u);
    }

    qint64 person(const QString &name)
    {
        Core::Person p;
        p.fullName = name;
        p.unitId = unit;
        p.category = QStringLiteral("cong_chuc");
        p.position = QStringLiteral("Chuyên viên");
        return Core::PersonRepository(db).save(p);
    }

    /// A dossier of `year` in `status` (appraised by default) with the nominees in order;
    /// their ids are appended to `nominees`.
    qint64 dossier(int year, const QList<NomineeSpec> &specs, QList<qint64> *nominees = nullptr,
                   const QString &status = QStringLiteral("appraised"), qint64 movementId = 0)
    {
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const qint64 id = Core::Query(db.sql(), QStringLiteral("INSERT INTO dossiers (ext_key, unit_id, movement_id, occasion, "
                                                               "year, title, created_at) VALUES (:k, :u, :m, 'annual', :y, "
                                                               ":t, :now) RETURNING id"))
                              .bind(QStringLiteral(":k"), Core::Keys::generate(QStringLiteral("dossier")))
                              .bind(QStringLiteral(":u"), unit)
                              .bindOptional(QStringLiteral(":m"), movementId)
                              .bind(QStringLiteral(":y"), year)
                              .bind(QStringLiteral(":t"), QStringLiteral("Đề nghị khen thưởng năm %1").arg(year))
                              .bind(QStringLiteral(":now"), now)
                              .insertReturningId();
        QList<qint64> ids;
        for (int i = 0; i < specs.size(); ++i)
            ids << Core::Query(db.sql(), QStringLiteral("INSERT INTO dossier_nominees (dossier_id, position, person_id, "
                                                        "unit_id, form_code) VALUES (:d, :p, :person, :unit, :f) RETURNING id"))
                       .bind(QStringLiteral(":d"), id)
                       .bind(QStringLiteral(":p"), i + 1)
                       .bindOptional(QStringLiteral(":person"), specs[i].personId)
                       .bindOptional(QStringLiteral(":unit"), specs[i].unitId)
                       .bind(QStringLiteral(":f"), specs[i].form)
                       .insertReturningId();
        Core::Query(db.sql(), QStringLiteral("UPDATE dossiers SET status = :s WHERE id = :d"))
            .bind(QStringLiteral(":s"), status)
            .bind(QStringLiteral(":d"), id)
            .exec();
        for (int i = 0; i < specs.size(); ++i)
            Core::Query(db.sql(), QStringLiteral("INSERT INTO nominee_appraisals (nominee_id, engine_verdict, agreed, reason, at) "
                                                 "VALUES (:n, 'eligible', :a, :r, :now)"))
                .bind(QStringLiteral(":n"), ids[i])
                .bind(QStringLiteral(":a"), specs[i].agreed ? 1 : 0)
                .bindOptional(QStringLiteral(":r"), specs[i].agreed ? QString() : QStringLiteral("Chưa đủ thành tích"))
                .bind(QStringLiteral(":now"), now)
                .exec();
        if (nominees)
            *nominees << ids;
        return id;
    }

    /// A sitting of `members` members of whom the first `attended` attended.
    qint64 sitting(int members, int attended, const QDate &heldOn = QDate(2025, 12, 10))
    {
        Core::Workflow::Sitting s;
        s.title = QStringLiteral("Phiên họp Hội đồng Thi đua – Khen thưởng");
        s.heldOn = heldOn;
        s.place = QStringLiteral("Phòng họp số 1");
        s.chair = QStringLiteral("Chủ tịch Hội đồng");
        for (int i = 0; i < members; ++i)
            s.members.append({0, 0, QStringLiteral("Thành viên %1").arg(i + 1), QStringLiteral("Ủy viên"), i < attended});
        return Core::Workflow::CouncilRepository(db).save(s);
    }

    QString status(qint64 dossierId) const
    {
        return Core::Query(db.sql(), QStringLiteral("SELECT status FROM dossiers WHERE id = :d"))
            .bind(QStringLiteral(":d"), dossierId)
            .scalar()
            .toString();
    }

    QString outcome(qint64 nomineeId) const
    {
        return Core::Query(db.sql(), QStringLiteral("SELECT outcome FROM nominee_outcomes WHERE nominee_id = :n"))
            .bind(QStringLiteral(":n"), nomineeId)
            .scalar()
            .toString();
    }

    int count(const QString &sql, qint64 id = 0) const
    {
        Core::Query q(db.sql(), sql);
        if (sql.contains(QLatin1String(":id")))
            q.bind(QStringLiteral(":id"), id);
        return q.scalar(0).toInt();
    }
};

/// The full text (message and driver detail) of the Error a raw statement raises, or empty.
inline QString sqlRefusal(Core::Database &db, const QString &sql)
{
    try {
        Core::Query::run(db.sql(), sql);
    } catch (const Core::Error &e) {
        return e.fullText();
    }
    return {};
}

} // namespace VinhDanh::Test
