#!/usr/bin/env bash
# A private Virtuoso (Debian's virtuoso-opensource 7.2) on loopback for evograph's remote-store
# tests and benchmarks: its own database folder, free ports, SPARQL_UPDATE granted.
#
#   scripts/virtuoso.sh start [DIR]   starts it (DIR: $EVOGRAPH_VIRTUOSO_DIR or build/virtuoso) and
#                                     prints "http://127.0.0.1:PORT" once it answers SPARQL
#   scripts/virtuoso.sh stop [DIR]    stops it (and removes nothing)
#   scripts/virtuoso.sh status [DIR]  exit 0 and the URL when it runs, 1 when not
#   scripts/virtuoso.sh isql [DIR] SQL   runs one SQL statement as dba
#
# Settings for tests: VIRTUOSO_MAX_ROWS (ResultSetMaxRows, default 10000, Virtuoso's own) and
# VIRTUOSO_DBA_PASSWORD (default "dba"; the digest-auth endpoints /sparql-auth and
# /sparql-graph-crud-auth take dba with it).
set -euo pipefail

command=${1:-status}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(realpath -m "${2:-${EVOGRAPH_VIRTUOSO_DIR:-$root/build/virtuoso}}")
shift $(( $# > 1 ? 2 : $# ))

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

url() { echo "http://127.0.0.1:$(cat "$dir/http.port")"; }

running() { # alive and not a zombie (a killed server nobody reaped)
    [[ -f $dir/virtuoso.pid ]] || return 1
    local state
    state=$(ps -o stat= -p "$(cat "$dir/virtuoso.pid")" 2>/dev/null) || return 1
    [[ -n $state && $state != Z* ]]
}

isql() {
    isql-vt "127.0.0.1:$(cat "$dir/sql.port")" dba "${VIRTUOSO_DBA_PASSWORD:-dba}" "exec=$1" >/dev/null
}

case $command in
start)
    command -v virtuoso-t >/dev/null || { echo "virtuoso.sh: virtuoso-t not found (apt install virtuoso-opensource)" >&2; exit 2; }
    if running; then url; exit 0; fi
    mkdir -p "$dir"
    rm -f "$dir/virtuoso.lck" # left by a killed server; Virtuoso recovers from its transaction log
    # A restart keeps its ports (bindings name the URL); a first start takes free ones.
    [[ -f $dir/http.port ]] || { free_port > "$dir/sql.port"; free_port > "$dir/http.port"; }
    sql_port=$(cat "$dir/sql.port"); http_port=$(cat "$dir/http.port")
    cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
FileExtend = 200
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., $dir, /tmp
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
MaxQueryMem = 1G
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
MaxSortedTopRows = 100000000
MaxVectorSize = 4000000
[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 10
ServerThreads = 10
KeepAliveTimeout = 10
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = ${VIRTUOSO_MAX_ROWS:-10000}
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime = 120
INI
    (cd "$dir" && exec virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/stdout.log" 2>&1) &
    echo $! > "$dir/virtuoso.pid"
    for _ in $(seq 1 600); do
        if ! running; then echo "virtuoso.sh: Virtuoso stopped while starting; see $dir/virtuoso.log" >&2; exit 2; fi
        if isql "status();" 2>/dev/null; then break; fi
        sleep 0.1
    done
    isql "status();" || { echo "virtuoso.sh: Virtuoso did not answer within 60 s" >&2; exit 2; }
    # The anonymous /sparql endpoint may update (tests bind to it); dba's digest endpoints too.
    # (On a restart these are granted already; isql says so, harmlessly.)
    for grant in 'GRANT SPARQL_UPDATE TO "SPARQL";' \
        'GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL";' \
        'GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";' \
        "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"; do
        isql "$grant" 2>/dev/null || true
    done
    for _ in $(seq 1 100); do
        curl -sf -o /dev/null "$(url)/sparql?query=ASK%7B%7D" && break
        sleep 0.1
    done
    url
    ;;
stop)
    if running; then
        pid=$(cat "$dir/virtuoso.pid")
        kill "$pid"
        for _ in $(seq 1 300); do running || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/virtuoso.pid"
    ;;
status)
    if running; then url; else echo "not running" >&2; exit 1; fi
    ;;
isql)
    isql "$1"
    ;;
*)
    echo "usage: scripts/virtuoso.sh start|stop|status [DIR]" >&2; exit 2
    ;;
esac
