#!/usr/bin/env bash
# ops/services.sh: the RabbitMQ and PostgreSQL that development, the tests and CI use.
#
#   bash ops/services.sh up      install what is missing, start both (or reuse them), print `env`
#   bash ops/services.sh down    stop both (quietly succeeds when already stopped)
#   bash ops/services.sh status  one line each (stdout); exit 0 when both run, 3 otherwise
#   bash ops/services.sh env     `export ...` lines for eval "$(bash ops/services.sh env)"
#   bash ops/services.sh reset   down, then delete the state folder
#   bash ops/services.sh stop-rabbitmq   stop RabbitMQ only (the fault suite's outage); `up` starts it again
#   bash ops/services.sh stop-postgres   stop PostgreSQL only (the fault suite's outage); `up` starts it again
#
# No systemd, no Docker: both servers run as plain processes bound to 127.0.0.1 only, with all
# their state (config, data, logs, pid files, sockets, RabbitMQ's HOME and Erlang cookie) under
# ${ORDERSYNC_STATE_DIR:-<repo root>/.services}. Progress lines go to stderr and the `export`
# lines of `up` and `env` to stdout, so eval "$(bash ops/services.sh up)" also works. Output of
# the tools themselves goes to <state>/services.log.
#
# Ports (explicit variable > the value recorded by the last `up` of this state folder > default):
#   ORDERSYNC_RABBITMQ_PORT=5672             AMQP
#   ORDERSYNC_RABBITMQ_MANAGEMENT_PORT=15672 management HTTP API and UI
#   ORDERSYNC_RABBITMQ_PROMETHEUS_PORT=15692 rabbitmq_prometheus metrics
#   ORDERSYNC_RABBITMQ_DIST_PORT=25672       Erlang distribution (RABBITMQ_DIST_PORT)
#   ORDERSYNC_EPMD_PORT=4369                 Erlang port mapper (ERL_EPMD_PORT); may be shared
#   ORDERSYNC_POSTGRES_PORT=5432
# Two checkouts (or state folders) run side by side when they use different ports: the RabbitMQ
# node is named after its AMQP port (ordersync_5672@localhost), so they may share one epmd.
# Other knobs: ORDERSYNC_RABBITMQ_START_TIMEOUT (seconds, default 60).
# TLS (tests of encrypted links, on a state folder of their own): ORDERSYNC_TLS_DIR names a folder
# with ca.pem, server.pem and server.key (PEM); RabbitMQ then also listens for amqps on
# 127.0.0.1:${ORDERSYNC_RABBITMQ_TLS_PORT:-5671} and PostgreSQL runs with ssl=on.
#
# Credentials (loopback dev/CI only): RabbitMQ guest/guest (guest may only log in from
# loopback, which is all we listen on); PostgreSQL app/app, LOGIN CREATEDB CREATEROLE, owning
# database `integration` (tests make their own databases and run-time roles with it).
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(dirname -- "$SCRIPT_DIR")
STATE_DIR=${ORDERSYNC_STATE_DIR:-$REPO_ROOT/.services}
case $STATE_DIR in /*) ;; *) STATE_DIR=$PWD/$STATE_DIR ;; esac
STATE_DIR=${STATE_DIR%/}
if [[ -d $STATE_DIR ]]; then STATE_DIR=$(cd "$STATE_DIR" && pwd -P); fi

RMQ_BIN=/usr/lib/rabbitmq/bin
RMQ_TIMEOUT=${ORDERSYNC_RABBITMQ_START_TIMEOUT:-60}
PG_BIN=
set_paths() { # everything below the state folder
    LOG=$STATE_DIR/services.log
    MARKER=$STATE_DIR/.ordersync-services
    PORTS_FILE=$STATE_DIR/ports.env
    RMQ_DIR=$STATE_DIR/rabbitmq
    RMQ_CONF_DIR=$RMQ_DIR/conf
    RMQ_HOME_DIR=$RMQ_DIR/home
    RMQ_LOG_DIR=$RMQ_DIR/log
    RMQ_PID=$RMQ_DIR/rabbitmq.pid
    RMQ_EPMD_MARK=$RMQ_DIR/epmd-started-here
    PG_DIR=$STATE_DIR/postgres
    PG_DATA=$PG_DIR/data
    PG_LOG=$PG_DIR/log/postgres.log
    PG_SOCK=$PG_DIR/run
}
set_paths
if ((EUID == 0)); then PG_SUPERUSER=postgres; else PG_SUPERUSER=$(id -un); fi

# ---------------------------------------------------------------------------------------------
say() { printf 'services: %s\n' "$*" >&2; }   # progress: stderr, so stdout stays eval-able
report() { printf 'services: %s\n' "$*"; }     # the answer of `status`: stdout
EXPECTED_EXIT=0
die() { say "error: $*"; EXPECTED_EXIT=1; exit 1; }
on_exit() {
    local rc=$?
    if ((rc != 0 && EXPECTED_EXIT == 0)); then
        say "error: failed (exit $rc); details in $LOG"
    fi
}
trap on_exit EXIT

# Runs a command with its output appended to the log (the state folder must exist).
quiet() { "$@" >>"$LOG" 2>&1; }

show_tail() { # file [lines]
    [[ -s $1 ]] || return 0
    say "last lines of $1:"
    tail -n "${2:-20}" -- "$1" | sed 's/^/    /' >&2
}

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }
START_MS=$(now_ms)
elapsed() { local ms=$(($(now_ms) - START_MS)); printf '%d.%01d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# ---------------------------------------------------------------------------------------------
# Ports: explicit environment variable > recorded by the last `up` here > default.
PORT_VARS=(ORDERSYNC_RABBITMQ_PORT ORDERSYNC_RABBITMQ_MANAGEMENT_PORT ORDERSYNC_RABBITMQ_PROMETHEUS_PORT
    ORDERSYNC_RABBITMQ_DIST_PORT ORDERSYNC_EPMD_PORT ORDERSYNC_POSTGRES_PORT)
declare -A DEFAULT_PORT=([ORDERSYNC_RABBITMQ_PORT]=5672 [ORDERSYNC_RABBITMQ_MANAGEMENT_PORT]=15672
    [ORDERSYNC_RABBITMQ_PROMETHEUS_PORT]=15692 [ORDERSYNC_RABBITMQ_DIST_PORT]=25672
    [ORDERSYNC_EPMD_PORT]=4369 [ORDERSYNC_POSTGRES_PORT]=5432)
declare -A RECORDED=() WANTED=()

valid_port() { [[ $1 =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= 65535)); }

if [[ -f $PORTS_FILE ]]; then
    while IFS='=' read -r key value; do
        if [[ -n ${DEFAULT_PORT[$key]:-} ]] && valid_port "$value"; then RECORDED[$key]=$value; fi
    done <"$PORTS_FILE"
fi
for var in "${PORT_VARS[@]}"; do
    value=${!var:-${RECORDED[$var]:-${DEFAULT_PORT[$var]}}}
    valid_port "$value" || die "$var=$value is not a port number"
    WANTED[$var]=$value
    RECORDED[$var]=${RECORDED[$var]:-$value}
done

# Sets the globals the functions below use: WANTED (what `up` starts) or RECORDED (what the
# last `up` started, which `status` and `down` look at).
use_ports() { # WANTED|RECORDED
    local -n src=$1
    RMQ_PORT=${src[ORDERSYNC_RABBITMQ_PORT]}
    RMQ_MGMT_PORT=${src[ORDERSYNC_RABBITMQ_MANAGEMENT_PORT]}
    RMQ_PROM_PORT=${src[ORDERSYNC_RABBITMQ_PROMETHEUS_PORT]}
    RMQ_DIST_PORT=${src[ORDERSYNC_RABBITMQ_DIST_PORT]}
    EPMD_PORT=${src[ORDERSYNC_EPMD_PORT]}
    PG_PORT=${src[ORDERSYNC_POSTGRES_PORT]}
    RMQ_NODENAME=ordersync_${RMQ_PORT}@localhost
}
use_ports WANTED

rabbit_ports() { local -n p=$1; echo "${p[ORDERSYNC_RABBITMQ_PORT]} ${p[ORDERSYNC_RABBITMQ_MANAGEMENT_PORT]} ${p[ORDERSYNC_RABBITMQ_PROMETHEUS_PORT]} ${p[ORDERSYNC_RABBITMQ_DIST_PORT]} ${p[ORDERSYNC_EPMD_PORT]}"; }

record_ports() {
    local var
    for var in "${PORT_VARS[@]}"; do printf '%s=%s\n' "$var" "${WANTED[$var]}"; done >"$PORTS_FILE.tmp"
    mv -f "$PORTS_FILE.tmp" "$PORTS_FILE"
}

# True when something accepts TCP connections on 127.0.0.1:PORT (this also catches 0.0.0.0).
# shellcheck disable=SC2016 # $1 is expanded by the inner bash
port_in_use() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" >/dev/null 2>&1; }

port_owner() {
    command -v ss >/dev/null 2>&1 || return 0
    ss -Hltnp "( sport = :$1 )" 2>/dev/null | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -n 1 |
        sed -E 's/users:\(\("([^"]*)",pid=([0-9]*)/ (\1, pid \2)/' || true
}

require_free_port() { # port variable-name
    if port_in_use "$1"; then
        die "port $1 on 127.0.0.1 is already used by another program$(port_owner "$1"); set $2 to a free port"
    fi
}

env_lines() {
    printf "export ConnectionStrings__RabbitMq='amqp://guest:guest@127.0.0.1:%s/'\n" "$RMQ_PORT"
    printf "export ORDERSYNC_RABBITMQ_PUBLISHER_URL='amqp://commerce-publisher:commerce-publisher@127.0.0.1:%s/'\n" "$RMQ_PORT"
    printf "export ORDERSYNC_RABBITMQ_OPERATOR_URL='amqp://ordersync-operator:ordersync-operator@127.0.0.1:%s/'\n" "$RMQ_PORT"
    printf "export ConnectionStrings__Postgres='Host=127.0.0.1;Port=%s;Username=app;Password=app;Database=integration'\n" "$PG_PORT"
    printf "export ORDERSYNC_RABBITMQ_MANAGEMENT_URL='http://127.0.0.1:%s/'\n" "$RMQ_MGMT_PORT"
}

# True when the process exists and is not a zombie (killed servers may stay zombies for a
# while when the machine's init does not reap them at once).
alive() {
    local stat
    [[ $1 =~ ^[0-9]+$ ]] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    [[ ${stat##*) } != Z* ]]
}

pid_is() { # pid comm text: the process is alive, named comm, and its command line has text
    alive "$1" || return 1
    [[ $(cat "/proc/$1/comm" 2>/dev/null) == "$2" ]] || return 1
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$3"
}

# ---------------------------------------------------------------------------------------------
# Installation
find_pg_bin() {
    local dir want=
    [[ -f $PG_DATA/PG_VERSION ]] && want=$(cat "$PG_DATA/PG_VERSION")
    if [[ -n $want && -x /usr/lib/postgresql/$want/bin/pg_ctl ]]; then
        PG_BIN=/usr/lib/postgresql/$want/bin
        return 0
    fi
    dir=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/pg_ctl' -printf '%h\n' 2>/dev/null | sort -V | tail -n 1)
    [[ -n $dir ]] || return 1
    PG_BIN=$dir
}

ensure_installed() {
    local pkgs=()
    [[ -x $RMQ_BIN/rabbitmq-server ]] || pkgs+=(rabbitmq-server)
    find_pg_bin || pkgs+=(postgresql)
    command -v curl >/dev/null 2>&1 || pkgs+=(curl)
    ((${#pkgs[@]})) || return 0
    ((EUID == 0)) || die "missing ${pkgs[*]}; install them with apt-get (needs root)"
    say "installing ${pkgs[*]} with apt-get (takes about 30-60 s)"
    quiet apt-get update || { show_tail "$LOG"; die "apt-get update failed"; }
    DEBIAN_FRONTEND=noninteractive quiet apt-get install -y --no-install-recommends "${pkgs[@]}" ||
        { show_tail "$LOG"; die "apt-get install ${pkgs[*]} failed"; }
    [[ -x $RMQ_BIN/rabbitmq-server ]] || die "rabbitmq-server is installed but $RMQ_BIN/rabbitmq-server is missing"
    find_pg_bin || die "postgresql is installed but no /usr/lib/postgresql/*/bin/pg_ctl was found"
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ
# Runs a command with this node's environment: every RabbitMQ tool must see the same HOME
# (Erlang cookie), node name, epmd port and files, or it talks to another node or none.
rmq_run() {
    (
        export HOME=$RMQ_HOME_DIR
        export RABBITMQ_NODENAME=$RMQ_NODENAME
        export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
        export RABBITMQ_NODE_PORT=$RMQ_PORT
        export RABBITMQ_DIST_PORT=$RMQ_DIST_PORT
        export ERL_EPMD_PORT=$EPMD_PORT
        export ERL_EPMD_ADDRESS=127.0.0.1
        export RABBITMQ_CONF_ENV_FILE=$RMQ_CONF_DIR/rabbitmq-env.conf # not /etc/rabbitmq's
        export RABBITMQ_CONFIG_FILE=$RMQ_CONF_DIR/rabbitmq.conf
        export RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_CONF_DIR/advanced.config
        export RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_CONF_DIR/enabled_plugins
        export RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia
        export RABBITMQ_LOG_BASE=$RMQ_LOG_DIR
        export RABBITMQ_LOGS=$RMQ_LOG_DIR/rabbit.log
        export RABBITMQ_PID_FILE=$RMQ_PID
        export ERL_CRASH_DUMP=$RMQ_LOG_DIR/erl_crash.dump
        # Keep the node's and the CLI tools' distribution listeners on loopback too.
        export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
        if ((RMQ_DIST_PORT + 10010 <= 65535)); then
            export RABBITMQ_CTL_DIST_PORT_MIN=$((RMQ_DIST_PORT + 10000))
            export RABBITMQ_CTL_DIST_PORT_MAX=$((RMQ_DIST_PORT + 10010))
        fi
        cd "$RMQ_DIR"
        exec 9>&- # the state lock must not be inherited by the daemon
        exec "$@"
    )
}
rmqctl() { rmq_run timeout 60 "$RMQ_BIN/rabbitmqctl" "$@"; }

