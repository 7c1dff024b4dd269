#pragma once
// Shared by the certificate sources (private to core/documents).

#include "core/documents/certificates.h"

namespace VinhDanh::Documents::Certificates {

/// Fills goldBook (and its "Số sổ vàng: N" text) of the certificates already in the gold
/// book of `type`; the others are left at 0.
void readGoldBook(const Core::Database &db, const QString &type, QList<Certificate> &certificates);

} // namespace VinhDanh::Documents::Certificates
