#pragma once

#include "core/documents/certificates.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPrinter;
class QTableWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// In phôi: an issued decision's certificates printed onto pre-printed blanks. The clerk picks
/// the blank (Bằng khen, Giấy khen — only those the decision awards), the printer, and prints
/// all of them in the attached list's order or only the selected rows (a reprint of one).
/// The printer's offset is calibrated here with the test grid: print it on plain paper, lay
/// it over a blank, measure where the cross landed, apply — the offset is kept per printer
/// on this computer. The layout of a blank can be exported, replaced by the office's own
/// (checked on import) or reset, by those who may edit the letterhead.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(Core::Database &db, qint64 decisionId, QWidget *parent = nullptr);

    /// Why the decision's certificates cannot be printed (a draft, or no award printed on a
    /// blank), empty when they can.
    static QString whyNot(Core::Database &db, qint64 decisionId);
    /// Opens the dialog window-modal over `parent` (deleted on close); a message box and
    /// nullptr when whyNot() says no.
    static CertificateDialog *show(QWidget *parent, Core::Database &db, qint64 decisionId);
    using QDialog::show;

    QString blankType() const;
    /// The certificates to print: the selected rows, or all of them when none is selected.
    QList<Documents::Certificates::Certificate> chosen() const;
    /// The printer the offset belongs to ("" = none installed: saving PDFs only).
    QString printerName() const;
    Documents::Certificates::Offset offset() const;

public slots:
    /// The chosen certificates as a PDF at `path`; false (reason shown) on failure.
    bool savePdf(const QString &path);
    bool saveTestGrid(const QString &path);
    /// Turns what was measured on the grid into the new offset, and keeps it for the printer.
    void applyMeasurement();
    bool importLayout(const QString &path);
    bool exportLayout(const QString &path);
    void resetLayout();

private:
    void loadBlank();
    void loadOffset();
    void storeOffset();
    void print(bool grid);
    void preview();
    void paintChosen(QPrinter *printer);
    /// Gives the chosen certificates their gold book numbers and prints them with `print`
    /// (numbers kept only if it succeeds); the table shows the numbers.
    void printNumbered(const std::function<void(const QList<Documents::Certificates::Certificate> &)> &print);
    void noteNumbers(const QList<Documents::Certificates::Certificate> &printed);
    void showNumber(int row);
    void askAndSave(bool grid);
    void report(const QString &text, bool problem = false);
    QPrinter *newPrinter() const;

    Core::Database &m_db;
    qint64 m_decisionId;
    Documents::Certificates::Layout m_layout;
    QList<Documents::Certificates::Certificate> m_all;
    QList<Documents::Certificates::Certificate> m_previewed; // as the print preview last painted them
    QComboBox *m_blank;
    QTableWidget *m_table;
    QComboBox *m_printer;
    QDoubleSpinBox *m_offsetX;
    QDoubleSpinBox *m_offsetY;
    QDoubleSpinBox *m_measuredLeft;
    QDoubleSpinBox *m_measuredTop;
    QLabel *m_layoutInfo;
    QLabel *m_status;
    bool m_loading = false;
};

} // namespace VinhDanh::Ui