rabbit_pid() { [[ -s $RMQ_PID ]] && tr -dc '0-9' <"$RMQ_PID"; }
rabbit_running() { local pid; pid=$(rabbit_pid) && pid_is "$pid" beam.smp "-home $RMQ_HOME_DIR"; }
mgmt_ok() {
    curl --noproxy '*' -fsS -m 5 -o /dev/null -u guest:guest "http://127.0.0.1:$RMQ_MGMT_PORT/api/overview" 2>/dev/null
}
rabbit_ready() { rabbit_running && port_in_use "$RMQ_PORT" && mgmt_ok; }

epmd_ok() { command -v epmd >/dev/null 2>&1 && epmd -port "$EPMD_PORT" -names >/dev/null 2>&1; }

rabbit_write_config() {
    mkdir -p "$RMQ_CONF_DIR" "$RMQ_HOME_DIR" "$RMQ_LOG_DIR" "$RMQ_DIR/mnesia"
    chmod 700 "$RMQ_HOME_DIR"
    printf '# written by ops/services.sh; /etc/rabbitmq/rabbitmq-env.conf is not read\n' >"$RMQ_CONF_DIR/rabbitmq-env.conf"
    cat >"$RMQ_CONF_DIR/rabbitmq.conf" <<EOF
# written by ops/services.sh on each start; edit the script, not this file
listeners.tcp.1 = 127.0.0.1:$RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $RMQ_PROM_PORT
log.console = false
log.file.level = info
EOF
    if [[ -n ${ORDERSYNC_TLS_DIR:-} ]]; then
        cat >>"$RMQ_CONF_DIR/rabbitmq.conf" <<EOF
listeners.ssl.default = 127.0.0.1:${ORDERSYNC_RABBITMQ_TLS_PORT:-5671}
ssl_options.cacertfile = $ORDERSYNC_TLS_DIR/ca.pem
ssl_options.certfile = $ORDERSYNC_TLS_DIR/server.pem
ssl_options.keyfile = $ORDERSYNC_TLS_DIR/server.key
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = false
EOF
    fi
    # No rabbitmq_delayed_message_exchange: Debian does not ship it.
    echo '[rabbitmq_management,rabbitmq_consistent_hash_exchange,rabbitmq_prometheus].' >"$RMQ_CONF_DIR/enabled_plugins"
}

