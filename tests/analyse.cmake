# Table-driven cases of the analyse stage: tests/cases/analyse/*.case.
add_executable(analyse_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/analyse/runner.c)
target_link_libraries(analyse_cases PRIVATE tidings_internal)
target_compile_options(analyse_cases PRIVATE ${TD_WARN})
add_test(NAME cases.analyse COMMAND analyse_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/analyse)
set_tests_properties(cases.analyse PROPERTIES LABELS "cases")
