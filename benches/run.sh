#!/usr/bin/env bash
# How fast rel is, as whole processes, on journals of four sizes, against
# floors written in plain Rust (examples/floor.rs). Prints one table, then
# each target met or missed, and exits non-zero when one is missed.
#
#   benches/run.sh                 # everything (a few minutes)
#   MIN_RUNS=5 benches/run.sh      # quicker, noisier
#
# Needs hyperfine (apt-get install -y hyperfine, or cargo install hyperfine)
# and GNU time (apt-get install -y time) for peak memory. The journals are
# generated in $REL_BENCH_DIR (default /tmp/rel-bench), outside any git work
# tree, and rebuilt on every run. Other processes skew the numbers: the
# load average is printed with the table; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1; then
    echo "error: benches/run.sh needs hyperfine to time commands" >&2
    echo "hint: apt-get install -y hyperfine (Debian, Ubuntu), or cargo install hyperfine" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "error: benches/run.sh needs GNU time (/usr/bin/time) to measure peak memory" >&2
    echo "hint: apt-get install -y time" >&2
    exit 1
fi

TARGET=${CARGO_TARGET_DIR:-target}
WORK=${REL_BENCH_DIR:-/tmp/rel-bench}
MIN_RUNS=${MIN_RUNS:-10}
TODAY=2026-11-26
# The day the checkin benchmark records a meeting on: one past the
# journals' last day, so each run writes a file no other run left.
NEXT_DAY=2026-11-27
HANDLE=ada-lovelace # the generator keeps its first relationship running
WORD=rfc

echo "Building (release)…" >&2
# Two builds: examples may use dev-dependencies, and rel's own turns on
# the test-only `failpoints` feature; the rel timed is the rel shipped.
cargo build --release --locked --quiet --example generate --example floor
cargo build --release --locked --quiet --bin rel
REL=$TARGET/release/rel
GEN=$TARGET/release/examples/generate
FLOOR=$TARGET/release/examples/floor

rm -rf "$WORK"
mkdir -p "$WORK"
if git -C "$WORK" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    echo "error: $WORK is inside a git work tree; rel would commit every check-in there" >&2
    echo "hint: REL_BENCH_DIR=/some/dir/outside/git benches/run.sh" >&2
    exit 1
fi
# A hello world, for the cost of starting any process.
printf 'fn main() {\n    println!("hello");\n}\n' >"$WORK/hello.rs"
rustc -C opt-level=3 -o "$WORK/hello" "$WORK/hello.rs"

# rel with no config file, no colour, a fixed width and a fixed today.
export REL_CONFIG="$WORK/no-config.toml" NO_COLOR=1 COLUMNS=100 REL_TODAY=$TODAY
unset REL_DIR

SIZES="SMALL REALISTIC HISTORY LARGE"
declare -A SHAPE=([SMALL]="5 20" [REALISTIC]="30 200" [HISTORY]="30 2000" [LARGE]="500 200")
for size in $SIZES; do
    read -r n m <<<"${SHAPE[$size]}"
    echo "Generating $size ($n relationships × $m check-ins)…" >&2
    "$GEN" --relationships "$n" --checkins "$m" --today "$TODAY" "$WORK/$size" 2>/dev/null
done
# The same first relationship, alone: what a check-in costs with nothing
# else in the journal.
"$GEN" --relationships 1 --checkins 0 --today "$TODAY" "$WORK/EMPTY" 2>/dev/null
# Files written in the last few seconds are read with more care by the
# cache (see src/store/cache): let them age as a journal's files have.
sleep 3

RESULTS="$WORK/results.csv"
: >"$RESULTS"