# The broker's users besides guest (loopback dev/CI passwords = names), on the default virtual host, with the permission
# patterns a deployment gives them (compose/rabbitmq-users.sh sets the same): the worker owns its virtual host; Commerce
# may only publish to its exchange; operators read and requeue dead letters, publish and watch results through the CLI.
RMQ_WORKER_PERMISSIONS=('.*' '.*' '.*')
RMQ_PUBLISHER_PERMISSIONS=('^$' '^commerce\.order-events$' '^$')
RMQ_OPERATOR_PERMISSIONS=('^amq\.gen-.*$' '^(amq\.default|amq\.gen-.*|commerce\.order-events|walmart-sync\..*)$' '^(amq\.gen-.*|channel-manager\.sync-results|walmart-sync\..*_error)$')
rabbit_users() {
    local user marker=$RMQ_DIR/users-set wanted
    wanted="${RMQ_WORKER_PERMISSIONS[*]} | ${RMQ_PUBLISHER_PERMISSIONS[*]} | ${RMQ_OPERATOR_PERMISSIONS[*]}"
    # Each rabbitmqctl call takes a second or two: skip them when this node already has these users and patterns.
    [[ -f $marker && $(cat "$marker") == "$wanted" ]] && return 0
    for user in ordersync-worker commerce-publisher ordersync-operator; do
        if ! rmqctl list_users --quiet --no-table-headers 2>/dev/null | cut -f1 | grep -qx "$user"; then
            quiet rmqctl add_user "$user" "$user" || die "could not add RabbitMQ user $user"
        fi
    done
    quiet rmqctl set_permissions -p / ordersync-worker "${RMQ_WORKER_PERMISSIONS[@]}" &&
        quiet rmqctl set_permissions -p / commerce-publisher "${RMQ_PUBLISHER_PERMISSIONS[@]}" &&
        quiet rmqctl set_permissions -p / ordersync-operator "${RMQ_OPERATOR_PERMISSIONS[@]}" ||
        die "could not set the RabbitMQ users' permissions"
    printf '%s' "$wanted" >"$marker"
}

