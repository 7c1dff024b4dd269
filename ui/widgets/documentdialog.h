#pragma once

#include "core/documents/document.h"

#include <QDialog>

class QLabel;
class QPrinter;
class QPrintPreviewWidget;
class QPushButton;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// One official document on screen: the pages as they will print (the same layout as the PDF
/// and the printer get, from Documents::Renderer), with Print… and Save as PDF / DOCX, and
/// Save as XLSX / CSV when the document has a table. Saving suggests the document's own file
/// name; a failure is shown with the renderer's reason.
class DocumentDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DocumentDialog(const Documents::Document &document, QWidget *parent = nullptr);

    /// Builds document `kindCode` from record `recordId` (Documents::buildFor) and shows it
    /// window-modal over `parent`; the dialog deletes itself when closed. A failure (an
    /// unknown kind, a record that is gone, a refused account) is shown in a message box and
    /// nullptr returned.
    static DocumentDialog *show(QWidget *parent, Core::Database &db, const QString &kindCode, qint64 recordId, int year = 0,
                                const QString &occasion = QStringLiteral("annual"));
    using QDialog::show;

    const Documents::Document &document() const { return m_document; }
    QPrintPreviewWidget *preview() const { return m_preview; }

public slots:
    /// Writes the document to `path` in the format its extension names. On failure shows the
    /// reason in a message box, writes nothing and returns false.
    bool saveTo(const QString &path);
    /// Asks for a file (the document's name suggested) and saves it as `extension`.
    void saveAs(const QString &extension);
    /// The print dialog, then the printer.
    void print();

private:
    void paint(QPrinter *printer);
    QPushButton *addSaveButton(const QString &extension, const QString &text, const char *objectName);

    Documents::Document m_document;
    QPrintPreviewWidget *m_preview;
    QLabel *m_status;
};

} // namespace VinhDanh::Ui
