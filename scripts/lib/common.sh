# Shared by the gainstage scripts: find a JDK >= 21, build the project when its sources changed, and
# start the JVM warm from a class-data archive made with the jars.
# shellcheck shell=bash

# Parameter expansion rather than dirname: the launcher's own start-up is on the path of every command.
_gainstage_lib=${BASH_SOURCE[0]%/*}
[ "$_gainstage_lib" = "${BASH_SOURCE[0]}" ] && _gainstage_lib=.
GAINSTAGE_ROOT=$(cd "$_gainstage_lib/../.." && pwd)
unset _gainstage_lib
GAINSTAGE_VERSION=0.1.0-SNAPSHOT
GAINSTAGE_STATE="$GAINSTAGE_ROOT/.gainstage"
GAINSTAGE_MODULES=(engine file-tools daw-adapter ui-swing)

# Prints the feature version (17, 21, 25 ...) of the JDK at $1, or nothing. Reads the JDK's `release`
# file, so no process starts; only a JDK without one is asked by running it.
gainstage_java_major() {
  local home=$1 v="" line
  if [ -r "$home/release" ]; then
    while IFS= read -r line; do # read by the shell: no sed process on every start
      case $line in JAVA_VERSION=\"[0-9]*) v=${line#JAVA_VERSION=\"}; v=${v%%[!0-9]*}; break ;; esac
    done <"$home/release"
  fi
  [ -z "$v" ] && v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
  echo "$v"
}

# Succeeds when $1 is a JDK (java and javac) of version 21 or newer; sets JAVA_MAJOR.
gainstage_is_jdk21() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  JAVA_MAJOR=$(gainstage_java_major "$1")
  [ -n "$JAVA_MAJOR" ] && [ "$JAVA_MAJOR" -ge 21 ]
}

# Sets JAVA_HOME, JAVA and JAVA_MAJOR to a JDK >= 21: JAVA_HOME if it is one, else the one chosen last
# time (kept in .gainstage/jdk while it still exists), else the newest under the usual JVM folders,
# else the `javac` on the PATH.
gainstage_find_java() {
  local cache="$GAINSTAGE_STATE/jdk" candidate best="" best_major=0 cached=""
  if [ -n "${JAVA_HOME:-}" ] && gainstage_is_jdk21 "$JAVA_HOME"; then
    JAVA="$JAVA_HOME/bin/java"; export JAVA_HOME; return 0
  fi
  [ -r "$cache" ] && read -r cached <"$cache"
  if [ -n "$cached" ] && gainstage_is_jdk21 "$cached"; then
    export JAVA_HOME=$cached; JAVA="$JAVA_HOME/bin/java"; return 0
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    gainstage_is_jdk21 "$candidate" || continue
    if [ "$JAVA_MAJOR" -gt "$best_major" ]; then best=$candidate; best_major=$JAVA_MAJOR; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    gainstage_is_jdk21 "$candidate" && best=$candidate
  fi
  if [ -z "$best" ]; then
    echo "gainstage: no JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, /opt/java, the PATH)." >&2
    echo "gainstage: install one (Debian: apt-get install openjdk-21-jdk-headless, or a Temurin 21+ JDK) and set JAVA_HOME to it." >&2
    return 1
  fi
  gainstage_is_jdk21 "$best"
  export JAVA_HOME=$best
  JAVA="$JAVA_HOME/bin/java"
  mkdir -p "$GAINSTAGE_STATE" && echo "$best" >"$cache.$$" && mv -f "$cache.$$" "$cache"
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
  local stamp="$GAINSTAGE_STATE/build-stamp" mod
  [ -f "$stamp" ] || return 0
  for mod in "${GAINSTAGE_MODULES[@]}"; do
    [ -f "$GAINSTAGE_ROOT/$mod/target/gainstage-$mod-$GAINSTAGE_VERSION.jar" ] || return 0
  done
  [ -n "$(find "$GAINSTAGE_ROOT/pom.xml" "$GAINSTAGE_ROOT/proto" "$GAINSTAGE_ROOT/engine" "$GAINSTAGE_ROOT/file-tools" \
      "$GAINSTAGE_ROOT/daw-adapter" "$GAINSTAGE_ROOT/ui-swing" -path '*/target' -prune -o -newer "$stamp" -type f -print -quit 2>/dev/null)" ]
}

