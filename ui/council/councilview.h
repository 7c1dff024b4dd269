#pragma once

#include "ui/council/registerview.h"

namespace VinhDanh::Ui {

class SittingListModel;
class SittingPage;

/// The council's sittings: a list (title, date, year, attendance, quorum, status) and, in
/// its place, the page of the sitting opened from it. MainWindow embeds it and hands it the
/// open database (setDatabase(), from RegisterView, which also holds the list's workings).
class CouncilView : public RegisterView
{
    Q_OBJECT
public:
    explicit CouncilView(QWidget *parent = nullptr);

    SittingListModel *model() const { return m_model; }
    SittingPage *page() const { return m_page; }

public slots:
    /// Shows the page of sitting `id`.
    void openSession(qint64 id);
    /// Shows a new sitting's page: today, this year, the members of the latest sitting.
    void newSession();

signals:
    /// A sitting was created or changed (dossier statuses may have moved too).
    void sessionsChanged();

protected:
    QString countText(int rows) const override;
    QString unsavedQuestion() const override;

private:
    SittingListModel *m_model;
    SittingPage *m_page;
};

} // namespace VinhDanh::Ui
