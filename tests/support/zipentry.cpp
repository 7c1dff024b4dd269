// vinhdanh-zipentry ZIP ENTRY: prints one entry of a zip container (a .docx or .xlsx) to
// standard output, through QuaZip. A program of its own because libxlsxwriter carries its own
// minizip: with QuaZip in the same process, its zipOpen3 would be bound to QuaZip's and crash.
#include <QCoreApplication>
#include <QFile>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: vinhdanh-zipentry ZIP ENTRY\n");
        return 2;
    }
    QuaZip zip(args.at(1));
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(args.at(2)))
        return 1;
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray bytes = file.readAll();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return 0;
}
