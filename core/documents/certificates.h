#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>

class QPagedPaintDevice;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// Certificates printed on pre-printed blanks (in phôi Bằng khen, Giấy khen): the blank already
/// carries the national emblem, the title block and "BẰNG KHEN"; the program prints only the
/// variable lines, each at the place the blank leaves for it.
namespace Certificates {

/// One printed line or block on the blank. Positions are millimetres from the blank's top-left
/// corner as it lies in the printer; the text wraps inside `width` and, when it would need more
/// than `lines` lines, shrinks (down to 60 % of `pointSize`) rather than run into the artwork.
struct Field
{
    QString key;                      // recipient | detail | achievement | decision | decisionNumber | decisionDate |
                                      // placeDate | signerTitle | signerName | form | issuer | presents | goldBook
    double x = 0, y = 0, width = 100; // mm; y is the top of the text
    double pointSize = 14;
    bool bold = false;
    bool italic = false;
    bool upper = false;
    QString align = QStringLiteral("center"); // left | center | right
    int lines = 1;
};

/// Where a type of blank wants each line. Shipped as JSON in resources/certificates/ (one file
/// per type); an office whose blanks differ saves its own version in the database
/// (`vinhdanh-cli certificate-layout --import`, or the certificate dialog), which then wins.
struct Layout
{
    QString type;      // "bang-khen"
    QString name;      // "Phôi Bằng khen"
    QStringList forms; // award form codes printed on this blank: BK_TINH, BK_TTG
    QSizeF paper;      // mm, width × height as the blank is fed
    QString source;    // where the size comes from, and whether it is confirmed
    QString fontFamily = QStringLiteral("Times New Roman");
    QList<Field> fields;

    const Field *field(const QString &key) const;
};

/// The field keys a layout may use, with what each prints (for docs and error messages).
QStringList fieldKeys();
/// What a field prints, in Vietnamese as the calibration grid names it ("Số sổ vàng" for
/// goldBook): the grid is a document laid over the blank, Vietnamese whatever the UI language.
QString fieldLabel(const QString &key);
/// A field's box on paper: its width, and the height of its `lines` lines in its font at full
/// size, in millimetres. Text never leaves it (it wraps, then shrinks, then is cut short).
QSizeF boxSize(const Layout &layout, const Field &field);

/// Reads a layout from its JSON. Error naming the field and the reason ("fields[2].width must be
/// a positive number of millimetres") for anything malformed; nothing is guessed.
Layout parse(const QByteArray &json);
QByteArray toJson(const Layout &layout);

/// The types of blank the program ships ("bang-khen", "giay-khen").
QStringList types();
/// The layout in force for `type` in this office: its saved version, else the shipped one.
/// Error for an unknown type.
Layout layout(const Core::Database &db, const QString &type);
/// The shipped layout of `type`.
Layout builtIn(const QString &type);
/// True when the office has saved its own layout for `type`.
bool hasOfficeLayout(const Core::Database &db, const QString &type);
/// Checks `json` (parse()), requires its type to be `type`, and saves it as the office's layout
/// (permission EditLetterhead, as the letterhead).
void saveOfficeLayout(Core::Database &db, const QString &type, const QByteArray &json);
/// Drops the office's layout: the shipped one is used again.
void resetOfficeLayout(Core::Database &db, const QString &type);

/// The text of one certificate, field key → text (see fieldKeys()).
struct Certificate
{
    int position = 0;     // 1-based, in the decision's attached list
    qint64 awardeeId = 0; // decision_awardees.id: what the gold book numbers
    int year = 0;         // the decision's year: the gold book's year
    int goldBook = 0;     // its number in the gold book (sổ vàng), 0 until first printed
    QString awardeeName;
    QString formCode;
    QHash<QString, QString> text;
};

/// The certificates of an issued decision printed on blanks of `type`, in the order of its
/// attached list (collectives first, then by award form, then as decided), each with its gold
/// book number when it has been printed before. Error for a draft (its number and date are
/// not final) or when none of its awardees gets this blank.
QList<Certificate> forDecision(Core::Database &db, qint64 decisionId, const QString &type);
/// The decision key, or "KEY/N" for the N-th certificate of that list (a reprint of one).
/// Error for an unknown key or an N out of range.
QList<Certificate> forKey(Core::Database &db, const QString &id, const QString &type);

/// The gold book (sổ vàng): one register per blank type and year, kept in the database.
/// Gives each of `certificates` without a number the next ones of its year, in the list's
/// order, stores them (one transaction; DraftDecisions permission, as the decision's clerk)
/// and fills goldBook and its text. Those printed before keep theirs: a reprint never takes
/// a new number. Call it just before the certificates are printed or saved.
void assignGoldBook(Core::Database &db, const QString &type, QList<Certificate> &certificates);
/// Numbers `certificates` (assignGoldBook) and runs `print` with them, in one transaction: when
/// printing fails (Error: the file cannot be written, the printer cannot be opened) the
/// numbers are not kept, and `certificates` is left as it was. How the GUI and the CLI print.
void printWithGoldBook(Core::Database &db, const QString &type, QList<Certificate> &certificates,
                       const std::function<void(const QList<Certificate> &)> &print);
/// The same numbers without storing them: what a preview shows (the numbers the certificates
/// will get if printed now; another office computer printing first would take them).
void previewGoldBook(const Core::Database &db, const QString &type, QList<Certificate> &certificates);

/// Millimetres to move everything by, measured with the test grid on a given printer (+x to
/// the right, +y down). Kept per printer on each computer (Core::Settings), since it is the
/// printer's feed that is off, not the data.
using Offset = QPointF;
/// Where the test grid's crosses are: millimetres in from the top-left and bottom-right corners.
constexpr double kCrossInset = 20;
/// The offset to use after printing the test grid with `current`: from the distances the clerk
/// measured from the paper's left and top edges to the centre of the top-left cross.
Offset corrected(Offset current, double measuredLeft, double measuredTop);

/// Paints one page per certificate on `device`, sized to the blank, margins zero, with
/// `offset` applied. Returns the number of pages.
int paint(const Layout &layout, const QList<Certificate> &certificates, Offset offset, QPagedPaintDevice &device);
/// The calibration page: a millimetre grid over the whole blank, crosses at 20 mm from two
/// corners, and a dashed box where each field of `layout` prints. Printed on plain paper laid
/// over a blank, it shows how far the printer is off.
void paintTestGrid(const Layout &layout, Offset offset, QPagedPaintDevice &device);
/// The same as PDF files (fonts embedded). Error when the file cannot be written; nothing is
/// left behind then.
void savePdf(const Layout &layout, const QList<Certificate> &certificates, Offset offset, const QString &path);
void saveTestGridPdf(const Layout &layout, Offset offset, const QString &path);

} // namespace Certificates

} // namespace VinhDanh::Documents
