# What bench/run, bench/cluster and bench/connection-loss share (sourced, not run).

# A step's heading, with the time since the start: where a run's minutes go.
step() { printf '== %dm%02ds %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

# Installs a Debian package when its command is missing (the project installs what it needs).
need() { # command, Debian package
    if ! command -v "$1" >/dev/null 2>&1; then
        step "installing $2"
        local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get install -y "$2" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$2" >/dev/null; }
    fi
}

# The PostgreSQL processes' CPU time so far (clock ticks), one "pid ticks" line each.
postgres_cpu_snapshot() {
    local pid
    for pid in $(pgrep -x postgres); do
        awk -v pid="$pid" '{print pid, $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true
    done
}

# CPU ticks the PostgreSQL processes used since a snapshot. Each process alive now against its own
# earlier figure (a new one from 0); a process that ended in between (a finished backend, an
# autovacuum worker) is missed, so it is a lower bound — a plain sum over the processes alive at each
# end once came out negative (-7.6 s).
postgres_cpu_since() { # snapshot
    awk 'NR == FNR { then[$1] = $2; next } { total += $2 - ($1 in then ? then[$1] : 0) } END { print total + 0 }' \
        <(printf '0 0\n%s\n' "$1") <(postgres_cpu_snapshot)
}
