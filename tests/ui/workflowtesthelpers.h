#pragma once
// Helpers shared by the dossier widget tests (header-only), on top of uitesthelpers.h: seeding
// dossiers through the repository, and driving the modal dialogs a page opens with exec().

#include "tests/ui/uitesthelpers.h"

#include "core/dossiers/dossierrepository.h"
#include "core/registry/recordrepository.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>

#include <functional>
#include <memory>

namespace VinhDanh::Test {

/// When the next modal dialog of type T opens, runs `act` on it (which must close it). Polls
/// like MessageBoxAnswerer and, unlike onModal (accountstesthelpers.h), reports whether it ran
/// (so a dialog that never opened fails the test) and stops polling after `timeoutMs`.
template<typename T>
std::shared_ptr<bool> onNextDialog(std::function<void(T *)> act, int timeoutMs = 10000)
{
    auto ran = std::make_shared<bool>(false);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, act, ran, clock, timeoutMs] {
        T *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible()) {
            if (clock->elapsed() > timeoutMs) {
                timer->stop();
                timer->deleteLater();
            }
            return;
        }
        timer->stop();
        timer->deleteLater();
        *ran = true;
        act(dialog);
    });
    timer->start();
    return ran;
}

/// The OK button of a dialog built on QDialogButtonBox.
inline QPushButton *okButton(QDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    return box ? box->button(QDialogButtonBox::Ok) : nullptr;
}

/// The reason given in the tests for sending a dossier whose required documents are not all
/// attached (core asks for one since issue 13; the history keeps it).
inline QString missingDocumentsReason()
{
    return QStringLiteral("Hồ sơ giấy gửi kèm qua đường văn thư");
}

/// Answers the next ReasonDialog (ui/dossiers/workflowwidgets.h) with `reason` and OK, and
/// keeps the prompt it showed in `*prompt` when given.
template<typename Dialog>
std::shared_ptr<bool> answerReason(const QString &reason, std::shared_ptr<QString> prompt = {})
{
    return onNextDialog<Dialog>([reason, prompt](Dialog *dialog) {
        if (prompt) {
            QStringList texts;
            for (const QLabel *label : dialog->template findChildren<QLabel *>())
                texts << label->text();
            *prompt = texts.join(QLatin1Char('\n'));
        }
        typeText(dialog->editor(), reason);
        dialog->okButton()->click();
    });
}

inline qint64 addDossier(Core::Database &db, qint64 unitId, int year = 2024,
                         const QString &title = QStringLiteral("Đề nghị khen thưởng năm 2024"), qint64 movementId = 0,
                         const QString &occasion = QStringLiteral("annual"))
{
    Core::Workflow::Dossier d;
    d.unitId = unitId;
    d.year = year;
    d.title = title;
    d.movementId = movementId;
    d.occasion = occasion;
    return Core::Workflow::DossierRepository(db).save(d);
}

/// A nominee entered without the dialog; `proceedReason` for one the engine finds not eligible.
inline qint64 addNominee(Core::Database &db, qint64 dossierId, const Core::Subject &subject,
                         const QString &formCode = QStringLiteral("LDTT"), const QString &proceedReason = {})
{
    Core::Workflow::Nominee n;
    n.dossierId = dossierId;
    n.personId = subject.personId;
    n.unitId = subject.unitId;
    n.formCode = formCode;
    n.summary = QStringLiteral("Hoàn thành xuất sắc nhiệm vụ được giao.");
    n.proceedReason = proceedReason;
    return Core::Workflow::DossierRepository(db).saveNominee(n);
}

/// A unit with one rated person and a draft dossier that names them (LDTT, nothing blocking).
struct DraftDossier
{
    qint64 unit = 0;
    qint64 person = 0;
    qint64 dossier = 0;
};

inline DraftDossier addDraftWithNominee(Core::Database &db, const QString &unitName, const QString &personName)
{
    DraftDossier d;
    d.unit = addUnit(db, unitName);
    d.person = addPerson(db, personName, d.unit);
    Core::RecordRepository records(db);
    for (int year = 2023; year <= 2024; ++year) {
        Core::Rating r;
        r.subject = Core::Subject::person(d.person);
        r.year = year;
        r.rating = QStringLiteral("HTXSNV");
        records.setRating(r);
    }
    d.dossier = addDossier(db, d.unit);
    addNominee(db, d.dossier, Core::Subject::person(d.person));
    return d;
}

} // namespace VinhDanh::Test
