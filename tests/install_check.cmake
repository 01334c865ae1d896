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
          share/locale/de/LC_MESSAGES/unknot.mo share/locale/pt_BR/LC_MESSAGES/unknot.mo)
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
