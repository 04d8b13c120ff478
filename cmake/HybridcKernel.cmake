# HybridcKernel.cmake - add_hybridc_kernel(): hybridc kernels as CMake targets.
#
# Loaded by find_package(hybridc CONFIG), which also defines the imported
# executable hybridc::hybridc.
#
#   add_hybridc_kernel(<target>
#                      SOURCE <k.hy>
#                      [SCHEDULE <k.json>]
#                      [TARGET_ARCH host|x86_64|aarch64|cuda|<LLVM triple>]
#                      [HEADER <name.h>]
#                      [OPTIONS <hybridc options>...])
#
# Compiles SOURCE (with SCHEDULE) into an object and a C header, and makes
# <target> a STATIC library holding the object. Linking <target> brings in
#  - the include directory that holds the header (named <target>.h unless
#    HEADER names it), so sources write #include "<target>.h";
#  - Threads::Threads and libm, which kernels with parallel loops or math
#    calls need.
# TARGET_ARCH is passed as --target; without it, a cross-compiling project
# (CMAKE_CROSSCOMPILING) gets x86_64 or aarch64 from CMAKE_SYSTEM_PROCESSOR,
# and a native one gets hybridc's default, the host. TARGET_ARCH cuda
# (docs/cuda.md) compiles GPU kernels with launching code for the
# project's CPU (--host-target from CMAKE_SYSTEM_PROCESSOR when
# cross-compiling) and links <target>'s users with libcuda. OPTIONS go to hybridc
# unchanged (e.g. --mcpu, -O2, --symbol-prefix, --function; generator
# expressions are allowed).
#
# The kernel is rebuilt exactly when the .hy file, the schedule or the
# hybridc executable changes: hybridc writes a Make depfile (-MD), which
# CMake passes on to Ninja and Makefiles (DEPFILE). Generated files live in
# ${CMAKE_CURRENT_BINARY_DIR}/hybridc/<target>/; the target's HYBRIDC_HEADER
# and HYBRIDC_OBJECT properties give their paths.
#
# The hybridc executable is hybridc::hybridc, or ${HYBRIDC_EXECUTABLE} when
# that variable is set.
include_guard(GLOBAL)

cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.28)
# Recorded with the function: depfile paths are relative to the binary dir
# (CMP0116, set by the VERSION range above).

function(add_hybridc_kernel target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "SOURCE;SCHEDULE;TARGET_ARCH;HEADER" "OPTIONS")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_hybridc_kernel(${target}): unknown arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCE)
    message(FATAL_ERROR "add_hybridc_kernel(${target}): SOURCE <file.hy> is required")
  endif()

  if(HYBRIDC_EXECUTABLE)
    set(hybridc "${HYBRIDC_EXECUTABLE}")
    set(hybridc_file "${HYBRIDC_EXECUTABLE}")
  elseif(TARGET hybridc::hybridc)
    set(hybridc hybridc::hybridc)
    set(hybridc_file "$<TARGET_FILE:hybridc::hybridc>")
  else()
    message(FATAL_ERROR "add_hybridc_kernel(${target}): no hybridc: call "
                        "find_package(hybridc CONFIG REQUIRED) or set HYBRIDC_EXECUTABLE")
  endif()

  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("C" IN_LIST languages)
    set(linker_language C)
  elseif("CXX" IN_LIST languages)
    set(linker_language CXX)
  else()
    message(FATAL_ERROR "add_hybridc_kernel(${target}): enable C or CXX in project() first")
  endif()

  get_filename_component(source "${ARG_SOURCE}" ABSOLUTE)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/hybridc/${target}")
  set(object "${dir}/${target}.o")
  set(header_name "${target}.h")
  if(ARG_HEADER)
    set(header_name "${ARG_HEADER}")
  endif()
  set(header "${dir}/include/${header_name}")
  set(depfile "${dir}/${target}.d")
  file(MAKE_DIRECTORY "${dir}/include")

  set(args "${source}")
  set(depends "${source}")
  if(ARG_SCHEDULE)
    get_filename_component(schedule "${ARG_SCHEDULE}" ABSOLUTE)
    list(APPEND args -s "${schedule}")
    list(APPEND depends "${schedule}")
  endif()

  set(arch "${ARG_TARGET_ARCH}")
  set(cpu "")
  if(CMAKE_CROSSCOMPILING)
    string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" processor)
    if(processor MATCHES "^(aarch64|arm64)$")
      set(cpu aarch64)
    elseif(processor MATCHES "^(x86_64|amd64)$")
      set(cpu x86_64)
    endif()
  endif()
  if(NOT arch)
    set(arch "${cpu}")
  endif()
  if(arch)
    list(APPEND args --target "${arch}")
  endif()
  if(arch STREQUAL "cuda" AND cpu)
    list(APPEND args --host-target "${cpu}")
  endif()

  list(APPEND args ${ARG_OPTIONS} -o "${object}" "--emit-header=${header}" -MF "${depfile}")
  file(RELATIVE_PATH shown "${CMAKE_BINARY_DIR}" "${object}")
  add_custom_command(
    OUTPUT "${object}" "${header}"
    COMMAND ${hybridc} ${args}
    DEPENDS ${depends} "${hybridc_file}"
    DEPFILE "${depfile}"
    COMMENT "Compiling hybridc kernel ${shown}"
    VERBATIM COMMAND_EXPAND_LISTS)

  set_source_files_properties("${object}" PROPERTIES EXTERNAL_OBJECT TRUE GENERATED TRUE)
  add_library(${target} STATIC "${object}" "${header}")
  set_target_properties(${target} PROPERTIES
    LINKER_LANGUAGE ${linker_language}
    HYBRIDC_HEADER "${header}"
    HYBRIDC_OBJECT "${object}")
  target_include_directories(${target} INTERFACE "${dir}/include")

  if(NOT TARGET Threads::Threads)
    find_package(Threads REQUIRED)
  endif()
  target_link_libraries(${target} INTERFACE Threads::Threads)
  if(UNIX)
    target_link_libraries(${target} INTERFACE m)
  endif()
  if(arch STREQUAL "cuda")
    target_link_libraries(${target} INTERFACE cuda) # the driver library, -lcuda
  endif()
endfunction()

cmake_policy(POP)
