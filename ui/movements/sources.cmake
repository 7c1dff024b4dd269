# The movements folder's sources (included by ui/CMakeLists.txt).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/movementsview.cpp ${CMAKE_CURRENT_LIST_DIR}/movementsview.h
    ${CMAKE_CURRENT_LIST_DIR}/movementlistmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/movementlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/movementeditordialog.cpp ${CMAKE_CURRENT_LIST_DIR}/movementeditordialog.h
    ${CMAKE_CURRENT_LIST_DIR}/movementeditorlists.cpp
    ${CMAKE_CURRENT_LIST_DIR}/movementeditorconflict.cpp
)
