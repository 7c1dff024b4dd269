#pragma once

#include "ui/registry/subjectpage.h"

namespace VinhDanh::Ui {

/// A person's page: details (the one page where the CCCD and birth date appear), yearly
/// records, award ledger, initiatives and disciplines (SubjectPage).
class PersonPage : public SubjectPage
{
    Q_OBJECT
public:
    PersonPage(Core::Database &db, qint64 personId, QWidget *parent = nullptr);
    qint64 personId() const { return subject().personId; }

protected:
    void readDetails() override;
    bool runEditDialog() override;
    const char *logName() const override { return "person page"; }
};

} // namespace VinhDanh::Ui
