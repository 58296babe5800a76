#!/usr/bin/env bash
# voorkant launcher: builds what is missing, then runs a command (default: analyse on the shipped sample).
#   ./run.sh                      analyse data/claims with data/reference, report under reports/
#   ./run.sh analyse --help       options of a command; ./run.sh help lists the commands
# Environment: VOORKANT_JAVA_OPTS (default -Xmx4g -XX:+UseParallelGC, plus -XX:TieredStopAtLevel=1 for a small analyse
# and later C2 compilation for anything else: see small_analyse below), VOORKANT_PSEUDONYM_KEY or VOORKANT_PSEUDONYM_KEY_FILE
# (without either, analyse makes this installation's own key once, in ~/.config/voorkant/pseudonym.key, mode 0600).
set -euo pipefail
cd "$(dirname "$0")"

# voorkant's classes as a jar, since Java 17's class-data sharing archives classes from jars only.
app_jar=target/voorkant-classes.jar
# The classes a run loads and verifies (some 26,000, mostly Spark's and Scala's), saved by the first
# analyse after a build; later runs map them instead of loading them again (BENCHMARKS.md, start-up).
archive=target/voorkant-classes.jsa

build_needed() {
  [ -f target/runtime-classpath.txt ] && [ -f target/spark-classpath.txt ] && [ -d target/classes ] || return 0
  [ -n "$(find pom.xml src/main -newer target/runtime-classpath.txt -print -quit)" ]
}

if build_needed; then
  echo "[voorkant] building (first run, or sources changed) ..." >&2
  # Maven 3.8 still ends its quiet output with colour resets; strip them (pipefail keeps its exit code).
  mvn -B -q -Dstyle.color=never -DskipTests compile 2>&1 | sed $'s/\x1b\\[[0-9;]*m//g' >&2
  touch target/runtime-classpath.txt
fi
# Packed again after any build, also one by Maven itself; the archive of the old classes goes with it.
if [ ! -f "$app_jar" ] || [ -n "$(find target/classes -newer "$app_jar" -print -quit)" ]; then
  rm -f "$archive"
  jar --create --file "$app_jar.$$" -C target/classes . && mv -f "$app_jar.$$" "$app_jar"
fi

# A short run is over before C2, the JIT's optimising compiler, pays back what it costs: on the shipped sample
# it used half of the run's CPU time. An analyse of a small local claims input (under 4 MB of files, five times
# the sample) runs on C1 alone; larger or remote inputs and the other commands (bench, generate at scale) keep C2.
# The command as Main reads it: the first argument but --verbose, analyse when that is an option or missing.
command_of() {
  [ "${1:-}" = --verbose ] && shift
  case "${1:---}" in --*|analyze) echo analyse ;; *) echo "$1" ;; esac
}

small_analyse() {
  local claims=data/claims
  [ "$(command_of "$@")" = analyse ] || return 1
  while [ $# -gt 0 ]; do
    case "$1" in
      --claims) claims=${2:-}; shift $(($# > 1)) ;;
      --claims=*) claims=${1#--claims=} ;;
    esac
    shift
  done
  case "$claims" in *://*) return 1 ;; esac
  [ -e "$claims" ] && [ "$(du -sbL "$claims" | cut -f1)" -lt $((4 << 20)) ]
}
default_java_options="-Xmx4g -XX:+UseParallelGC"
# Any other run keeps C2 but calls it ten times later than the JVM would (the Tier4 thresholds): C2 spent a
# third of the CPU time of ten million claim lines, much of it on code that was warm rather than hot, and
# the code that stays in C1 a while longer costs less than compiling it (BENCHMARKS.md, "C2 called later").
if small_analyse "$@"; then default_java_options+=" -XX:TieredStopAtLevel=1"
else default_java_options+=" -XX:Tier4InvocationThreshold=50000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"; fi

# Spark 4 on Java 17 needs its module opens; the single list lives in pom.xml (spark.module.options).
module_options=$(sed -n 's:.*<spark.module.options>\(.*\)</spark.module.options>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
java_command=(java $module_options ${VOORKANT_JAVA_OPTS:-$default_java_options}
  -cp "$app_jar:$(cat target/runtime-classpath.txt):$(cat target/spark-classpath.txt)")
# An archive that no longer matches the jars (a dependency changed, another JDK) is ignored by the JVM;
# its messages about that, and about classes it cannot archive, are left out.
quiet_cds=(-Xlog:cds=off -Xlog:cds+dynamic=off)

if [ -f "$archive" ]; then
  exec "${java_command[@]}" "${quiet_cds[@]}" -XX:SharedArchiveFile="$archive" nl.voorkant.cli.Main "$@"
fi
# Only a full analyse loads what an analyse needs (a --help stops before Spark starts).
case "$(command_of "$@") $* " in
  *" --help "*|*" -h "*) ;;
  "analyse "*)
    # Written beside the final name and renamed, so that a run at the same time never maps half an archive;
    # kept only from a run that succeeded.
    partial="$archive.$$"
    status=0
    "${java_command[@]}" "${quiet_cds[@]}" -XX:ArchiveClassesAtExit="$partial" nl.voorkant.cli.Main "$@" || status=$?
    if [ "$status" = 0 ] && [ -s "$partial" ]; then mv -f "$partial" "$archive"; else rm -f "$partial"; fi
    exit "$status" ;;
esac
exec "${java_command[@]}" nl.voorkant.cli.Main "$@"
