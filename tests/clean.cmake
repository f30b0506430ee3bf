# Cleaning stage: table-driven cases (tests/cases/clean/*.case), including the
# golden expectations over the seed articles in ../shared (skipped when absent).
add_executable(clean_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/clean/run.c)
target_link_libraries(clean_cases PRIVATE tidings_internal)
target_compile_options(clean_cases PRIVATE ${TD_WARN})
file(GLOB TD_CLEAN_CASES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/cases/clean/*.case)
add_test(NAME clean.cases COMMAND clean_cases ${CMAKE_SOURCE_DIR} ${TD_CLEAN_CASES}
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(clean.cases PROPERTIES LABELS "cases")
