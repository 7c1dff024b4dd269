# Pieces every folder of the UI shares (included by ui/CMakeLists.txt).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/errorbox.cpp ${CMAKE_CURRENT_LIST_DIR}/errorbox.h
    ${CMAKE_CURRENT_LIST_DIR}/filedialogs.cpp ${CMAKE_CURRENT_LIST_DIR}/filedialogs.h
    ${CMAKE_CURRENT_LIST_DIR}/backupactions.cpp ${CMAKE_CURRENT_LIST_DIR}/backupactions.h
    ${CMAKE_CURRENT_LIST_DIR}/commitprogress.cpp ${CMAKE_CURRENT_LIST_DIR}/commitprogress.h
    ${CMAKE_CURRENT_LIST_DIR}/keyboard.cpp ${CMAKE_CURRENT_LIST_DIR}/keyboard.h
    ${CMAKE_CURRENT_LIST_DIR}/changewatch.cpp ${CMAKE_CURRENT_LIST_DIR}/changewatch.h
    ${CMAKE_CURRENT_LIST_DIR}/recordpage.cpp ${CMAKE_CURRENT_LIST_DIR}/recordpage.h
    ${CMAKE_CURRENT_LIST_DIR}/columns.cpp ${CMAKE_CURRENT_LIST_DIR}/columns.h
    ${CMAKE_CURRENT_LIST_DIR}/startuparguments.cpp ${CMAKE_CURRENT_LIST_DIR}/startuparguments.h
    ${CMAKE_CURRENT_LIST_DIR}/screenshotpages.cpp ${CMAKE_CURRENT_LIST_DIR}/screenshotpages.h
)
