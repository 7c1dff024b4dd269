# The decisions folder's sources (included by ui/CMakeLists.txt): the decisions register, the
# decision page with its awardees and actions, and the two lists of a record's award path that
# open dossiers and decisions alike: the "Dossiers and decisions" tab of a person's or unit's
# page, and the movement page's list of proposals and decisions. Above ui/dossiers/ and
# ui/council/ (a decision is filled from a sitting).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/decisionlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/decisionlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/awardeesmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/awardeesmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/decisionpage.cpp ${CMAKE_CURRENT_LIST_DIR}/decisionpage.h
    ${CMAKE_CURRENT_LIST_DIR}/decisionactions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/decisionsview.cpp ${CMAKE_CURRENT_LIST_DIR}/decisionsview.h
    ${CMAKE_CURRENT_LIST_DIR}/subjectworkflowtab.cpp ${CMAKE_CURRENT_LIST_DIR}/subjectworkflowtab.h
    ${CMAKE_CURRENT_LIST_DIR}/movementproposals.cpp ${CMAKE_CURRENT_LIST_DIR}/movementproposals.h
)
