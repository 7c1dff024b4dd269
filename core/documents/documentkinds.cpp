#include "core/documents/documentkinds.h"

#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/documents/councildocuments.h"
#include "core/documents/decisiondocuments.h"
#include "core/documents/dossierdocuments.h"
#include "core/documents/reportdocuments.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>

#include <functional>

namespace VinhDanh::Documents {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Kinds)
};

using Make = std::function<Document(Core::Database &, qint64 recordId, int year, const QString &occasion)>;

struct Entry
{
    Kind kind;
    Make make;
};

/// The one table of document kinds. A new document is one row here.
const QList<Entry> &entries()
{
    static const QList<Entry> table = {
        {{QStringLiteral("to-trinh"), QStringLiteral("Tờ trình đề nghị khen thưởng"), Source::Dossier,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds", "the dossier's number (HS 12/2025) or key"))},
         [](Core::Database &db, qint64 id, int, const QString &) { return DossierDocuments::proposalLetter(db, id); }},
        {{QStringLiteral("danh-sach"), QStringLiteral("Danh sách đề nghị khen thưởng"), Source::Dossier,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds", "the dossier's number (HS 12/2025) or key"))},
         [](Core::Database &db, qint64 id, int, const QString &) { return DossierDocuments::nomineeList(db, id); }},
        {{QStringLiteral("bien-ban"), QStringLiteral("Biên bản họp Hội đồng Thi đua – Khen thưởng"), Source::Sitting,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds", "the council sitting's number (3/2026) or key"))},
         [](Core::Database &db, qint64 id, int, const QString &) { return CouncilDocuments::minutes(db, id); }},
        {{QStringLiteral("quyet-dinh"), QStringLiteral("Quyết định khen thưởng (kèm danh sách)"), Source::Decision,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds", "the decision's number or key"))},
         [](Core::Database &db, qint64 id, int, const QString &) { return DecisionDocuments::decision(db, id); }},
        {{QStringLiteral("bao-cao-ca-nhan"), QStringLiteral("Báo cáo thành tích cá nhân"), Source::Person,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds", "the person's key"))},
         [](Core::Database &db, qint64 id, int year, const QString &) {
             return ReportDocuments::achievementReport(db, Core::Subject::person(id), year);
         }},
        {{QStringLiteral("bao-cao-tap-the"), QStringLiteral("Báo cáo thành tích tập thể"), Source::Unit,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds", "the unit's key"))},
         [](Core::Database &db, qint64 id, int year, const QString &) {
             return ReportDocuments::achievementReport(db, Core::Subject::unit(id), year);
         }},
        {{QStringLiteral("bao-cao-phong-trao"), QStringLiteral("Báo cáo kết quả phong trào thi đua"), Source::Movement,
          QLatin1String(QT_TRANSLATE_NOOP("VinhDanh::Documents::Kinds",
                                          "the movement's key and the year or review: KEY/2025, KEY/so_ket or KEY/tong_ket"))},
         [](Core::Database &db, qint64 id, int year, const QString &occasion) {
             return ReportDocuments::movementReport(db, id, year, occasion);
         }},
    };
    return table;
}

const Entry *entry(const QString &code)
{
    for (const Entry &e : entries())
        if (e.kind.code == code)
            return &e;
    return nullptr;
}

QString sourceName(Source s)
{
    switch (s) {
    case Source::Dossier: return Tr::tr("dossier");
    case Source::Sitting: return Tr::tr("council sitting");
    case Source::Decision: return Tr::tr("decision");
    case Source::Person: return Tr::tr("person");
    case Source::Unit: return Tr::tr("unit");
    case Source::Movement: return Tr::tr("movement");
    }
    return {};
}

qint64 resolve(Core::Database &db, Source source, const QString &key)
{
    switch (source) {
    case Source::Dossier: return Core::Workflow::DossierRepository(db).idForKey(key);
    case Source::Sitting: return Core::Workflow::CouncilRepository(db).idForKey(key);
    case Source::Decision: return Core::Workflow::DecisionRepository(db).idForKey(key);
    case Source::Person: return Core::PersonRepository(db).idForKey(key);
    case Source::Unit: return Core::UnitRepository(db).idForKey(key);
    case Source::Movement: return Core::MovementRepository(db).idForKey(key);
    }
    return 0;
}

QString knownCodes()
{
    QStringList codes;
    for (const Entry &e : entries())
        codes << e.kind.code;
    return codes.join(QStringLiteral(", "));
}
} // namespace

QList<Kind> kinds()
{
    QList<Kind> out;
    for (const Entry &e : entries()) {
        out << e.kind;
        out.last().idHelp = Tr::tr(e.kind.idHelp.toLatin1().constData()); // marked QT_TRANSLATE_NOOP above
    }
    return out;
}

const Kind *kind(const QString &code)
{
    const Entry *e = entry(code);
    return e ? &e->kind : nullptr;
}

Document buildFor(Core::Database &db, const QString &code, qint64 recordId, int year, const QString &occasion)
{
    const Entry *e = entry(code);
    if (!e)
        throw Core::Error(Tr::tr("There is no document \"%1\". The documents are: %2.").arg(code, knownCodes()));
    return e->make(db, recordId, year, occasion);
}

Document build(Core::Database &db, const QString &code, const QString &id)
{
    const Entry *e = entry(code);
    if (!e)
        throw Core::Error(Tr::tr("There is no document \"%1\". The documents are: %2.").arg(code, knownCodes()));
    QString key = id.trimmed();
    int year = 0;
    QString occasion = QStringLiteral("annual");
    if (e->kind.source == Source::Movement) {
        // "KEY/2025", "KEY/so_ket", "KEY/tong_ket".
        const int slash = int(key.lastIndexOf(QLatin1Char('/')));
        const QString which = slash > 0 ? key.mid(slash + 1) : QString();
        key = slash > 0 ? key.left(slash) : key;
        bool isYear = false;
        year = which.toInt(&isYear);
        if (isYear && year >= 1945 && year <= 2100)
            occasion = QStringLiteral("annual");
        else if (which == QLatin1String("so_ket") || which == QLatin1String("tong_ket"))
            occasion = which, year = 0;
        else
            throw Core::Error(Tr::tr("For a movement report give the movement's key and the year or the review: "
                                     "KEY/2025, KEY/so_ket or KEY/tong_ket (not \"%1\").")
                                  .arg(id));
    }
    const qint64 recordId = resolve(db, e->kind.source, key);
    if (recordId <= 0)
        throw Core::Error(Tr::tr("There is no %1 with the key \"%2\".").arg(sourceName(e->kind.source), key));
    return e->make(db, recordId, year, occasion);
}

} // namespace VinhDanh::Documents
