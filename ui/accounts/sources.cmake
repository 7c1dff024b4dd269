# Accounts and audit (included by ui/CMakeLists.txt); the conflict dialog is a shared widget (ui/widgets/).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/logindialog.cpp ${CMAKE_CURRENT_LIST_DIR}/logindialog.h
    ${CMAKE_CURRENT_LIST_DIR}/accountdialogs.cpp ${CMAKE_CURRENT_LIST_DIR}/accountdialogs.h
    ${CMAKE_CURRENT_LIST_DIR}/usersdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/usersdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/auditmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/auditmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/auditview.cpp ${CMAKE_CURRENT_LIST_DIR}/auditview.h
    ${CMAKE_CURRENT_LIST_DIR}/accountsmenu.cpp ${CMAKE_CURRENT_LIST_DIR}/accountsmenu.h
)
