# bench/lib/cpu.sh -- sourced by the benchmarks: wall clock and CPU ticks (1/CLK_TCK s) of this shell's reaped
# children ("client"), of the lab's sshd listeners in $SSHD_PIDS (own + reaped children: "nodes") and of the
# whole machine (busy = all but idle and iowait), and closing the ssh ControlMaster sockets of a directory.
now_us() { echo "${EPOCHREALTIME/./}"; }
TICK=$(getconf CLK_TCK)
stat_ticks() {  # PID -> utime + stime + cutime + cstime
  local s
  read -r s < "/proc/$1/stat" 2>/dev/null || { echo 0; return; }
  set -- ${s##*) }
  echo $((${12} + ${13} + ${14} + ${15}))
}
client_ticks() { local s; read -r s < "/proc/$$/stat"; set -- ${s##*) }; echo $((${14} + ${15})); }
nodes_ticks() { local p sum=0; for p in $SSHD_PIDS; do sum=$((sum + $(stat_ticks "$p"))); done; echo $sum; }
machine_ticks() { local cpu u n s i w q sq st; read -r cpu u n s i w q sq st _ < /proc/stat; echo $((u + n + s + q + sq + st)); }
ticks_s() { printf '%.2f' "$(($1 * 100 / TICK))e-2"; }
close_masters() { local s; for s in "$1"/*; do [[ -S $s ]] && ssh -o ControlPath="$s" -O exit x >/dev/null 2>&1; done; rm -rf "$1"; }
