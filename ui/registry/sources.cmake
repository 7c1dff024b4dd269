# The registry folder's sources (included by ui/CMakeLists.txt), plus the main window, which
# lives in ui/ itself.
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../mainwindow.cpp ${CMAKE_CURRENT_LIST_DIR}/../mainwindow.h
    ${CMAKE_CURRENT_LIST_DIR}/../startpage.cpp ${CMAKE_CURRENT_LIST_DIR}/../startpage.h
    ${CMAKE_CURRENT_LIST_DIR}/formdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/formdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/unitlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/unitlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/unittreemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/unittreemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/personlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/personlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/unitsview.cpp ${CMAKE_CURRENT_LIST_DIR}/unitsview.h
    ${CMAKE_CURRENT_LIST_DIR}/peopleview.cpp ${CMAKE_CURRENT_LIST_DIR}/peopleview.h
    ${CMAKE_CURRENT_LIST_DIR}/unitdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/unitdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/persondialog.cpp ${CMAKE_CURRENT_LIST_DIR}/persondialog.h
    ${CMAKE_CURRENT_LIST_DIR}/recorddialogs.cpp ${CMAKE_CURRENT_LIST_DIR}/recorddialogs.h
    ${CMAKE_CURRENT_LIST_DIR}/recordswidget.cpp ${CMAKE_CURRENT_LIST_DIR}/recordswidget.h
    ${CMAKE_CURRENT_LIST_DIR}/subjectpage.cpp ${CMAKE_CURRENT_LIST_DIR}/subjectpage.h
    ${CMAKE_CURRENT_LIST_DIR}/unitpage.cpp ${CMAKE_CURRENT_LIST_DIR}/unitpage.h
    ${CMAKE_CURRENT_LIST_DIR}/personpage.cpp ${CMAKE_CURRENT_LIST_DIR}/personpage.h
    ${CMAKE_CURRENT_LIST_DIR}/importtabledialog.cpp ${CMAKE_CURRENT_LIST_DIR}/importtabledialog.h
    ${CMAKE_CURRENT_LIST_DIR}/importpreviewmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/encodingbar.cpp ${CMAKE_CURRENT_LIST_DIR}/encodingbar.h
    ${CMAKE_CURRENT_LIST_DIR}/columnmappingpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/columnmappingpanel.h
    ${CMAKE_CURRENT_LIST_DIR}/duplicatesmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/duplicatesmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/duplicatesdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/duplicatesdialog.h
)