rabbit_check_ports() {
    require_free_port "$RMQ_PORT" ORDERSYNC_RABBITMQ_PORT
    require_free_port "$RMQ_MGMT_PORT" ORDERSYNC_RABBITMQ_MANAGEMENT_PORT
    require_free_port "$RMQ_PROM_PORT" ORDERSYNC_RABBITMQ_PROMETHEUS_PORT
    require_free_port "$RMQ_DIST_PORT" ORDERSYNC_RABBITMQ_DIST_PORT
    # An epmd already on the port is fine (nodes share it); anything else is not.
    if port_in_use "$EPMD_PORT" && ! epmd_ok; then
        die "port $EPMD_PORT on 127.0.0.1 is used by a program that is not epmd$(port_owner "$EPMD_PORT"); set ORDERSYNC_EPMD_PORT to a free port"
    fi
}

rabbit_start() {
    rabbit_write_config
    rm -f "$RMQ_PID"
    port_in_use "$EPMD_PORT" || : >"$RMQ_EPMD_MARK"
    say "rabbitmq: starting node $RMQ_NODENAME on 127.0.0.1:$RMQ_PORT"
    rmq_run "$RMQ_BIN/rabbitmq-server" -detached >>"$RMQ_LOG_DIR/startup.log" 2>&1 ||
        { show_tail "$RMQ_LOG_DIR/startup.log"; die "rabbitmq-server -detached failed"; }
}

