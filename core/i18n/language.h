#pragma once

#include <QString>

class QCoreApplication;

namespace VinhDanh::Core::Language {

/// Installs the translators for `language` ("vi" or "en") on the application: the program's
/// own catalogue, which also carries Vietnamese for Qt's standard dialog texts (Debian ships
/// no qtbase_vi). English is the source language and needs no translator. Returns false
/// when the Vietnamese catalogue is missing from the build.
bool install(QCoreApplication &app, const QString &language);

} // namespace VinhDanh::Core::Language
