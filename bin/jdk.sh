# Sourced by the project's scripts: sets JAVA_HOME to a JDK >= 25, or stops with one line.
# Order: $JAVA_HOME if it is >= 25, else the newest JDK >= 25 under the usual install roots.

simdnn_required_java=25

# Prints the major version of the JDK at $1 (from its release file, else from java -version).
simdnn_java_major() {
  local home=$1 v=
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -r "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$v" ] && printf '%s\n' "$v"
}

simdnn_find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(simdnn_java_major "$JAVA_HOME") || major=0
    if [ "${major:-0}" -ge "$simdnn_required_java" ]; then printf '%s\n' "$JAVA_HOME"; return 0; fi
  fi
  # Newest first: sort by the major version we read, not by directory name.
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/*; do
    [ -d "$candidate" ] || continue
    major=$(simdnn_java_major "$candidate") || continue
    [ "$major" -ge "$simdnn_required_java" ] && printf '%s %s\n' "$major" "$candidate"
  done | sort -rn | head -n 1 | cut -d' ' -f2-
}

JAVA_HOME=$(simdnn_find_jdk)
if [ -z "$JAVA_HOME" ]; then
  echo "simdnn needs a JDK >= $simdnn_required_java (none in JAVA_HOME or /usr/lib/jvm): install one, e.g. Temurin 25." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