# Reads Maven's log on stdin and prints one short line per module it starts, and one when it first
# downloads (a first run fetches Maven and the libraries, which is most of its minute).
gainstage_build_progress() {
  local line fetching=0 re='Building (gainstage[a-z -]*) [0-9][^ ]* +\[([0-9]+/[0-9]+)\]'
  while IFS= read -r line; do
    if [[ $line =~ $re ]]; then
      local name=${BASH_REMATCH[1]#gainstage}
      name=${name# }
      printf 'gainstage: building %s [%s]\n' "${name:-the parent POM}" "${BASH_REMATCH[2]}" >&2
    elif [[ $fetching = 0 && $line == *Downloading* ]]; then
      echo "gainstage: fetching Maven and the libraries it needs (first run only)..." >&2
      fetching=1
    fi
  done
}

gainstage_build_if_needed() {
  [ "${GAINSTAGE_NO_BUILD:-0}" = 1 ] && return 0
  gainstage_needs_build || return 0
  mkdir -p "$GAINSTAGE_STATE"
  local log="$GAINSTAGE_STATE/build.log" started=$SECONDS
  echo "gainstage: building (first run or sources changed)..." >&2
  # MAVEN_OPTS: Maven's own libraries use Unsafe too; the same allowance keeps its output readable.
  if ! (cd "$GAINSTAGE_ROOT" && MAVEN_OPTS="${MAVEN_OPTS:-} $(gainstage_jvm_opts)" \
        ./mvnw -B -Dmaven.test.skip=true package 2>&1 | tee "$log" | gainstage_build_progress; exit "${PIPESTATUS[0]}"); then
    echo "gainstage: the build failed. What Maven said:" >&2
    grep -E '^\[ERROR\]' "$log" | grep -v -e '^\[ERROR\] *$' -e 'Re-run Maven' -e 'full stack trace' \
        -e 'For more information' -e 'Help 1' -e 'resume the build' -e 'mvn <args>' | head -n 12 >&2
    echo "gainstage: the whole log is $log. To fix it: a first build needs Maven Central to be reachable;" >&2
    echo "gainstage: 'scripts/gainstage doctor' checks the JDK and the rest of the set-up." >&2
    return 1
  fi
  gainstage_write_classpaths
  gainstage_train_archives
  touch "$GAINSTAGE_STATE/build-stamp"
  echo "gainstage: built in $((SECONDS - started)) s" >&2
}

# Each module's classpath, written out once per build: a class-data archive needs the jars named one
# by one (it cannot be used with a wildcard), and the launcher then reads a file instead of globbing.
gainstage_write_classpaths() {
  local mod jars
  for mod in "${GAINSTAGE_MODULES[@]}"; do
    jars=("$GAINSTAGE_ROOT/$mod/target/gainstage-$mod-$GAINSTAGE_VERSION.jar" "$GAINSTAGE_ROOT/$mod/target/lib/"*.jar)
    (IFS=:; echo "${jars[*]}") >"$GAINSTAGE_STATE/classpath-$mod"
  done
}

# The classpath of one module: its jar and its runtime libraries.
gainstage_classpath() {
  local file="$GAINSTAGE_STATE/classpath-$1"
  if [ -r "$file" ]; then echo "$(<"$file")"
  else echo "$GAINSTAGE_ROOT/$1/target/gainstage-$1-$GAINSTAGE_VERSION.jar:$GAINSTAGE_ROOT/$1/target/lib/*"; fi
}

# The archive of a module's classes for this JDK: an AOT cache on JDK 25+ (classes loaded and linked,
# and method profiles), a dynamic AppCDS archive on 21-24.
gainstage_archive() {
  echo "$GAINSTAGE_STATE/cds/$1-jdk$JAVA_MAJOR.$([ "$JAVA_MAJOR" -ge 25 ] && echo aot || echo jsa)"
}

# JVM flags that start module $1 from its archive when one was made from the jars now built; none
# otherwise (a missing or stale archive costs start-up time, never correctness).
gainstage_archive_opts() {
  local archive jar="$GAINSTAGE_ROOT/$1/target/gainstage-$1-$GAINSTAGE_VERSION.jar"
  archive=$(gainstage_archive "$1")
  [ -f "$archive" ] && [ "$archive" -nt "$jar" ] || return 0
  if [ "$JAVA_MAJOR" -ge 25 ]; then echo "-XX:AOTCache=$archive -Xlog:aot=off -Xlog:cds=off"
  else echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off"; fi
}

# Makes the file tools' archive by running `meter` once on a short silent WAV: the offline commands are
# the ones whose start-up a user waits for (the long-running processes start once). Failing to make
# it is not an error: the JVM then starts cold.
gainstage_train_archives() {
  local archive wav="$GAINSTAGE_STATE/cds/train.wav" cp
  mkdir -p "$GAINSTAGE_STATE/cds"
  archive=$(gainstage_archive file-tools)
  rm -f "$archive"
  gainstage_silent_wav "$wav" 48000 4800
  cp=$(gainstage_classpath file-tools)
  # shellcheck disable=SC2046 # the option string splits on purpose
  if [ "$JAVA_MAJOR" -ge 25 ]; then
    "$JAVA" $(gainstage_jvm_opts) -XX:AOTCacheOutput="$archive" -Xlog:aot=error -Xlog:cds=off \
        -cp "$cp" dev.gainstage.files.Main meter --json "$wav" >/dev/null 2>"$GAINSTAGE_STATE/cds/train.log" || rm -f "$archive"
  else
    "$JAVA" $(gainstage_jvm_opts) -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off \
        -cp "$cp" dev.gainstage.files.Main meter --json "$wav" >/dev/null 2>"$GAINSTAGE_STATE/cds/train.log" || rm -f "$archive"
  fi
}

# Writes a silent 16-bit stereo WAV of $3 frames at $2 Hz to $1.
gainstage_silent_wav() {
  local bytes=$(($3 * 4))
  le32() { printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $((($1 >> 8) & 255)) $((($1 >> 16) & 255)) $((($1 >> 24) & 255)); }
  {
    # shellcheck disable=SC2059 # the format is the escaped bytes
    printf "RIFF$(le32 $((36 + bytes)))WAVEfmt $(le32 16)\\x01\\x00\\x02\\x00$(le32 "$2")$(le32 $(($2 * 4)))\\x04\\x00\\x10\\x00data$(le32 "$bytes")"
    head -c "$bytes" /dev/zero
  } >"$1"
}
