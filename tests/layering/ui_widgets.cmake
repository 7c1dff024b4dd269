# The shared widgets are the lowest layer of the UI: every `#include "ui/…"` in a file under
# ui/widgets/ must name ui/widgets/ itself, never a page's folder (ui/registry/, ui/council/…) nor
# ui/'s own files (the main window). Otherwise a widget would drag a page into every folder that
# uses it. Fails naming the file, the line and the forbidden direction.
# Run as: cmake -DSOURCE_DIR=… -P ui_widgets.cmake
cmake_minimum_required(VERSION 3.22)

file(GLOB_RECURSE sources "${SOURCE_DIR}/ui/widgets/*.cpp" "${SOURCE_DIR}/ui/widgets/*.h")
if(NOT sources)
    message(FATAL_ERROR "no sources under ${SOURCE_DIR}/ui/widgets/: the check would pass on nothing")
endif()
set(errors)
foreach(source IN LISTS sources)
    file(STRINGS "${source}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]ui/")
    foreach(hit IN LISTS hits)
        if(hit MATCHES "^[ \t]*#[ \t]*include[ \t]*[\"<]ui/widgets/")
            continue()
        endif()
        # ui/<folder>/ when the include names a folder, else the file in ui/ itself.
        if(hit MATCHES "^[ \t]*#[ \t]*include[ \t]*[\"<]ui/([^/\">]+/)")
            set(target "ui/${CMAKE_MATCH_1}")
        else()
            string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[\"<]([^\">]+)[\">].*$" "\\1" target "${hit}")
        endif()
        # The line number, for the message: count the newlines before the include.
        file(READ "${source}" content)
        string(FIND "${content}" "${hit}" at)
        string(SUBSTRING "${content}" 0 ${at} before)
        string(REGEX MATCHALL "\n" newlines "${before}")
        list(LENGTH newlines line)
        math(EXPR line "${line} + 1")
        file(RELATIVE_PATH relative "${SOURCE_DIR}" "${source}")
        list(APPEND errors "${relative}:${line}: ui/widgets/ -> ${target} is forbidden: ${hit}")
    endforeach()
endforeach()
if(errors)
    list(JOIN errors "\n" text)
    message(FATAL_ERROR "the shared widgets include another folder of ui/ (tests/layering/ui_widgets.cmake):\n${text}")
endif()
list(LENGTH sources count)
message(STATUS "the ${count} files of ui/widgets/ include no other folder of ui/")
