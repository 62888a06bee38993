#!/bin/sh
# Usage: embed-theme.sh OUTPUT_SWIFT_FILE THEME_FOLDER
#
# Writes EmbeddedTheme.base64: each file under THEME_FOLDER (relative path, sorted;
# docs and hidden files left out) → its bytes in base64, so no content needs escaping.
# The same theme gives the same source, and so the same binary.
set -eu
out=$1
folder=$2
tmp="$out.tmp"
{
  echo "// Generated from templates/ by Plugins/EmbedTheme at build time. Do not edit."
  echo ""
  echo "enum EmbeddedTheme {"
  echo "    /// Path relative to templates/ → file contents in base64."
  echo "    static let base64: [String: String] = ["
  count=0
  for path in $(cd "$folder" && find . -type f ! -name '*.md' ! -path '*/.*' | sed 's|^\./||' | LC_ALL=C sort); do
    printf '        "%s": "%s",\n' "$path" "$(base64 < "$folder/$path" | tr -d '\n')"
    count=$((count + 1))
  done
  [ "$count" -eq 0 ] && echo "        :"
  echo "    ]"
  echo "}"
} > "$tmp"
mv "$tmp" "$out"
