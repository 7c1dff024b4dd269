# The dossiers folder's sources (included by ui/CMakeLists.txt): the dossiers work queue, the
# dossier page with its nominees, documents, appraisal and history, the subject picker, and the
# pieces every screen of the award path shares (workflowwidgets: dates, verdicts, the reason
# prompt), which ui/council/ and ui/decisions/ use too.
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/workflowwidgets.cpp ${CMAKE_CURRENT_LIST_DIR}/workflowwidgets.h
    ${CMAKE_CURRENT_LIST_DIR}/dossierlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/dossierlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/dossiersview.cpp ${CMAKE_CURRENT_LIST_DIR}/dossiersview.h
    ${CMAKE_CURRENT_LIST_DIR}/dossierdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/dossierdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/dossierpage.cpp ${CMAKE_CURRENT_LIST_DIR}/dossierpage.h
    ${CMAKE_CURRENT_LIST_DIR}/dossiertransitions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dossierminutes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nomineemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/nomineemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/nomineedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/nomineedialog.h
    ${CMAKE_CURRENT_LIST_DIR}/nomineelistdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/nomineelistdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/subjectpicker.cpp ${CMAKE_CURRENT_LIST_DIR}/subjectpicker.h
    ${CMAKE_CURRENT_LIST_DIR}/attachmentspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/attachmentspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/appraisalpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/appraisalpanel.h
)
