# The SDK as someone outside this repository uses it (run by ctest as sdk.out_of_tree_hello_module):
#   1. install this build tree into a fresh prefix,
#   2. configure and build plugins/sdk/examples/hello_module against it with CMAKE_PREFIX_PATH=<prefix> only,
#   3. load the .so it produced with the real PluginHost (alignkiosk_plugin_report),
#   4. install the module into the prefix and ask the installed kiosk, `alignkiosk plugins`, which finds it with
#      no flags.
# Variables: BUILD_DIR, EXAMPLE_DIR, WORK_DIR, REPORT, GENERATOR, MAKE_PROGRAM, CXX_COMPILER.
cmake_minimum_required(VERSION 3.25)

foreach(variable BUILD_DIR EXAMPLE_DIR WORK_DIR REPORT GENERATOR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "out_of_tree_test.cmake needs -D${variable}=...")
  endif()
endforeach()

function(step description)
  message(STATUS "${description}: ${ARGN}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${description} failed (${result}):\n${output}")
  endif()
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

function(expect_line output pattern description)
  if(NOT output MATCHES "${pattern}")
    message(FATAL_ERROR "${description}: no line matching '${pattern}' in:\n${output}")
  endif()
endfunction()

set(prefix "${WORK_DIR}/prefix")
set(example_build "${WORK_DIR}/hello_module-build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

step("install the kiosk and its SDK" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

set(configure_args -S "${EXAMPLE_DIR}" -B "${example_build}" -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
if(CXX_COMPILER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
step("configure hello_module against the installed SDK" "${CMAKE_COMMAND}" ${configure_args})

# It must have been the installed package, not this build tree, that find_package found.
file(STRINGS "${example_build}/CMakeCache.txt" sdk_dir_line REGEX "^alignkiosk_sdk_DIR:")
string(REGEX REPLACE "^[^=]*=" "" sdk_dir "${sdk_dir_line}")
cmake_path(IS_PREFIX prefix "${sdk_dir}" NORMALIZE found_in_prefix)
if(NOT found_in_prefix)
  message(FATAL_ERROR "find_package(alignkiosk_sdk) used '${sdk_dir}', not the install in ${prefix}")
endif()

step("build hello_module" "${CMAKE_COMMAND}" --build "${example_build}")
set(module "${example_build}/hello_module.so")
if(NOT EXISTS "${module}")
  message(FATAL_ERROR "the build did not produce ${module}")
endif()

step("load it with PluginHost" "${REPORT}" "${module}")
message(STATUS "${step_output}")
expect_line("${step_output}" "loaded hello_module 1\\.0\\.0 [^\n]*hello_module\\.so" "alignkiosk_plugin_report")

# Installed, the module goes where the installed kiosk looks by itself (its build RPATH is stripped on the way, so
# this also checks that it loads against the kiosk's own copy of the shared ImGui).
step("install hello_module into the kiosk's prefix" "${CMAKE_COMMAND}" --install "${example_build}")
set(installed_module "${prefix}/lib/alignkiosk/plugins/hello_module.so")
if(NOT EXISTS "${installed_module}")
  file(GLOB_RECURSE installed LIST_DIRECTORIES false RELATIVE "${prefix}" "${prefix}/*hello_module*")
  message(FATAL_ERROR "hello_module was not installed to ${installed_module} (found: ${installed})")
endif()
step("list the installed kiosk's plugins" "${prefix}/bin/alignkiosk" plugins)
message(STATUS "${step_output}")
expect_line("${step_output}" "loaded hello_module 1\\.0\\.0 [^\n]*lib/alignkiosk/plugins/hello_module\\.so"
            "alignkiosk plugins")
message(STATUS "the out-of-tree module builds against the installed SDK and loads")
