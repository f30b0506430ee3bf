# The hostile-input corpus (tests/hostile/README.md): every case through every
# command that reads it.
add_test(NAME hostile.corpus COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/hostile/run.sh
         $<TARGET_FILE:tidings> ${CMAKE_SOURCE_DIR})
set_tests_properties(hostile.corpus PROPERTIES LABELS "hostile" TIMEOUT 1500)
