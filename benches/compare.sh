#!/usr/bin/env bash
# benches/compare.sh: the end-to-end benchmark of issue 5. Every dateline figure stands beside
# a baseline measured in the same run (ripgrep over the same files; tantivy-cli indexing the
# same stories), because the machine is shared and absolute numbers drift.
#
# Usage:  benches/compare.sh [--quick] [--keep] [--generate-only]
#   --quick          x1 archive only, fewer hyperfine runs: a smoke test of the script (minutes).
#   --keep           keep the indexes built under benches/data/run/ (default: removed at the end).
#   --generate-only  build the archives (step 1) and stop.
#
# What it does:
#   1. Builds scaled archives from ../shared/corpora/reuters21578 (or $DATELINE_BENCH_SRC) into
#      the git-ignored benches/data/: every story with a body as one plain-text article file,
#      x1 (19,043 files, ~17 MB) and x20 (380,860 files, ~340 MB; each copy's titles carry
#      "[copy K]" and its dates are shifted by K years, so every copy has distinct ids), and
#      x5 (95,215 files, ~86 MB), indexed once only for its peak memory. Generated once (benches/sgml_to_text.py); delete benches/data/ to regenerate.
#   2. Times `dateline index` on each archive with -j 1 and -j 2, on a fresh index each run:
#      wall time, MB/s and docs/s (of article bytes/files), peak RSS (/usr/bin/time -v) and the
#      index size (du -sb).
#   3. Times a second `dateline index` on the unchanged archive (the incremental path).
#   4. Times `dateline search` as a whole process with hyperfine: a phrase, a two-word AND, a
#      single rare word, a --speaker filter, a date range, --sort date.
#   5. Runs the same queries with `rg -c -i` over the same files (the AND as two chained rg
#      runs; filters as the nearest grep equivalent) and, when `tantivy` (tantivy-cli) is on the
#      PATH, indexes the same stories from NDJSON with 2 threads: once with a plain stemmed
#      title and body, once with dateline's two text forms (exact + stemmed) for context.
#   6. Prints a table of ratios and writes it, with the raw figures, date, machine and commit,
#      to benches/RESULTS.md.
#
# Needs: python3, /usr/bin/time, hyperfine, ripgrep (the last three are installed with apt-get
# when missing). Skips, with a printed reason, when the Reuters-21578 corpus is absent, and
# skips the tantivy-cli baseline when `tantivy` is not on the PATH (`cargo install tantivy-cli`).
# Step 4 also measures the same kind of queries in-process (median, p99) with
# examples/search_latency.rs on the x1 and x20 indexes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="${DATELINE_BENCH_SRC:-$ROOT/../shared/corpora/reuters21578}"
DATA="$ROOT/benches/data"
BIN="$ROOT/target/release/dateline"
RESULTS="$ROOT/benches/RESULTS.md"
QUICK=0
KEEP=0
GENERATE_ONLY=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        --keep) KEEP=1 ;;
        --generate-only) GENERATE_ONLY=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "compare.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
    esac
done

say() { printf '\n== %s\n' "$*" >&2; }

if ! ls "$SRC"/reut2-*.sgm >/dev/null 2>&1; then
    echo "compare.sh: skipped: Reuters-21578 not found at $SRC (set DATELINE_BENCH_SRC)" >&2
    exit 0
fi

