#pragma once

// Helpers for the accounts widget tests: seeding accounts through the core, and answering a
// modal dialog (login, new account) the code under test opens with exec().

#include "core/accounts/accountrepository.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <functional>

namespace VinhDanh::Test {

inline const QString kPassword = QStringLiteral("mat-khau-2025");

/// The database's first account (so its administrator), logged in on `db`.
inline void addAdmin(Core::Database &db, const QString &username = QStringLiteral("quan.tri"))
{
    Core::AccountRepository accounts(db);
    accounts.create(username, QStringLiteral("Nguyễn Văn Quản"), QStringLiteral("admin"), 0, kPassword);
    accounts.login(username, kPassword);
}

/// Waits for the modal dialog of type T (polling, as it opens inside exec()) and runs `act`.
template<typename T>
void onModal(const std::function<void(T *)> &act, int attempts = 300)
{
    QTimer::singleShot(10, [act, attempts] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (dialog && dialog->isVisible())
            act(dialog);
        else if (attempts > 0)
            onModal<T>(act, attempts - 1);
    });
}

inline void clickButton(QWidget *dialog, QDialogButtonBox::StandardButton which)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(which), Qt::LeftButton);
}

} // namespace VinhDanh::Test
