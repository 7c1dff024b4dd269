# Document tests; each file lists itself here.
target_sources(documents_tests PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/pdftools.cpp ${CMAKE_CURRENT_LIST_DIR}/pdftools.h
    ${CMAKE_CURRENT_LIST_DIR}/vnformat_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/renderer_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pagination_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sampledocs.cpp ${CMAKE_CURRENT_LIST_DIR}/sampledocs.h
    ${CMAKE_CURRENT_LIST_DIR}/docxtools.cpp ${CMAKE_CURRENT_LIST_DIR}/docxtools.h
    ${CMAKE_CURRENT_LIST_DIR}/docx_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/docx_libreoffice_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../core/workflow_fixture.cpp ${CMAKE_CURRENT_LIST_DIR}/../core/workflow_fixture.h
    ${CMAKE_CURRENT_LIST_DIR}/dossier_documents_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/council_documents_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/council_minutes_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/decision_documents_test.cpp ${CMAKE_CURRENT_LIST_DIR}/decisioncase.h
    ${CMAKE_CURRENT_LIST_DIR}/decision_broken_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificates_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificate_layout_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificate_goldbook_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/report_documents_test.cpp
    ${CMAKE_CURRENT_LIST_DIR}/readscope_documents_test.cpp
)
