#!/usr/bin/env bash
# What a user feels, side by side with ACPICA's iasl -d in one run (issue 16). Prints one line per row of the
# performance page's "the command" table, each with its goal:
#   1. the validate goal over the whole corpus, from an empty folder, against iasl -d over the same files
#      one after another (ratio: iasl's time over ours; goal >= 3);
#   2. report.json per platform and all reports written (goal <= 256 KiB per platform);
#   3. what the goal adds to `mvn validate` of a project with one real laptop's tables (median of --runs,
#      with against without the goal; goal <= 1.0 s);
#   4. peak RSS of the corpus run (goal <= 512 MB);
#   5. the warmed whole pipeline against iasl -d (CorpusBenchmark; goal >= 50x).
# Not a test: it measures, prints and exits 0 whatever the figures are (exit 2 on a usage or setup error).
#
# usage: benchmarks/user-command.sh [--corpus DIR] [--laptop NAME] [--runs N] [--passes N] [--no-build]
#   --corpus   the corpus folder (default ../shared/corpus beside the repository)
#   --laptop   the machine whose tables the one-laptop project holds (default lenovo-thinkpad-t14s)
#   --runs     runs per side for row 3 (default 5)
#   --passes   CorpusBenchmark passes for row 5 (default 12)
#   --no-build use the plugin already in ~/.m2 and benchmarks/target/benchmarks.jar as they are
# Needs: Java 17, Maven, iasl (Debian acpica-tools), /usr/bin/time (Debian time).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$repo/../shared/corpus"
laptop="lenovo-thinkpad-t14s"
runs=5
passes=12
build=true
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --laptop) laptop="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --passes) passes="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        *) echo "unknown option: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
    esac
done
for tool in java mvn iasl /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 2; }
done
[ -d "$corpus" ] || { echo "no corpus folder at $corpus (--corpus DIR)" >&2; exit 2; }
corpus="$(cd "$corpus" && pwd)"
laptops="$corpus/aarch64-laptops"
[ -d "$laptops/$laptop" ] || { echo "no machine $laptop in $laptops (--laptop NAME)" >&2; exit 2; }

version="$(cd "$repo" && mvn -q -B -ntp -Dstyle.color=never help:evaluate -Dexpression=project.version -DforceStdout \
    | sed 's/\x1b\[[0-9;]*m//g')"
goal="io.github.xenacpi:xenacpi-maven-plugin:$version:validate"
if $build; then
    echo "building and installing the plugin $version and the benchmarks (not timed)"
    (cd "$repo" && mvn -q -B -ntp -DskipTests install && mvn -q -B -ntp -Pbench -pl benchmarks -am package -DskipTests)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The apparent size in KiB of the files under a folder whose name matches a pattern.
kib() { find "$1" -type f -name "$2" -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s / 1024 }'; }

mapfile -t files < <(find "$laptops" -type f \( -iname '*.dat' -o -iname '*.aml' -o -iname '*.bin' \) | sort)
platforms="$(find "$laptops" -mindepth 1 -maxdepth 1 -type d | wc -l)"
echo "corpus: $platforms machines, ${#files[@]} table files under $laptops"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Row 1 and 4: the user's command from an empty folder, its wall time and peak RSS.
mkdir -p "$work/empty"
(cd "$work/empty" && /usr/bin/time -f '%e %M' -o "$work/corpus.time" \
    mvn -q -B -ntp "$goal" -Dxenacpi.firmware="$laptops" -Dxenacpi.failOnViolation=false >"$work/corpus.log" 2>&1) \
    || { echo "the validate goal failed; its log:" >&2; tail -40 "$work/corpus.log" >&2; exit 2; }
read -r ours_s ours_rss_kib <"$work/corpus.time"

mkdir -p "$work/iasl"
iasl_start=$(date +%s.%N)
i=0
for f in "${files[@]}"; do
    i=$((i + 1))
    # iasl crashes on a few corpus tables: that is its time too, not a reason to stop.
    iasl -p "$work/iasl/t$i" -d "$f" >/dev/null 2>&1 || true
done 2>/dev/null
iasl_s=$(echo "$(date +%s.%N) - $iasl_start" | bc -l)
printf '1. validate goal over the corpus: %.2f s; iasl -d over the same %d files one after another: %.2f s; ratio %.2fx (goal >= 3x)\n' \
    "$ours_s" "${#files[@]}" "$iasl_s" "$(echo "$iasl_s / $ours_s" | bc -l)"

# Row 2: the reports written.
reports="$work/empty/target/xenacpi"
json_kib=$(kib "$reports" '*.json')
all_kib=$(kib "$reports" '*')
largest_kib=$(find "$reports" -name '*.json' -printf '%s\n' | sort -n | tail -1 | awk '{ printf "%d", $1 / 1024 }')
printf '2. report.json: %d KiB for %d platforms, %d KiB per platform (largest JSON file %d KiB); all reports %d KiB (goal <= 256 KiB per platform)\n' \
    "$json_kib" "$platforms" "$((json_kib / platforms))" "$largest_kib" "$all_kib"

# Row 3: what the goal adds to a build of a project holding one laptop's tables.
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
plugin="<plugin><groupId>io.github.xenacpi</groupId><artifactId>xenacpi-maven-plugin</artifactId><version>$version</version>
  <executions><execution><phase>validate</phase><goals><goal>validate</goal></goals>
  <configuration><failOnViolation>false</failOnViolation></configuration></execution></executions></plugin>"
for side in with without; do
    mkdir -p "$work/$side/src/firmware"
    cp -r "$laptops/$laptop" "$work/$side/src/firmware/"
done
pom with-goal "$plugin" >"$work/with/pom.xml"
pom without-goal "" >"$work/without/pom.xml"
(cd "$work/with" && mvn -q -B -ntp validate >/dev/null 2>&1) || { echo "the one-laptop project failed" >&2; exit 2; }
: >"$work/with.times"; : >"$work/without.times"
for _ in $(seq "$runs"); do
    for side in without with; do
        (cd "$work/$side" && /usr/bin/time -f '%e' -a -o "$work/$side.times" mvn -q -B -ntp validate >/dev/null 2>&1)
    done
done
with_s=$(median <"$work/with.times")
without_s=$(median <"$work/without.times")
printf '3. mvn validate of a project with %s tables, median of %d: %.2f s with the goal, %.2f s without: the goal adds %.2f s (goal <= 1.0 s)\n' \
    "$laptop" "$runs" "$with_s" "$without_s" "$(echo "$with_s - $without_s" | bc -l)"

printf '4. peak RSS of the corpus run: %d MB (goal <= 512 MB)\n' "$((ours_rss_kib / 1024))"

# Row 5: the warmed pipeline, in one JVM, against iasl -d.
jar="$repo/benchmarks/target/benchmarks.jar"
[ -f "$jar" ] || { echo "no $jar: run without --no-build" >&2; exit 2; }
java -cp "$jar" io.github.xenacpi.bench.CorpusBenchmark "$corpus" --passes "$passes" >"$work/bench.log" 2>&1 \
    || { echo "CorpusBenchmark failed; its log:" >&2; tail -20 "$work/bench.log" >&2; exit 2; }
echo "5. warmed whole pipeline against iasl -d (CorpusBenchmark, $passes passes; goal >= 50x):"
grep -E '^ratio' "$work/bench.log" | sed 's/^/   /'