rabbit_fail() {
    show_tail "$RMQ_LOG_DIR/startup.log" 10
    show_tail "$RMQ_LOG_DIR/rabbit.log" 25
    die "$*"
}

rabbit_wait() {
    local deadline=$((SECONDS + RMQ_TIMEOUT)) pid
    # Poll the cheap signs first: once a client could connect, `await_startup` no longer
    # sleeps in 10 s steps ("Still booting, will check again in 10 seconds").
    until port_in_use "$RMQ_PORT" && mgmt_ok; do
        if pid=$(rabbit_pid) && ! pid_is "$pid" beam.smp "-home $RMQ_HOME_DIR"; then
            rabbit_fail "rabbitmq node exited while starting"
        fi
        ((SECONDS < deadline)) || rabbit_fail "rabbitmq did not start within $RMQ_TIMEOUT s (AMQP 127.0.0.1:$RMQ_PORT, management $RMQ_MGMT_PORT; ORDERSYNC_RABBITMQ_START_TIMEOUT)"
        sleep 0.3
    done
    # Then the node's own word, through the CLI (which also proves that the cookie and node name
    # work for rabbitmqctl). Not `rabbitmqctl await_startup`: it exits 69 until the node has
    # registered with epmd, and once connected to a node that is still booting it re-checks only
    # every 10 s, which made `up` 10-20 s slower. check_running answers at once; retry it.
    until quiet rmq_run timeout 60 "$RMQ_BIN/rabbitmq-diagnostics" check_running; do
        ((SECONDS < deadline)) || rabbit_fail "rabbitmq-diagnostics check_running did not succeed within $RMQ_TIMEOUT s"
        sleep 0.5
    done
    rabbit_running || rabbit_fail "rabbitmq reports started but $RMQ_PID does not name a live node"
}

