# Fuzz targets: every tests/fuzz/fuzz_<name>.c, seed corpus tests/fuzz/corpus/<name>/
# (and tests/<name>/cases/ where that folder exists).
# Always: replay_<name> (the target + replay.c, any compiler) runs the corpus under
# ctest, so plain CI, the ASan build and Valgrind replay every corpus.
# With -DTD_FUZZ=ON (clang): fuzz_<name>, the libFuzzer binary that tests/fuzz/run.sh
# runs (`make fuzz`).

set(TD_FUZZ_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
file(GLOB TD_FUZZ_TARGETS CONFIGURE_DEPENDS ${TD_FUZZ_DIR}/fuzz_*.c)
foreach(src ${TD_FUZZ_TARGETS})
  get_filename_component(name ${src} NAME_WE)
  string(REGEX REPLACE "^fuzz_" "" short ${name})

  add_executable(replay_${short} ${src} ${TD_FUZZ_DIR}/replay.c)
  target_include_directories(replay_${short} PRIVATE ${TD_FUZZ_DIR})
  target_link_libraries(replay_${short} PRIVATE tidings_internal)
  target_compile_options(replay_${short} PRIVATE ${TD_WARN})
  # A layer's own cases (tests/<name>/cases, as tests/html/cases) seed its target
  # where they stand, never copied into the corpus.
  set(seeds ${TD_FUZZ_DIR}/corpus/${short})
  if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${short}/cases)
    list(APPEND seeds ${CMAKE_CURRENT_SOURCE_DIR}/${short}/cases)
  endif()
  add_test(NAME fuzz.replay.${short} COMMAND replay_${short} ${seeds})
  set_tests_properties(fuzz.replay.${short} PROPERTIES LABELS "fuzz;valgrind")
  # The hostile-input corpus seeds every target too (tests/hostile/README.md).
  add_test(NAME fuzz.hostile.${short}
           COMMAND replay_${short} ${CMAKE_CURRENT_SOURCE_DIR}/hostile/inputs)
  set_tests_properties(fuzz.hostile.${short} PROPERTIES LABELS "fuzz;valgrind")

  if(TD_FUZZ)
    add_executable(${name} ${src})
    target_include_directories(${name} PRIVATE ${TD_FUZZ_DIR})
    target_link_libraries(${name} PRIVATE tidings_internal)
    target_compile_options(${name} PRIVATE ${TD_WARN})
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  endif()
endforeach()
