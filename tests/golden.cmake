# Golden briefs of whole corpora (tests/golden/run.sh); TD_REGEN=1 regenerates.
add_test(NAME golden.briefs COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/golden/run.sh
         $<TARGET_FILE:tidings> ${CMAKE_SOURCE_DIR})
set_tests_properties(golden.briefs PROPERTIES LABELS "golden")
