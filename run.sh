#!/usr/bin/env bash
# voorkant launcher: builds what is missing, then runs a command (default: analyse on the shipped sample).
#   ./run.sh                      analyse data/claims with data/reference, report under reports/
#   ./run.sh analyse --help       options of a command; ./run.sh help lists the commands
# Environment: VOORKANT_JAVA_OPTS (default -Xmx4g -XX:+UseParallelGC), VOORKANT_PSEUDONYM_KEY or VOORKANT_PSEUDONYM_KEY_FILE
# (without either, analyse makes this installation's own key once, in ~/.config/voorkant/pseudonym.key, mode 0600).
set -euo pipefail
cd "$(dirname "$0")"

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

# Spark 4 on Java 17 needs its module opens; the single list lives in pom.xml (spark.module.options).
module_options=$(sed -n 's:.*<spark.module.options>\(.*\)</spark.module.options>.*:\1:p' pom.xml)
# shellcheck disable=SC2086
exec java $module_options ${VOORKANT_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} \
  -cp "target/classes:$(cat target/runtime-classpath.txt):$(cat target/spark-classpath.txt)" nl.voorkant.cli.Main "$@"
