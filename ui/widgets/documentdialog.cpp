#include "ui/widgets/documentdialog.h"
#include "ui/widgets/filedialogs.h"

#include "core/documents/documentkinds.h"
#include "core/documents/renderer.h"
#include "core/error.h"
#include "ui/widgets/errorbox.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <memory>

namespace VinhDanh::Ui {

namespace {
/// The folder the last document went to, so a clerk saving a set of documents is not sent
/// back to the home folder each time (for this run of the program only).
QString &lastFolder()
{
    static QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}

QString filterFor(const QString &extension)
{
    if (extension == QLatin1String("pdf"))
        return DocumentDialog::tr("PDF documents (*.pdf)");
    if (extension == QLatin1String("docx"))
        return DocumentDialog::tr("Word documents (*.docx)");
    if (extension == QLatin1String("xlsx"))
        return DocumentDialog::tr("Excel workbooks (*.xlsx)");
    // The list separator of Vietnamese Windows: Excel opens these in columns (core/text/csv.h).
    return DocumentDialog::tr("CSV for Excel, columns separated by semicolons (*.csv)");
}

/// Progress for laying out a long list (from kLongList rows; a shorter document is on paper
/// before a dialog would show), with a cancel button. One per preview, print or save.
class LongListProgress
{
public:
    static constexpr qsizetype kLongList = 1000;

    /// `abortOnStop`: a printer whose job Stop must cancel — otherwise ending the painter as
    /// the stop unwinds would still send the pages laid out so far to the printer.
    LongListProgress(QWidget *parent, QString label, QPrinter *abortOnStop = nullptr)
        : m_parent(parent), m_label(std::move(label)), m_abortOnStop(abortOnStop)
    {
    }

    Documents::Renderer::Progress callback()
    {
        return [this](qsizetype done, qsizetype total) {
            if (total < kLongList)
                return true;
            if (!m_dialog) {
                m_dialog = std::make_unique<QProgressDialog>(
                    m_label, QCoreApplication::translate("VinhDanh::Ui::DocumentDialog", "Stop"), 0, int(total), m_parent);
                m_dialog->setObjectName(QStringLiteral("layoutProgress"));
                m_dialog->setWindowModality(Qt::WindowModal);
                m_dialog->setMinimumDuration(0);
            }
            m_dialog->setValue(int(done)); // a window-modal dialog processes events here
            m_stopped = m_dialog->wasCanceled();
            if (m_stopped && m_abortOnStop)
                m_abortOnStop->abort();
            return !m_stopped;
        };
    }
    bool stopped() const { return m_stopped; }

private:
    QWidget *m_parent;
    QString m_label;
    QPrinter *m_abortOnStop;
    std::unique_ptr<QProgressDialog> m_dialog;
    bool m_stopped = false;
};
} // namespace

DocumentDialog::DocumentDialog(const Documents::Document &document, QWidget *parent)
    : QDialog(parent), m_document(document), m_preview(new QPrintPreviewWidget(this)), m_status(new QLabel(this))
{
    setWindowTitle(m_document.title.isEmpty() ? tr("Document") : m_document.title);
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    m_preview->setObjectName(QStringLiteral("preview"));
    // The preview's own printer: its orientation decides the shape of the previewed pages.
    m_preview->setOrientation(m_document.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, &DocumentDialog::paint);
    m_status->setObjectName(QStringLiteral("documentStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *printButton = new QPushButton(tr("&Print…"), this);
    printButton->setObjectName(QStringLiteral("printButton"));
    connect(printButton, &QPushButton::clicked, this, &DocumentDialog::print);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(printButton);
    buttons->addWidget(addSaveButton(QStringLiteral("pdf"), tr("Save as P&DF…"), "savePdf"));
    // The editable file for Word or LibreOffice (no ODT: Qt's lost the title and signature blocks).
    buttons->addWidget(addSaveButton(QStringLiteral("docx"), tr("Save as D&OCX…"), "saveDocx"));
    // Spreadsheets only hold the document's tables: offered when it has one.
    buttons->addWidget(addSaveButton(QStringLiteral("xlsx"), tr("Save as &XLSX…"), "saveXlsx"));
    QPushButton *csv = addSaveButton(QStringLiteral("csv"), tr("Save as &CSV…"), "saveCsv");
    csv->setToolTip(tr("Columns separated by semicolons, as Excel under Vietnamese settings reads them; "
                       "XLSX keeps the title and prints as the document does"));
    buttons->addWidget(csv);
    buttons->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &DocumentDialog::reject);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    m_status->hide();
    m_preview->fitToWidth();
    resize(900, 860);
}

QPushButton *DocumentDialog::addSaveButton(const QString &extension, const QString &text, const char *objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(QLatin1String(objectName));
    const bool possible = Documents::Renderer::canSave(m_document, extension);
    button->setEnabled(possible);
    button->setVisible(possible);
    connect(button, &QPushButton::clicked, this, [this, extension] { saveAs(extension); });
    return button;
}

DocumentDialog *DocumentDialog::show(QWidget *parent, Core::Database &db, const QString &kindCode, qint64 recordId, int year,
                                     const QString &occasion)
{
    Documents::Document document;
    try {
        document = Documents::buildFor(db, kindCode, recordId, year, occasion);
    } catch (const Core::Error &e) {
        showError(parent, tr("Cannot make the document"), e);
        return nullptr;
    }
    auto *dialog = new DocumentDialog(document, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->QDialog::show();
    return dialog;
}

void DocumentDialog::paint(QPrinter *printer)
{
    LongListProgress progress(this, tr("Laying out the pages of the list…"));
    try {
        Documents::Renderer::paint(m_document, *printer, progress.callback());
    } catch (const Core::Error &e) {
        m_status->setText(progress.stopped() ? tr("The preview was stopped: it shows only the first pages.") : e.message());
        m_status->show();
    }
}

bool DocumentDialog::saveTo(const QString &path)
{
    LongListProgress progress(this, tr("Saving the list…"));
    try {
        Documents::Renderer::save(m_document, path, progress.callback());
    } catch (const Core::Error &e) {
        if (progress.stopped()) { // the clerk's own choice: no message box, and no file
            m_status->setText(tr("Saving was stopped; no file was written."));
            m_status->show();
            return false;
        }
        showError(this, tr("Cannot save the document"), e);
        return false;
    }
    lastFolder() = QFileInfo(path).absolutePath();
    m_status->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    m_status->show();
    return true;
}

void DocumentDialog::saveAs(const QString &extension)
{
    const QString stem = m_document.fileStem.isEmpty() ? m_document.kind : m_document.fileStem;
    const QString suggested = QDir(lastFolder()).filePath(stem + QLatin1Char('.') + extension);
    QString path = FileDialogs::saveFile(this, tr("Save the document"), suggested, filterFor(extension));
    if (path.isEmpty())
        return;
    // Some platforms' dialogs leave the extension to us; the format follows it.
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + extension;
    saveTo(path);
}

void DocumentDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(m_document.title);
    printer.setPageOrientation(m_document.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    LongListProgress progress(this, tr("Printing the list…"), &printer);
    try {
        Documents::Renderer::paint(m_document, printer, progress.callback());
    } catch (const Core::Error &e) {
        if (!progress.stopped())
            showError(this, tr("Cannot print the document"), e);
    }
}

} // namespace VinhDanh::Ui
