#!/bin/sh
# Usage: embed-folder.sh OUTPUT_SWIFT_FILE FOLDER ENUM_NAME [docs]
#
# Writes ENUM_NAME.base64: each file under FOLDER (relative path, sorted; hidden files
# left out, and Markdown files too unless the fourth argument is `docs`) → its bytes in
# base64, so no content needs escaping. The same folder gives the same source, and so
# the same binary. Used for the theme (templates/) and the starter sites (starters/).
set -eu
out=$1
folder=$2
name=$3
docs=${4:-}
tmp="$out.tmp"
{
  echo "// Generated from $(basename "$folder")/ by Plugins/EmbedTheme/embed-folder.sh at build time. Do not edit."
  echo ""
  echo "enum $name {"
  echo "    /// Path relative to $(basename "$folder")/ → file contents in base64."
  echo "    static let base64: [String: String] = ["
  count=0
  if [ "$docs" = docs ]; then skip='*.never-skipped'; else skip='*.md'; fi
  for path in $(cd "$folder" && find . -type f ! -name "$skip" ! -path '*/.*' | sed 's|^\./||' | LC_ALL=C sort); do
    printf '        "%s": "%s",\n' "$path" "$(base64 < "$folder/$path" | tr -d '\n')"
    count=$((count + 1))
  done
  [ "$count" -eq 0 ] && echo "        :"
  echo "    ]"
  echo "}"
} > "$tmp"
mv "$tmp" "$out"
