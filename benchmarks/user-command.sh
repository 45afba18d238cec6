#!/usr/bin/env bash
# What a user feels, side by side with ACPICA's iasl -d in one run (issue 16). Prints one line per row of the
# performance page's "the command" table, each with its goal:
#   1. the validate goal over the whole corpus, from an empty folder, against iasl -d over the same files
#      one after another (ratio: iasl's time over ours; goal >= 3);
#  1d. row 1 with the forked JVM kept as a daemon between builds (-Dxenacpi.daemon=true), after a first run that
#      starts it; 3d. row 3 the same way;
#  1b. the same for the one corpus machine whose strategies are all simulated (--simulated): most corpus
#      machines have a FADT older than 5.1, which every Xen refuses (acpi_parse_fadt), so Xen builds no Dom0 for
#      them, their verdict is NOT_BUILT and no strategy is simulated; row 1 times mostly reading, decoding, the
#      AML survey, the rules and the reports, 1b the whole model;
#   2. report.json per platform and all reports written (goal <= 256 KiB per platform);
#   3. what the goal adds to `mvn validate` of a project with one real laptop's tables (median of --runs,
#      with against without the goal; goal <= 1.0 s), each a first build (target/ removed, so the goal
#      validates); 3b. the same with the --simulated machine's tables; 3u. the build of 3 again with nothing
#      changed (the goal repeats the run recorded in target/xenacpi-index and forks no JVM); 3c. row 3 with the
#      goal in Maven's own JVM (-Dxenacpi.fork=false) instead of a JVM of its own;
#   4. peak RSS of the corpus run (goal <= 512 MB); 4b. the same with every corpus machine twice (70 platforms,
#      through symbolic links), and 4c. four times (140), each with what every platform past the first 35 adds (the
#      goal: bounded by the largest platform, not by the number of platforms);
#   5. the warmed whole pipeline against iasl -d (CorpusBenchmark through the api facade; goal >= 50x): the median
#      pass of the second half of --passes, the first half being the JIT's warm-up (on this 2-core machine the
#      passes settle after 15 to 20; the median of passes 2 to 8 measured the JIT still compiling).
# Not a test: it measures, prints and exits 0 whatever the figures are (exit 2 on a usage or setup error).
# Wall times are medians of --runs runs; "cpu" is the user + system time of the command (JIT and GC included).
#
# usage: benchmarks/user-command.sh [--corpus DIR] [--laptop NAME] [--simulated NAME] [--runs N] [--passes N]
#                                   [--repo DIR] [--no-build]
#   --corpus    the corpus folder (default ../shared/corpus beside the repository)
#   --laptop    the machine whose tables the one-laptop project holds (default lenovo-thinkpad-t14s)
#   --simulated a machine Xen builds a Dom0 for (default lenovo-yoga-slim-7x-14Q8Y11, the corpus's largest)
#   --runs      runs of each timed command (default 5)
#   --passes    CorpusBenchmark passes for row 5, half of them warm-up (default 40)
#   --repo      the Maven local repository the plugin is installed into and run from (default
#               benchmarks/target/local-repo); it takes what it lacks from ~/.m2/repository through a mirror, never
#               from the network, and the build never overwrites the SNAPSHOT artifacts in ~/.m2
#   --no-build  use the plugin already in --repo and benchmarks/target/benchmarks.jar as they are
# Needs: Java 17, Maven, iasl (Debian acpica-tools), /usr/bin/time (Debian time), bc, pkill (Debian procps).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$repo/../shared/corpus"
laptop="lenovo-thinkpad-t14s"
simulated="lenovo-yoga-slim-7x-14Q8Y11"
local_repo="$repo/benchmarks/target/local-repo"
runs=5
passes=40
build=true
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --laptop) laptop="$2"; shift 2 ;;
        --simulated) simulated="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --passes) passes="$2"; shift 2 ;;
        --repo) local_repo="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
for tool in java mvn iasl /usr/bin/time bc; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 2; }
done
[ -d "$corpus" ] || { echo "no corpus folder at $corpus (--corpus DIR)" >&2; exit 2; }
corpus="$(cd "$corpus" && pwd)"
laptops="$corpus/aarch64-laptops"
for m in "$laptop" "$simulated"; do
    [ -d "$laptops/$m" ] || { echo "no machine $m in $laptops (--laptop, --simulated)" >&2; exit 2; }
done

