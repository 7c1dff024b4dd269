# The official documents' folder (included by ui/CMakeLists.txt): the preview with print and
# save, the "Print / save…" button the pages put next to their records, and Settings ▸
# Letterhead.
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/documentdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/documentdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/printbutton.cpp ${CMAKE_CURRENT_LIST_DIR}/printbutton.h
    ${CMAKE_CURRENT_LIST_DIR}/letterheaddialog.cpp ${CMAKE_CURRENT_LIST_DIR}/letterheaddialog.h
    ${CMAKE_CURRENT_LIST_DIR}/certificatedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/certificatedialog.h
)
