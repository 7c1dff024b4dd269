#pragma once
// The start-up every fuzz target shares: a Qt application (some code paths need one) in test
// mode, so a fuzz run never reads or writes a clerk's settings or data folder. Messages stay in
// the English source language: the fuzzer judges behaviour, not wording.
#include <QCoreApplication>
#include <QStandardPaths>

namespace VinhDanh::Fuzz {

inline void startQt(int *argc, char ***argv)
{
    // Never destroyed: libFuzzer leaves through exit(), and a QCoreApplication torn down by
    // static destructors after the SQL connections would only add noise to the report.
    static QCoreApplication *app = new QCoreApplication(*argc, *argv);
    (void)app;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("VinhDanhFuzz"));
    QCoreApplication::setApplicationName(QStringLiteral("VinhDanhFuzz"));
}

} // namespace VinhDanh::Fuzz
