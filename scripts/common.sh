# Sourced by run.sh and test.sh: installs the Debian packages Tasklane needs when they are
# missing, and sets up the environment Qt expects when running as root without a session.

TASKLANE_PACKAGES=(
  build-essential cmake ninja-build            # compiler and build
  qt6-base-dev qt6-svg-dev                     # Qt Core/Gui/Widgets/Concurrent/Test, SVG export
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools  # Qt Linguist (lupdate, lrelease): Korean UI
  qt6-translations-l10n                        # Qt's own Korean (dialog buttons), optional
  libgl-dev libxkbcommon-dev                   # headers Qt6Gui's CMake package looks for
  xvfb xauth                                   # headless window tests and screenshots
  fonts-nanum                                  # Hangul glyphs: the tutorial prints Korean
  libbenchmark-dev                             # Google Benchmark for tests/bench
  python3                                      # the reference timings and generated programs
  python3-aiofiles                             # to run async-file's generated program
  clang-tidy                                   # clang-tidy-14: scripts/clang_tidy.sh
)

tasklane_install_packages() {
  local missing=()
  for p in "${TASKLANE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

tasklane_environment() {
  if [ -z "${XDG_RUNTIME_DIR:-}" ] || [ ! -w "${XDG_RUNTIME_DIR}" ]; then
    XDG_RUNTIME_DIR="$(mktemp -d /tmp/tasklane-runtime.XXXXXX)"
    chmod 0700 "$XDG_RUNTIME_DIR"
    export XDG_RUNTIME_DIR
    trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
  fi
}