# bench LABEL JOURNAL [PREPARE] -- COMMAND…: times COMMAND and appends
# label,journal,median,min,max,peak KB to the results.
bench() {
    local label=$1 journal=$2 prepare=""
    shift 2
    if [ "$1" != "--" ]; then
        prepare=$1
        shift
    fi
    shift
    local command="$*"
    local csv="$WORK/one.csv"
    local args=(-N --style none --warmup 2 --min-runs "$MIN_RUNS" --export-csv "$csv")
    if [ -n "$prepare" ]; then
        args+=(--prepare "$prepare")
    fi
    echo "  $label @ $journal" >&2
    hyperfine "${args[@]}" "$command" >/dev/null
    if [ -n "$prepare" ]; then
        bash -c "$prepare"
    fi
    /usr/bin/time -f '%M' -o "$WORK/peak" bash -c "exec $command" >/dev/null 2>&1
    local peak
    peak=$(tail -n 1 "$WORK/peak")
    tail -n 1 "$csv" | awk -F, -v l="$label" -v j="$journal" -v p="$peak" \
        '{ printf "%s,%s,%f,%f,%f,%s\n", l, j, $4 * 1000, $7 * 1000, $8 * 1000, p }' >>"$RESULTS"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Timing…" >&2
bench "hello world" - -- "$WORK/hello"
bench "rel --version" - -- "$REL" --version
# The check-ins first, one after another: a write's cost is mostly fsync,
# whose time drifts with whatever else the disk is doing, so the ones
# compared (EMPTY and LARGE) are timed side by side.
for size in EMPTY LARGE SMALL REALISTIC HISTORY; do
    J="$WORK/$size"
    CHECKINS="$J/relationships/$HANDLE/checkins"
    bench "checkin" "$size" "bash -c 'rm -f $CHECKINS/$NEXT_DAY-*.toml'" -- \
        "$REL" --dir "$J" --as-of "$NEXT_DAY" checkin "$HANDLE" \
        -m "'Talked through the RFC and where the review got stuck.'" --rating 4 --working "'Her own agenda'"
done
# A cache from another commit: each journal's cache, kept aside, then every
# relationship.toml changed under it (as a git pull that touched them all
# would), so that no brief in it can be believed.
for size in $SIZES; do
    J="$WORK/$size"
    # The check-in written above, on a day after today, taken out again.
    rm -f "$J/relationships/$HANDLE/checkins/$NEXT_DAY"-*.toml
    "$REL" --dir "$J" status >/dev/null
done
sleep 3
for size in $SIZES; do
    J="$WORK/$size"
    "$REL" --dir "$J" status >/dev/null
    cp "$J/.cache/journal" "$WORK/$size.stale-cache"
    find "$J/relationships" -maxdepth 2 -name relationship.toml -exec touch {} +
    rm -rf "$J/.cache"
done
sleep 3
for size in $SIZES; do
    J="$WORK/$size"
    # The cache a warm status reads, and the newest check-ins whose stat it
    # looks at, for F0.
    "$REL" --dir "$J" status >/dev/null
    "$FLOOR" plan "$J" >"$WORK/$size.plan"
    bench "F0 (touch)" "$size" -- "$FLOOR" f0 "$J" "$WORK/$size.plan"
    bench "F1 (parse)" "$size" -- "$FLOOR" f1 "$J"
    bench "F2 (parse all)" "$size" -- "$FLOOR" f2 "$J"
    bench "status" "$size" -- "$REL" --dir "$J" status
    # The same with no cache to start from (a first run), and with the
    # cache of another commit: each relationship.toml parsed.
    bench "status (no cache)" "$size" "rm -rf $J/.cache" -- "$REL" --dir "$J" status
    bench "status (stale)" "$size" "cp $WORK/$size.stale-cache $J/.cache/journal" -- "$REL" --dir "$J" status
    bench "status HANDLE" "$size" -- "$REL" --dir "$J" status "$HANDLE"
    bench "prep HANDLE" "$size" -- "$REL" --dir "$J" prep "$HANDLE"
    bench "log HANDLE" "$size" -- "$REL" --dir "$J" log "$HANDLE"
    bench "search $WORD" "$size" -- "$REL" --dir "$J" search "$WORD"
    bench "report (a year)" "$size" -- "$REL" --dir "$J" report --since 2025-11-27
    bench "check" "$size" -- "$REL" --dir "$J" check
    bench "export" "$size" -- "$REL" --dir "$J" export
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# The table, then the targets, from the results of this one run.
awk -F, -v cores="$(nproc)" -v before="$LOAD_BEFORE" -v after="$LOAD_AFTER" '
function ms(x) { return x >= 100 ? sprintf("%.0f", x) : sprintf("%.1f", x) }
# The floor of the work a command must do (see the README).
function floor_of(label) {
    if (label == "hello world" || label ~ /^F[012] /) return ""
    if (label == "checkin") return "checkin@EMPTY"
    if (label == "status") return "F0"
    if (label ~ /^status \(/ || label ~ /^report/) return "F1"
    if (label ~ /^(search|check|export)/) return "F2"
    return "hello world"
}
{
    n++; label[n] = $1; journal[n] = $2; median[n] = $3; lo[n] = $4; hi[n] = $5; peak[n] = $6
    key = $1 "@" $2; med[key] = $3; mb[key] = $6 / 1024
    if ($2 == "-") med[$1] = $3
    if ($1 ~ /^F[012] /) med[substr($1, 1, 2) "@" $2] = $3
}
END {
    printf "rel benchmark: %d cores, load average %s before, %s after; medians of whole processes\n\n", cores, before, after
    printf "%-17s %-10s %10s %19s %8s %-4s  %s\n", "command", "journal", "median", "min – max (ms)", "peak MB", "", "vs floor"
    for (i = 1; i <= n; i++) {
        f = floor_of(label[i]); ratio = ""
        if (f == "hello world" && med[f] > 0) ratio = sprintf("%.2f × hello world", median[i] / med[f])
        else if (f == "checkin@EMPTY" && med[f] > 0) ratio = sprintf("%.2f × checkin@EMPTY", median[i] / med[f])
        else if (f != "" && med[f "@" journal[i]] > 0) ratio = sprintf("%.2f × %s", median[i] / med[f "@" journal[i]], f)
        over = peak[i] / 1024 > 30 ? "OVER" : ""
        printf "%-17s %-10s %7s ms %8s – %-8s %8.1f %-4s  %s\n", label[i], journal[i], ms(median[i]), ms(lo[i]), ms(hi[i]), peak[i] / 1024, over, ratio
    }
    printf "\n(peak MB: OVER marks more than 30 MB)\n"
    printf "\nTargets (medians from this run):\n"
    split("REALISTIC HISTORY LARGE", warm, " ")
    for (k = 1; k <= 3; k++)
        t("status ≤ 1.3 × F0 at " warm[k], med["status@" warm[k]], 1.3 * med["F0@" warm[k]])
    split("SMALL REALISTIC HISTORY LARGE", all, " ")
    for (k = 1; k <= 4; k++) {
        t("status (no cache) ≤ 1.0 × F1 at " all[k], med["status (no cache)@" all[k]], med["F1@" all[k]])
        t("status (stale) ≤ 1.0 × F1 at " all[k], med["status (stale)@" all[k]], med["F1@" all[k]])
    }
    t("status at HISTORY ≤ 1.2 × at REALISTIC", med["status@HISTORY"], 1.2 * med["status@REALISTIC"])
    t("status HANDLE at HISTORY ≤ 3 × at REALISTIC", med["status HANDLE@HISTORY"], 3 * med["status HANDLE@REALISTIC"])
    t("prep HANDLE at HISTORY ≤ 3 × at REALISTIC", med["prep HANDLE@HISTORY"], 3 * med["prep HANDLE@REALISTIC"])
    t("checkin at HISTORY ≤ 1.3 × at EMPTY", med["checkin@HISTORY"], 1.3 * med["checkin@EMPTY"])
    t("checkin at LARGE ≤ 1.3 × at EMPTY", med["checkin@LARGE"], 1.3 * med["checkin@EMPTY"])
    split("search rfc,log HANDLE,report (a year),check,export", heavy, ",")
    for (k = 1; k <= 5; k++)
        t(heavy[k] " at REALISTIC ≤ 0.7 × F2", med[heavy[k] "@REALISTIC"], 0.7 * med["F2@REALISTIC"])
    t("rel --version ≤ 2 × hello world", med["rel --version"], 2 * med["hello world"])
    m("export at HISTORY", mb["export@HISTORY"])
    for (i = 1; i <= n; i++)
        if (journal[i] == "LARGE" && label[i] !~ /^F[012] /) m(label[i] " at LARGE", peak[i] / 1024)
    printf "\n%d of %d targets met\n", met, met + missed
    exit missed > 0
}
function t(what, got, limit) {
    verdict(got <= limit)
    printf "  %-6s %-46s %8s ms ≤ %s ms\n", got <= limit ? "met" : "MISSED", what, ms(got), ms(limit)
}
function m(what, got) {
    verdict(got <= 30)
    printf "  %-6s %-46s %8.1f MB ≤ 30 MB peak\n", got <= 30 ? "met" : "MISSED", what, got
}
function verdict(ok) { if (ok) met++; else missed++ }
' "$RESULTS" | tee "$WORK/table.txt"
# The verdict is the awk program's: non-zero when a target was missed.
exit "${PIPESTATUS[0]}"
