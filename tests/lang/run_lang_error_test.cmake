# Runs one language error test: cmake -DWRIT=... -DCOMMAND=check|run -DNAME=... -DSOURCE_DIR=... -DACTUAL=... -P this
# Runs `writ COMMAND NAME.writ` in SOURCE_DIR (so diagnostics name the file as written) and fails
# unless it exits 1, prints nothing on stdout, and its stderr equals NAME.errors byte for byte.
execute_process(COMMAND "${WRIT}" ${COMMAND} "${NAME}.writ"
                WORKING_DIRECTORY "${SOURCE_DIR}"
                OUTPUT_VARIABLE output ERROR_VARIABLE actual RESULT_VARIABLE status)
file(WRITE "${ACTUAL}" "${actual}")

if(NOT status EQUAL 1)
  message(FATAL_ERROR "writ exited with ${status} (expected 1):\n${actual}")
endif()
if(NOT output STREQUAL "")
  message(FATAL_ERROR "writ wrote to stdout:\n${output}")
endif()
file(READ "${SOURCE_DIR}/${NAME}.errors" expected)
if(NOT actual STREQUAL expected)
  find_program(diff_program diff)
  if(diff_program)
    execute_process(COMMAND "${diff_program}" -u "${SOURCE_DIR}/${NAME}.errors" "${ACTUAL}" OUTPUT_VARIABLE difference)
  endif()
  message(FATAL_ERROR "stderr differs from ${NAME}.errors (actual: ${ACTUAL}):\n${difference}")
endif()
