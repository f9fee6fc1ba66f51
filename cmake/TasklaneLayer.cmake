# tasklane_layer(FOLDER [HEADER_ONLY] [DEPS folder...] [LIBS target...] [PRIVATE_LIBS target...]
#                SOURCES file...)
#
# Declares the library tasklane_<FOLDER> built from the folder of that name beside the calling
# CMakeLists.txt. DEPS names the Tasklane folders it uses (linked PUBLIC, so a folder also sees
# what its dependencies see), LIBS any other targets (PUBLIC), PRIVATE_LIBS those its headers
# do not show. Its include root is a directory in the
# build tree that holds one entry, a link named FOLDER to the sources, so "FOLDER/x.h" resolves
# only for the library itself and for those that link it: including a folder one has not
# declared fails to compile, as Qt's modules and Perfetto's GN targets make it fail.
# scripts/check_layers.py reads the same calls to check every include without building.
function(tasklane_layer folder)
  cmake_parse_arguments(ARG "HEADER_ONLY" "" "DEPS;LIBS;PRIVATE_LIBS;SOURCES" ${ARGN})
  set(target tasklane_${folder})
  set(root ${CMAKE_BINARY_DIR}/include_roots/${folder})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
  list(TRANSFORM ARG_DEPS PREPEND tasklane_ OUTPUT_VARIABLE deps)
  if(ARG_HEADER_ONLY)
    add_library(${target} INTERFACE ${ARG_SOURCES})
    target_include_directories(${target} INTERFACE ${root})
    target_link_libraries(${target} INTERFACE ${deps} ${ARG_LIBS})
  else()
    qt_add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${root})
    target_link_libraries(${target} PUBLIC ${deps} ${ARG_LIBS} PRIVATE ${ARG_PRIVATE_LIBS} tasklane_settings)
  endif()
endfunction()
