# Pieces of the UI above its folders: backups, progress, keyboard, record pages, start-up, screenshots
# (included by ui/CMakeLists.txt). The widgets the folders share are in ui/widgets/.
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/application.cpp ${CMAKE_CURRENT_LIST_DIR}/application.h
    ${CMAKE_CURRENT_LIST_DIR}/backupactions.cpp ${CMAKE_CURRENT_LIST_DIR}/backupactions.h
    ${CMAKE_CURRENT_LIST_DIR}/commitprogress.cpp ${CMAKE_CURRENT_LIST_DIR}/commitprogress.h
    ${CMAKE_CURRENT_LIST_DIR}/keyboard.cpp ${CMAKE_CURRENT_LIST_DIR}/keyboard.h
    ${CMAKE_CURRENT_LIST_DIR}/recordpage.cpp ${CMAKE_CURRENT_LIST_DIR}/recordpage.h
    ${CMAKE_CURRENT_LIST_DIR}/startuparguments.cpp ${CMAKE_CURRENT_LIST_DIR}/startuparguments.h
    ${CMAKE_CURRENT_LIST_DIR}/screenshotpages.cpp ${CMAKE_CURRENT_LIST_DIR}/screenshotpages.h
)
