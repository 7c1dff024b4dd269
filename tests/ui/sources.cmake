# Widget tests; each file lists itself here.
target_sources(ui_tests PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/uitesthelpers.cpp ${CMAKE_CURRENT_LIST_DIR}/uitesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/unitdialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/conflict_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/errorbox_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accountstesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/accounts_login_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts_users_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/accounts_audit_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/views_follow_changes_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/audittext_view_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/persondialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_dialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_duplicates_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_encoding_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_units_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_mapping_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/import_remap_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/import_headerrow_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/duplicates_dialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_template_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_awards_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/importtable_initiatives_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/listmodels_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_register_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lists_paging_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lists_reading_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lists_sorting_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lists_remembered_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/unitsview_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mainwindow_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/changes_view_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pages_follow_changes_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/screenshotpages_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/movements_view_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/movement_editor_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibilitytesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_panel_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_candidates_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_minutes_dialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eligibility_rulesets_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflowtesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/workflow_dossier_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_nominee_list_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nominee_list_mapping_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_appraisal_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_queue_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_registry_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_scope_view_test.cpp
    # Council, decisions and pay data; the core tests' workflow fixture is shared with them.
    ${CMAKE_CURRENT_LIST_DIR}/../core/workflow_fixture.cpp ${CMAKE_CURRENT_LIST_DIR}/../core/workflow_fixture.h
    ${CMAKE_CURRENT_LIST_DIR}/counciltesthelpers.h
    ${CMAKE_CURRENT_LIST_DIR}/council_session_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/council_session_times_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/decisions_page_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_rules_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/decisions_paydata_test.cpp
    # Official documents: the preview dialog, the print buttons, the letterhead (poppler reads
    # the PDFs back, as in the document tests).
    ${CMAKE_CURRENT_LIST_DIR}/../documents/pdftools.cpp ${CMAKE_CURRENT_LIST_DIR}/../documents/pdftools.h
    ${CMAKE_CURRENT_LIST_DIR}/documents_dialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/letterhead_dialog_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../documents/decisioncase.h
    ${CMAKE_CURRENT_LIST_DIR}/certificate_dialog_test.cpp
    # Locks that hold: the file dialogs and another program on the same database file.
    ${CMAKE_CURRENT_LIST_DIR}/filedialog_locks_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/backup_dialog_test.cpp
    # Keyboard first and the start page (issue 16, items 6 and 7).
    ${CMAKE_CURRENT_LIST_DIR}/keyboard_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyboard_mnemonics_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyboard_columns_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/startpage_test.cpp
    # What the clerk reads: codes, stray "&" and English on every screen; Qt's own dialogs
    # in Vietnamese (issue 16, items 1 and 2).
    ${CMAKE_CURRENT_LIST_DIR}/../support/recordingtranslator.cpp ${CMAKE_CURRENT_LIST_DIR}/../support/recordingtranslator.h
    ${CMAKE_CURRENT_LIST_DIR}/clerkwords.cpp ${CMAKE_CURRENT_LIST_DIR}/clerkwords.h
    ${CMAKE_CURRENT_LIST_DIR}/clerkwords_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/clerkwords_qtdialogs_test.cpp
)
