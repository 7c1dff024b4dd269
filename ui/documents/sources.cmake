# The official documents' folder (included by ui/CMakeLists.txt): Settings ▸ Letterhead and the
# certificate dialog. The preview and the "Print / save…" button are shared widgets (ui/widgets/).
target_sources(vinhdanh_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/letterheaddialog.cpp ${CMAKE_CURRENT_LIST_DIR}/letterheaddialog.h
    ${CMAKE_CURRENT_LIST_DIR}/certificatedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/certificatedialog.h
)
