# Packaging: what a Debian package needs beyond `cmake --install`, and CPack's DEB generator.
# `scripts/dev package` builds the release preset and runs cpack; the .deb lands in build/.

# Debian wants man pages and changelogs compressed with gzip -9n (no name, no time stamp),
# so the package is the same on every build.
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(UNKNOT_GZ_DIR ${CMAKE_BINARY_DIR}/gz)
foreach(pair "docs/unknot.1|unknot.1.gz" "packaging/changelog|changelog.gz" "docs/routines.md|routines.md.gz"
  "docs/programs.md|programs.md.gz")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 source)
  list(GET pair 1 output)
  add_custom_command(OUTPUT ${UNKNOT_GZ_DIR}/${output}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${UNKNOT_GZ_DIR}
    COMMAND ${GZIP_EXECUTABLE} -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/${source} > ${UNKNOT_GZ_DIR}/${output}
    DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${source} VERBATIM)
  list(APPEND UNKNOT_GZ_FILES ${UNKNOT_GZ_DIR}/${output})
endforeach()
add_custom_target(unknot_compressed_docs ALL DEPENDS ${UNKNOT_GZ_FILES})

install(FILES ${UNKNOT_GZ_DIR}/unknot.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES packaging/copyright ${UNKNOT_GZ_DIR}/changelog.gz ${UNKNOT_GZ_DIR}/routines.md.gz ${UNKNOT_GZ_DIR}/programs.md.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME unknot)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "The Unknot developers <unknot@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX ${CMAKE_SOURCE_DIR}/build)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see: the font the app draws with.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-inter")
# espeak-ng speaks the guide in languages other than English (run as a program, not linked).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "bash-completion, espeak-ng")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "guided recovery routines for runners, with sound cues")
set(CPACK_PACKAGE_DESCRIPTION "Unknot guides a runner through recovery routines: timed tense and
release intervals and lacrosse-ball or frozen-golf-ball holds, with a countdown
large enough to read from the floor and a distinct sound at every phase change,
so a routine can be followed with eyes closed.
.
It comes with routines for after a run, for runner's knee and for plantar
fasciitis; pause, skip, go back or add 15 seconds with one key; routines of
your own are plain TOML files, made in the app or by hand, and a history keeps
the sessions, the minutes per week and the streak.")
include(CPack)