# ---- tools -----------------------------------------------------------------------------------
need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    say "installing ${need_apt[*]} with apt-get"
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y "${need_apt[@]}" >/dev/null ||
        { "${sudo_cmd[@]}" apt-get update >/dev/null && "${sudo_cmd[@]}" apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
HAVE_TANTIVY=0
if command -v tantivy >/dev/null; then
    HAVE_TANTIVY=1
else
    echo "compare.sh: tantivy-cli baseline skipped: no \`tantivy\` on PATH (cargo install tantivy-cli)" >&2
fi

# ---- 1. archives -----------------------------------------------------------------------------
SCALES=(x1 x20)
# x5 is only indexed once, for peak memory: with x1 and x20 it shows where memory stops growing.
ARCHIVES=(x1 x5 x20)
[ "$QUICK" -eq 1 ] && SCALES=(x1) && ARCHIVES=(x1)
declare -A STORIES BYTES
mkdir -p "$DATA"
for scale in "${ARCHIVES[@]}"; do
    dir="$DATA/$scale"
    if [ ! -f "$dir/.complete" ]; then
        say "generating $scale archive in $dir (once)"
        rm -rf "$dir" "$dir.tmp"
        ndjson=()
        [ "$HAVE_TANTIVY" -eq 1 ] && [ "$scale" != x5 ] && ndjson=(--ndjson "$DATA/$scale.ndjson")
        python3 "$ROOT/benches/sgml_to_text.py" --src "$SRC" --out "$dir.tmp" \
            --copies "${scale#x}" "${ndjson[@]}" >"$DATA/$scale.counts"
        mv "$dir.tmp" "$dir"
        mv "$DATA/$scale.counts" "$dir/.complete"
    fi
    if [ "$HAVE_TANTIVY" -eq 1 ] && [ "$scale" != x5 ] && [ ! -f "$DATA/$scale.ndjson" ]; then
        python3 "$ROOT/benches/sgml_to_text.py" --src "$SRC" --copies "${scale#x}" \
            --ndjson "$DATA/$scale.ndjson.tmp" >/dev/null
        mv "$DATA/$scale.ndjson.tmp" "$DATA/$scale.ndjson"
    fi
    read -r "STORIES[$scale]" "BYTES[$scale]" <"$dir/.complete"
    echo "$scale: ${STORIES[$scale]} stories, ${BYTES[$scale]} bytes" >&2
done
[ "$GENERATE_ONLY" -eq 1 ] && exit 0

say "building dateline (release)"
(cd "$ROOT" && cargo build --release --locked --quiet)

# ---- helpers ---------------------------------------------------------------------------------
# timed OUT CMD...: runs CMD under /usr/bin/time -v; leaves "wall_seconds peak_rss_kib" in OUT.
timed() {
    local out="$1"; shift
    /usr/bin/time -v -o "$out.time" "$@" >"$out.stdout" 2>"$out.stderr" || {
        echo "compare.sh: failed: $* (see $out.stderr)" >&2; tail -3 "$out.stderr" >&2; return 1; }
    python3 - "$out.time" >"$out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)
print(f"{secs:.3f} {rss}")
PY
}
ratio() { python3 -c "import sys; a,b=map(float,sys.argv[1:]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }
per_sec() { python3 -c "import sys; n,s,d=map(float,sys.argv[1:]); print(f'{n/s/d:.1f}' if s else 'n/a')" "$1" "$2" "$3"; }

WORK="$DATA/run"
rm -rf "$WORK"
mkdir -p "$WORK"
ROWS=()   # markdown table rows: measure | dateline | baseline | ratio | target
RAW=()    # raw figures with their commands

# ---- 2./3. indexing --------------------------------------------------------------------------
declare -A RSS SIZE MBS
for scale in "${SCALES[@]}"; do
    for j in 1 2; do
        idx="$WORK/index-$scale-j$j"
        say "dateline index $scale -j $j"
        cmd=("$BIN" index -q -j "$j" --index "$idx" "$DATA/$scale")
        timed "$WORK/idx-$scale-j$j" "${cmd[@]}"
        read -r wall rss <"$WORK/idx-$scale-j$j"
        size=$(du -sb "$idx" | cut -f1)
        mbs=$(per_sec "${BYTES[$scale]}" "$wall" 1e6)
        dps=$(per_sec "${STORIES[$scale]}" "$wall" 1)
        RAW+=("index $scale -j $j: ${wall}s, $mbs MB/s, $dps docs/s, peak RSS $((rss / 1024)) MiB, index $size bytes — \`${cmd[*]#"$ROOT"/}\`")
        ROWS+=("| index $scale -j $j: MB/s, docs/s, peak RSS MiB | $mbs; $dps; $((rss / 1024)) | | | RSS < 500, flat x1 -> x20 |")
        RSS[$scale-j$j]=$rss; SIZE[$scale]=$size; MBS[$scale-j$j]=$mbs
    done
    idx="$WORK/index-$scale-j2"
    say "dateline index $scale again (unchanged archive)"
    timed "$WORK/reidx-$scale" "$BIN" index -q -j 2 --index "$idx" "$DATA/$scale"
    read -r rewall _ <"$WORK/reidx-$scale"
    RAW+=("re-index unchanged $scale: ${rewall}s — \`target/release/dateline index -q -j 2 --index ${idx#"$ROOT"/} benches/data/$scale\`")
    ROWS+=("| re-index unchanged $scale (s) | $rewall | | | < 2 s (x20) |")
    ROWS+=("| index size / raw text, $scale | $(ratio "${SIZE[$scale]}" "${BYTES[$scale]}") | | | <= 1.5 |")
done

if [ -n "${RSS[x20-j2]:-}" ]; then
    ROWS+=("| peak RSS x20 / x1, -j 2 | $(ratio "${RSS[x20-j2]}" "${RSS[x1-j2]}") | | | ~1 (flat) |")
    # Memory grows until tantivy's budget fills between two commits (64 MB of text), then stays:
    # x5 (86 MB) is past that point, x1 (17 MB) is not.
    idx="$WORK/index-x5-j2"
    say "dateline index x5 -j 2 (peak memory only)"
    cmd=("$BIN" index -q -j 2 --index "$idx" "$DATA/x5")
    timed "$WORK/idx-x5-j2" "${cmd[@]}"
    read -r wall rss <"$WORK/idx-x5-j2"
    RAW+=("index x5 -j 2: ${wall}s, peak RSS $((rss / 1024)) MiB — \`${cmd[*]#"$ROOT"/}\`")
    ROWS+=("| peak RSS x5 -j 2 MiB; x20 / x5 | $((rss / 1024)); $(ratio "${RSS[x20-j2]}" "$rss") | | | ~1 (flat) |")
    rm -rf "$idx"
fi

# tantivy-cli: same stories from NDJSON, 2 threads, a minimal title/body/date schema.
for scale in "${SCALES[@]}"; do
    if [ "$HAVE_TANTIVY" -eq 1 ]; then
        tidx="$WORK/tantivy-$scale"
        mkdir -p "$tidx"
        cat >"$tidx/meta.json" <<'JSON'
{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[
{"name":"title","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"en_stem"},"stored":true,"fast":false}},
{"name":"body","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"en_stem"},"stored":true,"fast":false}},
{"name":"date","type":"date","options":{"indexed":true,"fieldnorms":true,"fast":true,"stored":true,"precision":"seconds"}}
],"opstamp":0}
JSON
        say "tantivy-cli index $scale -t 2"
        if timed "$WORK/tantivy-run-$scale" tantivy index -i "$tidx" -f "$DATA/$scale.ndjson" -t 2; then
            read -r twall trss <"$WORK/tantivy-run-$scale"
            tmbs=$(per_sec "${BYTES[$scale]}" "$twall" 1e6)
            RAW+=("tantivy-cli index $scale -t 2: ${twall}s, $tmbs MB/s, peak RSS $((trss / 1024)) MiB — \`tantivy index -i ${tidx#"$ROOT"/} -f benches/data/$scale.ndjson -t 2\`")
            ROWS+=("| index MB/s -j 2, $scale (vs tantivy-cli -t 2) | ${MBS[$scale-j2]} | $tmbs | $(ratio "${MBS[$scale-j2]}" "$tmbs") | >= 1 |")
        fi
        # The same stories with dateline's two text forms (DESIGN.md): an exact field with
        # positions and a stemmed one with frequencies, for title and body. This is what the
        # design costs tantivy alone, before parsing, attribution and quote documents.
        two="$DATA/$scale.two.ndjson"
        if [ ! -f "$two" ]; then
            python3 -c '
import json, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for line in src:
        d = json.loads(line)
        d["title_stem"], d["body_stem"] = d["title"], d["body"]
        out.write(json.dumps(d) + "\n")' "$DATA/$scale.ndjson" "$two.tmp"
            mv "$two.tmp" "$two"
        fi
        tidx="$WORK/tantivy-two-$scale"
        mkdir -p "$tidx"
        cat >"$tidx/meta.json" <<'JSON'
{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[
{"name":"title","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},
{"name":"title_stem","type":"text","options":{"indexing":{"record":"freq","fieldnorms":true,"tokenizer":"en_stem"},"stored":false,"fast":false}},
{"name":"body","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"default"},"stored":true,"fast":false}},
{"name":"body_stem","type":"text","options":{"indexing":{"record":"freq","fieldnorms":true,"tokenizer":"en_stem"},"stored":false,"fast":false}},
{"name":"date","type":"date","options":{"indexed":true,"fieldnorms":true,"fast":true,"stored":true,"precision":"seconds"}}
],"opstamp":0}
JSON
        say "tantivy-cli index $scale -t 2, two text forms"
        if timed "$WORK/tantivy-two-run-$scale" tantivy index -i "$tidx" -f "$two" -t 2; then
            read -r twall trss <"$WORK/tantivy-two-run-$scale"
            tmbs=$(per_sec "${BYTES[$scale]}" "$twall" 1e6)
            RAW+=("tantivy-cli index $scale -t 2, two text forms: ${twall}s, $tmbs MB/s (of the stories' text), peak RSS $((trss / 1024)) MiB — \`tantivy index -i ${tidx#"$ROOT"/} -f benches/data/$scale.two.ndjson -t 2\` (title and body as an exact field with positions and a stemmed one with frequencies)")
            ROWS+=("| index MB/s -j 2, $scale (vs tantivy-cli -t 2 with dateline's two text forms) | ${MBS[$scale-j2]} | $tmbs | $(ratio "${MBS[$scale-j2]}" "$tmbs") | (context) |")
        fi
    else
        ROWS+=("| index MB/s -j 2, $scale | ${MBS[$scale-j2]} | tantivy-cli absent | | >= tantivy-cli |")
    fi
done

# ---- 4./5. search vs ripgrep -----------------------------------------------------------------
scale="${SCALES[-1]}"
idx="$WORK/index-$scale-j2"
files="$DATA/$scale"
runs=30; warm=3; rg_runs=3
[ "$QUICK" -eq 1 ] && { runs=10; warm=1; rg_runs=2; }
# name | dateline arguments | ripgrep equivalent (run by bash)
QUERIES=(
    "phrase|\"crude oil prices\"|rg -c -i -F 'crude oil prices' $files"
    "and|cocoa exports|rg -l -i -F -0 cocoa $files | xargs -0 rg -c -i -F exports"
    "rare|temporao|rg -c -i -w temporao $files"
    "speaker|oil --speaker Volcker|rg -l -i -F -0 volcker $files | xargs -0 rg -c -i -w oil"
    "dates|oil --since 1987-03-01 --until 1987-03-15|rg -l -0 -e '^March ([1-9]|1[0-5]), 1987$' $files | xargs -0 rg -c -i -w oil"
    "sort|opec --sort date|rg -c -i -w opec $files"
)
say "search latency (hyperfine: dateline $runs runs, rg $rg_runs runs) on $scale"
for entry in "${QUERIES[@]}"; do
    IFS='|' read -r name query grep_cmd <<<"$entry"
    # One checked run first: an error (exit 2) is reported instead of timed, no hits is flagged.
    rc=0
    eval "\"$BIN\" search --index \"$idx\" --color never --format ndjson --limit 10 $query" \
        >"$WORK/search-$name.hits" 2>"$WORK/search-$name.err" || rc=$?
    hits=$(wc -l <"$WORK/search-$name.hits")
    if [ "$rc" -ge 2 ]; then
        why=$(head -1 "$WORK/search-$name.err")
        RAW+=("search $name on $scale: dateline failed (exit $rc): $why — \`dateline search $query\`")
        ROWS+=("| search $name, $scale | error (exit $rc) | | | |")
        continue
    fi
    [ "$hits" -gt 0 ] || echo "compare.sh: warning: search $name found nothing" >&2
    # -i: exit 1 (no hits) is a valid outcome for both tools. rg gets fewer runs: it is slow.
    if ! { hyperfine --style basic -i --warmup "$warm" --runs "$runs" \
               --export-json "$WORK/search-$name.json" -n "dateline $name" \
               "\"$BIN\" search --index \"$idx\" --color never $query" &&
           hyperfine --style basic -i --warmup 1 --runs "$rg_runs" \
               --export-json "$WORK/rg-$name.json" -n "rg $name" "$grep_cmd"; } \
           >"$WORK/search-$name.out" 2>&1; then
        echo "compare.sh: hyperfine failed for $name (see $WORK/search-$name.out)" >&2
        continue
    fi
    read -r dmed dp99 rmed < <(python3 - "$WORK/search-$name.json" "$WORK/rg-$name.json" <<'PY'
import json, sys
def times(path):
    return sorted(json.load(open(path))["results"][0]["times"])
def p(s, q):
    return s[min(len(s) - 1, int(q * len(s)))] * 1e3
d, r = times(sys.argv[1]), times(sys.argv[2])
print(f"{p(d, .5):.1f} {p(d, .99):.1f} {p(r, .5):.1f}")
PY
)
    RAW+=("search $name on $scale ($hits hits shown): dateline median ${dmed} ms, p99 ${dp99} ms; rg median ${rmed} ms — \`dateline search $query\` vs \`${grep_cmd//$ROOT\//}\`")
    target="process median < 25 ms"
    [ "$name" = phrase ] && target="$target; >= 100x rg at x20"
    ROWS+=("| search $name, $scale (median ms, vs rg) | $dmed | $rmed | $(ratio "$rmed" "$dmed")x faster | $target |")
done

# ---- 4b. in-process search latency (examples/search_latency.rs: median, p99 per query) ----------
lat_runs=100
[ "$QUICK" -eq 1 ] && lat_runs=20
if (cd "$ROOT" && cargo build --release --locked --quiet --example search_latency); then
    for scale in "${SCALES[@]}"; do
        idx="$WORK/index-$scale-j2"
        [ -d "$idx" ] || continue
        say "in-process search latency on $scale ($lat_runs runs per query)"
        if "$ROOT/target/release/examples/search_latency" --index "$idx" --runs "$lat_runs" \
            >"$WORK/latency-$scale.txt"; then
            cat "$WORK/latency-$scale.txt" >&2
            # Rows after the two header lines: name ... hits first median p99 max.
            while read -r name median p99; do
                ROWS+=("| in-process search $name, $scale (median; p99 ms) | $median; $p99 | | | < 2; < 20 (x20) |")
            done < <(awk 'NR > 2 { print $1, $(NF-2), $(NF-1) }' "$WORK/latency-$scale.txt")
            RAW+=("in-process search latency on $scale — \`target/release/examples/search_latency --index ${idx#"$ROOT"/} --runs $lat_runs\`")
        else
            echo "compare.sh: search_latency failed on $scale" >&2
        fi
    done
else
    echo "compare.sh: could not build examples/search_latency; in-process latency skipped" >&2
fi

# ---- 6. report -------------------------------------------------------------------------------
commit=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=""
if (cd "$ROOT" && git status --porcelain 2>/dev/null | grep -qv '^??'); then dirty=" (dirty)"; fi
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //' || uname -m)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo 2>/dev/null || echo "?")
{
    mode=""
    [ "$QUICK" -eq 1 ] && mode=" --quick"
    echo "# Benchmark results (benches/compare.sh$mode)"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $cpu, $(nproc) cores, $mem, $(uname -sr)"
    echo "- Commit: $commit$dirty"
    echo "- Archive: ${SCALES[*]} from Reuters-21578 (stories: $(for s in "${SCALES[@]}"; do printf '%s=%s ' "$s" "${STORIES[$s]}"; done))"
    echo
    echo "| Measure | dateline | baseline | ratio | target |"
    echo "|---------|----------|----------|-------|--------|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "## Raw figures and commands"
    echo
    printf -- '- %s\n' "${RAW[@]}"
} >"$RESULTS"
cat "$RESULTS"
[ "$KEEP" -eq 1 ] || rm -rf "$WORK"