rabbit_stop() {
    local pid n
    if ! rabbit_running; then
        rm -f "$RMQ_PID"
        return 0
    fi
    pid=$(rabbit_pid)
    say "rabbitmq: stopping node $RMQ_NODENAME (pid $pid)"
    if ! quiet rmqctl stop "$RMQ_PID"; then
        say "rabbitmq: rabbitmqctl stop failed, sending SIGTERM to $pid"
        kill -TERM "$pid" 2>/dev/null || true
        for ((n = 0; n < 60; n++)); do
            pid_is "$pid" beam.smp "-home $RMQ_HOME_DIR" || break
            sleep 0.5
        done
        if pid_is "$pid" beam.smp "-home $RMQ_HOME_DIR"; then kill -KILL "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$RMQ_PID"
    # Stop the epmd this script started, once no node is registered with it any more.
    if [[ -f $RMQ_EPMD_MARK ]] && command -v epmd >/dev/null 2>&1; then
        if ! epmd -port "$EPMD_PORT" -names 2>/dev/null | grep -q '^name '; then
            quiet epmd -port "$EPMD_PORT" -kill || true
        fi
        rm -f "$RMQ_EPMD_MARK"
    fi
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL
# Authentication (a loopback-only dev/CI database): Unix socket = peer, used only by this script
# as the OS user `postgres` to create the role and database; TCP (127.0.0.1 only) =
# scram-sha-256, so every TCP login needs a password, and the superuser has none (it cannot log
# in over TCP at all). The application role is app/app.

as_pg() { # runs a command as the database's OS user, from a folder it can enter
    (
        cd "$PG_DIR"
        exec 9>&- # the state lock must not be inherited by the daemon
        if ((EUID == 0)); then exec runuser -u postgres -- "$@"; else exec "$@"; fi
    )
}

pg_pid() { [[ -r $PG_DATA/postmaster.pid ]] && head -n 1 "$PG_DATA/postmaster.pid" | tr -dc '0-9'; }
pg_running() {
    local pid
    pid=$(pg_pid) && alive "$pid" && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]] &&
        [[ $(sed -n 2p "$PG_DATA/postmaster.pid") == "$PG_DATA" ]]
}
pg_running_port() { sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null | tr -dc '0-9'; }
pg_app_ok() {
    PGPASSWORD=app PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -At -h 127.0.0.1 -p "$PG_PORT" -U app -d integration \
        -c 'select 1 from pg_roles where rolname = current_user and rolcreaterole' 2>/dev/null | grep -qx 1
}

