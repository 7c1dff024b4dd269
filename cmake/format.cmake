# The house style (.clang-format) over the project's C++ sources: core/ ui/ app/ tests/.
#   cmake -DSOURCE_DIR=<repo> -DMODE=check -P cmake/format.cmake   # lists the files that differ, fails
#   cmake -DSOURCE_DIR=<repo> -DMODE=apply -P cmake/format.cmake   # rewrites them in place
# The targets `format-check` and `format` (top-level CMakeLists.txt) run it. Only clang-format 14's
# options are in .clang-format; another major version may format differently, so the version is
# checked rather than trusted.
cmake_minimum_required(VERSION 3.22)
if(NOT SOURCE_DIR OR NOT MODE MATCHES "^(check|apply)$")
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<repo> -DMODE=check|apply -P format.cmake")
endif()

find_program(CLANG_FORMAT NAMES clang-format-14 clang-format)
if(NOT CLANG_FORMAT)
    message(FATAL_ERROR "clang-format is not installed (Debian: apt-get install clang-format; scripts/install-deps.sh does it).")
endif()
execute_process(COMMAND ${CLANG_FORMAT} --version OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT version MATCHES "version 14\\.")
    message(FATAL_ERROR "The house style is written for clang-format 14; found: ${version}")
endif()

# Sources only: build trees live beside these folders, but a generated file (moc, autogen) that
# ever lands inside one is skipped too.
set(files)
foreach(dir core ui app tests)
    file(GLOB_RECURSE found LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}"
         "${SOURCE_DIR}/${dir}/*.cpp" "${SOURCE_DIR}/${dir}/*.h")
    list(APPEND files ${found})
endforeach()
list(FILTER files EXCLUDE REGEX "(^|/)(CMakeFiles|[^/]*_autogen)/")
list(SORT files)
list(LENGTH files count)

if(MODE STREQUAL "apply")
    execute_process(COMMAND ${CLANG_FORMAT} -i --style=file ${files}
                    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "clang-format failed (${rc})")
    endif()
    message(STATUS "Formatted ${count} files with ${SOURCE_DIR}/.clang-format")
    return()
endif()

# --dry-run --Werror reports each line that would change as "file:line:col: error: ..."; one
# name per file is enough to act on.
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror --ferror-limit=1 --style=file ${files}
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE rc ERROR_VARIABLE report)
if(rc EQUAL 0)
    message(STATUS "All ${count} files follow .clang-format")
    return()
endif()
string(REGEX MATCHALL "[^\n]+:[0-9]+:[0-9]+: error: code should be clang-formatted" lines "${report}")
set(differ)
foreach(line IN LISTS lines)
    string(REGEX REPLACE ":[0-9]+:[0-9]+: error: code should be clang-formatted$" "" file "${line}")
    list(APPEND differ "${file}")
endforeach()
list(REMOVE_DUPLICATES differ)
list(LENGTH differ bad)
if(bad EQUAL 0)
    # Not a style difference (an unreadable .clang-format, a file that vanished): show it all.
    message(FATAL_ERROR "clang-format failed (${rc}):\n${report}")
endif()
list(JOIN differ "\n  " listing)
message(FATAL_ERROR "${bad} of ${count} files do not follow .clang-format:\n  ${listing}\n"
                    "Apply it with: cmake --build <build dir> --target format")
