#include "uitesthelpers.h"

#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QTabBar>
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

QChar mnemonicOf(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

QMap<QChar, QStringList> mnemonics(QWidget *window)
{
    QMap<QChar, QStringList> found;
    const auto add = [&](const QString &text) {
        if (const QChar c = mnemonicOf(text); !c.isNull())
            found[c] << text;
    };
    for (QMenuBar *bar : window->findChildren<QMenuBar *>())
        for (QAction *action : bar->actions())
            if (action->isVisible())
                add(action->text());
    for (QWidget *w : window->findChildren<QWidget *>()) {
        if (w->window() != window || !w->isVisibleTo(window))
            continue;
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabVisible(i))
                    add(tabs->tabText(i));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            add(button->text());
        } else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy()) {
            add(label->text());
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            add(group->title());
        }
    }
    return found;
}

QStringList collisions(QWidget *window, const QString &where)
{
    QStringList out;
    const QMap<QChar, QStringList> found = mnemonics(window);
    for (auto it = found.cbegin(); it != found.cend(); ++it)
        if (it.value().size() > 1)
            out << QStringLiteral("%1 – Alt+%2: %3").arg(where, it.key(), it.value().join(QStringLiteral(" | ")));
    return out;
}

} // namespace VinhDanh::Test
