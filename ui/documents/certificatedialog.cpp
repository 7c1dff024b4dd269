#include "ui/documents/certificatedialog.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/filedialogs.h"

#include "core/accounts/permissions.h"
#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace VinhDanh::Ui {

namespace Cert = Documents::Certificates;

namespace {
QDoubleSpinBox *millimetreBox(QWidget *parent, const char *name, double low, double high, double value)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    box->setSuffix(QStringLiteral(" mm"));
    box->setValue(value);
    return box;
}

QPushButton *button(QWidget *parent, const QString &text, const char *name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

/// The blanks this decision has certificates for.
QStringList blanksOf(Core::Database &db, qint64 decisionId)
{
    QStringList out;
    for (const QString &type : Cert::types()) {
        try {
            Cert::forDecision(db, decisionId, type);
            out << type;
        } catch (const Core::Error &) {
            // Nothing of this decision goes on that blank.
        }
    }
    return out;
}
} // namespace

CertificateDialog::CertificateDialog(Core::Database &db, qint64 decisionId, QWidget *parent)
    : QDialog(parent), m_db(db), m_decisionId(decisionId), m_blank(new QComboBox(this)), m_table(new QTableWidget(this)),
      m_printer(new QComboBox(this)), m_offsetX(millimetreBox(this, "offsetX", -50, 50, 0)),
      m_offsetY(millimetreBox(this, "offsetY", -50, 50, 0)),
      m_measuredLeft(millimetreBox(this, "measuredLeft", 0, 100, Cert::kCrossInset)),
      m_measuredTop(millimetreBox(this, "measuredTop", 0, 100, Cert::kCrossInset)), m_layoutInfo(new QLabel(this)),
      m_status(new QLabel(this))
{
    const Core::Workflow::Decision d = Core::Workflow::DecisionRepository(db).decision(decisionId);
    setWindowTitle(tr("Certificates of decision %1").arg(d.number));
    resize(820, 620);

    m_blank->setObjectName(QStringLiteral("blank"));
    for (const QString &type : blanksOf(db, decisionId))
        m_blank->addItem(Cert::layout(db, type).name, type);
    m_table->setObjectName(QStringLiteral("certificates"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("No. in the list"), tr("Recipient"), tr("Award"), tr("Gold book no.")});
    m_table->verticalHeader()->hide();
    Columns::remember(m_table, QStringLiteral("certificates"), {1, 2}); // the recipient, the award
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_layoutInfo->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);

    // Printers of this computer; none installed still lets the clerk save PDFs.
    m_printer->setObjectName(QStringLiteral("printer"));
    const QStringList printers = QPrinterInfo::availablePrinterNames();
    for (const QString &name : printers)
        m_printer->addItem(name, name);
    if (printers.isEmpty())
        m_printer->addItem(tr("No printer installed (PDF only)"), QString());
    const int preferred = m_printer->findData(QPrinterInfo::defaultPrinterName());
    m_printer->setCurrentIndex(preferred >= 0 ? preferred : 0);

    auto *top = new QFormLayout;
    top->addRow(tr("Decision:"), new QLabel(tr("%1 of %2").arg(d.number, QLocale().toString(d.date, QLocale::ShortFormat)), this));
    top->addRow(tr("Blank:"), m_blank);
    top->addRow(QString(), m_layoutInfo);

    auto *calibration = new QGroupBox(tr("Printer and calibration"), this);
    auto *cal = new QFormLayout(calibration);
    cal->addRow(tr("Printer:"), m_printer);
    auto *offsets = new QHBoxLayout;
    offsets->addWidget(new QLabel(tr("across"), this));
    offsets->addWidget(m_offsetX);
    offsets->addWidget(new QLabel(tr("down"), this));
    offsets->addWidget(m_offsetY);
    offsets->addStretch();
    cal->addRow(tr("Offset:"), offsets);
    auto *measured = new QHBoxLayout;
    measured->addWidget(new QLabel(tr("from the left edge"), this));
    measured->addWidget(m_measuredLeft);
    measured->addWidget(new QLabel(tr("from the top edge"), this));
    measured->addWidget(m_measuredTop);
    QPushButton *apply = button(this, tr("Apply"), "applyMeasurement");
    measured->addWidget(apply);
    measured->addStretch();
    cal->addRow(tr("Cross measured on the test grid:"), measured);
    auto *gridRow = new QHBoxLayout;
    QPushButton *printGrid = button(this, tr("Print test grid"), "printGrid");
    QPushButton *saveGrid = button(this, tr("Save test grid as PDF…"), "saveGrid");
    gridRow->addWidget(printGrid);
    gridRow->addWidget(saveGrid);
    gridRow->addStretch();
    cal->addRow(QString(), gridRow);

    auto *layoutButton = new QToolButton(this);
    layoutButton->setObjectName(QStringLiteral("layoutMenu"));
    layoutButton->setText(tr("Layout"));
    layoutButton->setPopupMode(QToolButton::InstantPopup);
    auto *layoutMenu = new QMenu(layoutButton);
    const bool mayEdit = Core::Permissions::allowed(db, Core::Permissions::Action::EditLetterhead);
    layoutMenu->addAction(tr("Export…"), this, [this] {
        const QString path = FileDialogs::saveFile(
            this, tr("Export the layout"), QDir::home().filePath(blankType() + QStringLiteral(".json")), tr("Layouts (*.json)"));
        if (!path.isEmpty())
            exportLayout(path);
    });
    layoutMenu
        ->addAction(tr("Import…"), this,
                    [this] {
                        const QString path = FileDialogs::openFile(this, tr("Import a layout"), QDir::homePath(),
                                                                   tr("Layouts (*.json)"));
                        if (!path.isEmpty())
                            importLayout(path);
                    })
        ->setEnabled(mayEdit);
    layoutMenu->addAction(tr("Reset to the shipped layout"), this, &CertificateDialog::resetLayout)->setEnabled(mayEdit);
    layoutButton->setMenu(layoutMenu);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *previewButton = button(this, tr("Preview…"), "preview");
    QPushButton *printButton = button(this, tr("Print"), "print");
    QPushButton *saveButton = button(this, tr("Save as PDF…"), "savePdf");
    buttons->addButton(previewButton, QDialogButtonBox::ActionRole);
    buttons->addButton(printButton, QDialogButtonBox::ActionRole);
    buttons->addButton(saveButton, QDialogButtonBox::ActionRole);
    buttons->addButton(layoutButton, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("Select rows to print only those (a reprint); with none selected, all are printed "
                                    "in the order of the decision's list. A certificate gets its gold book number the "
                                    "first time it is printed or saved, and keeps it when reprinted."),
                                 this));
    layout->addWidget(m_table, 1);
    layout->addWidget(calibration);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_blank, &QComboBox::currentIndexChanged, this, &CertificateDialog::loadBlank);
    connect(m_printer, &QComboBox::currentIndexChanged, this, &CertificateDialog::loadOffset);
    connect(m_offsetX, &QDoubleSpinBox::valueChanged, this, &CertificateDialog::storeOffset);
    connect(m_offsetY, &QDoubleSpinBox::valueChanged, this, &CertificateDialog::storeOffset);
    connect(apply, &QPushButton::clicked, this, &CertificateDialog::applyMeasurement);
    connect(printGrid, &QPushButton::clicked, this, [this] { print(true); });
    connect(saveGrid, &QPushButton::clicked, this, [this] { askAndSave(true); });
    connect(previewButton, &QPushButton::clicked, this, &CertificateDialog::preview);
    connect(printButton, &QPushButton::clicked, this, [this] { print(false); });
    connect(saveButton, &QPushButton::clicked, this, [this] { askAndSave(false); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    printButton->setEnabled(!printers.isEmpty());
    printGrid->setEnabled(!printers.isEmpty());
    loadOffset();
    loadBlank();
}

QString CertificateDialog::whyNot(Core::Database &db, qint64 decisionId)
{
    try {
        const Core::Workflow::Decision d = Core::Workflow::DecisionRepository(db).decision(decisionId);
        if (!Core::Workflow::DecisionMachine::inForce(d.status))
            return tr("Certificates are printed once the decision is issued, with its final number and date.");
        if (blanksOf(db, decisionId).isEmpty())
            return tr("This decision awards nothing that is printed on a Bằng khen or Giấy khen blank.");
    } catch (const Core::Error &e) {
        return e.message();
    }
    return {};
}

CertificateDialog *CertificateDialog::show(QWidget *parent, Core::Database &db, qint64 decisionId)
{
    const QString why = whyNot(db, decisionId);
    if (!why.isEmpty()) {
        QMessageBox::information(parent, tr("Certificates"), why);
        return nullptr;
    }
    auto *dialog = new CertificateDialog(db, decisionId, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->QDialog::show();
    return dialog;
}

QString CertificateDialog::blankType() const
{
    return m_blank->currentData().toString();
}

QString CertificateDialog::printerName() const
{
    return m_printer->currentData().toString();
}

Cert::Offset CertificateDialog::offset() const
{
    return {m_offsetX->value(), m_offsetY->value()};
}

QList<Cert::Certificate> CertificateDialog::chosen() const
{
    QList<Cert::Certificate> out;
    for (int row = 0; row < m_all.size(); ++row)
        if (m_table->selectionModel()->isRowSelected(row, QModelIndex()))
            out << m_all.at(row);
    return out.isEmpty() ? m_all : out;
}

void CertificateDialog::loadBlank()
{
    m_all.clear();
    m_table->setRowCount(0);
    if (blankType().isEmpty())
        return;
    try {
        m_layout = Cert::layout(m_db, blankType());
        m_all = Cert::forDecision(m_db, m_decisionId, blankType());
    } catch (const Core::Error &e) {
        report(e.message(), true);
        return;
    }
    m_table->setRowCount(int(m_all.size()));
    for (int row = 0; row < m_all.size(); ++row) {
        const Cert::Certificate &c = m_all.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(QString::number(c.position)));
        m_table->setItem(row, 1, new QTableWidgetItem(c.awardeeName));
        m_table->setItem(row, 2, new QTableWidgetItem(c.text.value(QStringLiteral("form"))));
        m_table->setItem(row, 3, new QTableWidgetItem());
        showNumber(row);
    }
    m_layoutInfo->setText(tr("%1 × %2 mm, %3. %4")
                              .arg(m_layout.paper.width())
                              .arg(m_layout.paper.height())
                              .arg(Cert::hasOfficeLayout(m_db, blankType()) ? tr("the office's own layout") : tr("the shipped layout"),
                                   m_layout.source));
}

void CertificateDialog::loadOffset()
{
    // Filling the boxes must not write the value back as if the clerk had typed it.
    m_loading = true;
    const Cert::Offset stored = Core::Settings::certificateOffset(printerName());
    m_offsetX->setValue(stored.x());
    m_offsetY->setValue(stored.y());
    m_loading = false;
}

void CertificateDialog::storeOffset()
{
    if (!m_loading)
        Core::Settings::setCertificateOffset(printerName(), offset());
}

void CertificateDialog::applyMeasurement()
{
    const Cert::Offset next = Cert::corrected(offset(), m_measuredLeft->value(), m_measuredTop->value());
    m_offsetX->setValue(next.x());
    m_offsetY->setValue(next.y());
    storeOffset();
    m_measuredLeft->setValue(Cert::kCrossInset);
    m_measuredTop->setValue(Cert::kCrossInset);
    report(tr("New offset: %1 mm across, %2 mm down. Print the test grid again to check.")
               .arg(QLocale().toString(next.x(), 'f', 1), QLocale().toString(next.y(), 'f', 1)));
}

void CertificateDialog::showNumber(int row)
{
    const Cert::Certificate &c = m_all.at(row);
    QTableWidgetItem *item = m_table->item(row, 3);
    item->setText(c.goldBook > 0 ? tr("%1 of %2").arg(c.goldBook).arg(c.year) : tr("not printed yet"));
}

void CertificateDialog::noteNumbers(const QList<Cert::Certificate> &printed)
{
    for (const Cert::Certificate &p : printed)
        for (int row = 0; row < m_all.size(); ++row)
            if (m_all.at(row).awardeeId == p.awardeeId) {
                m_all[row] = p;
                showNumber(row);
            }
}

void CertificateDialog::printNumbered(const std::function<void(const QList<Cert::Certificate> &)> &print)
{
    QList<Cert::Certificate> list = chosen();
    Cert::printWithGoldBook(m_db, blankType(), list, print);
    noteNumbers(list);
}

bool CertificateDialog::savePdf(const QString &path)
{
    try {
        const QList<Cert::Certificate> list = chosen();
        printNumbered([&](const QList<Cert::Certificate> &numbered) { Cert::savePdf(m_layout, numbered, offset(), path); });
        report(tr("%n certificate(s) saved to %1.", nullptr, int(list.size())).arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const Core::Error &e) {
        report(e.message(), true);
        return false;
    }
}

bool CertificateDialog::saveTestGrid(const QString &path)
{
    try {
        Cert::saveTestGridPdf(m_layout, offset(), path);
        report(tr("Test grid saved to %1.").arg(QDir::toNativeSeparators(path)));
        return true;
    } catch (const Core::Error &e) {
        report(e.message(), true);
        return false;
    }
}

bool CertificateDialog::importLayout(const QString &path)
{
    QFile file(path);
    try {
        if (!file.open(QIODevice::ReadOnly))
            throw Core::Error(tr("%1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        Cert::saveOfficeLayout(m_db, blankType(), file.readAll());
    } catch (const Core::Error &e) {
        report(e.message(), true);
        return false;
    }
    loadBlank();
    report(tr("The office's layout of %1 is now in use.").arg(m_layout.name));
    return true;
}

bool CertificateDialog::exportLayout(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(Cert::toJson(m_layout)) < 0) {
        report(tr("%1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()), true);
        return false;
    }
    report(tr("Layout saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void CertificateDialog::resetLayout()
{
    try {
        Cert::resetOfficeLayout(m_db, blankType());
    } catch (const Core::Error &e) {
        report(e.message(), true);
        return;
    }
    loadBlank();
    report(tr("The shipped layout of %1 is in use again.").arg(m_layout.name));
}

QPrinter *CertificateDialog::newPrinter() const
{
    auto *printer = new QPrinter(QPrinter::HighResolution);
    if (!printerName().isEmpty())
        printer->setPrinterName(printerName());
    // The blank has no margins: draw from the paper's corner, not the printable area's.
    printer->setFullPage(true);
    printer->setDocName(m_layout.name);
    return printer;
}

void CertificateDialog::paintChosen(QPrinter *printer)
{
    try {
        // The numbers these certificates will get when printed; none is given by looking.
        QList<Cert::Certificate> list = chosen();
        Cert::previewGoldBook(m_db, blankType(), list);
        m_previewed = list;
        Cert::paint(m_layout, list, offset(), *printer);
    } catch (const Core::Error &e) {
        report(e.message(), true);
    }
}

void CertificateDialog::print(bool grid)
{
    const std::unique_ptr<QPrinter> printer(newPrinter());
    try {
        if (grid)
            Cert::paintTestGrid(m_layout, offset(), *printer);
        else
            printNumbered([&](const QList<Cert::Certificate> &numbered) { Cert::paint(m_layout, numbered, offset(), *printer); });
    } catch (const Core::Error &e) {
        report(e.message(), true);
        return;
    }
    report(grid ? tr("Test grid sent to %1.").arg(printerName())
                : tr("%n certificate(s) sent to %1.", nullptr, int(chosen().size())).arg(printerName()));
}

void CertificateDialog::preview()
{
    const std::unique_ptr<QPrinter> printer(newPrinter());
    QPrintPreviewDialog dialog(printer.get(), this);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &CertificateDialog::paintChosen);
    // Accepted means the preview was sent to the printer, with the numbers it showed: they are
    // given now. (Only another computer printing in between could make them differ; the
    // preview would then have printed numbers the book gave to others, so say so.)
    m_previewed.clear();
    if (dialog.exec() != QDialog::Accepted)
        return;
    try {
        const QList<Cert::Certificate> shown = m_previewed;
        QList<Cert::Certificate> given = chosen();
        Cert::assignGoldBook(m_db, blankType(), given);
        noteNumbers(given);
        for (int i = 0; i < given.size(); ++i)
            if (i >= shown.size() || given.at(i).goldBook != shown.at(i).goldBook)
                return report(tr("Another computer took some gold book numbers while this preview was printed: "
                                 "print those certificates again to have the right numbers on them."),
                              true);
    } catch (const Core::Error &e) {
        report(e.message(), true);
    }
}

void CertificateDialog::askAndSave(bool grid)
{
    // "bang-khen-QD-173-QD-UBND-24-01-2026.pdf": the decision's number and date, never an id.
    QString decision = QString::number(m_decisionId);
    try {
        const Core::Workflow::Decision d = Core::Workflow::DecisionRepository(m_db).decision(m_decisionId);
        decision = Core::Workflow::Registers::decisionFileStem(d.number, d.date);
    } catch (const Core::Error &) {
        // deleted meanwhile: saving will say so
    }
    const QString suggested = grid ? QStringLiteral("luoi-can-chinh-%1.pdf").arg(blankType())
                                   : QStringLiteral("%1-%2.pdf").arg(blankType(), decision);
    const QString path = FileDialogs::saveFile(this, grid ? tr("Save the test grid") : tr("Save the certificates"),
                                               QDir::home().filePath(suggested), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    grid ? saveTestGrid(path) : savePdf(path);
}

void CertificateDialog::report(const QString &text, bool problem)
{
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
    m_status->setText(text);
}

} // namespace VinhDanh::Ui
