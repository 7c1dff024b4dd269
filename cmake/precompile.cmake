# Precompiled headers: the Qt and Catch2 headers nearly every file includes are parsed once per
# target instead of once per file, which halves a clean build (CI builds from scratch twice: the
# suite and the fuzz targets). Off with -DVINHDANH_PCH=OFF, e.g. to check that each file still
# includes what it uses.
option(VINHDANH_PCH "Precompile the common Qt (and Catch2) headers" ON)

set(VINHDANH_PCH_CORE
    <QCoreApplication> <QDate> <QDateTime> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject>
    <QList> <QObject> <QSqlError> <QSqlQuery> <QString> <QStringList> <QVariant>
    <functional> <memory> <optional>)
set(VINHDANH_PCH_WIDGETS
    <QAbstractItemModel> <QComboBox> <QDialog> <QFormLayout> <QHBoxLayout> <QHeaderView> <QLabel>
    <QLineEdit> <QMessageBox> <QPushButton> <QTableView> <QVBoxLayout> <QWidget>)

# vinhdanh_precompile(target [WIDGETS] [CATCH]): WIDGETS for targets that link Qt Widgets, CATCH
# for test programs. A file that must see a macro before its first include (the Catch2 main's
# CATCH_CONFIG_RUNNER) is marked SKIP_PRECOMPILE_HEADERS where it is listed.
function(vinhdanh_precompile target)
    if(NOT VINHDANH_PCH)
        return()
    endif()
    cmake_parse_arguments(PCH "WIDGETS;CATCH" "" "" ${ARGN})
    set(headers ${VINHDANH_PCH_CORE})
    if(PCH_WIDGETS)
        list(APPEND headers ${VINHDANH_PCH_WIDGETS})
    endif()
    if(PCH_CATCH)
        list(APPEND headers <catch2/catch.hpp>)
    endif()
    target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
