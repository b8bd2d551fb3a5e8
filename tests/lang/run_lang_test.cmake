# Runs one language test: cmake -DWRIT=... -DQUESTIONS=... -DEXPECTED=... -DACTUAL=... -P this -- FILES...
# Fails unless writ exits 0, prints nothing on stderr, and its csv output equals EXPECTED byte for byte.

# The knowledge files come after `--`.
set(files "")
set(after_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_separator)
    list(APPEND files "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(after_separator TRUE)
  endif()
endforeach()

execute_process(COMMAND "${WRIT}" run ${files} "${QUESTIONS}" --format csv
                OUTPUT_VARIABLE actual ERROR_VARIABLE errors RESULT_VARIABLE status)
file(WRITE "${ACTUAL}" "${actual}")

if(NOT status EQUAL 0)
  message(FATAL_ERROR "writ exited with ${status}:\n${errors}")
endif()
if(NOT errors STREQUAL "")
  message(FATAL_ERROR "writ wrote to stderr (errors or warnings are not allowed):\n${errors}")
endif()
file(READ "${EXPECTED}" expected)
if(NOT actual STREQUAL expected)
  # Show the difference when diff is there; the full output is kept in ACTUAL either way.
  find_program(diff_program diff)
  if(diff_program)
    execute_process(COMMAND "${diff_program}" -u "${EXPECTED}" "${ACTUAL}" OUTPUT_VARIABLE difference)
  endif()
  message(FATAL_ERROR "output differs from ${EXPECTED} (actual output: ${ACTUAL}):\n${difference}")
endif()
