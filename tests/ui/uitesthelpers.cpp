#include "uitesthelpers.h"

#include "core/repo/personrepository.h"
#include "core/repo/unitrepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QTest>

namespace VinhDanh::Test {

void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

MessageBoxAnswerer::MessageBoxAnswerer(QList<QMessageBox::StandardButton> answers) : m_answers(std::move(answers))
{
    m_timer.setInterval(10);
    connect(&m_timer, &QTimer::timeout, this, &MessageBoxAnswerer::poll);
    m_timer.start();
}

void MessageBoxAnswerer::poll()
{
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    if (!box || !box->isVisible())
        return;
    m_texts << box->text();
    const QMessageBox::StandardButton answer = m_answers.isEmpty() ? QMessageBox::Ok : m_answers.takeFirst();
    if (QAbstractButton *button = box->button(answer))
        button->click();
    else
        box->reject();
}

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

qint64 addUnit(Core::Database &db, const QString &name, qint64 parentId, const QString &kind)
{
    Core::Unit u;
    u.name = name;
    u.kind = kind;
    u.parentId = parentId;
    return Core::UnitRepository(db).save(u);
}

qint64 addPerson(Core::Database &db, const QString &fullName, qint64 unitId, const QString &cccd)
{
    Core::Person p;
    p.fullName = fullName;
    p.unitId = unitId;
    p.category = QStringLiteral("cong_chuc");
    p.cccd = cccd;
    return Core::PersonRepository(db).save(p);
}

} // namespace VinhDanh::Test
