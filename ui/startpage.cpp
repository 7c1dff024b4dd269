#include "ui/startpage.h"

#include "core/db/database.h"
#include "core/demo/demogenerator.h"
#include "core/error.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/filedialogs.h"

#include <QCommandLinkButton>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 12, 0, 0);
    return label;
}
} // namespace

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    // The buttons stay in one readable column in the middle of a wide window.
    auto *column = new QWidget(this);
    column->setMaximumWidth(720);
    auto *layout = new QVBoxLayout(column);

    auto *title = new QLabel(tr("Getting started"), column);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    layout->addWidget(title);
    m_intro = new QLabel(column);
    m_intro->setObjectName(QStringLiteral("startIntro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    layout->addWidget(heading(tr("1. Set up the office"), column));
    m_letterhead = addButton(QStringLiteral("startLetterhead"), tr("The &letterhead…"),
                             tr("The office's name, the signers and the recipients printed on every document."),
                             &StartPage::letterheadRequested);
    layout->addWidget(m_letterhead);
    m_payData = addButton(QStringLiteral("startPayData"), tr("&Base salary, bonuses and votes…"),
                          tr("The base salary and coefficients that price each award, and the council's vote "
                             "thresholds."),
                          &StartPage::payDataRequested);
    layout->addWidget(m_payData);
    m_firstAccount = addButton(QStringLiteral("startFirstAccount"), tr("The first accou&nt (optional)…"),
                               tr("Only when several people share this database: each then logs in and the audit "
                                  "log names who changed what."),
                               &StartPage::firstAccountRequested);
    layout->addWidget(m_firstAccount);

    layout->addWidget(heading(tr("2. Fill the registry"), column));
    m_import = addButton(QStringLiteral("startImport"), tr("&Import a staff list from Excel…"),
                         tr("Units and people from an .xlsx or .csv file; every row is checked and shown before "
                            "anything is written."),
                         &StartPage::importRequested);
    layout->addWidget(m_import);
    m_byHand = addButton(QStringLiteral("startByHand"), tr("Enter &units by hand"),
                         tr("Go to the list of units and add the first one."), &StartPage::enterByHandRequested);
    layout->addWidget(m_byHand);

    layout->addWidget(heading(tr("Or"), column));
    layout->addWidget(addButton(QStringLiteral("startSample"), tr("Open the sample &province…"),
                                tr("A made-up province with units, people, ten years of records and an award "
                                   "season, in a new file you choose: try every screen without touching real data."),
                                &StartPage::sampleRequested));
    layout->addWidget(addButton(QStringLiteral("startOpen"), tr("&Open another database…"),
                                tr("A database file made earlier or copied from another computer."), &StartPage::openFileRequested));
    layout->addStretch();

    auto *outer = new QHBoxLayout(this);
    outer->addStretch();
    outer->addWidget(column, 4);
    outer->addStretch();
    setDatabaseOpen(false, false); // until the main window says otherwise
}

QCommandLinkButton *StartPage::addButton(const QString &objectName, const QString &title, const QString &description,
                                         void (StartPage::*signal)())
{
    auto *button = new QCommandLinkButton(title, description, this);
    button->setObjectName(objectName);
    connect(button, &QCommandLinkButton::clicked, this, signal);
    return button;
}

void StartPage::setDatabaseOpen(bool open, bool canCreateFirstAccount)
{
    m_intro->setText(open ? tr("This database has no units and no people yet. Start with one of these; you can "
                               "come back to each of them later from the menus.")
                          : tr("No database is open. Open the sample province to try the program, or open a "
                               "database file."));
    for (QCommandLinkButton *button : {m_letterhead, m_payData, m_import, m_byHand})
        button->setEnabled(open);
    m_firstAccount->setEnabled(open && canCreateFirstAccount);
}

QString StartPage::makeSampleProvince(QWidget *parent)
{
    const QString caption = tr("New file for the sample province");
    QString path = FileDialogs::saveFile(parent, caption, QDir::homePath(), tr("Vinh Danh databases (*.sqlite *.db);;All files (*)"));
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    // The sample goes into a new file only: never over a database (or anything else) that exists.
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(
            parent, caption,
            tr("The file %1 already exists. Choose a new name for the sample province.").arg(QDir::toNativeSeparators(path)));
        return {};
    }
    QProgressDialog progress(tr("Making the sample province…"), QString(), 0, 0, parent);
    progress.setWindowTitle(caption);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setCancelButton(nullptr); // one transaction: stopping half-way would gain nothing
    progress.show();
    QCoreApplication::processEvents();
    QString error;
    QString detail;
    try {
        Core::Database db(Core::ConnectionSettings::sqlite(path), Core::Database::Mode::OpenOrCreate);
        // The generator's own sentences ("people…", "the award season…") are the progress text.
        Core::Demo::generateProvince(db, Core::DemoOptions{}, [&progress](const QString &step) {
            progress.setLabelText(step);
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
        });
    } catch (const Core::Error &e) {
        error = e.message();
        detail = e.detail();
    }
    progress.close();
    if (!error.isEmpty()) {
        // The file was made here a moment ago: remove it with SQLite's side files.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(path + suffix);
        showError(parent, caption, tr("The sample province could not be made: %1").arg(error), detail);
        return {};
    }
    return path;
}

} // namespace VinhDanh::Ui
