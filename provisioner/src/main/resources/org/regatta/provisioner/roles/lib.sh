# Regatta recipe library (POSIX sh), sourced by every role's recipe.sh.
# Idempotent steps: each prints "changed: WHAT" or "unchanged: WHAT"; a file change marks the
# service it feeds as dirty, and a dirty service is restarted, a clean one only kept running.
# Services are supervised by systemd when it is PID 1, otherwise by regatta-supervise.
set -eu

# REGATTA_ROOT stands for / (tests run recipes in a scratch directory); empty on a real node.
R=${REGATTA_ROOT:-}
REGATTA_SERVICE_DIR=$R/etc/regatta/services
REGATTA_RUN_DIR=$R/var/lib/regatta/run
REGATTA_LOG_DIR=$R/var/log/regatta
REGATTA_SUPERVISOR=$R/usr/local/lib/regatta/regatta-supervise
REGATTA_SYSTEMD_DIR=$R/etc/systemd/system
export REGATTA_SERVICE_DIR REGATTA_RUN_DIR REGATTA_LOG_DIR
STAGE=$(cd "$(dirname "$0")" && pwd)

# services whose inputs changed before this recipe ran (the runner's artifact uploads)
regatta_dirty=" ${REGATTA_DIRTY:-} "

mark_dirty() {
  case "$regatta_dirty" in *" $1 "*) ;; *) regatta_dirty="$regatta_dirty$1 " ;; esac
}

is_dirty() {
  case "$regatta_dirty" in *" $1 "*) return 0 ;; *) return 1 ;; esac
}

fail() {
  echo "error: $*" >&2
  exit 1
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed on this node (the node image should carry it)"
}

# 0644 or 644 -> 644, as stat -c %a prints it
mode_of() {
  printf '%o' "$((0$1))"
}

# put_file SERVICE SRC DEST MODE: installs SRC as DEST when content or mode differ, atomically.
# SERVICE (or -) is marked dirty on a change.
put_file() {
  _svc=$1 _src=$2 _dest=$3 _mode=$4
  if [ -f "$_dest" ] && cmp -s "$_src" "$_dest" \
      && [ "$(stat -c %a "$_dest")" = "$(mode_of "$_mode")" ]; then
    echo "unchanged: $_dest"
    return 0
  fi
  mkdir -p "$(dirname "$_dest")"
  cp "$_src" "$_dest.regatta-new"
  chmod "$_mode" "$_dest.regatta-new"
  mv -f "$_dest.regatta-new" "$_dest"
  echo "changed: $_dest"
  [ "$_svc" = - ] || mark_dirty "$_svc"
}

# ensure_dir DIR MODE
ensure_dir() {
  if [ -d "$1" ] && [ "$(stat -c %a "$1")" = "$(mode_of "$2")" ]; then
    echo "unchanged: $1/"
  else
    mkdir -p "$1"
    chmod "$2" "$1"
    echo "changed: $1/"
  fi
}

# REGATTA_INIT=systemd|supervisor overrides the detection (tests)
use_systemd() {
  case "${REGATTA_INIT:-auto}" in
    systemd) return 0 ;;
    supervisor) return 1 ;;
  esac
  [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && command -v systemctl >/dev/null 2>&1
}

# service NAME: keeps $REGATTA_SERVICE_DIR/NAME.run running; restarts it when NAME is dirty.
service() {
  [ -f "$REGATTA_SERVICE_DIR/$1.run" ] || fail "no run file $REGATTA_SERVICE_DIR/$1.run"
  if use_systemd; then
    systemd_service "$1"
  else
    supervised_service "$1"
  fi
}

systemd_service() {
  _unit=regatta-$1.service
  printf '%s\n' "[Unit]" "Description=Regatta service $1" "After=network-online.target" \
    "Wants=network-online.target" "" "[Service]" "ExecStart=/bin/sh $REGATTA_SERVICE_DIR/$1.run" \
    "Restart=always" "RestartSec=1" "" "[Install]" "WantedBy=multi-user.target" \
    >"$STAGE/$_unit"
  _before=$regatta_dirty
  put_file "$1" "$STAGE/$_unit" "$REGATTA_SYSTEMD_DIR/$_unit" 0644
  [ "$_before" = "$regatta_dirty" ] || systemctl daemon-reload
  systemctl enable -q "$_unit"
  if ! systemctl is-active -q "$_unit"; then
    systemctl start "$_unit"
    echo "changed: service $1 started (systemd)"
  elif is_dirty "$1"; then
    systemctl restart "$_unit"
    echo "changed: service $1 restarted (systemd)"
  else
    echo "unchanged: service $1 running (systemd)"
  fi
}

# prints the pid of NAME's supervisor when one runs (the pid file alone may be stale)
supervisor_pid() {
  [ -f "$REGATTA_RUN_DIR/$1.supervisor.pid" ] || return 1
  _pid=$(cat "$REGATTA_RUN_DIR/$1.supervisor.pid")
  [ -n "$_pid" ] && [ -r "/proc/$_pid/cmdline" ] || return 1
  case "$(tr '\0' ' ' <"/proc/$_pid/cmdline")" in
    *"regatta-supervise $1 "*) echo "$_pid" ;;
    *) return 1 ;;
  esac
}

start_supervised() {
  mkdir -p "$REGATTA_RUN_DIR" "$REGATTA_LOG_DIR"
  _detach=
  if command -v setsid >/dev/null 2>&1; then _detach=setsid; fi
  $_detach nohup /bin/sh "$REGATTA_SUPERVISOR" "$1" </dev/null \
    >>"$REGATTA_LOG_DIR/$1.supervisor.log" 2>&1 &
  _i=0
  until supervisor_pid "$1" >/dev/null; do
    _i=$((_i + 1))
    [ "$_i" -le 100 ] || fail "the supervisor of $1 did not start; see $REGATTA_LOG_DIR/$1.supervisor.log"
    sleep 0.05
  done
}

# stops NAME's supervisor and its service: TERM, then KILL after 10 s
stop_supervised() {
  _spid=$(supervisor_pid "$1") || return 0
  kill -TERM "$_spid" 2>/dev/null || true
  _i=0
  # supervisor_pid, not kill -0: an exited supervisor may linger as a zombie until init reaps it
  while supervisor_pid "$1" >/dev/null; do
    _i=$((_i + 1))
    if [ "$_i" -gt 200 ]; then
      [ ! -f "$REGATTA_RUN_DIR/$1.pid" ] || kill -KILL "$(cat "$REGATTA_RUN_DIR/$1.pid")" 2>/dev/null || true
      kill -KILL "$_spid" 2>/dev/null || true
      rm -f "$REGATTA_RUN_DIR/$1.pid" "$REGATTA_RUN_DIR/$1.supervisor.pid"
      break
    fi
    sleep 0.05
  done
}

supervised_service() {
  put_file "$1" "$STAGE/regatta-supervise" "$REGATTA_SUPERVISOR" 0755
  if _spid=$(supervisor_pid "$1"); then
    if is_dirty "$1"; then
      stop_supervised "$1"
      start_supervised "$1"
      echo "changed: service $1 restarted (regatta-supervise)"
    else
      echo "unchanged: service $1 running (regatta-supervise pid $_spid)"
    fi
  else
    start_supervised "$1"
    echo "changed: service $1 started (regatta-supervise)"
  fi
}
