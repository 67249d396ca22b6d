#!/bin/bash
# One-shot of compose.yaml: the broker's users and permission patterns, as ops/services.sh gives them for development
# (a test compares both). Each password is the Docker secret /run/secrets/rabbitmq-<user>. Uses the management API as
# the admin (RABBITMQ_USER, RABBITMQ_PASSWORD); rerunning it is harmless.
set -euo pipefail

RMQ_WORKER_PERMISSIONS=('.*' '.*' '.*')
RMQ_PUBLISHER_PERMISSIONS=('^$' '^commerce\.order-events$' '^$')
RMQ_OPERATOR_PERMISSIONS=('^amq\.gen-.*$' '^(amq\.default|amq\.gen-.*|commerce\.order-events|walmart-sync\..*)$' '^(amq\.gen-.*|channel-manager\.sync-results|walmart-sync\..*_error)$')

admin() { rabbitmqadmin --host=rabbitmq --port=15672 --username="$RABBITMQ_USER" --password="$RABBITMQ_PASSWORD" "$@"; }

# The broker's health check answers before its management listener does.
for attempt in $(seq 1 30); do
    admin list vhosts >/dev/null 2>&1 && break
    [[ $attempt == 30 ]] && { echo "rabbitmq-users: the management API at rabbitmq:15672 does not answer" >&2; exit 1; }
    sleep 2
done

grant() {
    local user=$1 configure=$2 write=$3 read=$4 password
    password=$(tr -d '\n' <"/run/secrets/rabbitmq-$user")
    admin declare user name="$user" password="$password" tags=
    admin declare permission vhost=/ user="$user" configure="$configure" write="$write" read="$read"
}

grant ordersync-worker "${RMQ_WORKER_PERMISSIONS[@]}"
grant commerce-publisher "${RMQ_PUBLISHER_PERMISSIONS[@]}"
grant ordersync-operator "${RMQ_OPERATOR_PERMISSIONS[@]}"
