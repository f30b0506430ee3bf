# API hygiene: only td_ symbols exported; the installed library, headers, pkg-config
# file and man page work for a program built outside the tree.
add_test(NAME api.symbols
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/api/symbols.sh
                 $<TARGET_FILE:tidings_shared> $<TARGET_FILE:tidings_static>
                 ${CMAKE_SOURCE_DIR}/include)
set_tests_properties(api.symbols PROPERTIES LABELS "api")

set(TD_API_EXTRA "")
if(TD_SANITIZE OR TD_FUZZ)
  set(TD_API_EXTRA "-fsanitize=address,undefined")
endif()
add_test(NAME api.install
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/api/install.sh ${CMAKE_SOURCE_DIR}
                 ${CMAKE_BINARY_DIR} ${CMAKE_C_COMPILER} "${TD_API_EXTRA}")
set_tests_properties(api.install PROPERTIES LABELS "api")

# The allocation-failure sweep runs the pipeline once per allocation: too slow for
# Valgrind, and the ASan build already checks it for leaks and bad accesses.
if(TEST unit.test_alloc)
  set_tests_properties(unit.test_alloc PROPERTIES LABELS "unit")
endif()
