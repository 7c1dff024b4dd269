#pragma once
// An issued-decision scene shared by the decision and certificate tests.

#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/documents/letterhead.h"
#include "core/proposals/paydata.h"
#include "tests/core/workflow_council_support.h"

#include <catch2/catch.hpp>

namespace VinhDanh::Test {

namespace Wf = Core::Workflow;
using Documents::Letterhead;

// Rates set by the test from 1 January 2026 (not the seeded ones): base 2,500,000 đồng,
// Bằng khen for a person 1.0 → 2,500,000; Tập thể lao động xuất sắc 1.5 → 3,750,000.
inline const qint64 kBase = 2500000;
inline const qint64 kBangKhen = 2500000;
inline const qint64 kCollective = 3750000;
inline const qint64 kTotal = 2 * kBangKhen + kCollective; // 8,750,000
inline const QString kAuthorityReason = QStringLiteral("Chủ tịch UBND tỉnh tặng theo Điều 27 Luật Thi đua, khen thưởng");
inline const QString kTotalInWords = QStringLiteral("Tám triệu bảy trăm năm mươi nghìn đồng");

/// A People's Committee letterhead; a closed sitting that passed An, a unit and Bình (in that
/// order); a draft decision of the sitting with its list filled.
struct DecisionCase
{
    Test::WorkflowOffice office;
    qint64 session = 0;
    Wf::Decision draft;
    explicit DecisionCase(Core::Database &db) : office(db)
    {
        Letterhead l = Letterhead::load(db);
        l.parentBody.clear();
        l.body = QStringLiteral("ỦY BAN NHÂN DÂN TỈNH THANH HÓA");
        l.abbreviation = QStringLiteral("UBND");
        l.place = QStringLiteral("Thanh Hóa");
        l.headTitle = QStringLiteral("Chủ tịch");
        l.collectiveName = QStringLiteral("Ủy ban nhân dân");
        l.recipients = {QStringLiteral("Như trên;"), QStringLiteral("Sở Nội vụ;"), QStringLiteral("Lưu: VT.")};
        l.save(db);

        Wf::PayData pay(db);
        Wf::BaseSalary base{0, QDate(2026, 1, 1), kBase, QStringLiteral("test")};
        pay.saveBaseSalary(base);
        Wf::Coefficient bk{0, QStringLiteral("BK_TINH"), QStringLiteral("individual"), QDate(2026, 1, 1), 1000, {}, true};
        pay.saveCoefficient(bk);
        Wf::Coefficient unit{0, QStringLiteral("TTLDXS"), QStringLiteral("collective"), QDate(2026, 1, 1), 1500, {}, true};
        pay.saveCoefficient(unit);
        REQUIRE(Wf::Money::bonus(1000, kBase) == kBangKhen);
        REQUIRE(Wf::Money::bonus(1500, kBase) == kCollective);

        QList<qint64> nominees;
        office.dossier(2025,
                       {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")},
                        {0, office.unit, QStringLiteral("TTLDXS")},
                        {office.person(QStringLiteral("Trần Thị Bình")), 0, QStringLiteral("BK_TINH")}},
                       &nominees, QStringLiteral("before_council"));
        session = office.sitting(9, 9);
        Wf::CouncilRepository council(db);
        for (qint64 n : nominees)
            council.recordTally(council.addItem(session, n), 9, 0, 0);
        council.close(session);

        Wf::DecisionRepository decisions(db);
        draft.registerNo = 17;
        draft.date = QDate(2026, 1, 15);
        draft.title = QStringLiteral("Về việc tặng Bằng khen và công nhận danh hiệu thi đua năm 2025");
        draft.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        draft.signerTitle = QStringLiteral("Phó Chủ tịch");
        draft.authority = QStringLiteral("KT");
        decisions.save(draft);
        decisions.fillFromCouncil(draft.id, session);
    }

    Wf::Decision issue()
    {
        Wf::DecisionRepository decisions(office.db);
        // Who awards Tập thể lao động xuất sắc is unconfirmed (award_authority.json): the
        // clerk's reason goes with the issue and into the ledger rows' note.
        decisions.issue(draft.id, kAuthorityReason);
        return decisions.decision(draft.id);
    }
};

} // namespace VinhDanh::Test
