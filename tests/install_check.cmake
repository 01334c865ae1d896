# Installs into a scratch prefix, then runs the installed binary with the source tree hidden
# (UNKNOT_DATA_DIR unset, a different working directory) and checks what it finds.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/unknot share/applications/unknot.desktop share/icons/hicolor/256x256/apps/unknot.png
          share/icons/hicolor/scalable/apps/unknot.svg share/man/man1/unknot.1.gz
          share/bash-completion/completions/unknot share/metainfo/org.unknot.Unknot.metainfo.xml
          share/unknot/assets/sounds/countdown-last.wav share/unknot/routines/post-run-complete.toml
          share/unknot/programs/plantar-fasciitis-12-weeks.toml share/doc/unknot/programs.md.gz
          share/locale/de/LC_MESSAGES/unknot.mo share/locale/pt_BR/LC_MESSAGES/unknot.mo
          share/mime/packages/unknot.xml)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=UNKNOT_DATA_DIR XDG_DATA_HOME=${PREFIX}/xdg
                "${PREFIX}/bin/unknot" list --json
                WORKING_DIRECTORY "${PREFIX}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installed unknot list failed: ${rc}")
endif()
string(FIND "${out}" "\"path\":\"${PREFIX}/share/unknot/routines/post-run-complete.toml\"" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the installed binary did not read its installed routines:\n${out}")
endif()
message(STATUS "installed binary lists its installed routines")
# Its catalogues from share/locale, not the build tree's: German with the installed one, English
# once it is removed.
foreach(expect "Gefrorener Golfball" "Frozen golf ball")
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=UNKNOT_DATA_DIR --unset=UNKNOT_LOCALE_DIR LANGUAGE=de
                  XDG_DATA_HOME=${PREFIX}/xdg XDG_CONFIG_HOME=${PREFIX}/xdg "${PREFIX}/bin/unknot" list --json
                  WORKING_DIRECTORY "${PREFIX}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  string(FIND "${out}" "${expect}" at)
  if(NOT rc EQUAL 0 OR at EQUAL -1)
    message(FATAL_ERROR "the installed binary did not say '${expect}' (its German catalogue from share/locale):\n${out}")
  endif()
  file(REMOVE "${PREFIX}/share/locale/de/LC_MESSAGES/unknot.mo")
endforeach()
message(STATUS "installed binary speaks German from share/locale")

# *.unknot.toml opens in Unknot: the MIME type the package declares is the one its .desktop
# file takes, and the MIME database, built from it, maps the glob to it.
file(READ "${PREFIX}/share/applications/unknot.desktop" desktop)
if(NOT desktop MATCHES "\nMimeType=application/x-unknot\\+toml;\n" OR NOT desktop MATCHES "\nExec=unknot %f\n")
  message(FATAL_ERROR "unknot.desktop does not open application/x-unknot+toml files (MimeType, Exec=unknot %f)")
endif()
find_program(UPDATE_MIME update-mime-database)
if(UPDATE_MIME)
  execute_process(COMMAND ${UPDATE_MIME} "${PREFIX}/share/mime" RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
  file(READ "${PREFIX}/share/mime/globs2" globs)
  if(NOT rc EQUAL 0 OR NOT globs MATCHES "60:application/x-unknot\\+toml:\\*\\.unknot\\.toml")
    message(FATAL_ERROR "update-mime-database does not map *.unknot.toml to application/x-unknot+toml: ${rc} ${err}")
  endif()
  message(STATUS "*.unknot.toml is application/x-unknot+toml, opened by unknot.desktop")
endif()
