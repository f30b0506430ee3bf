#!/bin/sh
# Reads `tidings clean --json` output and prints only what the reader decides (the
# article ids), so that the read-* golden cases do not change when cleaning does.
# Usage in a case: { tidings clean --json PATH...; echo "exit $?"; } | sh tests/cli/ids.sh
sed -n -e 's/^{"id":"\([^"]*\)".*/\1/p' -e '/^exit /p'