# The script's own local repository: what it lacks comes from ~/.m2/repository (a file:// mirror, no network).
mkdir -p "$local_repo"
local_repo="$(cd "$local_repo" && pwd)"
settings="$(dirname "$local_repo")/user-command-settings.xml"
printf '%s\n' '<settings>' "  <localRepository>$local_repo</localRepository>" \
    "  <mirrors><mirror><id>user-m2</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror></mirrors>" \
    '</settings>' >"$settings"
version="$(cd "$repo" && mvn -q -B -ntp -Dstyle.color=never help:evaluate -Dexpression=project.version \
    -DforceStdout | sed 's/\x1b\[[0-9;]*m//g')"
goal="io.github.xenacpi:xenacpi-maven-plugin:$version:validate"
if $build; then
    echo "building the plugin $version into $local_repo, and the benchmarks (not timed)"
    (cd "$repo" && mvn -q -B -ntp -s "$settings" -DskipTests install \
        && mvn -q -B -ntp -o -Pbench -pl benchmarks -am package -DskipTests)
fi

work="$(mktemp -d)"
# The daemon rows' daemon lives in $work/daemon (its socket and log); it is stopped when the script ends.
trap 'pkill -f -- "$work/daemon/" 2>/dev/null || true; rm -rf "$work"' EXIT
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The apparent size in KiB of the files under a folder whose name matches a pattern.
kib() { find "$1" -type f -name "$2" -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s / 1024 }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Runs Maven offline from the script's repository in a folder, appending "wall peak-RSS-KiB cpu" to a file.
timed_mvn() {
    local dir="$1" times="$2"; shift 2
    (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$work/one.time" mvn -q -B -ntp -o -s "$settings" "$@" \
        >"$work/mvn.log" 2>&1) || { echo "mvn $* failed in $dir; its log:" >&2; tail -40 "$work/mvn.log" >&2; exit 2; }
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/one.time" >>"$times"
}
# iasl -d over files one after another, as `for f in ...; do iasl -d $f; done`: prints its wall seconds.
iasl_all() {
    local out="$work/iasl" i=0 start
    rm -rf "$out" && mkdir -p "$out"
    start=$(date +%s.%N)
    for f in "$@"; do
        i=$((i + 1))
        # iasl crashes on a few corpus tables: that is its time too, not a reason to stop.
        iasl -p "$out/t$i" -d "$f" >/dev/null 2>&1 || true
    done
    echo "$(date +%s.%N) - $start" | bc -l
}
pom() {
    cat <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>$1</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build><plugins>$2</plugins></build>
</project>
EOF
}
col() { awk -v c="$1" '{ print $c }' "$2" | median; }
tables() { find "$1" -type f \( -iname '*.dat' -o -iname '*.aml' -o -iname '*.bin' \) | sort; }

mapfile -t files < <(tables "$laptops")
mapfile -t sim_files < <(tables "$laptops/$simulated")
platforms="$(find "$laptops" -mindepth 1 -maxdepth 1 -type d | wc -l)"
echo "corpus: $platforms machines, ${#files[@]} table files under $laptops"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(load)"

# Rows 1, 1b and 4: the user's command from an empty folder. An untimed run first fills the script's repository
# from the mirror (not offline: Maven takes an artifact offline only from the repository it came from).
mkdir -p "$work/warm"
(cd "$work/warm" && mvn -q -B -ntp -s "$settings" "$goal" -Dxenacpi.firmware="$laptops/$simulated" \
    -Dxenacpi.failOnViolation=false >"$work/mvn.log" 2>&1) \
    || { echo "the validate goal failed; its log:" >&2; tail -40 "$work/mvn.log" >&2; exit 2; }
mkdir -p "$work/without"
(cd "$work/without" && pom without-goal "" >pom.xml && mvn -q -B -ntp -s "$settings" validate >"$work/mvn.log" 2>&1) \
    || { echo "mvn validate of an empty project failed; its log:" >&2; tail -40 "$work/mvn.log" >&2; exit 2; }
for _ in $(seq "$runs"); do
    rm -rf "$work/empty" "$work/one" && mkdir -p "$work/empty" "$work/one"
    timed_mvn "$work/empty" "$work/corpus.times" "$goal" -Dxenacpi.firmware="$laptops" -Dxenacpi.failOnViolation=false
    timed_mvn "$work/one" "$work/one.times" "$goal" -Dxenacpi.firmware="$laptops/$simulated" \
        -Dxenacpi.failOnViolation=false
done
iasl_s=$(iasl_all "${files[@]}")
iasl_one_s=$(iasl_all "${sim_files[@]}")
ours_s=$(col 1 "$work/corpus.times")
one_s=$(col 1 "$work/one.times")
printf '1. validate goal over the corpus: %.2f s (cpu %.2f s); iasl -d over the same %d files one after another: %.2f s; ratio %.2fx (goal >= 3x)\n' \
    "$ours_s" "$(col 3 "$work/corpus.times")" "${#files[@]}" "$iasl_s" "$(echo "$iasl_s / $ours_s" | bc -l)"
printf '1b. validate goal over %s alone (every strategy simulated): %.2f s (cpu %.2f s); iasl -d over its %d files: %.2f s; ratio %.2fx\n' \
    "$simulated" "$one_s" "$(col 3 "$work/one.times")" "${#sim_files[@]}" "$iasl_one_s" "$(echo "$iasl_one_s / $one_s" | bc -l)"

# Row 2: the reports written by the last corpus run.
reports="$work/empty/target/xenacpi"
json_kib=$(kib "$reports" '*.json')
all_kib=$(kib "$reports" '*')
largest_kib=$(find "$reports" -name '*.json' -printf '%s\n' | sort -n | tail -1 | awk '{ printf "%d", $1 / 1024 }')
printf '2. report.json: %d KiB for %d platforms, %d KiB per platform (largest JSON file %d KiB); all reports %d KiB (goal <= 256 KiB per platform)\n' \
    "$json_kib" "$platforms" "$((json_kib / platforms))" "$largest_kib" "$all_kib"

# Rows 3 and 3b: what the goal adds to a build of a project holding one laptop's tables.
plugin="<plugin><groupId>io.github.xenacpi</groupId><artifactId>xenacpi-maven-plugin</artifactId><version>$version</version>
  <executions><execution><phase>validate</phase><goals><goal>validate</goal></goals>
  <configuration><failOnViolation>false</failOnViolation></configuration></execution></executions></plugin>"
for m in "$laptop" "$simulated"; do
    mkdir -p "$work/with-$m/src/firmware"
    cp -r "$laptops/$m" "$work/with-$m/src/firmware/"
    pom with-goal "$plugin" >"$work/with-$m/pom.xml"
done
for _ in $(seq "$runs"); do
    timed_mvn "$work/without" "$work/without.times" validate
    for m in "$laptop" "$simulated"; do
        # A first build: no report and no record of an earlier run (target/ removed), so the goal validates.
        rm -rf "$work/with-$m/target"
        timed_mvn "$work/with-$m" "$work/with-$m.times" validate
    done
    # The same build again, nothing changed: the goal finds its record in target/xenacpi-index and forks no JVM.
    timed_mvn "$work/with-$laptop" "$work/unchanged.times" validate
    rm -rf "$work/with-$laptop/target"
    timed_mvn "$work/with-$laptop" "$work/in-process.times" validate -Dxenacpi.fork=false
done
without_s=$(col 1 "$work/without.times")
row=3
for m in "$laptop" "$simulated"; do
    with_s=$(col 1 "$work/with-$m.times")
    printf '%s. mvn validate of a project with %s tables, median of %d: %.2f s with the goal (cpu %.2f s), %.2f s without (cpu %.2f s): the goal adds %.2f s (goal <= 1.0 s)\n' \
        "$row" "$m" "$runs" "$with_s" "$(col 3 "$work/with-$m.times")" "$without_s" "$(col 3 "$work/without.times")" \
        "$(echo "$with_s - $without_s" | bc -l)"
    row=3b
done
printf '3u. the build of 3 again, nothing changed (the goal repeats its recorded run, no JVM forked): %.2f s (cpu %.2f s): the goal adds %.2f s (goal <= 1.0 s)\n' \
    "$(col 1 "$work/unchanged.times")" "$(col 3 "$work/unchanged.times")" \
    "$(echo "$(col 1 "$work/unchanged.times") - $without_s" | bc -l)"
printf '3c. the same as 3 with the goal in Maven'"'"'s JVM (-Dxenacpi.fork=false): %.2f s (cpu %.2f s): the goal adds %.2f s\n' \
    "$(col 1 "$work/in-process.times")" "$(col 3 "$work/in-process.times")" \
    "$(echo "$(col 1 "$work/in-process.times") - $without_s" | bc -l)"

# Rows 1d and 3d: rows 1 and 3 with the forked JVM kept as a daemon between builds (-Dxenacpi.daemon=true). The
# first corpus run starts the daemon (timed on its own line); the runs after it hand it their job. The daemon's own
# memory is not in Maven's peak RSS.
daemon=(-Dxenacpi.daemon=true -Dxenacpi.classDataFolder="$work/daemon")
rm -rf "$work/empty" && mkdir -p "$work/empty"
timed_mvn "$work/empty" "$work/daemon-first.times" "$goal" -Dxenacpi.firmware="$laptops" \
    -Dxenacpi.failOnViolation=false "${daemon[@]}"
for _ in $(seq "$runs"); do
    rm -rf "$work/empty" && mkdir -p "$work/empty"
    timed_mvn "$work/empty" "$work/daemon-corpus.times" "$goal" -Dxenacpi.firmware="$laptops" \
        -Dxenacpi.failOnViolation=false "${daemon[@]}"
    rm -rf "$work/with-$laptop/target"
    timed_mvn "$work/with-$laptop" "$work/daemon-one.times" validate "${daemon[@]}"
done
daemon_s=$(col 1 "$work/daemon-corpus.times")
printf '1d. row 1 with the daemon: %.2f s (cpu %.2f s, Maven'"'"'s JVM only) after a first run of %.2f s that started it; ratio %.2fx (goal >= 3x)\n' \
    "$daemon_s" "$(col 3 "$work/daemon-corpus.times")" "$(col 1 "$work/daemon-first.times")" \
    "$(echo "$iasl_s / $daemon_s" | bc -l)"
printf '3d. row 3 with the daemon: %.2f s (cpu %.2f s, Maven'"'"'s JVM only): the goal adds %.2f s (goal <= 1.0 s)\n' \
    "$(col 1 "$work/daemon-one.times")" "$(col 3 "$work/daemon-one.times")" \
    "$(echo "$(col 1 "$work/daemon-one.times") - $without_s" | bc -l)"
pkill -f -- "$work/daemon/" 2>/dev/null || true

printf '4. peak RSS of the corpus run: %d MB (median of %d; goal <= 512 MB)\n' "$(( $(col 2 "$work/corpus.times") / 1024 ))" "$runs"
# Rows 4b and 4c: the corpus twice and four times over, each machine under several names, to see what the count of
# platforms costs.
once_kb=$(col 2 "$work/corpus.times")
for copies in 2 4; do
    row=$([ "$copies" = 2 ] && echo 4b || echo 4c)
    mkdir -p "$work/firmware-$copies"
    for m in "$laptops"/*/; do
        for k in $(seq "$copies"); do
            ln -s "$m" "$work/firmware-$copies/$k-$(basename "$m")"
        done
    done
    for _ in $(seq "$runs"); do
        rm -rf "$work/copies" && mkdir -p "$work/copies"
        timed_mvn "$work/copies" "$work/copies-$copies.times" "$goal" -Dxenacpi.firmware="$work/firmware-$copies" \
            -Dxenacpi.failOnViolation=false
    done
    many_kb=$(col 2 "$work/copies-$copies.times")
    printf '%s. peak RSS with every corpus machine %d times (%d platforms): %d MB; each platform past the first %d adds %.2f MB (goal: bounded by the largest platform)\n' \
        "$row" "$copies" "$((copies * platforms))" "$((many_kb / 1024))" "$platforms" \
        "$(echo "($many_kb - $once_kb) / 1024 / ($platforms * ($copies - 1))" | bc -l)"
done

# Row 5: the warmed pipeline, in one JVM, against iasl -d.
jar="$repo/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || { echo "no $jar: run without --no-build" >&2; exit 2; }
java -cp "$jar" io.github.xenacpi.bench.CorpusBenchmark "$corpus" --passes "$passes" --warmup "$(( passes > 1 ? passes / 2 : 1 ))" \
    >"$work/bench.log" 2>&1 \
    || { echo "CorpusBenchmark failed; its log:" >&2; tail -20 "$work/bench.log" >&2; exit 2; }
echo "5. warmed whole pipeline against iasl -d (CorpusBenchmark through the api facade, $passes passes; goal >= 50x):"
grep -E '^xenacpi, one JVM|^ratio' "$work/bench.log" | sed 's/^/   /'
echo "load average at the end: $(load)"
