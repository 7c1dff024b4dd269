#include "ui/widgets/filedialogs.h"

#include <QAbstractFileIconProvider>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QIdentityProxyModel>
#include <QLocale>
#include <QStyle>

namespace VinhDanh::Ui::FileDialogs {

namespace {
/// Icons and type names from what stat() says (folder or file, and the file's extension):
/// Qt's default provider asks QMimeDatabase, which opens files whose name says nothing.
class StatOnlyIconProvider : public QAbstractFileIconProvider
{
public:
    QIcon icon(IconType type) const override
    {
        return QApplication::style()->standardIcon(type == Folder || type == Computer || type == Drive ? QStyle::SP_DirIcon
                                                                                                       : QStyle::SP_FileIcon);
    }
    QIcon icon(const QFileInfo &info) const override
    {
        return QApplication::style()->standardIcon(info.isDir() ? QStyle::SP_DirIcon : QStyle::SP_FileIcon);
    }
    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QFileDialog::tr("Folder");
        const QString suffix = info.suffix();
        return suffix.isEmpty() ? QFileDialog::tr("File") : QFileDialog::tr("%1 File").arg(suffix.toUpper());
    }
};

/// The dates and sizes of the list in the program's language. Qt's file model writes them with
/// the system locale (QLocale::system(), read once from LC_TIME/LANG before the program could
/// choose), so on an English desktop a Vietnamese clerk would read "6 Dec 2026 09:05:00".
/// QLocale() is the language the program runs in (Core::Language::install sets it).
class LocalisedColumns : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        const auto *files = qobject_cast<const QFileSystemModel *>(sourceModel());
        if (role != Qt::DisplayRole || !files || !index.isValid())
            return QIdentityProxyModel::data(index, role);
        const QModelIndex source = mapToSource(index);
        switch (index.column()) {
        case 1: // size; folders have none
            return files->isDir(source) ? QIdentityProxyModel::data(index, role)
                                        : QVariant(QLocale().formattedDataSize(files->size(source)));
        case 3: // date modified
            return QLocale().toString(files->lastModified(source), QLocale::ShortFormat);
        default: return QIdentityProxyModel::data(index, role);
        }
    }
};

StatOnlyIconProvider *provider()
{
    static StatOnlyIconProvider instance; // shared: a provider is only asked, never owned by the dialog
    return &instance;
}

QString run(QWidget *parent, const QString &caption, const QString &dir, const QString &filter, QFileDialog::AcceptMode mode)
{
    QFileDialog *dialog = make(parent, caption, dir, filter);
    dialog->setAcceptMode(mode);
    dialog->setFileMode(mode == QFileDialog::AcceptOpen ? QFileDialog::ExistingFile : QFileDialog::AnyFile);
    QString chosen;
    if (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty())
        chosen = dialog->selectedFiles().constFirst();
    delete dialog;
    return chosen;
}
} // namespace

QFileDialog *make(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    auto *dialog = new QFileDialog(parent, caption, dir.isEmpty() ? QDir::homePath() : dir, filter);
    // Set before anything is shown: the platform's dialog would bypass the provider.
    dialog->setOption(QFileDialog::DontUseNativeDialog, true);
    dialog->setOption(QFileDialog::DontUseCustomDirectoryIcons, true);
    dialog->setIconProvider(provider());
    dialog->setProxyModel(new LocalisedColumns(dialog)); // the dialog takes no ownership: parented to it
    return dialog;
}

QString openFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    return run(parent, caption, dir, filter, QFileDialog::AcceptOpen);
}

QString saveFile(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    return run(parent, caption, dir, filter, QFileDialog::AcceptSave);
}

QString saveRejectedRows(QWidget *parent, const QString &sourcePath)
{
    const QFileInfo source(sourcePath);
    const QString suggested = source.absoluteDir().filePath(
        QCoreApplication::translate("FileDialogs", "%1 - rejected rows.xlsx").arg(source.completeBaseName()));
    QString path = saveFile(parent, QCoreApplication::translate("FileDialogs", "Save rejected rows"), suggested,
                            QCoreApplication::translate("FileDialogs", "Excel workbooks (*.xlsx);;CSV files (*.csv)"));
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".xlsx");
    return path;
}

} // namespace VinhDanh::Ui::FileDialogs
