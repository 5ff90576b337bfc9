#!/usr/bin/env bash
# Boots a real Apache Karaf offline from the local Maven repository, adds the camel-chimpypos features repository
# built by `./mvnw verify`, installs everything of the feature that can be resolved on this machine and shows how far
# the component bundle resolves. camel-karaf's own bundles (behind `feature:install camel-core`) are not served by the
# Maven repositories this project reaches; the script lists exactly which ones are missing. Then it runs a real
# exchange inside that Karaf: a test-only stand-in for camel-karaf's camel-core (the upstream Camel jars camel-karaf
# repackages, wrapped, plus camel-karaf's camel-core-osgi) lets our feature install, and a test bundle's route calls
# the emulator (started here, outside Karaf) once. See docs/karaf.md.
#
# Usage: camel-chimpypos-karaf/src/test/karaf/karaf-check.sh   (after ./mvnw -B verify; CI runs it from .ci/run)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
M2=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
pom_value() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }
VERSION=$(pom_value version)
KARAF_VERSION=$(pom_value karaf.version)
JACKSON_VERSION=$(pom_value camel-lts.jackson.version)
COMPONENT_BSN=io.github.chimpypos.camel-chimpypos
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
export JAVA_HOME

WORK=$(mktemp -d -t karaf-check.XXXXXX)
KARAF=$WORK/apache-karaf-$KARAF_VERSION
cleanup() {
  if [[ -n ${EMULATOR_PID:-} ]]; then kill "$EMULATOR_PID" 2>/dev/null || true; fi
  if [[ -x $KARAF/bin/stop ]]; then "$KARAF/bin/stop" >/dev/null 2>&1 || true; fi
  if [[ -n ${KARAF_PID:-} ]]; then
    for _ in $(seq 1 30); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 1; done
    kill "$KARAF_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n=== %s\n' "$*"; }
fail() { echo "KARAF CHECK FAILED: $*" >&2; exit 1; }

# Our artifacts go into a repository of their own: the build never installs into the shared local repository.
BUILD_REPO=$WORK/build-repo
install -D "$ROOT/camel-chimpypos-component/target/camel-chimpypos-$VERSION.jar" \
  "$BUILD_REPO/io/github/chimpypos/camel-chimpypos/$VERSION/camel-chimpypos-$VERSION.jar"
install -D "$ROOT/camel-chimpypos-karaf/target/feature/features.xml" \
  "$BUILD_REPO/io/github/chimpypos/camel-chimpypos-karaf/$VERSION/camel-chimpypos-karaf-$VERSION-features.xml"
# test only: the stand-in camel-core feature and the route bundle (KarafExchangeActivator from the test classes)
CHECK_REPO_DIR=$BUILD_REPO/io/github/chimpypos/camel-chimpypos-karaf-check/$VERSION
install -D "$ROOT/camel-chimpypos-karaf/target/karaf-check/karaf-check-features.xml" \
  "$CHECK_REPO_DIR/camel-chimpypos-karaf-check-$VERSION-features.xml"
"$JAVA_HOME/bin/jar" --create --file "$CHECK_REPO_DIR/camel-chimpypos-karaf-check-$VERSION.jar" \
  --manifest "$ROOT/camel-chimpypos-karaf/src/test/karaf/karaf-check-bundle.mf" \
  -C "$ROOT/camel-chimpypos-karaf/target/test-classes" io/github/chimpypos/karaf/exchange

# The emulator, outside Karaf, on free ports with its generated certificate (its files under $WORK); it starts while
# Karaf boots.
"$JAVA_HOME/bin/java" -Djava.io.tmpdir="$WORK" -jar "$ROOT/chimpypos-emulator/target/chimpypos-emulator-$VERSION-standalone.jar" \
  --export-truststore "$WORK/emulator-truststore.p12" >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!

step "Karaf $KARAF_VERSION from $M2, offline"
tar xzf "$M2/org/apache/karaf/apache-karaf/$KARAF_VERSION/apache-karaf-$KARAF_VERSION.tar.gz" -C "$WORK"

# Three free ports, picked by the OS, for ssh and the two RMI ports (never Karaf's fixed defaults).
read -r SSH_PORT RMI_REGISTRY_PORT RMI_SERVER_PORT < <(python3 - <<'PY'
import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets:
    s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in sockets])
for s in sockets:
    s.close()
PY
)
sed -i "s/^sshPort *=.*/sshPort = $SSH_PORT/; s/^sshHost *=.*/sshHost = 127.0.0.1/" "$KARAF/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $RMI_REGISTRY_PORT/; s/^rmiServerPort *=.*/rmiServerPort = $RMI_SERVER_PORT/; s/^rmiRegistryHost *=.*/rmiRegistryHost = 127.0.0.1/; s/^rmiServerHost *=.*/rmiServerHost = 127.0.0.1/" \
  "$KARAF/etc/org.apache.karaf.management.cfg"
