# Table-driven cases of the language layer's words: tests/cases/words/<code>.case,
# one file per language (tokens, folding, stop words, detection).
add_executable(words_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/words/runner.c)
target_link_libraries(words_cases PRIVATE tidings_internal)
target_compile_options(words_cases PRIVATE ${TD_WARN})
add_test(NAME cases.words COMMAND words_cases ${CMAKE_CURRENT_SOURCE_DIR}/cases/words)
set_tests_properties(cases.words PROPERTIES LABELS "cases")
