#!/usr/bin/env bash
# The action's lint step: builds the command line from the INPUT_* variables, lints once with
# GitHub annotations (plus SARIF when asked), records the exit code, and decides whether to fail.
set -uo pipefail
lint="${TRIPREPORT_LINT:-tripreport-lint}"
command=("$lint" --output-format github)
[ -n "${INPUT_CONFIG:-}" ] && command+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_SARIF_FILE:-}" ] && command+=(--output-file "sarif=$INPUT_SARIF_FILE")
[ "${INPUT_FIX:-false}" = "true" ] && command+=(--fix)
# On a pull request, GITHUB_BASE_REF names the target branch: report only what the pull request changed.
if [ "${INPUT_CHANGED_LINES_ONLY:-true}" = "true" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  git fetch --quiet --depth=1 origin "$GITHUB_BASE_REF" 2>/dev/null || true
  command+=(--diff-base "origin/$GITHUB_BASE_REF")
fi
read -r -a extra <<< "${INPUT_ARGS:-}"
read -r -a paths <<< "${INPUT_PATHS:-.}"
"${command[@]}" "${extra[@]}" "${paths[@]}"
status=$?
echo "exit-code=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
case "${INPUT_FAIL_ON:-findings}" in
  error) [ "$status" -ge 2 ] && exit "$status"; exit 0 ;;
  findings) exit "$status" ;;
  *) echo "::error title=tripreport-lint::fail-on must be 'findings' or 'error', got '${INPUT_FAIL_ON}'"; exit 2 ;;
esac
