# The eligibility folder's sources (included by ui/CMakeLists.txt): the panel on a person's or
# unit's page, the candidates page, the rule-set page, and the CSV writer (widget-free).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/eligibilitymodel.cpp ${CMAKE_CURRENT_LIST_DIR}/eligibilitymodel.h
    ${CMAKE_CURRENT_LIST_DIR}/eligibilitypanel.cpp ${CMAKE_CURRENT_LIST_DIR}/eligibilitypanel.h
    ${CMAKE_CURRENT_LIST_DIR}/candidatesmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/candidatesmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/candidatessweep.cpp ${CMAKE_CURRENT_LIST_DIR}/candidatessweep.h
    ${CMAKE_CURRENT_LIST_DIR}/candidatesview.cpp ${CMAKE_CURRENT_LIST_DIR}/candidatesview.h
    ${CMAKE_CURRENT_LIST_DIR}/rulesetsview.cpp ${CMAKE_CURRENT_LIST_DIR}/rulesetsview.h
    ${CMAKE_CURRENT_LIST_DIR}/minutesdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/minutesdialog.h
)
