#pragma once

#include "core/documents/document.h"

#include <QList>
#include <QString>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// What a document is made from; the CLI's --id names one of these by its key.
enum class Source { Dossier, Sitting, Decision, Person, Unit, Movement };

/// A kind of document the CLI (`print --document CODE`) and the GUI can make.
struct Kind
{
    QString code; // "to-trinh"
    QString name; // "Tờ trình đề nghị khen thưởng"
    Source source;
    QString idHelp; // what --id is, for --help and docs/documents.md (kinds() gives it translated)
};

/// Every kind, in the order docs and menus list them.
QList<Kind> kinds();
/// The kind with this code, or nullptr.
const Kind *kind(const QString &code);

/// Builds document `code` from the record `id` names: a dossier, sitting, decision, person or
/// unit key as the CLI lists them; for a movement report "KEY/YEAR" or "KEY/so_ket" or
/// "KEY/tong_ket". Error (in the user's language) for an unknown kind or record.
Document build(Core::Database &db, const QString &code, const QString &id);
/// The same from a database id (what the GUI holds) and, for a movement report, the occasion
/// ("annual" with `year`, "so_ket", "tong_ket").
Document buildFor(Core::Database &db, const QString &code, qint64 recordId, int year = 0,
                  const QString &occasion = QStringLiteral("annual"));

} // namespace VinhDanh::Documents
