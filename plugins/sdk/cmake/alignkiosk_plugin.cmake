# add_alignkiosk_plugin(<name> SOURCES <file>... [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds one survey-module plugin: a shared library that links only the SDK (and through it the shared ImGui
# library), exports nothing but its ALIGNKIOSK_PLUGIN entry, and refuses to link with unresolved symbols.
# Inside the alignkiosk tree it lands in the build's plugin directory, where the kiosk finds it with no flags.
function(add_alignkiosk_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "add_alignkiosk_plugin(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE alignkiosk::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  target_link_options(${name} PRIVATE "LINKER:-z,defs")
  if(arg_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
  elseif(DEFINED ALIGNKIOSK_PLUGIN_SUBDIR AND PROJECT_NAME STREQUAL "alignkiosk")
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/${ALIGNKIOSK_PLUGIN_SUBDIR}")
  endif()
  if(NOT arg_NO_INSTALL)
    if(DEFINED ALIGNKIOSK_PLUGIN_SUBDIR)
      install(TARGETS ${name} LIBRARY DESTINATION "${ALIGNKIOSK_PLUGIN_SUBDIR}")
    elseif(DEFINED ALIGNKIOSK_SDK_PLUGIN_DIR)
      install(TARGETS ${name} LIBRARY DESTINATION "${ALIGNKIOSK_SDK_PLUGIN_DIR}")
    endif()
  endif()
endfunction()
