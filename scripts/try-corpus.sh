#!/bin/bash
# Tries folio on other projects' résumé files by hand (never run by the tests): each JSON Resume file is built
# directly, each other format imported first, then `folio check` reads the PDF against the source.
# Usage: scripts/try-corpus.sh [corpus dir, default ../shared/corpus] [work dir, default a new temp dir]
set -u
corpus=${1:-../shared/corpus}
work=${2:-$(mktemp -d)}
folio="node $(cd "$(dirname "$0")/.." && pwd)/dist/cli.js"
for f in "$corpus"/*/*; do
  case "$f" in *.json | *.yaml | *.yml) ;; *) continue ;; esac
  name=$(basename "$(dirname "$f")")/$(basename "$f")
  d="$work/${name//\//_}.d"
  mkdir -p "$d"
  src=$f
  if [[ "$f" != */jsonresume/* ]]; then
    if ! $folio import "$f" -o "$d/imported.yaml" --force >"$d/import.log" 2>&1; then
      echo "$name: import refused: $(grep -m1 error "$d/import.log")"
      continue
    fi
    src=$d/imported.yaml
  fi
  if ! $folio build "$src" -f pdf -o "$d" >"$d/build.log" 2>&1; then
    echo "$name: build refused: $(grep -m1 error "$d/build.log")"
    continue
  fi
  $folio check "$d"/*.pdf --source "$src" >"$d/check.log" 2>&1
  echo "$name: $(grep -m1 -o '[0-9]* of [0-9]* strings.*' "$d/check.log")$(grep -q 'NOT EMBEDDED' "$d/check.log" && echo '; a font NOT EMBEDDED')"
done
echo "logs in $work"
