# The council folder's sources (included by ui/CMakeLists.txt): council sittings and tallies,
# the register list both sittings and decisions are shown in (RegisterView, RegisterListModel),
# the texts of the award path's states, filling a decision from a sitting, and Settings ▸ Bonuses
# and votes (pay data, quorum, register settings). ui/decisions/ builds on this folder.
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/counciltext.cpp ${CMAKE_CURRENT_LIST_DIR}/counciltext.h
    ${CMAKE_CURRENT_LIST_DIR}/registerlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/registerlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/registerview.cpp ${CMAKE_CURRENT_LIST_DIR}/registerview.h
    ${CMAKE_CURRENT_LIST_DIR}/sittinglistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/sittinglistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/councilitemsmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/councilitemsmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/tallyeditor.cpp ${CMAKE_CURRENT_LIST_DIR}/tallyeditor.h
    ${CMAKE_CURRENT_LIST_DIR}/sittingpage.cpp ${CMAKE_CURRENT_LIST_DIR}/sittingpage.h
    ${CMAKE_CURRENT_LIST_DIR}/councilview.cpp ${CMAKE_CURRENT_LIST_DIR}/councilview.h
    ${CMAKE_CURRENT_LIST_DIR}/councilfilldialog.cpp ${CMAKE_CURRENT_LIST_DIR}/councilfilldialog.h
    ${CMAKE_CURRENT_LIST_DIR}/paydatadialog.cpp ${CMAKE_CURRENT_LIST_DIR}/paydatadialog.h
)
