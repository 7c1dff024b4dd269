#pragma once

#include <QToolButton>

#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// "Print / save…": the button every page puts beside its record (a dossier, a sitting, a
/// decision, a person, a unit, a movement). Its menu lists the official documents made from
/// that record; choosing one opens them in a DocumentDialog. Disabled, with the reason as its
/// tooltip, while the page shows nothing that is saved.
class PrintButton : public QToolButton
{
    Q_OBJECT
public:
    explicit PrintButton(QWidget *parent = nullptr);

    /// Adds document `kindCode` (a Documents kind code) to the menu under `label`. The menu
    /// entry is named "print_<kindCode>".
    QAction *addDocument(const QString &kindCode, const QString &label);
    /// The menu entry of `kindCode`, or nullptr.
    QAction *documentAction(const QString &kindCode) const;

    /// The record the documents are made from; a null database or an id ≤ 0 disables the
    /// button, `whyNot` (e.g. "Save the sitting first") then being its tooltip.
    void setRecord(Core::Database *db, qint64 recordId, const QString &whyNot = {});
    qint64 recordId() const { return m_recordId; }

    /// For a movement report: asked before the document is made, returns false to cancel and
    /// otherwise sets the year (or 0) and the occasion ("annual", "so_ket", "tong_ket").
    using OccasionChooser = std::function<bool(int *year, QString *occasion)>;
    void setOccasionChooser(OccasionChooser chooser) { m_chooser = std::move(chooser); }

    /// Opens document `kindCode` of the record (what the menu entries do).
    void openDocument(const QString &kindCode);

private:
    Core::Database *m_db = nullptr;
    qint64 m_recordId = 0;
    OccasionChooser m_chooser;
};

} // namespace VinhDanh::Ui
