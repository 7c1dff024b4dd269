// vinhdanh-cli print | documents | letterhead: official documents in the Decree 30/2020 format,
// built by core/documents (the same builders and layout the GUI previews and prints).
#include "documentcommands.h"

#include "certificatecommands.h"

#include "core/db/database.h"
#include "core/documents/documentkinds.h"
#include "core/documents/letterhead.h"
#include "core/documents/renderer.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

void printBody(QCommandLineParser &p)
{
    const QString kind = required(p, QStringLiteral("document"));
    const QString id = required(p, QStringLiteral("id"));
    const QString output = required(p, QStringLiteral("output"));
    if (isCertificateKind(kind))
        return printCertificates(p, kind, id, output);
    const QString ext = QFileInfo(output).suffix().toLower();
    if (!Documents::Renderer::extensions().contains(ext))
        throw UsageError{Tr::tr("--output must end in .pdf, .docx, .xlsx or .csv (the extension picks the format).")};
    if (!Documents::kind(kind))
        throw UsageError{Tr::tr("Unknown document \"%1\"; vinhdanh-cli documents lists them.").arg(kind)};
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    const Documents::Document doc = Documents::build(db, kind, id);
    Documents::Renderer::save(doc, output);
    out() << Tr::tr("%1 saved to %2.").arg(doc.title, output) << '\n';
}

void documentsBody(QCommandLineParser &)
{
    for (const Documents::Kind &k : Documents::kinds())
        out() << QStringLiteral("%1  %2  (--id: %3)\n").arg(k.code, -20).arg(k.name, k.idHelp);
    for (const QString &line : certificateKindLines())
        out() << line << '\n';
}

void letterheadBody(QCommandLineParser &p)
{
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    Documents::Letterhead l = Documents::Letterhead::load(db);
    bool changed = false;
    auto set = [&](const char *option, QString &field) {
        if (p.isSet(QLatin1String(option))) {
            field = p.value(QLatin1String(option));
            changed = true;
        }
    };
    set("parent", l.parentBody);
    set("body", l.body);
    // A line break typed as \n (a shell passes it as two characters): the name's next line.
    for (QString *name : {&l.parentBody, &l.body})
        name->replace(QStringLiteral("\\n"), QStringLiteral("\n"));
    set("abbreviation", l.abbreviation);
    set("place", l.place);
    set("head-title", l.headTitle);
    set("collective", l.collectiveName);
    if (p.isSet(QStringLiteral("signer"))) {
        // "Name|Title|KT" for each --signer, replacing the list.
        l.signers.clear();
        for (const QString &s : p.values(QStringLiteral("signer"))) {
            const QStringList f = s.split(QLatin1Char('|'));
            l.signers << Documents::Signer{f.value(0).trimmed(), f.value(1).trimmed(), f.value(2).trimmed().toUpper()};
        }
        changed = true;
    }
    if (p.isSet(QStringLiteral("recipient"))) {
        l.recipients = p.values(QStringLiteral("recipient"));
        changed = true;
    }
    if (p.isSet(QStringLiteral("basis-before"))) {
        l.basesBefore = p.values(QStringLiteral("basis-before"));
        changed = true;
    }
    if (p.isSet(QStringLiteral("basis-after"))) {
        l.basesAfter = p.values(QStringLiteral("basis-after"));
        changed = true;
    }
    if (changed) {
        l.save(db);
        l = Documents::Letterhead::load(db); // as stored: "Căn cứ" and end marks taken off
    }
    out() << Tr::tr("Parent body: %1").arg(Documents::Letterhead::lines(l.parentBody).join(QStringLiteral(" / "))) << '\n'
          << Tr::tr("Issuing body: %1").arg(Documents::Letterhead::lines(l.body).join(QStringLiteral(" / "))) << '\n'
          << Tr::tr("Abbreviation: %1").arg(l.abbreviation) << '\n'
          << Tr::tr("Place: %1").arg(l.place) << '\n'
          << Tr::tr("Head's title: %1").arg(l.headTitle) << '\n';
    for (const Documents::Signer &s : l.signers)
        out() << Tr::tr("Signer: %1, %2 %3").arg(s.name, s.title, s.authority).trimmed() << '\n';
    for (const QString &r : l.recipients)
        out() << Tr::tr("Recipient: %1").arg(r) << '\n';
    for (const QString &b : l.basesBefore)
        out() << Tr::tr("Basis before the award rules: %1").arg(b) << '\n';
    for (const QString &b : l.basesAfter)
        out() << Tr::tr("Basis after the award rules: %1").arg(b) << '\n';
}
} // namespace

void addDocumentCommands(CommandTable &table)
{
    table.insert(
        {QStringLiteral("print"),
         {QT_TRANSLATE_NOOP("Cli", "Make a document (tờ trình, danh sách, biên bản, quyết định, …) as PDF, DOCX, XLSX or CSV."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("document"), Tr::tr("Which document (vinhdanh-cli documents lists them)."), Tr::tr("KIND")});
              p.addOption({QStringLiteral("id"),
                           Tr::tr("The key of the dossier, sitting, decision, person, unit or movement it is about."), Tr::tr("ID")});
              p.addOption({QStringLiteral("output"), Tr::tr("The file to write; .pdf, .docx, .xlsx or .csv picks the format."),
                           Tr::tr("FILE")});
              addCertificatePrintOptions(p);
          },
          printBody}});
    table.insert({QStringLiteral("documents"),
                  {QT_TRANSLATE_NOOP("Cli", "List the documents print can make and what their --id is."), [](QCommandLineParser &) {},
                   documentsBody}});
    table.insert(
        {QStringLiteral("letterhead"),
         {QT_TRANSLATE_NOOP("Cli", "Show or set the office's letterhead: issuing body, place, signers, recipients."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("parent"), Tr::tr("The parent body in capitals (UBND TỈNH …)."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("body"),
                           Tr::tr("The issuing body in capitals (SỞ NỘI VỤ); \\n between the lines it is printed on."),
                           Tr::tr("TEXT")});
              p.addOption({QStringLiteral("abbreviation"), Tr::tr("The body's abbreviation in numbers (SNV)."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("place"), Tr::tr("The place name of the date line."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("head-title"), Tr::tr("The head's title, which KT. and Q. sign for."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("collective"), Tr::tr("The collective body TM. signs for."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("signer"), Tr::tr("A signer \"Name|Title|TM, KT, Q or nothing\"; repeat for each."),
                           Tr::tr("SIGNER")});
              p.addOption({QStringLiteral("recipient"), Tr::tr("A line of Nơi nhận; repeat for each."), Tr::tr("TEXT")});
              p.addOption({QStringLiteral("basis-before"),
                           Tr::tr("A legal basis cited before the award rules' acts (the law on local government), "
                                  "without \"Căn cứ\"; repeat for each."),
                           Tr::tr("TEXT")});
              p.addOption({QStringLiteral("basis-after"),
                           Tr::tr("A legal basis cited after them (the province's Quy chế thi đua, khen thưởng); "
                                  "repeat for each."),
                           Tr::tr("TEXT")});
          },
          letterheadBody}});
    addCertificateCommands(table);
}

} // namespace VinhDanh::Cli
