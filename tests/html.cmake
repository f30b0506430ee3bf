# Golden HTML pages: tests/html/cases/NAME.html extracted and compared with NAME.txt
# (TD_REGEN=1 rewrites the expectations).
add_executable(run_html ${CMAKE_CURRENT_SOURCE_DIR}/html/run_html.c)
target_link_libraries(run_html PRIVATE tidings_internal)
target_compile_options(run_html PRIVATE ${TD_WARN})
add_test(NAME html.golden COMMAND run_html ${CMAKE_CURRENT_SOURCE_DIR}/html/cases)
set_tests_properties(html.golden PROPERTIES LABELS "html")

# The article-extraction benchmark as a quick check: extraction F1, and F1 after
# cleaning, must stay above a floor. Skips (and passes) when the evaluation data is
# not beside the checkout.
add_test(NAME html.aeb COMMAND bench_aeb --runs 0 --floor 0.970 --clean-floor 0.970
         ${CMAKE_SOURCE_DIR}/../shared/data/aeb)
set_tests_properties(html.aeb PROPERTIES LABELS "html;eval")