# The postgres user must be able to traverse every folder above its data (a clone under /root
# with mode 700 or a CI temp folder may not allow it): add o+x where it is missing, nothing more.
pg_ensure_reachable() {
    ((EUID == 0)) || return 0
    runuser -u postgres -- test -x "$PG_DIR" && return 0
    local dir='' part changed=()
    local -a parts
    IFS=/ read -ra parts <<<"${PG_DIR#/}"
    for part in '' "${parts[@]}"; do
        [[ -z $part ]] && dir=/ || dir=${dir%/}/$part
        if ! runuser -u postgres -- test -x "$dir"; then
            chmod o+x "$dir" || die "cannot add o+x to $dir; the postgres user needs to traverse it"
            changed+=("$dir")
        fi
    done
    ((${#changed[@]} == 0)) || say "postgres: added o+x (traverse only) for the postgres user on: ${changed[*]}"
    runuser -u postgres -- test -x "$PG_DIR" || die "the postgres user still cannot reach $PG_DIR"
}

pg_init() {
    local pwd_ver bin_ver
    mkdir -p "$PG_DIR"
    chmod 755 "$PG_DIR"
    pg_ensure_reachable
    mkdir -p "$PG_DIR/log" "$PG_SOCK"
    if ((EUID == 0)); then chown postgres: "$PG_DIR/log" "$PG_SOCK"; fi
    chmod 700 "$PG_SOCK"
    bin_ver=$("$PG_BIN/pg_ctl" --version | sed -E 's/.* ([0-9]+)[.].*/\1/')
    if [[ -f $PG_DATA/PG_VERSION ]]; then
        pwd_ver=$(cat "$PG_DATA/PG_VERSION")
        [[ $pwd_ver == "$bin_ver" ]] ||
            die "$PG_DATA was made by PostgreSQL $pwd_ver but $PG_BIN is $bin_ver; run 'bash ops/services.sh reset'"
        return 0
    fi
    say "postgres: creating a new cluster in $PG_DATA (PostgreSQL $bin_ver)"
    mkdir -p "$PG_DATA"
    if ((EUID == 0)); then chown postgres: "$PG_DATA"; fi
    chmod 700 "$PG_DATA"
    quiet as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 || { show_tail "$LOG"; die "initdb failed"; }
    as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null <<'EOF'

# added by ops/services.sh (port, address and socket folder are given on each start)
listen_addresses = '127.0.0.1'
max_connections = 200
password_encryption = 'scram-sha-256'
EOF
}

pg_start() {
    local sock_path=$PG_SOCK/.s.PGSQL.$PG_PORT
    ((${#sock_path} <= 107)) ||
        die "the socket path $sock_path is longer than 107 characters; set ORDERSYNC_STATE_DIR to a shorter folder"
    local tls=
    if [[ -n ${ORDERSYNC_TLS_DIR:-} ]]; then
        # PostgreSQL wants its key owned by its own user and readable by nobody else: a copy of its own.
        mkdir -p "$PG_DIR/tls"
        cp "$ORDERSYNC_TLS_DIR/ca.pem" "$ORDERSYNC_TLS_DIR/server.pem" "$ORDERSYNC_TLS_DIR/server.key" "$PG_DIR/tls/"
        chmod 600 "$PG_DIR/tls/server.key"
        if ((EUID == 0)); then chown -R postgres: "$PG_DIR/tls"; fi
        tls=" -c ssl=on -c ssl_ca_file='$PG_DIR/tls/ca.pem' -c ssl_cert_file='$PG_DIR/tls/server.pem' -c ssl_key_file='$PG_DIR/tls/server.key'"
    fi
    say "postgres: starting on 127.0.0.1:$PG_PORT${tls:+ (ssl=on)}"
    # Not running (checked by the caller), so a postmaster.pid left by a crash is stale; a zombie
    # with its pid would make postgres refuse to start.
    rm -f "$PG_DATA/postmaster.pid"
    quiet as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-k '$PG_SOCK' -h 127.0.0.1 -p $PG_PORT$tls" start ||
        { show_tail "$PG_LOG"; die "PostgreSQL did not start (pg_ctl start failed)"; }
}

pg_bootstrap() {
    quiet as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres <<'SQL' ||
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app') THEN
    CREATE ROLE app LOGIN CREATEDB CREATEROLE PASSWORD 'app';
  ELSE
    ALTER ROLE app LOGIN CREATEDB CREATEROLE PASSWORD 'app';
  END IF;
END
$$;
SELECT 'CREATE DATABASE integration OWNER app'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'integration')\gexec
SQL
        { show_tail "$LOG"; die "could not create role app / database integration"; }
}

pg_stop() {
    pg_running || return 0
    say "postgres: stopping (pid $(pg_pid))"
    quiet as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop ||
        { show_tail "$PG_LOG"; die "pg_ctl stop failed"; }
}

# ---------------------------------------------------------------------------------------------
check_state_path() {
    [[ $STATE_DIR =~ ^[A-Za-z0-9_./@+-]+$ ]] ||
        die "ORDERSYNC_STATE_DIR=$STATE_DIR: use a path made of letters, digits and ._/@+- only"
}

lock_state() {
    exec 9>>"$STATE_DIR/.lock"
    flock -w 300 9 || die "another services.sh is busy with $STATE_DIR (waited 300 s)"
}

cmd_up() {
    check_state_path
    mkdir -p "$STATE_DIR"
    STATE_DIR=$(cd "$STATE_DIR" && pwd -P)
    set_paths
    : >>"$MARKER"
    lock_state
    ensure_installed
    find_pg_bin || die "PostgreSQL binaries not found"

    # Ports changed since the last `up`: stop what runs on the old ones first.
    if [[ $(rabbit_ports RECORDED) != "$(rabbit_ports WANTED)" ]] && rabbit_running; then
        say "rabbitmq: ports changed since the last up, restarting"
        (use_ports RECORDED && rabbit_stop)
    fi
    if pg_running && [[ $(pg_running_port) != "$PG_PORT" ]]; then
        say "postgres: port changed to $PG_PORT, restarting"
        pg_stop
    fi

    local rabbit_reused=0 pg_reused=0 rabbit_started=0
    if rabbit_running; then
        rabbit_reused=1
    else
        rabbit_check_ports
    fi
    if pg_running; then
        pg_reused=1
    else
        require_free_port "$PG_PORT" ORDERSYNC_POSTGRES_PORT
    fi
    record_ports

    # RabbitMQ boots for several seconds: start it, then do PostgreSQL while it boots.
    if ((rabbit_reused == 0)); then
        rabbit_start
        rabbit_started=1
    fi

    if ((pg_reused)) && pg_app_ok; then
        say "postgres: already running (pid $(pg_pid)) on 127.0.0.1:$PG_PORT, reusing it"
    else
        if ((pg_reused == 0)); then
            pg_init
            pg_start
        fi
        pg_bootstrap
        pg_app_ok || { show_tail "$PG_LOG"; die "cannot log in as app to database integration on 127.0.0.1:$PG_PORT"; }
        say "postgres: ready on 127.0.0.1:$PG_PORT (database integration, user app)"
    fi

    if ((rabbit_started == 0)) && rabbit_ready; then
        say "rabbitmq: already running (pid $(rabbit_pid)) on 127.0.0.1:$RMQ_PORT, reusing it"
    else
        ((rabbit_started)) || say "rabbitmq: node $RMQ_NODENAME is running but not answering yet, waiting (if it never does: bash ops/services.sh down, then up)"
        rabbit_wait
        say "rabbitmq: ready on 127.0.0.1:$RMQ_PORT, management http://127.0.0.1:$RMQ_MGMT_PORT/"
    fi
    rabbit_users
    say "up in $(elapsed); state in $STATE_DIR"
    env_lines
}

cmd_down() {
    if [[ ! -d $STATE_DIR ]]; then
        say "nothing to stop ($STATE_DIR does not exist)"
        return 0
    fi
    lock_state
    use_ports RECORDED
    local any=0
    if rabbit_running; then any=1; fi
    rabbit_stop
    if pg_running; then
        any=1
        find_pg_bin || die "PostgreSQL binaries not found"
        pg_stop
    fi
    if ((any)); then say "stopped in $(elapsed)"; else say "already stopped"; fi
}

# Stops one server and leaves the other running: the fault suite (ops/fault-suite.sh) takes one away under load.
cmd_stop_rabbitmq() {
    [[ -d $STATE_DIR ]] || return 0
    lock_state
    use_ports RECORDED
    rabbit_stop
}

cmd_stop_postgres() {
    [[ -d $STATE_DIR ]] || return 0
    lock_state
    pg_running || return 0
    find_pg_bin || die "PostgreSQL binaries not found"
    pg_stop
}

cmd_status() {
    local rc=0
    use_ports RECORDED
    if [[ -d $STATE_DIR ]] && rabbit_running && port_in_use "$RMQ_PORT"; then
        if mgmt_ok; then
            report "rabbitmq: running (pid $(rabbit_pid), node $RMQ_NODENAME) on 127.0.0.1:$RMQ_PORT, management http://127.0.0.1:$RMQ_MGMT_PORT/"
        else
            report "rabbitmq: running (pid $(rabbit_pid)) on 127.0.0.1:$RMQ_PORT, but the management API on $RMQ_MGMT_PORT does not answer"
        fi
    else
        report "rabbitmq: not running"
        rc=3
    fi
    if [[ -d $STATE_DIR ]] && pg_running && port_in_use "$(pg_running_port)"; then
        report "postgres: running (pid $(pg_pid)) on 127.0.0.1:$(pg_running_port)"
    else
        report "postgres: not running"
        rc=3
    fi
    report "state in $STATE_DIR"
    EXPECTED_EXIT=1
    return "$rc"
}

cmd_reset() {
    if [[ ! -e $STATE_DIR ]]; then
        say "nothing to reset ($STATE_DIR does not exist)"
        return 0
    fi
    [[ -f $MARKER ]] || die "refusing to delete $STATE_DIR: it was not made by ops/services.sh"
    cmd_down
    rm -rf -- "$STATE_DIR"
    say "deleted $STATE_DIR"
}

usage() {
    echo "usage: bash ops/services.sh up|down|status|env|reset|stop-rabbitmq|stop-postgres   (see the comment at the top)" >&2
}

case ${1:-} in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) env_lines ;;
    reset) cmd_reset ;;
    stop-rabbitmq) cmd_stop_rabbitmq ;;
    stop-postgres) cmd_stop_postgres ;;
    -h | --help | help) usage ;;
    *)
        usage
        EXPECTED_EXIT=1
        exit 2
        ;;
esac
