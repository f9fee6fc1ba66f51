#!/usr/bin/env bash
# The longest functions of core/ and app/ (lines, name, file:line), from universal-ctags
# (Debian's universal-ctags package). Usage: scripts/function_lengths.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
  echo "function_lengths: needs universal-ctags (apt-get install universal-ctags)" >&2
  exit 2
fi
ctags --fields=+ne --kinds-c++=f -f - -R core app |
  awk -F'\t' '{
    line = ""; end = ""
    for (i = 4; i <= NF; i++) {
      if ($i ~ /^line:/) line = substr($i, 6)
      if ($i ~ /^end:/) end = substr($i, 5)
    }
    if (line != "" && end != "") print end - line + 1, $1, $2 ":" line
  }' | sort -rn | head -"${1:-10}"
