#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/eligibility/eligibility.h"

#include <QDialog>
#include <QMap>
#include <QWidget>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTreeView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class EligibilityModel;

/// Small pieces every dossier screen shares: how dates, verdicts and tracks read, the reason
/// prompt and the engine-trace view.
namespace WorkflowText {
/// dd/MM/yyyy through the Vietnamese locale; empty for a null date.
QString date(const QDate &date);
/// dd/MM/yyyy HH:mm in local time; empty for a null timestamp.
QString timestamp(const QDateTime &at);
/// The engine's verdict code ("eligible", …) as a Verdict; false for an empty or unknown code.
bool verdictFromCode(const QString &code, Core::Eligibility::Verdict *out);
/// The label of a verdict code, "—" when none was recorded.
QString verdictText(const QString &code);
/// The movement's name, or "Regular (annual) track" for a dossier without one.
QString trackText(const Core::Workflow::Dossier &dossier);
/// The award form names by code (RecordRepository::awardForms()); empty on a read failure.
QMap<QString, QString> awardFormNames(Core::Database &db);
} // namespace WorkflowText

/// The look every list of these screens shares: whole rows selected one at a time, read-only
/// cells, no row numbers, the last column stretched.
void setUpTable(QTableView *table);

/// Asks `question` (Yes/No, No by default); on Yes runs `action`, which may throw Core::Error,
/// and shows its message under `failureTitle`. True when the action ran and succeeded.
bool confirmThen(QWidget *parent, const QString &title, const QString &question, const QString &failureTitle,
                 const std::function<void()> &action);

/// Asks for the reason of a transition (Return for supplement) or a decision: a text box, and
/// OK stays disabled while it is empty, so an empty reason cannot be given.
class ReasonDialog : public QDialog
{
    Q_OBJECT
public:
    ReasonDialog(const QString &title, const QString &prompt, QWidget *parent = nullptr);
    QString reason() const;
    QPlainTextEdit *editor() const { return m_edit; }
    QPushButton *okButton() const { return m_ok; }

private:
    QPlainTextEdit *m_edit;
    QPushButton *m_ok;
};

/// The engine's verdict for one nominee with its expandable trace: the eligibility panel's
/// own model and look (EligibilityModel) in a read-only tree, headed by a verdict line.
class TraceView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceView(QWidget *parent = nullptr);
    void setResult(const Core::Eligibility::Result &result);
    void clear();
    EligibilityModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    /// The verdict line as shown ("Not eligible — rule set …").
    QString verdictText() const;

private:
    QLabel *m_verdict;
    EligibilityModel *m_model;
    QTreeView *m_tree;
};

} // namespace VinhDanh::Ui
