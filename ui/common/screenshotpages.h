#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace VinhDanh::Ui {

class MainWindow;

/// `vinhdanh --screenshot FILE.png --page NAME`: the pages the user guide pictures
/// (docs/huong-dan-su-dung.md, made by scripts/screenshots.sh). A record's page (person,
/// dossier, sitting, …) shows the first record of its list, so the same demo database always
/// gives the same picture.
namespace ScreenshotPages {

/// Every NAME --page accepts, in the order of the guide.
QStringList names();

/// The sentence for an unknown NAME, listing the names (translated, context "main").
QString unknownPageMessage(const QString &name);

/// Shows page `name` in `window` (whose database is open) and returns the window to picture:
/// `window` itself, or the record's own window (a person's page, a dossier, the audit log).
/// nullptr with `error` set when the page cannot be shown (an unknown name, an empty list,
/// the start page of a database that is not empty).
QWidget *show(MainWindow &window, const QString &name, QString *error);

} // namespace ScreenshotPages
} // namespace VinhDanh::Ui
