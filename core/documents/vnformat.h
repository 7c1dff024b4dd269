#pragma once

#include <QDate>
#include <QString>

namespace VinhDanh::Documents {

/// Vietnamese wording and formats that official documents need.
namespace VnFormat {

/// A whole number read out in Vietnamese, lower case: 2340000 → "hai triệu ba trăm bốn mươi
/// nghìn"; 1005000000 → "một tỷ không trăm linh năm triệu"; 0 → "không". Negative numbers
/// start with "âm".
QString numberInWords(qint64 n);
/// An amount of money in words for a decision: capitalised, with "đồng":
/// 2340000 → "Hai triệu ba trăm bốn mươi nghìn đồng".
QString amountInWords(qint64 dong);
/// An amount in figures with dots between thousands, as QLocale(vi_VN) writes it: "2.340.000".
QString amount(qint64 dong);

/// "Thanh Hóa, ngày 05 tháng 01 năm 2026" (Decree 30/2020: a leading 0 for days 1–9 and for
/// months 1 and 2 only). An invalid date leaves blanks to fill by hand.
QString placeDate(const QString &place, const QDate &date);
/// "ngày 05 tháng 01 năm 2026".
QString longDate(const QDate &date);
/// "Số: 05/TTr-SNV" from "5/TTr-SNV" or "05/TTr-SNV" (a leading 0 below 10); a number that is
/// only a suffix ("TTr-SNV") leaves a blank before the slash for the register's number.
QString numberLine(const QString &number);
/// "05/01/2026".
QString shortDate(const QDate &date);
/// How many collectives and individuals, as decisions and tờ trình write it: two digits and a
/// group that has none left out ("05 tập thể và 04 cá nhân", "02 cá nhân"); empty for none.
QString whoCount(int collectives, int individuals);

} // namespace VnFormat

} // namespace VinhDanh::Documents
