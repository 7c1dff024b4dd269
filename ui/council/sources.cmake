# The council and decisions folder's sources (included by ui/CMakeLists.txt): council
# sittings and tallies, decisions and their awardees (both lists are registers: RegisterView
# and RegisterListModel), the pay-data dialog, and the movement page's list of proposals and
# decisions.
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/counciltext.cpp ${CMAKE_CURRENT_LIST_DIR}/counciltext.h
    ${CMAKE_CURRENT_LIST_DIR}/registerlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/registerlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/registerview.cpp ${CMAKE_CURRENT_LIST_DIR}/registerview.h
    ${CMAKE_CURRENT_LIST_DIR}/sittinglistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/sittinglistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/councilitemsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/councilitemsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/tallyeditor.cpp ${CMAKE_CURRENT_LIST_DIR}/tallyeditor.h
    ${CMAKE_CURRENT_LIST_DIR}/sittingpage.cpp ${CMAKE_CURRENT_LIST_DIR}/sittingpage.h
    ${CMAKE_CURRENT_LIST_DIR}/councilview.cpp ${CMAKE_CURRENT_LIST_DIR}/councilview.h
    ${CMAKE_CURRENT_LIST_DIR}/decisionlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/decisionlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/awardeesmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/awardeesmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/decisionpage.cpp ${CMAKE_CURRENT_LIST_DIR}/decisionpage.h
    ${CMAKE_CURRENT_LIST_DIR}/decisionactions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/councilfilldialog.cpp ${CMAKE_CURRENT_LIST_DIR}/councilfilldialog.h
    ${CMAKE_CURRENT_LIST_DIR}/decisionsview.cpp ${CMAKE_CURRENT_LIST_DIR}/decisionsview.h
    ${CMAKE_CURRENT_LIST_DIR}/paydatadialog.cpp ${CMAKE_CURRENT_LIST_DIR}/paydatadialog.h
    ${CMAKE_CURRENT_LIST_DIR}/movementproposals.cpp ${CMAKE_CURRENT_LIST_DIR}/movementproposals.h
)
