// Files kept with a dossier, and the required-documents checklist they answer.
#include "core/dossiers/dossierrepository.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/dossiers/dossierrepository_p.h"
#include "core/error.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMimeDatabase>
#include <QSet>

namespace VinhDanh::Core::Workflow {

namespace {
using namespace DossierDetail;
using Rows::nowText;
using Rows::timeFrom;

// Scans of signed papers rarely pass a few MB; the limit keeps the database (and its copies) sane.
constexpr qint64 kMaxFileBytes = 50LL * 1024 * 1024;

void checkSize(const QString &fileName, qint64 size)
{
    if (size > kMaxFileBytes)
        throw Error(Tr::tr("The file \"%1\" is %2 MB; a file kept with a dossier may be at most %3 MB. Scan it at a "
                           "lower resolution or split it into parts.")
                        .arg(fileName, QLocale().toString(double(size) / (1024 * 1024), 'f', 1))
                        .arg(kMaxFileBytes / (1024 * 1024)));
}
} // namespace

QList<Attachment> DossierRepository::attachments(qint64 dossierId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, dossier_id, nominee_id, kind, file_name, mime, size, sha256, added_at "
                                       "FROM dossier_attachments WHERE dossier_id = :d ORDER BY id"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    QList<Attachment> out;
    while (q.next())
        out << Attachment{q.id(0),
                          q.id(1),
                          q.id(2),
                          documentKindFromCode(q.text(3)),
                          q.text(4),
                          q.text(5),
                          q.value(6).toLongLong(),
                          q.text(7),
                          timeFrom(q.value(8))};
    return out;
}

qint64 DossierRepository::addAttachment(qint64 dossierId, DocumentKind kind, qint64 nomineeId, const QString &fileName,
                                        const QByteArray &data)
{
    const QString name = QFileInfo(fileName.trimmed()).fileName();
    if (name.isEmpty())
        throw Error(Tr::tr("The attached file needs a name."));
    checkSize(name, data.size());
    Transaction tx(m_db.sql());
    const Head h = head(m_db, dossierId);
    requireEdit(m_db, h);
    requireEditable(h);
    if (kind == DocumentKind::BaoCaoThanhTich && nomineeId <= 0)
        throw Error(Tr::tr("Choose the nominee whose achievement report this is."));
    if (nomineeId > 0 && Lookup::column(m_db, "dossier_nominees", "dossier_id", nomineeId).toLongLong() != dossierId)
        throw Error(Tr::tr("The nominee of the attached file is not in this dossier."));
    const qint64 id =
        Query(m_db.sql(), QStringLiteral("INSERT INTO dossier_attachments (dossier_id, nominee_id, kind, file_name, mime, size, "
                                         "sha256, data, added_at) VALUES (:d, :n, :kind, :name, :mime, :size, :sha, :data, :at) "
                                         "RETURNING id"))
            .bind(QStringLiteral(":d"), dossierId)
            .bindOptional(QStringLiteral(":n"), nomineeId)
            .bind(QStringLiteral(":kind"), documentKindCode(kind))
            .bind(QStringLiteral(":name"), name)
            .bind(QStringLiteral(":mime"), QMimeDatabase().mimeTypeForFileNameAndData(name, data).name())
            .bind(QStringLiteral(":size"), qint64(data.size()))
            .bind(QStringLiteral(":sha"), QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()))
            .bind(QStringLiteral(":data"), data)
            .bind(QStringLiteral(":at"), nowText())
            .insertReturningId();
    tx.commit();
    return id;
}

qint64 DossierRepository::addAttachmentFile(qint64 dossierId, DocumentKind kind, qint64 nomineeId, const QString &path)
{
    QFile file(path);
    checkSize(path, QFileInfo(path).size()); // before reading a huge file into memory
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Cannot read the file \"%1\"; check that it exists and that you may open it.").arg(path),
                    file.errorString());
    return addAttachment(dossierId, kind, nomineeId, path, file.readAll());
}

QByteArray DossierRepository::attachmentData(qint64 attachmentId) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT data FROM dossier_attachments WHERE id = :id"));
    q.bind(QStringLiteral(":id"), attachmentId).exec();
    if (!q.next())
        throw Error(Tr::tr("The attached file no longer exists; someone else may have removed it."));
    return q.value(0).toByteArray();
}

void DossierRepository::removeAttachment(qint64 attachmentId)
{
    Transaction tx(m_db.sql());
    const QVariant dossierId = Lookup::column(m_db, "dossier_attachments", "dossier_id", attachmentId);
    if (dossierId.isNull())
        throw Error(Tr::tr("The attached file no longer exists; someone else may have removed it."));
    const Head h = head(m_db, dossierId.toLongLong());
    requireEdit(m_db, h);
    requireEditable(h);
    Query(m_db.sql(), QStringLiteral("DELETE FROM dossier_attachments WHERE id = :id"))
        .bind(QStringLiteral(":id"), attachmentId)
        .exec();
    tx.commit();
}

QList<RequiredDocument> DossierRepository::requiredDocuments(qint64 dossierId) const
{
    QSet<QString> present; // "kind" and "kind/nominee"
    Query q(m_db.sql(), QStringLiteral("SELECT DISTINCT kind, nominee_id FROM dossier_attachments WHERE dossier_id = :d"));
    q.bind(QStringLiteral(":d"), dossierId).exec();
    while (q.next()) {
        present.insert(q.text(0));
        if (q.id(1) > 0)
            present.insert(QStringLiteral("%1/%2").arg(q.text(0)).arg(q.id(1)));
    }
    auto line = [&](DocumentKind kind, qint64 nomineeId, const QString &label) {
        const QString code = documentKindCode(kind);
        return RequiredDocument{kind, nomineeId, label,
                                present.contains(nomineeId > 0 ? QStringLiteral("%1/%2").arg(code).arg(nomineeId) : code)};
    };
    QList<RequiredDocument> out;
    out << line(DocumentKind::ToTrinh, 0, documentKindLabel(DocumentKind::ToTrinh))
        << line(DocumentKind::DanhSach, 0, documentKindLabel(DocumentKind::DanhSach));
    for (const Nominee &n : nominees(dossierId))
        out << line(DocumentKind::BaoCaoThanhTich, n.id,
                    Tr::tr("%1 — %2").arg(documentKindLabel(DocumentKind::BaoCaoThanhTich), n.name));
    out << line(DocumentKind::BienBan, 0, documentKindLabel(DocumentKind::BienBan));
    return out;
}

} // namespace VinhDanh::Core::Workflow
