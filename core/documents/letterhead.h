#pragma once

#include <QList>
#include <QString>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// Someone who signs the office's documents, as the signature block prints them.
struct Signer
{
    QString name;      // "Nguyễn Văn An"
    QString title;     // "Phó Giám đốc"
    QString authority; // "" | TM | KT | Q — how they usually sign
};

/// The office's letterhead, set once (Settings ▸ Letterhead) and used by every document: the
/// issuing body and its parent (box 2 of Decree 30/2020), the place name of the date line,
/// the body's abbreviation in document numbers ("TTr-SNV"), who signs, the head's title (what
/// "KT." signs for), and the usual recipients. Stored in office_settings (keys letterhead.*),
/// so it travels with the database and every clerk of the office prints the same header.
struct Letterhead
{
    // Both may hold line breaks ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA"), kept as the clerk typed them.
    QString parentBody = QStringLiteral("UBND TỈNH"); // cơ quan chủ quản, capitals
    QString body = QStringLiteral("SỞ NỘI VỤ");       // cơ quan ban hành, capitals
    QString abbreviation = QStringLiteral("SNV");     // in "12/TTr-SNV"
    QString place;                                    // "Thanh Hóa"
    QString headTitle = QStringLiteral("Giám đốc");   // the head: "KT. GIÁM ĐỐC"
    QString collectiveName;                           // for TM.: "Ủy ban nhân dân" (empty: the body)
    QList<Signer> signers;
    QStringList recipients = {QStringLiteral("Như trên;"), QStringLiteral("Lưu: VT.")};
    /// The office's own legal bases, without "Căn cứ": cited before the award rules' acts (the
    /// law on local government and its amendments) and after them (the province's Quy chế thi
    /// đua, khen thưởng). Which ones a province cites is its own: empty until the office says.
    QStringList basesBefore;
    QStringList basesAfter;

    /// Reads the office's letterhead (the defaults above where a key was never set).
    static Letterhead load(const Core::Database &db);
    /// Checks and saves it (administrators, appraisers and council secretaries). Error
    /// naming the field when the body or the abbreviation is empty.
    void save(Core::Database &db) const;

    /// The lines of a letterhead name as printed: the clerk's own line breaks, and nothing
    /// broken inside a line. A People's Committee written on one line ("ỦY BAN NHÂN DÂN TỈNH
    /// QUẢNG BÌNH") is set on two, as Decree 30 shows it: "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG BÌNH".
    static QStringList lines(const QString &text);
    /// The same name on one line, for running text ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …").
    static QString oneLine(const QString &text);

    /// "TTr-SNV" for the type abbreviation "TTr".
    QString symbol(const QString &typeAbbreviation) const { return typeAbbreviation + QLatin1Char('-') + abbreviation; }
    /// The signer whose name is `name`, or one with that name and no title.
    Signer signer(const QString &name) const;
};

} // namespace VinhDanh::Documents
