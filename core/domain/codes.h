#pragma once

#include <QList>
#include <QString>

namespace VinhDanh::Core {

/// A stored code and the label a clerk reads (translated: Vietnamese by default).
struct CodeLabel
{
    QString code;
    QString label;
};

/// The fixed vocabularies of the registry. Codes are stable ASCII text stored in the database
/// and the interchange file; labels are for people. Each set lists its codes in display order.
namespace Codes {

enum class Set {
    UnitKind,        // provincial_agency, commune_ward, department, enterprise, front_org, social_org, cooperative
    BlocKind,        // cum, khoi
    PersonCategory,  // can_bo, cong_chuc, vien_chuc, nguoi_lao_dong, doanh_nhan, nhan_dan
    Gender,          // male, female
    TaskRating,      // HTXSNV, HTTNV, HTNV, KHTNV (best first)
    AwardKind,       // cong_trang, dot_xuat, theo_dot, cong_hien
    InitiativeLevel, // co_so, tinh, toan_quoc
    DisciplineKind,  // khien_trach, canh_cao, ha_bac_luong, giang_chuc, cach_chuc, buoc_thoi_viec, khac
    Occasion,        // annual, so_ket, tong_ket
    Recipients,      // individual, collective, both
};

QList<CodeLabel> list(Set set);
bool isValid(Set set, const QString &code);
/// The label of a code, or the code itself when unknown (never an empty cell).
QString label(Set set, const QString &code);
/// The codes of a set joined for messages: "HTXSNV, HTTNV, HTNV, KHTNV".
QString codesText(Set set);

} // namespace Codes
} // namespace VinhDanh::Core
