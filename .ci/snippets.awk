# Prints the code blocks of Markdown files that carry a given check marker, for the CI scripts.
# Usage: awk -v kinds='commands|server' -f snippets.awk FILE...
# Output, per block in document order: "@@ FILE:LINE KIND ARGUMENT", then the block's lines.
# A marker is an HTML comment on the line right above the fence: <!-- check: KIND ARGUMENT -->
# (see docs-check's DocsSnippetsTest for the kinds).
FNR == 1 { marker = ""; inblock = 0 }
inblock && /^[ \t]*```[ \t]*$/ { inblock = 0; next }
inblock { print; next }
/^[ \t]*```/ {
  if (marker != "") {
    print "@@ " FILENAME ":" FNR " " marker " " argument
    inblock = 1
  }
  marker = ""
  next
}
{
  line = $0
  if (match(line, /^<!-- check: [a-z-]+/)) {
    k = substr(line, 13, RLENGTH - 12)
    rest = substr(line, RLENGTH + 1)
    sub(/^[ \t]+/, "", rest)
    sub(/[ \t]*-->[ \t]*$/, "", rest)
    if (k ~ ("^(" kinds ")$") && line ~ /-->[ \t]*$/) { marker = k; argument = rest } else { marker = "" }
  } else if (line !~ /^[ \t]*$/) {
    marker = ""
  }
}
