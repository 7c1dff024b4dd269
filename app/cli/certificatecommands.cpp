// vinhdanh-cli print --document phoi-bang-khen | phoi-giay-khen | luoi-can-chinh, calibrate and
// certificate-layout: certificates on pre-printed blanks (core/documents/certificates.h).
#include "certificatecommands.h"

#include "core/db/database.h"
#include "core/documents/certificates.h"
#include "core/error.h"
#include "core/settings.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace VinhDanh::Cli {

using namespace Core;
namespace Cert = Documents::Certificates;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const QString kGrid = QStringLiteral("luoi-can-chinh");
const QString kPrefix = QStringLiteral("phoi-");

/// A length in millimetres, "1.5" or "1,5" (Vietnamese decimal comma), −50…50 for offsets.
double millimetres(QCommandLineParser &p, const QString &name, double low, double high)
{
    QString text = p.value(name).trimmed();
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || value < low || value > high)
        throw UsageError{
            Tr::tr("--%1 must be a number of millimetres from %2 to %3, not \"%4\".").arg(name).arg(low).arg(high).arg(p.value(name))};
    return value;
}

/// --offset-x/--offset-y when given, else the saved calibration of --printer, else none.
Cert::Offset offsetFor(QCommandLineParser &p)
{
    Cert::Offset offset;
    if (p.isSet(QStringLiteral("printer")))
        offset = Settings::certificateOffset(p.value(QStringLiteral("printer")));
    if (p.isSet(QStringLiteral("offset-x")))
        offset.setX(millimetres(p, QStringLiteral("offset-x"), -50, 50));
    if (p.isSet(QStringLiteral("offset-y")))
        offset.setY(millimetres(p, QStringLiteral("offset-y"), -50, 50));
    return offset;
}

QString blankOf(const QString &kind)
{
    return kind.mid(kPrefix.size());
}

void calibrateBody(QCommandLineParser &p)
{
    const QString printer = required(p, QStringLiteral("printer"));
    Cert::Offset offset = Settings::certificateOffset(printer);
    const bool measured = p.isSet(QStringLiteral("measured-left")) || p.isSet(QStringLiteral("measured-top"));
    if (measured && (p.isSet(QStringLiteral("offset-x")) || p.isSet(QStringLiteral("offset-y"))))
        throw UsageError{Tr::tr("Give either what you measured (--measured-left, --measured-top) or the offset itself "
                                "(--offset-x, --offset-y), not both.")};
    if (measured) {
        const double left = p.isSet(QStringLiteral("measured-left")) ? millimetres(p, QStringLiteral("measured-left"), 0, 100)
                                                                     : Cert::kCrossInset;
        const double top = p.isSet(QStringLiteral("measured-top")) ? millimetres(p, QStringLiteral("measured-top"), 0, 100)
                                                                   : Cert::kCrossInset;
        offset = Cert::corrected(offset, left, top);
        Settings::setCertificateOffset(printer, offset);
    } else if (p.isSet(QStringLiteral("offset-x")) || p.isSet(QStringLiteral("offset-y"))) {
        offset = offsetFor(p);
        Settings::setCertificateOffset(printer, offset);
    }
    out() << Tr::tr("Offset of %1: %2 mm across, %3 mm down.").arg(printer).arg(offset.x()).arg(offset.y()) << '\n';
}

void layoutBody(QCommandLineParser &p)
{
    const QString type = required(p, QStringLiteral("type"));
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    const int actions = int(p.isSet(QStringLiteral("import"))) + int(p.isSet(QStringLiteral("export")))
                        + int(p.isSet(QStringLiteral("reset")));
    if (actions > 1)
        throw UsageError{Tr::tr("Give one of --import, --export and --reset.")};
    if (p.isSet(QStringLiteral("import"))) {
        QFile file(p.value(QStringLiteral("import")));
        if (!file.open(QIODevice::ReadOnly))
            throw Error(Tr::tr("%1 cannot be read: %2").arg(file.fileName(), file.errorString()));
        Cert::saveOfficeLayout(db, type, file.readAll());
    } else if (p.isSet(QStringLiteral("reset"))) {
        Cert::resetOfficeLayout(db, type);
    }
    const Cert::Layout l = Cert::layout(db, type);
    if (p.isSet(QStringLiteral("export"))) {
        QFile file(p.value(QStringLiteral("export")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(Cert::toJson(l)) < 0)
            throw Error(Tr::tr("%1 cannot be written: %2").arg(file.fileName(), file.errorString()));
    }
    out() << Tr::tr("%1: %2 × %3 mm, %4 fields, %5.")
                 .arg(l.name)
                 .arg(l.paper.width())
                 .arg(l.paper.height())
                 .arg(l.fields.size())
                 .arg(Cert::hasOfficeLayout(db, type) ? Tr::tr("the office's own layout") : Tr::tr("the shipped layout"))
          << '\n';
    out() << Tr::tr("Award forms: %1").arg(l.forms.join(QStringLiteral(", "))) << '\n';
    if (!l.source.isEmpty())
        out() << l.source << '\n';
}

void offsetOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("offset-x"), Tr::tr("Move everything this many mm to the right (negative: left)."), Tr::tr("MM")});
    p.addOption({QStringLiteral("offset-y"), Tr::tr("Move everything this many mm down (negative: up)."), Tr::tr("MM")});
}
} // namespace