sed -i 's/^#karaf = /karaf = /; s/^#_g_\\:admingroup = /_g_\\:admingroup = /' "$KARAF/etc/users.properties"
cat > "$KARAF/etc/org.ops4j.pax.url.mvn.cfg" <<CFG
org.ops4j.pax.url.mvn.offline = true
org.ops4j.pax.url.mvn.useFallbackRepositories = false
org.ops4j.pax.url.mvn.localRepository = $WORK/pax-url-cache
org.ops4j.pax.url.mvn.defaultRepositories = \${karaf.home.uri}system@id=system.repository@snapshots, file:$BUILD_REPO@id=build@snapshots, file:$M2@id=local@snapshots
org.ops4j.pax.url.mvn.repositories =
CFG

started=$(date +%s)
"$KARAF/bin/karaf" server >"$WORK/karaf-console.log" 2>&1 &
KARAF_PID=$!
# bin/client runs commands given on standard input in batch mode (-b); as arguments it only answers "Closed"
karaf() { printf '%s\n' "$*" | "$KARAF/bin/client" -a "$SSH_PORT" -h 127.0.0.1 -u karaf -p karaf -r 90 -d 1 -b 2>&1; }
karaf "system:version" || fail "Karaf did not answer on ssh port $SSH_PORT: $(tail -20 "$WORK/karaf-console.log")"
echo "Karaf answers on ssh port $SSH_PORT after $(( $(date +%s) - started )) s (rmi $RMI_REGISTRY_PORT/$RMI_SERVER_PORT)"

step "feature:repo-add camel-chimpypos"
karaf "feature:repo-add mvn:io.github.chimpypos/camel-chimpypos-karaf/$VERSION/xml/features"
karaf "feature:repo-list" | grep -E "camel-chimpypos|camel-4" || fail "the features repositories were not added"

step "feature:install camel-chimpypos (needs camel-karaf's camel-core bundles)"
INSTALL_OUT=$(karaf "feature:install camel-chimpypos" || true)
echo "$INSTALL_OUT"

step "what resolves here: jackson $JACKSON_VERSION (camel-karaf), the wrapped HttpClient 5.6 bundles, the component"
# bundle:install, not feature:install: the features only hold dependency bundles, which Karaf installs only when a
# resolved feature needs them, and camel-chimpypos cannot resolve without camel-core.
karaf "feature:install spifly" || fail "Karaf's spifly feature (needed by camel-karaf's jackson) did not install"
LIBRARIES=$( {
  karaf "feature:info -b jackson/$JACKSON_VERSION" | grep -oE '(mvn|wrap):[^ ]+'
  sed -n 's:.*<bundle[^>]*>\(wrap\:[^<]*\)</bundle>.*:\1:p' "$ROOT/camel-chimpypos-karaf/target/feature/features.xml" \
    | sed 's/&amp;/\&/g'
} | sed "s/.*/'&'/" | tr '\n' ' ')
# one command, so that every library is installed before any is started (they import each other)
karaf "bundle:install -s $LIBRARIES" || fail "could not install and start $LIBRARIES"
karaf "bundle:install mvn:io.github.chimpypos/camel-chimpypos/$VERSION" || fail "the component bundle did not install"
karaf "bundle:list -t 0 -s" | grep -Ei "jackson|httpc|chimpypos|spifly|^ *ID"

step "resolution of $COMPONENT_BSN"
karaf "bundle:resolve $COMPONENT_BSN" || true
DIAG=$(karaf "bundle:diag $COMPONENT_BSN" || true)
echo "$DIAG"
UNRESOLVED=$(grep -oE 'osgi\.wiring\.package=[a-z0-9.]+' <<<"$DIAG" | cut -d= -f2 | grep -v '^io\.github\.chimpypos' \
  | sort -u || true)
echo "packages the bundle still waits for: ${UNRESOLVED:-none}"
[[ -n $UNRESOLVED ]] || fail "expected the bundle to wait for Camel (camel-core is not installed)"
if grep -vE '^org\.apache\.camel(\.|$)' <<<"$UNRESOLVED"; then
  fail "the component bundle misses packages that are not Camel's (listed above)"
fi
echo "OK: HttpClient, httpcore, Jackson and SLF4J imports are satisfied; only Camel packages are missing"

