# Provides, for native and Emscripten builds alike:
#   postscrub::re2            RE2 (libre2-dev natively; built from third_party/re2-src under Emscripten)
#   POSTSCRUB_DEP_INCLUDE     an include folder holding only nlohmann/ and catch2/ (never /usr/include itself:
#                             host libc headers break em++, TOOLCHAIN.md)

# A private include tree with links to exactly the header folders we use.
set(POSTSCRUB_DEP_INCLUDE "${CMAKE_BINARY_DIR}/dep-include")
file(MAKE_DIRECTORY "${POSTSCRUB_DEP_INCLUDE}")
foreach(dep nlohmann catch2)
  find_path(_dep_dir NAMES ${dep} PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH)
  if(NOT _dep_dir OR NOT EXISTS "${_dep_dir}/${dep}")
    message(FATAL_ERROR "postscrub: /usr/include/${dep} not found; run scripts/bootstrap")
  endif()
  if(NOT EXISTS "${POSTSCRUB_DEP_INCLUDE}/${dep}")
    file(CREATE_LINK "${_dep_dir}/${dep}" "${POSTSCRUB_DEP_INCLUDE}/${dep}" SYMBOLIC)
  endif()
  unset(_dep_dir CACHE)
endforeach()

# Natively, -DPOSTSCRUB_RE2_FROM_SOURCE=ON builds the same RE2 source as the WASM build (with symbols for profilers,
# and the same code the module runs); the default links Debian's libre2.
option(POSTSCRUB_RE2_FROM_SOURCE "Build RE2 from third_party/re2-src also natively" OFF)
if(EMSCRIPTEN OR POSTSCRUB_RE2_FROM_SOURCE)
  set(RE2_SRC "${PROJECT_SOURCE_DIR}/third_party/re2-src")
  if(NOT EXISTS "${RE2_SRC}/.postscrub-ready")
    message(FATAL_ERROR "postscrub: RE2 source missing in ${RE2_SRC}; run scripts/fetch-re2-source")
  endif()
  set(_re2_sources
    re2/bitstate.cc re2/compile.cc re2/dfa.cc re2/filtered_re2.cc re2/mimics_pcre.cc re2/nfa.cc
    re2/onepass.cc re2/parse.cc re2/perl_groups.cc re2/prefilter.cc re2/prefilter_tree.cc re2/prog.cc
    re2/re2.cc re2/regexp.cc re2/set.cc re2/simplify.cc re2/stringpiece.cc re2/tostring.cc
    re2/unicode_casefold.cc re2/unicode_groups.cc util/rune.cc util/strutil.cc)
  list(TRANSFORM _re2_sources PREPEND "${RE2_SRC}/")
  # RE2's parser builds a character class for every case-folded letter, which PushRegexp then turns back into a
  # literal ([Aa] -> 'a' with FoldCase): a third of parsing the packs' case-insensitive words (pack compile, cold
  # start). This copy of parse.cc pushes that literal directly for the ASCII letters whose case orbit is the pair
  # alone (all but k and s, which also fold to U+212A and U+017F): the same Regexp, without the class. Checked:
  # tests/js/parity.test.js (this build against Debian's unchanged library).
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${RE2_SRC}/re2/parse.cc")
  file(READ "${RE2_SRC}/re2/parse.cc" _parse)
  set(_fold_anchor "  // Do case folding if needed.\n  if ((flags_ & FoldCase) && CycleFoldRune(r) != r) {")
  string(FIND "${_parse}" "${_fold_anchor}" _at)
  if(_at EQUAL -1)
    message(FATAL_ERROR "postscrub: ${RE2_SRC}/re2/parse.cc changed: PushLiteral's case folding not found "
                        "(review the fast path in cmake/Dependencies.cmake against the new source)")
  endif()
  string(REPLACE "${_fold_anchor}" "  // postscrub (cmake/Dependencies.cmake): [Aa] as PushRegexp makes it, without the class.
  if ((flags_ & FoldCase) && ((r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z')) &&
      (r | 0x20) != 'k' && (r | 0x20) != 's') {
    Regexp* re = new Regexp(kRegexpLiteral, flags_ | FoldCase);
    re->rune_ = r | 0x20;
    return PushRegexp(re);
  }
${_fold_anchor}" _parse "${_parse}")
  set(_gen_re2 "${CMAKE_BINARY_DIR}/re2-src-patched/re2")
  file(WRITE "${_gen_re2}/parse.cc.new" "// Generated from ${RE2_SRC}/re2/parse.cc by cmake/Dependencies.cmake (one fast path).\n${_parse}")
  file(COPY_FILE "${_gen_re2}/parse.cc.new" "${_gen_re2}/parse.cc" ONLY_IF_DIFFERENT)
  list(REMOVE_ITEM _re2_sources "${RE2_SRC}/re2/parse.cc")
  list(APPEND _re2_sources "${_gen_re2}/parse.cc")
  add_library(re2_wasm STATIC ${_re2_sources})
  if(EMSCRIPTEN AND POSTSCRUB_WASM_COLD_OPT)
    # Code that runs rarely (error texts, tables): optimised for size (README of wasm/bindings).
    set(_re2_cold re2/tostring.cc re2/mimics_pcre.cc util/strutil.cc util/rune.cc re2/perl_groups.cc
                  re2/unicode_casefold.cc re2/unicode_groups.cc)
    list(TRANSFORM _re2_cold PREPEND "${RE2_SRC}/")
    set_source_files_properties(${_re2_cold} TARGET_DIRECTORY re2_wasm PROPERTIES COMPILE_OPTIONS "${POSTSCRUB_WASM_COLD_OPT}")
  endif()
  if(EMSCRIPTEN)
    # Two libc replacements for the module (re2_wasm goes wherever the engine goes). printf without its float
    # formatting: int_snprintf.c says why (-1.7 KiB gzip). strtod without 128-bit soft-float: strtod64.c says why
    # (-7 KiB gzip); floatscan64.inc is musl's floatscan.c (from Emscripten itself) read for long double = double.
    set(_musl "${EMSCRIPTEN_ROOT_PATH}/system/lib/libc/musl")
    if(NOT EXISTS "${_musl}/src/internal/floatscan.c")
      message(FATAL_ERROR "postscrub: ${_musl}/src/internal/floatscan.c not found (Emscripten's musl source)")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${_musl}/src/internal/floatscan.c")
    file(READ "${_musl}/src/internal/floatscan.c" _fs)
    string(REPLACE "#include \"floatscan.h\"" "" _fs "${_fs}")
    foreach(_pair "long double|double" "LDBL_|DBL_" "1000000000.0L|1000000000.0" "copysignl(|copysign("
                  "fmodl(|fmod(" "fabsl(|fabs(" "scalbnl(|scalbn(" "__floatscan(|postscrub_floatscan64(")
      string(REPLACE "|" ";" _pair "${_pair}")
      list(GET _pair 0 _from)
      list(GET _pair 1 _to)
      string(REPLACE "${_from}" "${_to}" _fs "${_fs}")
    endforeach()
    if(_fs MATCHES "long double|LDBL_|[0-9]L[^A-Za-z_]|[a-z]l\\(")
      message(FATAL_ERROR "postscrub: floatscan.c has long double code this build does not translate")
    endif()
    set(_gen_libc "${CMAKE_BINARY_DIR}/wasm-libc")
    file(WRITE "${_gen_libc}/floatscan64.inc.new" "/* Generated from ${_musl}/src/internal/floatscan.c by cmake/Dependencies.cmake: long double read as double. */\n${_fs}")
    file(COPY_FILE "${_gen_libc}/floatscan64.inc.new" "${_gen_libc}/floatscan64.inc" ONLY_IF_DIFFERENT)
    target_sources(re2_wasm PRIVATE "${CMAKE_CURRENT_LIST_DIR}/re2-wasm/int_snprintf.c"
                                    "${CMAKE_CURRENT_LIST_DIR}/re2-wasm/strtod64.c")
    set_source_files_properties("${CMAKE_CURRENT_LIST_DIR}/re2-wasm/strtod64.c" TARGET_DIRECTORY re2_wasm
      PROPERTIES INCLUDE_DIRECTORIES "${_gen_libc};${_musl}/src/internal;${_musl}/src/include")
    set_source_files_properties("${RE2_SRC}/util/strutil.cc" TARGET_DIRECTORY re2_wasm
      PROPERTIES COMPILE_DEFINITIONS "vsnprintf=vsniprintf;snprintf=postscrub_int_snprintf")
  endif()
  target_include_directories(re2_wasm SYSTEM PUBLIC "${RE2_SRC}")
  # Searched before RE2_SRC: a util/logging.h whose LOG() discards instead of using iostreams (-55 KB of code).
  target_include_directories(re2_wasm BEFORE PRIVATE "${CMAKE_CURRENT_LIST_DIR}/re2-wasm")
  target_compile_options(re2_wasm PRIVATE $<$<BOOL:${EMSCRIPTEN}>:-fno-rtti> -Wno-unused-parameter -Wno-missing-field-initializers)
  add_library(postscrub::re2 ALIAS re2_wasm)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
  add_library(postscrub::re2 ALIAS PkgConfig::RE2)
endif()