bool isCertificateKind(const QString &kind)
{
    return kind == kGrid || (kind.startsWith(kPrefix) && Cert::types().contains(blankOf(kind)));
}

void addCertificatePrintOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("printer"), Tr::tr("For certificates: use the offset calibrated for this printer."), Tr::tr("NAME")});
    offsetOptions(p);
}

void printCertificates(QCommandLineParser &p, const QString &kind, const QString &id, const QString &output)
{
    if (QFileInfo(output).suffix().toLower() != QLatin1String("pdf"))
        throw UsageError{Tr::tr("Certificates and the test grid are printed to PDF: --output must end in .pdf.")};
    const Cert::Offset offset = offsetFor(p);
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    if (kind == kGrid) {
        const Cert::Layout layout = Cert::layout(db, id.trimmed());
        Cert::saveTestGridPdf(layout, offset, output);
        out() << Tr::tr("Test grid of %1 saved to %2.").arg(layout.name, output) << '\n';
        return;
    }
    const Cert::Layout layout = Cert::layout(db, blankOf(kind));
    QList<Cert::Certificate> certificates = Cert::forKey(db, id, layout.type);
    // The gold book numbers are given (first print) or read back (reprint) as the PDF is saved;
    // a PDF that cannot be written keeps no number.
    Cert::printWithGoldBook(db, layout.type, certificates,
                            [&](const QList<Cert::Certificate> &numbered) { Cert::savePdf(layout, numbered, offset, output); });
    out() << Tr::tr("%n certificate(s) on %1 saved to %2.", nullptr, int(certificates.size())).arg(layout.name, output) << '\n';
    QStringList numbers;
    for (const Cert::Certificate &c : certificates)
        numbers << Tr::tr("no. %1 of the list: %2").arg(c.position).arg(c.goldBook);
    out() << Tr::tr("Gold book numbers of %1: %2.").arg(certificates.first().year).arg(numbers.join(QStringLiteral("; "))) << '\n';
}

QStringList certificateKindLines()
{
    QStringList lines;
    for (const QString &type : Cert::types()) {
        const Cert::Layout l = Cert::builtIn(type);
        lines << QStringLiteral("%1  %2  (--id: %3)")
                     .arg(kPrefix + type, -20)
                     .arg(l.name, Tr::tr("the issued decision's key, or KEY/N for the N-th of its list; PDF only"));
    }
    lines << QStringLiteral("%1  %2  (--id: %3)")
                 .arg(kGrid, -20)
                 .arg(QStringLiteral("Lưới căn chỉnh máy in"),
                      Tr::tr("the blank: %1; PDF only").arg(Cert::types().join(QStringLiteral(", "))));
    return lines;
}

void addCertificateCommands(CommandTable &table)
{
    table.insert(
        {QStringLiteral("calibrate"),
         {QT_TRANSLATE_NOOP("Cli", "Show or set how far a printer's certificates must move (on this computer)."),
          [](QCommandLineParser &p) {
              p.addOption({QStringLiteral("printer"), Tr::tr("The printer's name."), Tr::tr("NAME")});
              offsetOptions(p);
              p.addOption({QStringLiteral("measured-left"),
                           Tr::tr("On a test grid printed with the current offset: mm from the paper's left edge to the cross."),
                           Tr::tr("MM")});
              p.addOption({QStringLiteral("measured-top"),
                           Tr::tr("On a test grid printed with the current offset: mm from the paper's top edge to the cross."),
                           Tr::tr("MM")});
          },
          calibrateBody}});
    table.insert(
        {QStringLiteral("certificate-layout"),
         {QT_TRANSLATE_NOOP("Cli", "Show, export, import or reset the office's layout of a certificate blank."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("type"), Tr::tr("The blank: bang-khen or giay-khen."), Tr::tr("TYPE")});
              p.addOption({QStringLiteral("export"), Tr::tr("Write the layout in force to this JSON file."), Tr::tr("FILE")});
              p.addOption({QStringLiteral("import"), Tr::tr("Check this JSON file and make it the office's layout."), Tr::tr("FILE")});
              p.addOption({QStringLiteral("reset"), Tr::tr("Go back to the shipped layout.")});
          },
          layoutBody}});
}

} // namespace VinhDanh::Cli
