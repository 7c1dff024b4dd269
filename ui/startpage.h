#pragma once

#include <QWidget>

class QCommandLinkButton;
class QLabel;

namespace VinhDanh::Ui {

/// What a clerk sees on an empty database (no units, no people) or with no database open: what
/// to do first, one button each. The page only asks; the main window does the work with the
/// dialogs and actions it already has, and hides the page once the registry has data.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    /// With no database open only "sample province" and "open a file" make sense.
    /// `canCreateFirstAccount` is false once the database has accounts.
    void setDatabaseOpen(bool open, bool canCreateFirstAccount);

    /// Asks for a new file, fills it with the demo generator's sample province (a progress
    /// dialog says what it is doing) and returns its path; empty when the clerk cancelled or it
    /// failed (said in a message box). A failed run removes the file it created, so nothing
    /// half-made is left behind; an existing file is never used.
    static QString makeSampleProvince(QWidget *parent);

signals:
    void letterheadRequested();
    void payDataRequested();
    void firstAccountRequested();
    void importRequested();
    void enterByHandRequested();
    void sampleRequested();
    void openFileRequested();

private:
    QCommandLinkButton *addButton(const QString &objectName, const QString &title, const QString &description,
                                  void (StartPage::*signal)());

    QLabel *m_intro;
    QCommandLinkButton *m_letterhead;
    QCommandLinkButton *m_payData;
    QCommandLinkButton *m_firstAccount;
    QCommandLinkButton *m_import;
    QCommandLinkButton *m_byHand;
};

} // namespace VinhDanh::Ui
