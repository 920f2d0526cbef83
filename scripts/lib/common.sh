# Shared by the gainstage scripts: find a JDK >= 21 and build the project when its sources changed.
# shellcheck shell=bash

GAINSTAGE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
GAINSTAGE_VERSION=0.1.0-SNAPSHOT

# Prints the major version of a java binary (17, 21, 25 ...), or nothing.
gainstage_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

# Sets JAVA_HOME and JAVA to a JDK >= 21: JAVA_HOME if it is one, else the newest under the usual
# JVM folders, else `java` on the PATH.
gainstage_find_java() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(gainstage_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA="$JAVA_HOME/bin/java"; JAVA_MAJOR=$major; export JAVA_HOME; return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(gainstage_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate; best_major=$major
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(gainstage_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then best=$candidate; fi
  fi
  if [ -z "$best" ]; then
    echo "gainstage: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, the PATH)." >&2
    echo "gainstage: install one (e.g. a Temurin 21+ JDK) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  JAVA="$JAVA_HOME/bin/java"
  JAVA_MAJOR=$(gainstage_java_major "$JAVA")
}

# JVM flags for our runtime: gRPC's Netty uses Unsafe and loads a native library, which newer JDKs
# warn about on every start; the flags say we allow it, and only on JDKs that know them.
gainstage_jvm_opts() {
  local opts="--enable-native-access=ALL-UNNAMED"
  [ "${JAVA_MAJOR:-21}" -ge 23 ] && opts="$opts --sun-misc-unsafe-memory-access=allow"
  echo "$opts"
}

# True when a module's jar is missing or any source or POM is newer than the last build.
gainstage_needs_build() {
  local stamp="$GAINSTAGE_ROOT/.gainstage/build-stamp" mod
  [ -f "$stamp" ] || return 0
  for mod in engine daw-adapter ui-swing; do
    [ -f "$GAINSTAGE_ROOT/$mod/target/gainstage-$mod-$GAINSTAGE_VERSION.jar" ] || return 0
  done
  [ -n "$(find "$GAINSTAGE_ROOT/pom.xml" "$GAINSTAGE_ROOT/proto" "$GAINSTAGE_ROOT/engine" "$GAINSTAGE_ROOT/daw-adapter" \
      "$GAINSTAGE_ROOT/ui-swing" -path '*/target' -prune -o -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

gainstage_build_if_needed() {
  [ "${GAINSTAGE_NO_BUILD:-0}" = 1 ] && return 0
  gainstage_needs_build || return 0
  echo "gainstage: building (first run or sources changed; this takes a minute)..." >&2
  mkdir -p "$GAINSTAGE_ROOT/.gainstage"
  local log="$GAINSTAGE_ROOT/.gainstage/build.log"
  if ! (cd "$GAINSTAGE_ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package >"$log" 2>&1); then
    echo "gainstage: the build failed; the last lines of $log:" >&2
    tail -n 30 "$log" >&2
    return 1
  fi
  touch "$GAINSTAGE_ROOT/.gainstage/build-stamp"
}

# The classpath of one module: its jar and its runtime libraries.
gainstage_classpath() {
  echo "$GAINSTAGE_ROOT/$1/target/gainstage-$1-$GAINSTAGE_VERSION.jar:$GAINSTAGE_ROOT/$1/target/lib/*"
}
