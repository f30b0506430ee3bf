# Golden HTML pages: tests/html/cases/NAME.html extracted and compared with NAME.txt
# (TD_REGEN=1 rewrites the expectations).
add_executable(run_html ${CMAKE_CURRENT_SOURCE_DIR}/html/run_html.c)
target_link_libraries(run_html PRIVATE tidings_internal)
target_compile_options(run_html PRIVATE ${TD_WARN})
add_test(NAME html.golden COMMAND run_html ${CMAKE_CURRENT_SOURCE_DIR}/html/cases)
set_tests_properties(html.golden PROPERTIES LABELS "html")
