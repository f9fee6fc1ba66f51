#!/usr/bin/env bash
# Installs what is missing, checks the layers, builds in Release with the tests, runs every test
# with ctest and clang-tidy. Then, unless TASKLANE_SANITIZERS=0, builds and runs the suite again
# under ASan+UBSan; unless TASKLANE_TSAN=0, the core suites under ThreadSanitizer. Each stage
# says how long it took (the README quotes them).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/common.sh

stage_start=$SECONDS
stage_done() {
  echo "test.sh: $1 took $((SECONDS - stage_start)) s"
  stage_start=$SECONDS
}

tasklane_install_packages
tasklane_environment
export QT_QPA_PLATFORM=offscreen
stage_done "installing packages"

# No include climbs a layer (the build fails on most such includes too; this names them all
# at once, before anything is compiled).
python3 scripts/check_layers.py

cmake --preset release
cmake --build --preset release
stage_done "the Release build"
ctest --preset release
stage_done "the Release tests"

# clang-tidy over core/ and app/ with the release build's compile commands; TASKLANE_TIDY=0
# skips it.
if [ "${TASKLANE_TIDY:-1}" != "0" ]; then
  scripts/clang_tidy.sh build/release
  stage_done "clang-tidy"
fi

if [ "${TASKLANE_SANITIZERS:-1}" != "0" ]; then
  cmake --preset asan
  cmake --build --preset asan
  stage_done "the ASan+UBSan build"
  ctest --preset asan
  stage_done "the ASan+UBSan tests"
fi

# ThreadSanitizer over the core suites that run threads, and only their targets, to keep CI
# time down. Reports inside libraries not built with TSan are suppressed in tests/tsan.supp,
# each line saying why.
if [ "${TASKLANE_TSAN:-1}" != "0" ]; then
  tsan_suites=(tst_futures tst_aio tst_mp tst_trace_recorder tst_patterns tst_timer_queue)
  cmake --preset tsan
  cmake --build --preset tsan --target "${tsan_suites[@]}"
  stage_done "the TSan build (core suites)"
  ctest --preset tsan -R "^($(IFS='|'; echo "${tsan_suites[*]}"))\$"
  stage_done "the TSan tests (core suites)"
fi
