# HybridcInstall.cmake - install rules, the CMake package and CPack (.deb).
#
# Included from the top-level CMakeLists.txt after tools/. Installs
#   bin/hybridc
#   lib/cmake/hybridc/{hybridcConfig,hybridcConfigVersion,hybridcTargets,HybridcKernel}.cmake
#   share/doc/hybridc/{README.md,samples/}
# and writes the same package into the build tree (hybridcConfig.cmake and
# friends directly in ${PROJECT_BINARY_DIR}), so another project can use an
# uninstalled build with -Dhybridc_DIR=<build dir>.
#
# `cpack --config <build>/CPackConfig.cmake` makes hybridc_<version>_<arch>.deb
# (prefix /usr); scripts/test-deb.sh builds and tries it.
include(CMakePackageConfigHelpers)

set(HYBRIDC_CMAKE_INSTALL_DIR lib/cmake/hybridc)

# bin/hybridc is installed by tools/hybridc/CMakeLists.txt into this export set.
install(EXPORT hybridcTargets NAMESPACE hybridc:: DESTINATION ${HYBRIDC_CMAKE_INSTALL_DIR})

# hybridc is a host tool: a cross-compiling consumer (another pointer size)
# must still accept it, hence ARCH_INDEPENDENT. 0.x: minor versions may break.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hybridcConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)

# Installed package.
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hybridcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/install/hybridcConfig.cmake
  INSTALL_DESTINATION ${HYBRIDC_CMAKE_INSTALL_DIR})
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/install/hybridcConfig.cmake
  ${PROJECT_BINARY_DIR}/hybridcConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/HybridcKernel.cmake
  DESTINATION ${HYBRIDC_CMAKE_INSTALL_DIR})

# Build-tree package: the same files, with the imported target pointing at
# build/tools/hybridc/hybridc.
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hybridcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/hybridcConfig.cmake
  INSTALL_DESTINATION ${PROJECT_BINARY_DIR}
  INSTALL_PREFIX ${PROJECT_BINARY_DIR})
export(EXPORT hybridcTargets NAMESPACE hybridc:: FILE ${PROJECT_BINARY_DIR}/hybridcTargets.cmake)
configure_file(${PROJECT_SOURCE_DIR}/cmake/HybridcKernel.cmake
  ${PROJECT_BINARY_DIR}/HybridcKernel.cmake COPYONLY)

# Documentation and the samples (a Makefile and a CMake project that work
# against the installed hybridc).
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/hybridc)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/ DESTINATION share/doc/hybridc/samples
  FILES_MATCHING PATTERN "*.hy" PATTERN "*.json" PATTERN "*.c" PATTERN "Makefile"
  PATTERN "CMakeLists.txt" PATTERN "README.md"
  PATTERN "out" EXCLUDE PATTERN "build" EXCLUDE)

# CPack: a Debian package. hybridc links LLVM statically (then zlib and
# zstd, which static LLVM uses, isl (lib/Analysis/ExactDependence.cpp), and glibc; libstdc++ and libgcc are linked
# statically too: tools/hybridc/CMakeLists.txt) or libLLVM.so.19.1 (Debian
# 12: libllvm19) with libstdc++, libgcc_s and glibc; scripts/test-deb.sh
# checks this list against ldd. Linking kernels needs a C compiler, hence Recommends.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hybridc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "hybridc")
set(CPACK_PACKAGE_CONTACT "hybridc maintainers <hybridc@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "ahead-of-time compiler for TVM hybrid script kernels")
set(CPACK_PACKAGE_DESCRIPTION
  "hybridc compiles TVM hybrid-script kernels (.hy files with an optional JSON\n"
  "schedule) into self-contained object files with a C ABI and a C header, for\n"
  "x86-64 and AArch64. It ships a CMake package (find_package(hybridc)) with\n"
  "add_hybridc_kernel(), and writes Make depfiles (-MD).")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
if(HYBRIDC_LLVM_STATIC_USED)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "zlib1g (>= 1:1.2), libzstd1 (>= 1.5), libisl23 (>= 0.25), libc6 (>= 2.34)")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libllvm19 (>= 1:19.1), libisl23 (>= 0.25), libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1 (>= 3.0)")
endif()
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gcc | c-compiler")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake (>= 3.20), make")
include(CPack)
