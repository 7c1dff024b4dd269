#include "ui/common/filedialogs.h"

#include <QAbstractFileIconProvider>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
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
        return QApplication::style()->standardIcon(type == Folder || type == Computer || type == Drive
                                                       ? QStyle::SP_DirIcon
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

} // namespace VinhDanh::Ui::FileDialogs
