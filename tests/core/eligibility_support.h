#pragma once
// Shared fixture for the eligibility tests: a small office built through the repositories, and
// checks through Eligibility::Service (the code the GUI and the CLI call).

#include "core/db/database.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"

#include <functional>

namespace VinhDanh::Test {

struct Office
{
    Core::Database &db;
    qint64 unit = 0;

    explicit Office(Core::Database &database, const QString &unitKind = QStringLiteral("provincial_agency")) : db(database)
    {
        unit = newUnit(QStringLiteral("Sở Nội vụ"), unitKind);
    }
    qint64 newUnit(const QString &name, const QString &kind = QStringLiteral("department"))
    {
        Core::Unit u;
        u.name = name;
        u.kind = kind;
        return Core::UnitRepository(db).save(u);
    }
    qint64 person(const QString &name, qint64 unitId = 0, const QString &category = QStringLiteral("cong_chuc"))
    {
        Core::Person p;
        p.fullName = name;
        p.unitId = unitId ? unitId : unit;
        p.category = category;
        return Core::PersonRepository(db).save(p);
    }
    void rate(const Core::Subject &s, int from, int to, const QString &rating)
    {
        for (int y = from; y <= to; ++y)
            Core::RecordRepository(db).setRating({0, s, y, rating, {}});
    }
    qint64 award(const Core::Subject &s, const QString &form, int year, const QString &kind = QStringLiteral("cong_trang"))
    {
        Core::Award a;
        a.subject = s;
        a.formCode = form;
        a.kind = kind;
        a.year = year;
        a.decisionNo = QStringLiteral("%1/QĐ-UBND").arg(year);
        a.decisionDate = QDate(year + 1, 1, 15);
        return Core::RecordRepository(db).saveAward(a);
    }
    qint64 initiative(qint64 personId, const QString &title, const QString &level, int year, qint64 usedFor = 0)
    {
        Core::Initiative i;
        i.title = title;
        i.level = level;
        i.decisionNo = QStringLiteral("SK-%1").arg(year);
        i.decisionDate = QDate(year, 10, 1);
        i.holderIds = {personId};
        i.usedForAwardId = usedFor;
        return Core::RecordRepository(db).saveInitiative(i);
    }
    void discipline(const Core::Subject &s, const QString &kind, const QDate &start, const QDate &end)
    {
        Core::Discipline d;
        d.subject = s;
        d.kind = kind;
        d.startDate = start;
        d.endDate = end;
        d.decisionNo = QStringLiteral("KL-1");
        Core::RecordRepository(db).saveDiscipline(d);
    }
    Core::Eligibility::Result check(const Core::Subject &s, const QString &code, int year,
                                    const QMap<QString, QString> &confirmations = {}, const QDate &date = {}, qint64 movement = 0)
    {
        Core::Eligibility::Request r;
        r.personId = s.personId;
        r.unitId = s.unitId;
        r.awardCode = code;
        r.year = year;
        r.confirmations = confirmations;
        r.evaluationDate = date;
        r.movementId = movement;
        return Core::Eligibility::Service(db).evaluate(r);
    }
};

/// The condition with this id anywhere in the trace, or nullptr.
inline const Core::Eligibility::ConditionResult *find(const QList<Core::Eligibility::ConditionResult> &list, const QString &id)
{
    for (const auto &c : list) {
        if (c.id == id)
            return &c;
        if (const auto *f = find(c.children, id))
            return f;
    }
    return nullptr;
}

/// Every condition waiting for the clerk, confirmed with a note: what a clerk does after checking.
inline QMap<QString, QString> confirmAll(const Core::Eligibility::Result &r)
{
    QMap<QString, QString> out;
    std::function<void(const QList<Core::Eligibility::ConditionResult> &)> walk = [&](const auto &list) {
        for (const auto &c : list) {
            if (c.state == Core::Eligibility::Verdict::NeedsReview && c.children.isEmpty())
                out.insert(c.id, QStringLiteral("Đã kiểm tra hồ sơ"));
            walk(c.children);
        }
    };
    walk(r.conditions);
    return out;
}

/// A small rule set "test-<year>" taking effect on 1 January of `year`, with one rule: LĐTT
/// needs one HTXSNV year. Enough to replace a built-in set from that date.
inline QByteArray minimalRuleSet(int year)
{
    return QStringLiteral(R"({
  "format": "vinhdanh-rules",
  "formatVersion": 1,
  "id": "test-%1",
  "version": 1,
  "title": "Bộ quy tắc thử nghiệm %1",
  "citations": ["Văn bản giả định cho kiểm thử"],
  "effectiveFrom": "%1-01-01",
  "awards": [
    {
      "code": "LDTT",
      "name": "Lao động tiên tiến",
      "recipients": "individual",
      "condition": {
        "id": "htxs",
        "type": "ratingStreak",
        "description": "Hoàn thành xuất sắc nhiệm vụ",
        "minRating": "HTXSNV",
        "years": 1
      }
    }
  ]
}
)")
        .arg(year)
        .toUtf8();
}

} // namespace VinhDanh::Test
