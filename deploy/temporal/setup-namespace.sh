#!/bin/sh
# Registers the app's namespace and custom search attributes once the frontend serves: safe to
# run on every start. Prints "created" when it created anything (the servers cache both: the
# caller restarts them or waits a minute before relying on them). Run by `npm run cluster` and
# by docker-compose's temporal-namespace service.
set -eu
: "${TEMPORAL_ADDRESS:?host:port of the frontend}" "${SEARCH_ATTRIBUTES:?Name=Type pairs}"
namespace="${TEMPORAL_NAMESPACE:-default}"
# How long closed runs stay (docs/decisions.md, "Retention"); set on every start, so a change here
# reaches a namespace created before it.
retention="${NAMESPACE_RETENTION:-720h}"
cli="${TEMPORAL_CLI:-temporal}"
set -- --address "$TEMPORAL_ADDRESS" --namespace "$namespace"
# A frontend that requires client certificates (`npm run cluster`): the operator's, and the CA
# that signed the frontend's. Unset (docker-compose.yml's own network): plaintext.
if [ -n "${TEMPORAL_TLS_CLIENT_CERT_PATH:-}" ]; then
  set -- "$@" --tls-cert-path "$TEMPORAL_TLS_CLIENT_CERT_PATH" \
    --tls-key-path "${TEMPORAL_TLS_CLIENT_KEY_PATH:?key of the client certificate}" \
    --tls-ca-path "${TEMPORAL_TLS_SERVER_CA_CERT_PATH:?CA of the frontend certificate}"
fi
created=""

if ! "$cli" operator namespace describe "$@" >/dev/null 2>&1; then
  "$cli" operator namespace create "$@" --retention "$retention" >/dev/null
  created="namespace $namespace"
else
  "$cli" operator namespace update "$@" --retention "$retention" >/dev/null
fi
# A new namespace is known to the frontend once its namespace cache refreshes (about 10 s).
tries=0
until existing="$("$cli" operator search-attribute list "$@" --output json 2>&1)"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then echo "$existing" >&2; exit 1; fi
  sleep 1
done
for pair in $SEARCH_ATTRIBUTES; do
  name="${pair%%=*}"
  case "$existing" in *"\"$name\""*) continue ;; esac
  "$cli" operator search-attribute create "$@" --name "$name" --type "${pair##*=}" >/dev/null
  created="$created $name"
done
if [ -n "$created" ]; then echo "created:$created"; fi
