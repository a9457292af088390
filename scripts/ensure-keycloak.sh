#!/usr/bin/env bash
# Finds or fetches what the Keycloak browser test (test/web/keycloak.test.ts) needs: the Keycloak
# server distribution and a JDK >= 21 to run it on (Keycloak 26 does not run on Java 17).
# The distribution comes from KEYCLOAK_HOME when set, else from the user's cache
# (<cache>/keycloak/<version>/, where <cache> is SELFCARE_CACHE_DIR or ~/.cache/oxygen-selfcare, as
# for the Temporal cluster binaries), else it is fetched there from Maven Central with `mvn`
# (org.keycloak:keycloak-quarkus-dist, 169 MiB) and unzipped. The JDK comes from KEYCLOAK_JAVA_HOME,
# else JAVA_HOME, else the newest JDK >= 21 under /usr/lib/jvm.
# Writes .tools/keycloak.json with the resolved paths; progress goes to stderr.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

KEYCLOAK_VERSION="26.7.3"
cache="${SELFCARE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/oxygen-selfcare}"
dest="$cache/keycloak/$KEYCLOAK_VERSION"

# The Java feature version of a JDK home (e.g. 25), or nothing when it is not a JDK.
java_version() {
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^\s*java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local candidate version best="" best_version=0
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] || continue
    version="$(java_version "$candidate")"
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      echo "$candidate"
      return
    fi
  done
  for candidate in /usr/lib/jvm/*; do
    [ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
    version="$(java_version "$candidate")"
    if [ -n "$version" ] && [ "$version" -gt "$best_version" ]; then
      best="$candidate" best_version="$version"
    fi
  done
  if [ "$best_version" -ge 21 ]; then
    echo "$best"
    return
  fi
  cat >&2 <<EOF
error: Keycloak $KEYCLOAK_VERSION needs a JDK 21 or newer, and none was found
  (KEYCLOAK_JAVA_HOME and JAVA_HOME are unset or older; the newest under /usr/lib/jvm is Java ${best_version/#0/none}).
  Install one (e.g. Eclipse Temurin 21 or 25) and point KEYCLOAK_JAVA_HOME at it.
EOF
  exit 1
}

fetch_keycloak() {
  command -v mvn >/dev/null 2>&1 || {
    cat >&2 <<EOF
error: Maven (mvn) is not installed, and Keycloak $KEYCLOAK_VERSION is not in $dest yet.
  Either install Maven, or unzip keycloak-$KEYCLOAK_VERSION.zip yourself and set KEYCLOAK_HOME to it.
EOF
    exit 1
  }
  command -v unzip >/dev/null 2>&1 || { echo "error: unzip is not installed" >&2; exit 1; }
  echo "fetching Keycloak $KEYCLOAK_VERSION from Maven Central (169 MiB, once per machine)…" >&2
  local started=$SECONDS part="$dest/.part"
  rm -rf "$part"
  mkdir -p "$part"
  mvn -q dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
    "-DoutputDirectory=$part" >&2
  unzip -q "$part/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$part"
  rm "$part/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  rm -rf "$dest/keycloak"
  mv "$part/keycloak-$KEYCLOAK_VERSION" "$dest/keycloak"
  rm -rf "$part"
  echo "fetched Keycloak in $((SECONDS - started)) s" >&2
}

java_home="$(find_jdk)"
if [ -z "${KEYCLOAK_HOME:-}" ] && [ ! -x "$dest/keycloak/bin/kc.sh" ]; then
  mkdir -p "$dest"
  fetch_keycloak
fi
home="${KEYCLOAK_HOME:-$dest/keycloak}"
[ -x "$home/bin/kc.sh" ] || { echo "error: $home/bin/kc.sh is not an executable" >&2; exit 1; }

mkdir -p "$root/.tools"
cat > "$root/.tools/keycloak.json" <<JSON
{
  "version": "$KEYCLOAK_VERSION",
  "home": "$home",
  "javaHome": "$java_home"
}
JSON
echo "Keycloak $KEYCLOAK_VERSION in $home, on the JDK in $java_home (Java $(java_version "$java_home"))" >&2
