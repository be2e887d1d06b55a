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
