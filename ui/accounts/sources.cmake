# Accounts, audit and concurrent-editing widgets (included by ui/CMakeLists.txt).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/conflictdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/conflictdialog.h
)
