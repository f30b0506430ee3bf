# Table-driven cases of the language layer: tests/cases/lang/*.case.
add_executable(lang_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/lang/run.c)
target_link_libraries(lang_cases PRIVATE tidings_internal)
target_compile_options(lang_cases PRIVATE ${TD_WARN})
add_test(NAME cases.lang COMMAND lang_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/lang)
set_tests_properties(cases.lang PROPERTIES LABELS "cases")
