# Store layer: a kill test (SIGKILL at random moments of an ingest; nothing
# reported as ingested may be lost) and the database failures the CLI must report.
add_test(NAME store.kill COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/store/kill.sh
         $<TARGET_FILE:tidings>)
add_test(NAME store.errors COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/store/errors.sh
         $<TARGET_FILE:tidings>)
set_tests_properties(store.kill store.errors PROPERTIES LABELS "store" TIMEOUT 240)
