# Fails when a source of one layer includes a header of a layer it may not use (docs/architecture.md): every layer
# shares the include root app/, so the compiler alone would not notice. Run at build time by app/CMakeLists.txt.
#   cmake -DLAYER_DIR=<app/layer> -DFORBIDDEN=<layer;layer> -DSTAMP=<file> -P check_layer_includes.cmake
file(GLOB_RECURSE sources "${LAYER_DIR}/*.cpp" "${LAYER_DIR}/*.h")
string(REPLACE ";" "|" forbidden "${FORBIDDEN}")
set(found "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<](\\.\\./)*(${forbidden})/")
  foreach(line IN LISTS lines)
    file(RELATIVE_PATH name "${LAYER_DIR}/.." "${source}")
    string(APPEND found "\n  ${name}: ${line}")
  endforeach()
endforeach()
if(found)
  get_filename_component(layer "${LAYER_DIR}" NAME)
  string(REPLACE ";" ", " names "${FORBIDDEN}")
  message(FATAL_ERROR "app/${layer} may not include headers of ${names} (docs/architecture.md):${found}")
endif()
file(TOUCH "${STAMP}")
