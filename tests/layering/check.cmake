# The layering rule (core is GUI-free), checked two ways, since either alone can pass by accident:
# 1. no file under core/ includes a widget or print-support header — whatever the spelling:
#    <QtWidgets/QWidget> would compile in core, because Qt6::Core exports the qt6 include root;
# 2. the probe (a file including <QWidget>, linking only the core library) fails to build, and
#    fails because the compiler cannot find the header — not for any other reason.
# Run as: cmake -DSOURCE_DIR=… -DBINARY_DIR=… -P check.cmake
file(GLOB_RECURSE sources "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h")
set(widget_include "#[ \t]*include[ \t]*[<\"](QtWidgets|QtPrintSupport)/|#[ \t]*include[ \t]*[<\"]Q(Widget|Dialog|MainWindow|MessageBox|Application|PushButton|LineEdit|Label|FileDialog|TableView|TreeView|Printer|PrintDialog)[>\"]")
foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "${widget_include}")
    if(hits)
        message(FATAL_ERROR "${source} includes a widget header: ${hits}")
    endif()
endforeach()

execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --target core_widget_probe
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(result EQUAL 0)
    message(FATAL_ERROR "the probe including <QWidget> compiled against the core library alone")
endif()
if(NOT "${output}${errors}" MATCHES "QWidget: No such file or directory")
    message(FATAL_ERROR "the probe failed, but not because <QWidget> is out of reach:\n${output}${errors}")
endif()
message(STATUS "core includes no widget header, and cannot reach one")
