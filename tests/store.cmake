# Store layer: a kill test (SIGKILL at random moments of an ingest; nothing
# reported as ingested may be lost) and the database failures the CLI must report.
add_test(NAME store.kill COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/store/kill.sh
         $<TARGET_FILE:tidings>)
add_test(NAME store.errors COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/store/errors.sh
         $<TARGET_FILE:tidings>)
add_test(NAME store.resume COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/store/resume.sh
         $<TARGET_FILE:tidings> ${CMAKE_SOURCE_DIR})
set_tests_properties(store.kill store.errors store.resume PROPERTIES LABELS "store" TIMEOUT 900)
