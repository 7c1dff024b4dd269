# Widget tests; each file lists itself here.
target_sources(ui_tests PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/uitesthelpers.cpp ${CMAKE_CURRENT_LIST_DIR}/uitesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/unitdialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/conflict_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accountstesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/accounts_login_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts_users_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts_audit_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/persondialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/listmodels_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/unitsview_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mainwindow_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/movements_view_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/movement_editor_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibilitytesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_panel_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_candidates_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_rulesets_test.cpp
)
