#pragma once

#include "ui/council/registerview.h"

namespace VinhDanh::Ui {

class DecisionListModel;
class DecisionPage;

/// The decisions register: the list (number, date, issuer, signer, awardees, total, status)
/// and, in its place, the page of the decision opened from it. MainWindow embeds it and hands
/// it the open database (setDatabase(), from RegisterView, which also holds the list's workings).
class DecisionsView : public RegisterView
{
    Q_OBJECT
public:
    explicit DecisionsView(QWidget *parent = nullptr);

    DecisionListModel *model() const { return m_model; }
    DecisionPage *page() const { return m_page; }

public slots:
    void openDecision(qint64 id);
    /// A new draft: the office's issuer, this year, the next number, today, and the signer of
    /// the latest decision.
    void newDecision();

signals:
    /// A decision was created, changed, issued or deleted (the registry may have new awards).
    void decisionsChanged();

protected:
    QString countText(int rows) const override;
    QString unsavedQuestion() const override;

private:
    DecisionListModel *m_model;
    DecisionPage *m_page;
};

} // namespace VinhDanh::Ui
