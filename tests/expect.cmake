# Machine-checked expectations of the briefs of examples/ and ../shared/seeds
# (tests/expect/README.md): fails when fewer hold than tests/expect/floor records.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME expect.briefs
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/expect/check.py
                   $<TARGET_FILE:tidings> ${CMAKE_SOURCE_DIR}
                   examples=examples seeds=../shared/seeds)
  set_tests_properties(expect.briefs PROPERTIES LABELS "expect")
  # The checker itself, on a hand-made brief: what must hold and what must not.
  add_test(NAME expect.checker
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/expect/test_check.py)
  set_tests_properties(expect.checker PROPERTIES LABELS "expect")
else()
  message(WARNING "python3 not found: the expectations of the briefs (expect.briefs) are not run")
endif()