step "artifacts missing on this machine (camel-karaf's camel-core and camel-http features, apache-camel repository)"
MISSING=0
while read -r url; do
  coords=${url#mvn:}; IFS=/ read -r group artifact version type classifier <<<"$coords"
  file="$M2/${group//.//}/$artifact/$version/$artifact-$version${classifier:+-$classifier}.${type:-jar}"
  if [[ ! -f $file && ! -f $KARAF/system/${group//.//}/$artifact/$version/$artifact-$version.${type:-jar} ]]; then
    echo "missing: $url"; MISSING=$((MISSING + 1))
  fi
done < <({ karaf "feature:info -b camel-core"; karaf "feature:info -b camel-http"; echo "$INSTALL_OUT"; } | grep -oE 'mvn:org\.apache\.camel\.karaf/[^ [:cntrl:]]+' | sort -u)
echo "$MISSING artifact(s) behind camel-karaf's camel-core and camel-http features are not in the local Maven repository"
(( MISSING > 0 )) || echo "camel-core's bundles are all present: run feature:install camel-chimpypos for the full check"

step "a real exchange inside Karaf: upstream Camel jars stand in for camel-karaf's camel-core (test only)"
for _ in $(seq 1 60); do grep -q '^  client_secret' "$WORK/emulator.log" && break; sleep 1; done
grep -q '^  client_secret' "$WORK/emulator.log" || fail "the emulator did not start: $(tail -20 "$WORK/emulator.log")"
banner() { sed -n "s|^  $1 \{1,\}\([^ ]*\).*|\1|p" "$WORK/emulator.log" | head -1; }
ADMIN_URL=$(banner "control API")
# the example's config admin file, with the emulator's values: the route bundle reads it, no secret in any route
sed -e "s|^chimpypos.apiUrl = .*|chimpypos.apiUrl = $(banner "PoS API URL")|" \
  -e "s|^chimpypos.tokenUrl = .*|chimpypos.tokenUrl = $(banner "token URL")|" \
  -e "s|^chimpypos.clientId = .*|chimpypos.clientId = $(banner client_id)|" \
  -e "s|^chimpypos.audience = .*|chimpypos.audience = $(banner audience)|" \
  -e "s|^chimpypos.username = .*|chimpypos.username = $(banner username)|" \
  -e "s|^chimpypos.password = .*|chimpypos.password = $(banner password)|" \
  -e "s|^chimpypos.truststore = .*|chimpypos.truststore = $WORK/emulator-truststore.p12|" \
  "$ROOT/examples/karaf/etc/io.github.chimpypos.cfg" >"$KARAF/etc/io.github.chimpypos.cfg"
# the feature installs and starts the component itself (above it was installed by hand, never started)
karaf "bundle:uninstall $COMPONENT_BSN" || fail "could not uninstall $COMPONENT_BSN"
karaf "feature:repo-add mvn:io.github.chimpypos/camel-chimpypos-karaf-check/$VERSION/xml/features" \
  || fail "the test-only features repository was not added"
karaf "feature:install camel-chimpypos-karaf-check" || fail "camel-chimpypos did not install on the upstream Camel jars"
karaf "feature:list -i" | grep -E "camel|chimpypos|jackson"
karaf "bundle:list -t 0 -s" | grep -Ei "camel|chimpypos|httpc" | grep -v Active && fail "a bundle above is not Active"

LOG=$KARAF/data/log/karaf.log
# on failure, show what Karaf logged about it
trap 'status=$?; (( status == 0 )) || grep -E "KARAF-CHECK|ERROR|WARN" "$LOG" | tail -30; cleanup' EXIT
for _ in $(seq 1 60); do grep -q "KARAF-CHECK exchange" "$LOG" && break; sleep 1; done
grep "KARAF-CHECK exchange" "$LOG" || fail "the route logged no outcome: $(grep -iE 'error|exception' "$LOG" | tail -20)"
grep -q "KARAF-CHECK exchange failed" "$LOG" && fail "the exchange inside Karaf failed (above)"
for _ in $(seq 1 30); do grep -q "KARAF-CHECK readiness" "$LOG" && break; sleep 1; done
grep -o "KARAF-CHECK readiness.*" "$LOG" | grep "producer:chimpypos.* UP" \
  || fail "the component's producer readiness check did not answer UP inside Karaf (camel-health)"
for _ in $(seq 1 30); do grep -q "KARAF-CHECK camel-http exchange" "$LOG" && break; sleep 1; done
grep -o "KARAF-CHECK camel-http exchange succeeded.*" "$LOG" | grep "HTTP 200" \
  || fail "the camel-http endpoint with the component's bearerAuthConfigurer failed inside Karaf"
COUNTERS=$(curl -sf --cacert "$(banner certificate)" "$ADMIN_URL/counters") || fail "the emulator's control API did not answer"
echo "emulator counters: $COUNTERS"
# one call through the component, one through camel-http, one token for both
grep -qE '"getStationPricing":\{"200":2\}' <<<"$COUNTERS" || fail "the emulator did not answer getStationPricing twice with 200"
grep -qE '"tokenCalls":1,' <<<"$COUNTERS" || fail "the component and camel-http did not share one token"
grep -qF "$(banner password)" "$LOG" && fail "the password appears in Karaf's log"
echo "OK: an exchange ran inside Karaf on Camel $(grep -o 'on Camel [0-9.]*' "$LOG" | head -1 | cut -d' ' -f3), answered by the emulator, through the component and through camel-http with its token"
echo "Karaf check done in $(( $(date +%s) - started )) s"
