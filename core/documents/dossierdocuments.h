#pragma once

#include "core/documents/document.h"

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Documents {

/// The documents of a proposal dossier, headed by the proposing unit.
namespace DossierDocuments {

/// Tờ trình đề nghị khen thưởng: legal bases, what is proposed (counts per award form,
/// collectives and individuals), the request, signature and Nơi nhận.
Document proposalLetter(Core::Database &db, qint64 dossierId);
/// Danh sách đề nghị khen thưởng (landscape): grouped by award form, collectives before
/// individuals; number, name, position and unit, achievement summary.
Document nomineeList(Core::Database &db, qint64 dossierId);

} // namespace DossierDocuments

} // namespace VinhDanh::Documents
