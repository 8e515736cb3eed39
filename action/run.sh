#!/usr/bin/env bash
# The action's lint step: checks its inputs, builds the command line from the INPUT_* variables, lints once
# with GitHub annotations (plus SARIF when asked), checks the formatting when asked, and decides whether to fail.
set -uo pipefail
lint="${TRIPREPORT_LINT:-tripreport-lint}"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# A workflow command's message, with %, CR and LF escaped as GitHub reads them.
escape() { local text="${1//'%'/%25}"; text="${text//$'\r'/%0D}"; printf '%s' "${text//$'\n'/%0A}"; }
warn() { echo "::warning title=tripreport-lint::$(escape "$1")"; }
fail() { echo "::error title=tripreport-lint::$(escape "$1")"; exit 2; }
html() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

one_of() {  # one_of INPUT VALUE CHOICE...
  local input=$1 value=$2 choice
  shift 2
  for choice in "$@"; do [ "$value" = "$choice" ] && return 0; done
  fail "$input must be one of: $*; got '$value'"
}

# Split an input into words as a shell would (quotes and backslashes), without evaluating it: nothing is
# expanded or run. The words land in the array named by the first argument.
split_words() {  # split_words ARRAY INPUT VALUE
  local problem
  problem=$(python3 -c 'import shlex, sys
try:
    sys.stdout.write("".join(word + "\0" for word in shlex.split(sys.argv[1])))
except ValueError as error:
    sys.exit(str(error))' "$3" 2>&1 >"$scratch/words") || fail "$2: cannot split '$3' into words: $problem"
  mapfile -d '' -t "$1" < "$scratch/words"
}

# Sets `base` to the revision to compare with on a pull request: where the branch left its base (what
# `git diff BASE...HEAD` compares with). The base branch is fetched only when missing, and a full clone is
# never fetched with a depth (that would make it shallow under the user's later steps); a shallow one is
# deepened until the two meet.
find_base() {  # find_base BRANCH
  local tracking="refs/remotes/origin/$1" shallow problem deepen
  shallow=$(git rev-parse --is-shallow-repository 2>&1) || { warn "no git checkout here: $shallow"; return 1; }
  if ! git rev-parse --verify --quiet "$tracking^{commit}" >/dev/null; then
    local depth=()
    [ "$shallow" = true ] && depth=(--depth=1)
    problem=$(git fetch --quiet --no-tags "${depth[@]}" origin "+refs/heads/$1:$tracking" 2>&1) \
      || { warn "cannot fetch the base branch '$1' from origin: $problem"; return 1; }
  fi
  for deepen in 10 100 1000; do
    [ "$shallow" = true ] || break
    git merge-base HEAD "$tracking" >/dev/null 2>&1 && break
    git fetch --quiet --no-tags --deepen="$deepen" origin "+refs/heads/$1:$tracking" >/dev/null 2>&1 || break
    shallow=$(git rev-parse --is-shallow-repository)
  done
  base=$(git merge-base HEAD "$tracking" 2>/dev/null) && return 0
  warn "HEAD and origin/$1 have no common ancestor in the history fetched: comparing with origin/$1 itself (fetch-depth: 0 in actions/checkout fetches all of it)"
  base=$(git rev-parse "$tracking")
}

# Runs a command with its standard error shown and kept; when it could not do its work (exit 2 or more), an
# error annotation for each of its one-line errors (the first 10) and a job summary section give them.
run_step() {  # run_step TITLE COMMAND...
  local title=$1 status messages message
  shift
  "$@" 2>"$scratch/stderr"
  status=$?
  cat "$scratch/stderr" >&2
  if [ "$status" -ge 2 ]; then
    messages=$(grep -E '^tripreport-lint: .*error' "$scratch/stderr" | head -n 10)
    [ -n "$messages" ] || messages=$(grep -v '^[[:space:]]*$' "$scratch/stderr" | tail -n1)
    messages=${messages:-"exit code $status, with no error message"}
    while IFS= read -r message; do
      echo "::error title=$title failed::$(escape "$message")"
    done <<< "$messages"
    { printf '## %s failed (exit code %s)\n\n<pre>' "$title" "$status"
      printf '%s' "$messages" | html
      printf '</pre>\n\n'; } >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
  fi
  return "$status"
}

fail_on="${INPUT_FAIL_ON:-findings}"
format="${INPUT_FORMAT:-off}"
one_of fail-on "$fail_on" findings error
one_of format "$format" check off
one_of fix "${INPUT_FIX:-false}" true false
one_of changed-lines-only "${INPUT_CHANGED_LINES_ONLY:-true}" true false
declare -a extra paths
split_words extra args "${INPUT_ARGS:-}"
split_words paths paths "${INPUT_PATHS:-.}"

command=("$lint" --output-format github)
[ -n "${INPUT_CONFIG:-}" ] && command+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_SARIF_FILE:-}" ] && command+=(--output-file "sarif=$INPUT_SARIF_FILE")
[ "${INPUT_FIX:-false}" = true ] && command+=(--fix)
# On a pull request, GITHUB_BASE_REF names the target branch: report only what the pull request changed.
if [ "${INPUT_CHANGED_LINES_ONLY:-true}" = true ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  if find_base "$GITHUB_BASE_REF"; then
    command+=(--diff-base "$base")
  else
    warn "reporting findings on every line, not only on those the pull request changed"
  fi
fi
run_step tripreport-lint "${command[@]}" "${extra[@]}" "${paths[@]}"
status=$?
echo "exit-code=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
failed=$status
[ "$fail_on" = error ] && [ "$status" -lt 2 ] && failed=0

# `format --check` annotates each file itself; the job summary lists them too, as GitHub shows only the first
# 10 error annotations of a step and the lint may have used them up.
if [ "$format" = check ]; then
  command=("$lint" format --check --output-format github)
  [ -n "${INPUT_CONFIG:-}" ] && command+=(--config "$INPUT_CONFIG")
  run_step "tripreport-lint format" "${command[@]}" "${paths[@]}" > "$scratch/format"
  format_status=$?
  cat "$scratch/format"
  if [ "$format_status" -eq 1 ]; then
    { printf '## tripreport-lint format: %s\n\n' "$(grep -v '^::' "$scratch/format" | tail -n1 | html)"
      printf "Run \`tripreport-lint format\` on these files and commit the result:\n\n<pre>"
      sed -n -e 's/^::error file=\([^,]*\),title=tripreport-lint format::.*/\1/p' "$scratch/format" \
        | sed -e 's/%2C/,/g' -e 's/%3A/:/g' -e 's/%0D/\r/g' -e 's/%0A/\n/g' -e 's/%25/%/g' | html
      printf '</pre>\n\n'; } >> "${GITHUB_STEP_SUMMARY:-/dev/null}"
  fi
  [ "$format_status" -gt "$failed" ] && failed=$format_status
fi
exit "$failed"
