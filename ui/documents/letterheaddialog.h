#pragma once

#include "core/documents/letterhead.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class EditableTable;

/// Settings ▸ Letterhead: the office's header on every document (the issuing body and its
/// parent, the abbreviation in document numbers, the place of the date line, the head's
/// title, the collective name for "TM."), the people who sign and the usual recipients.
/// OK saves through Letterhead::save; a refusal is shown and the dialog stays open. An account
/// that may not edit the letterhead sees it read-only, with a line saying so.
class LetterheadDialog : public QDialog
{
    Q_OBJECT
public:
    enum SignerColumn { NameColumn, TitleColumn, AuthorityColumn };

    explicit LetterheadDialog(Core::Database &db, QWidget *parent = nullptr);

    bool isReadOnly() const { return m_readOnly; }
    /// What the form holds now, as it would be saved.
    Documents::Letterhead letterhead() const;
    EditableTable *signersTable() const { return m_signers; }

public slots:
    /// Saves and closes; on a refusal shows the reason and stays open.
    void accept() override;

private:
    void load(const Documents::Letterhead &l);

    Core::Database &m_db;
    bool m_readOnly = false;
    // Several lines each: a name is printed on the lines typed here (Letterhead::lines).
    QPlainTextEdit *m_parentBody;
    QPlainTextEdit *m_body;
    QLineEdit *m_abbreviation;
    QLineEdit *m_place;
    QLineEdit *m_headTitle;
    QLineEdit *m_collective;
    EditableTable *m_signers;
    QPlainTextEdit *m_recipients;
    QPlainTextEdit *m_basesBefore;
    QPlainTextEdit *m_basesAfter;
    QLabel *m_note;
};

} // namespace VinhDanh::Ui
