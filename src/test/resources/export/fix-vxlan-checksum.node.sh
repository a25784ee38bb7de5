#!/bin/sh
# nodefix node script: fix-vxlan-checksum.yaml as run 20261202T170000Z-5c0e, exported by `nodefix export suc`.
# Run as root on the node (the system-upgrade-controller Job runs `chroot /host sh node.sh`). It reads the
# node, changes only what differs, journals every change in /var/lib/nodefix as nodefix over SSH does
# (`nodefix runs --from-nodes`, `nodefix rollback 20261202T170000Z-5c0e --from-nodes`), and prints a line per task.
# Running it again changes nothing that is already in place.
nf_sh_1=$(cat <<'NODEFIX_SH_END'
umask 077; D=/var/lib/nodefix
mkdir -p "$D/runs" "$D/backups" "$D/inflight" || exit
if [ "$4" = break ] && [ -e "$D/lock" ]; then h=; if [ -d "$D/lock" ]; then h=$(cat "$D/lock/holder" 2>/dev/null); else h=$(cat "$D/lock" 2>/dev/null); fi; echo "broke lock of ${h:-a run that recorded no holder}" >&2; rm -rf "$D/lock"; fi
T="$D/lock.$1"; rm -f "$T"
if ! { printf '%s\n' "$2" > "$T" && [ -s "$T" ] && { sync "$T" 2>/dev/null || sync; }; }; then
  rm -f "$T"; echo "cannot write the lock's holder in $D (is the disk full?); no lock taken" >&2; exit 70; fi
if [ -d "$D/lock" ] || ! ln "$T" "$D/lock" 2>/dev/null; then rm -f "$T"
  [ -e "$D/lock" ] || { echo "cannot create $D/lock; no lock taken" >&2; exit 70; }
  if [ -d "$D/lock" ]; then h=$(cat "$D/lock/holder" 2>/dev/null); else h=$(cat "$D/lock" 2>/dev/null); fi; echo "${h:-unknown run (the lock records no holder)}"; exit 75; fi
rm -f "$T"; J="$D/runs/$1.journal"
[ -e "$J" ] || { printf '%s\n' "$3" >> "$J" && { sync "$J" 2>/dev/null || sync; }; } || {
  rm -f "$J" "$D/lock"; echo "cannot start the journal $J (is the disk full?); lock released" >&2; exit 70; }
NODEFIX_SH_END
)
nf_sh_2=$(cat <<'NODEFIX_SH_END'
D=/var/lib/nodefix
if [ -e "$D/lock" ]; then if [ -d "$D/lock" ]; then h=$(cat "$D/lock/holder" 2>/dev/null); else h=$(cat "$D/lock" 2>/dev/null); fi; echo "lock $h"; else echo free; fi
stt() { s=; [ -r "/proc/$1/stat" ] && read -r s < "/proc/$1/stat"; s=${s##*) }; set -- $s; st=${20}; }
for m in "$D"/inflight/*.*; do [ -f "$m" ] || continue
  pid=; mst=; read -r pid mst < "$m"; [ -n "$pid" ] && [ -n "$mst" ] || continue; stt "$pid"
  n=${m##*/}; [ "$st" = "$mst" ] && echo "inflight ${n%.*} ${n##*.} $pid"; done
exit 0
NODEFIX_SH_END
)
nf_sh_3=$(cat <<'NODEFIX_SH_END'
D=/var/lib/nodefix
if [ -d "$D/lock" ]; then h=$(cat "$D/lock/holder" 2>/dev/null); else h=$(cat "$D/lock" 2>/dev/null); fi
[ -e "$D/lock" ] || exit 0; [ "$h" = "$1" ] && rm -rf "$D/lock" && exit 0; exit 75
NODEFIX_SH_END
)
nf_sh_4=$(cat <<'NODEFIX_SH_END'
D=/var/lib/nodefix
if [ -d "$D/lock" ]; then h=$(cat "$D/lock/holder" 2>/dev/null); else h=$(cat "$D/lock" 2>/dev/null); fi
[ "${h%% *}" = "$1" ] && rm -rf "$D/lock"; exit 0
NODEFIX_SH_END
)
nf_sh_5=$(cat <<'NODEFIX_SH_END'
stt() { s=; [ -r "/proc/$1/stat" ] && read -r s < "/proc/$1/stat"; s=${s##*) }; set -- $s; st=${20}; }
D=/var/lib/nodefix; J="$D/runs/$1.journal"; seq=$2; M="$D/inflight/$1.$2"
trap 'rm -f "$M"' EXIT; stt $$; printf '%s %s\n' "$$" "$st" > "$M" || exit 70
IFS= read -r line || exit 70
printf '%s\n' "$line" >> "$J" || exit 70; unset line; sync "$J" 2>/dev/null || sync
if [ -n "$3" ] && [ -e "$3" ]; then mkdir -p "$D/backups/$1" && cp -p -- "$3" "$D/backups/$1/$seq" && { sync "$D/backups/$1/$seq" 2>/dev/null || sync; } || exit 70; fi
shift 3; ("$@"); rc=$?
if [ $rc = 0 ]; then printf '{"phase":"done","seq":%s}\n' "$seq" >> "$J"
else printf '{"phase":"failed","seq":%s,"error":"exit %s"}\n' "$seq" "$rc" >> "$J"; fi
sync "$J" 2>/dev/null || sync; exit $rc
NODEFIX_SH_END
)
nf_sh_6=$(cat <<'NODEFIX_SH_END'
set -e
d=$(dirname -- "$1"); [ -d "$d" ] || { echo "no directory $d (nodefix creates one only as a planned change)" >&2; exit 1; }
t=$(mktemp "$d/.nodefix.XXXXXX"); trap 'rm -f -- "$t"' EXIT
cat > "$t"; chown "$3" "$t"; chmod "$2" "$t"; sync "$t" 2>/dev/null || sync
mv -f -- "$t" "$1"; trap - EXIT; sync "$d" 2>/dev/null || sync
NODEFIX_SH_END
)
nf_sh_7=$(cat <<'NODEFIX_SH_END'
udevadm control --reload-rules || exit
ip link show dev "$1" >/dev/null 2>&1 || exit 0
udevadm trigger --action=change --subsystem-match=net --sysname-match="$1"
NODEFIX_SH_END
)
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH; export PATH
RUN=20261202T170000Z-5c0e
nf_node=${SYSTEM_UPGRADE_NODE_NAME:-$(uname -n)}
nf_boot=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)
nf_locked= nf_seq=0 nf_ok=0 nf_changed=0 nf_failed=0 nf_skipped=0 nf_d=
nf_log=$(mktemp) || exit 70
trap 'rm -f "$nf_log"' EXIT
trap 'exit 143' TERM INT HUP

# the file as the journal's before-image: {"absent":true} or mode, owner, group and base64 content
nf_file_json() {
  if [ -f "$1" ] && [ ! -L "$1" ]; then set -- "$1" $(stat -c '%a %U %G' -- "$1")
    printf '{"mode":"%s","owner":"%s","group":"%s","content":"%s"}' "$2" "$3" "$4" "$(base64 -w0 < "$1")"
  else printf '{"absent":true}'; fi
}
# nf_file_is PATH absent | PATH MODE OWNER GROUP BASE64: 0 it is, 1 it is not, 2 refused
nf_file_is() {
  if [ -L "$1" ]; then nf_refuse "$1: a symbolic link: nodefix changes regular files only"; return 2; fi
  if [ -e "$1" ] && [ ! -f "$1" ]; then nf_refuse "$1: not a regular file"; return 2; fi
  if [ "$2" = absent ]; then [ ! -e "$1" ]; return; fi
  [ -f "$1" ] && [ "$(stat -c '%a %U %G' -- "$1")" = "$2 $3 $4" ] && [ "$(base64 -w0 < "$1")" = "$5" ] && return 0; return 1
}
nf_change() { nf_q="$nf_q $1"; }
nf_ok() { nf_why=$1; }
nf_refuse() { nf_refused=$1; }
nf_skip() { nf_skipped_why=$1; }
nf_result() { printf '%s: [%s] %s%s\n' "$1" "$nf_node" "$2" "${3:+ => $3}"; }
nf_plan() { nf_q= nf_why= nf_refused= nf_skipped_why=; nf_task_"$1"; [ -z "$nf_refused" ] || nf_q=; }

# the node's lock (one run at a time) and the run's journal, as nodefix over SSH takes and starts them
nf_lock() {
  nf_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  nf_holder="started $nf_at by system-upgrade-controller@$nf_node pid $$${nf_boot:+ boot $nf_boot}"
  nf_o=$(/bin/sh -c "$nf_sh_1" nodefix-lock 20261202T170000Z-5c0e '20261202T170000Z-5c0e '"$nf_holder" '{"phase":"started","run":"20261202T170000Z-5c0e","kind":"apply","at":"'"$nf_at"'"}' keep); nf_rc=$?
  # a lock of this run whose script is gone (a Job attempt killed: its pid is not running, or it ran
  # before this node's last boot and the pid may be another process now) and none of whose changes still runs
  if [ $nf_rc = 75 ]; then case $nf_o in "$RUN "*" pid "*)
    nf_lp=${nf_o##* pid }; nf_lp=${nf_lp%% *}
    case $nf_o in *" pid $nf_lp boot "*) nf_hb=${nf_o##* boot } ;; *) nf_hb= ;; esac
    if { [ ! -d "/proc/$nf_lp" ] || { [ -n "$nf_hb" ] && [ -n "$nf_boot" ] && [ "$nf_hb" != "$nf_boot" ]; }; } && ! /bin/sh -c "$nf_sh_2" nodefix-lock-status 2>/dev/null | grep -q "^inflight $RUN "; then
      /bin/sh -c "$nf_sh_3" nodefix-unlock "$nf_o" && echo "nodefix: took over the lock an earlier attempt of run $RUN left ($nf_o)" >&2
      nf_o=$(/bin/sh -c "$nf_sh_1" nodefix-lock 20261202T170000Z-5c0e '20261202T170000Z-5c0e '"$nf_holder" '{"phase":"started","run":"20261202T170000Z-5c0e","kind":"apply","at":"'"$nf_at"'"}' keep); nf_rc=$?
    fi ;; esac; fi
  case $nf_rc in
    0) ;;
    75) echo "nodefix: $nf_node is locked by $nf_o; nothing changed" >&2; exit 75 ;;
    *) echo "nodefix: $nf_node: cannot take the lock: $nf_o" >&2; exit $nf_rc ;;
  esac
  nf_locked=1
  trap '/bin/sh -c "$nf_sh_4" nodefix-unlock 20261202T170000Z-5c0e; rm -f "$nf_log"' EXIT
  nf_seq=$(sed -n 's/^{"phase":"[a-z]*","seq":\([0-9]*\).*/\1/p' /var/lib/nodefix/runs/20261202T170000Z-5c0e.journal | sort -n | tail -n 1); nf_seq=${nf_seq:-0}
}

# nf_run N TITLE: plan task N, lock at its first change and plan again, apply, say how it ended
nf_run() {
  nf_plan "$1"
  if [ -n "$nf_q" ] && [ -z "$nf_locked" ]; then nf_lock; nf_plan "$1"; fi
  if [ -n "$nf_skipped_why" ]; then nf_skipped=$((nf_skipped + 1)); nf_result skipped "$2" "$nf_skipped_why"; return 0; fi
  if [ -n "$nf_refused" ]; then nf_failed=$((nf_failed + 1)); nf_result failed "$2" "$nf_refused"; return 1; fi
  if [ -z "$nf_q" ]; then nf_ok=$((nf_ok + 1)); nf_result ok "$2" "$nf_why"; return 0; fi
  nf_did=
  for nf_i in $nf_q; do
    if ! nf_apply_"$1" "$nf_i" > "$nf_log" 2>&1; then nf_failed=$((nf_failed + 1))
      nf_result failed "$2" "${nf_did:+$nf_did; }$nf_d failed: $(tail -n 3 "$nf_log" | tr '\n' ' ')"; return 1; fi
    nf_did="${nf_did:+$nf_did; }$nf_d"
  done
  nf_changed=$((nf_changed + 1)); nf_result changed "$2" "$nf_did"
}
nf_recap() {
  printf 'RECAP: [%s] ok=%s changed=%s failed=%s skipped=%s run %s%s\n' "$nf_node" "$nf_ok" "$nf_changed" "$nf_failed" "$nf_skipped" "$RUN" "${nf_locked:+ (journal /var/lib/nodefix/runs/20261202T170000Z-5c0e.journal)}"
  [ "$nf_failed" = 0 ] || exit 2; exit 0
}

# a run rolled back on this node is not applied again by a re-run of its Job; when its rollbacks left a
# change of it not undone (one failed or was refused halfway), the Job fails: the rollback is to be finished
nf_rb=$(grep -l '"rollback_of":"20261202T170000Z-5c0e"' /var/lib/nodefix/runs/*.journal 2>/dev/null)
if [ -n "$nf_rb" ]; then
  nf_j=/var/lib/nodefix/runs/20261202T170000Z-5c0e.journal; [ -f "$nf_j" ] || nf_j=/dev/null
  nf_left=$(awk -v run="$RUN" 'function seq(l,  s) { s = substr(l, index(l, "\"seq\":") + 6); sub(/[^0-9].*/, "", s); return s + 0 }
BEGIN { u = ",\"undoes\":\"" run "#"; top = 0 }
FILENAME == ARGV[1] && /^\{"phase":"intent",/ { s = seq($0); mine[s] = 1; if (s > top) top = s; next }
FILENAME == ARGV[1] && /^\{"phase":"done",/ { landed[seq($0)] = 1; ended[seq($0)] = 1; next }
FILENAME == ARGV[1] && /^\{"phase":"unchanged",/ { delete landed[seq($0)]; next }
FILENAME == ARGV[1] && /^\{"phase":"failed",/ { ended[seq($0)] = 1; next }
FILENAME == ARGV[1] { next }
{ k = FILENAME SUBSEP seq($0) }
/^\{"phase":"intent",/ { ph[k] = "open"; i = index($0, u); if (i) { s = substr($0, i + length(u)); sub(/".*/, "", s); of[k] = s + 0 } }
/^\{"phase":"done",/ { ph[k] = "done" }
/^\{"phase":"unchanged",/ { ph[k] = "unchanged" }
/^\{"phase":"failed",/ { ph[k] = "failed" }
END { for (k in ph) { split(k, p, SUBSEP); has[p[1]] = 1; if (ph[k] == "done" && (k in of)) undone[of[k]] = 1; if (ph[k] != "done" && ph[k] != "unchanged") bad[p[1]] = 1 }
  fin = 0; for (f in has) if (!(f in bad)) fin = 1
  left = ""; for (s = 1; s <= top; s++) if ((s in mine) && !(s in undone) && ((s in landed) || !(s in ended) && !fin)) left = left " " s
  printf "%s", left }
' "$nf_j" $nf_rb) || nf_left='(the journals cannot be read)'
  nf_rb=$(printf '%s\n' "$nf_rb" | tail -n 1); nf_rb=${nf_rb##*/}; nf_rb=${nf_rb%.journal}
  if [ -z "$nf_left" ]; then
    echo "skipped: [$nf_node] run $RUN was rolled back on this node by $nf_rb; nothing done (export the playbook again for a new run)"; exit 0; fi
  echo "failed: [$nf_node] run $RUN was rolled back on this node only in part (last by $nf_rb): its change(s)$nf_left not undone; nothing done (finish it: nodefix rollback $RUN --from-nodes)"; exit 2; fi

# playbooks/fix-vxlan-checksum.yaml:24:7
nf_task_1() {
  if ! { nf_b= nf_x=; { ip link show dev flannel.1 >/dev/null 2>&1 || (exit 1); }; case $? in 0) nf_b=${nf_b}1 ;; 1) nf_b=${nf_b}0 ;; *) nf_b=${nf_b}x nf_x='cannot tell facts.vxlan.exists: ip link failed' ;; esac; case $nf_b in 1) true ;; 0) false ;; *) nf_refuse "$nf_x"; return ;; esac; }; then nf_skip 'when: facts.vxlan.exists is false'; return; fi
  nf_o=$(ethtool -k flannel.1 2>&1); nf_l=
  if ! printf '%s\n' "$nf_o" | grep -q '^[[:space:]]*[a-z0-9_-]*: o[nf]'; then
    if ! command -v ethtool >/dev/null 2>&1; then nf_refuse 'cannot tell whether flannel.1 exists: ethtool could not be run on this node; install ethtool'
    else nf_refuse "flannel.1 does not exist or ethtool -k flannel.1 printed no feature listing ($(printf '%s\n' "$nf_o" | head -n 1))"; fi; return; fi
  case $(printf '%s\n' "$nf_o" | sed -n '/^[[:space:]]*tx-checksum-ip-generic: /{s/^[[:space:]]*//;p;q;}') in
    '') nf_refuse 'flannel.1 has no feature tx-checksum-ip-generic (see ethtool -k flannel.1)'; return ;;
    'tx-checksum-ip-generic: off'*) nf_l="${nf_l:+$nf_l, }tx-checksum-ip-generic is off" ;;
    *'[fixed]'*) nf_refuse 'flannel.1 tx-checksum-ip-generic is on [fixed]: the driver does not allow changing it'; return ;;
    *) nf_change 0 ;;
  esac
  nf_ok "flannel.1: $nf_l"
}
nf_apply_1() {
case $1 in
0)
nf_seq=$((nf_seq + 1))
nf_d='flannel.1: tx-checksum-ip-generic on -> off'
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":1,"task_name":"Offload off on flannel.1 now","change":{"kind":"offload","iface":"flannel.1","feature":"tx-checksum-ip-generic","before":true,"after":false}}'; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" '' ethtool -K flannel.1 tx-checksum-ip-generic off
;;
esac
}
# playbooks/fix-vxlan-checksum.yaml:32:7
nf_task_2() {
  nf_file_is /etc/udev/rules.d/90-flannel.rules 644 root root U1VCU1lTVEVNPT0ibmV0IiwgQUNUSU9OPT0iYWRkfGNoYW5nZXxtb3ZlIiwgRU5We0lOVEVSRkFDRX09PSJmbGFubmVsLjEiLCBSVU4rPSIvdXNyL3NiaW4vZXRodG9vbCAtSyBmbGFubmVsLjEgdHgtY2hlY2tzdW0taXAtZ2VuZXJpYyBvZmYiCg==; case $? in
    0) nf_ok '/etc/udev/rules.d/90-flannel.rules is in place (0644 root:root)' ;;
    1) nf_change 0; nf_change 1 ;;
    *) return ;;
  esac
}
nf_apply_2() {
case $1 in
0)
nf_seq=$((nf_seq + 1))
nf_before=$(nf_file_json /etc/udev/rules.d/90-flannel.rules)
if [ -e /etc/udev/rules.d/90-flannel.rules ]; then nf_d='update /etc/udev/rules.d/90-flannel.rules (644 root:root, 139 bytes, sha256 c6bb7e18d428)'; else nf_d='create /etc/udev/rules.d/90-flannel.rules (644 root:root, 139 bytes, sha256 c6bb7e18d428)'; fi
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":2,"task_name":"Keep it off with a udev rule","change":{"kind":"file","path":"/etc/udev/rules.d/90-flannel.rules",''"before":'"$nf_before"',"after":{"mode":"644","owner":"root","group":"root","sha256":"c6bb7e18d42818b39b803b96d6d60bdb5765823688c84cc3613ea29bfaa3c418","content":"U1VCU1lTVEVNPT0ibmV0IiwgQUNUSU9OPT0iYWRkfGNoYW5nZXxtb3ZlIiwgRU5We0lOVEVSRkFDRX09PSJmbGFubmVsLjEiLCBSVU4rPSIvdXNyL3NiaW4vZXRodG9vbCAtSyBmbGFubmVsLjEgdHgtY2hlY2tzdW0taXAtZ2VuZXJpYyBvZmYiCg=="}}}'; printf '%s' U1VCU1lTVEVNPT0ibmV0IiwgQUNUSU9OPT0iYWRkfGNoYW5nZXxtb3ZlIiwgRU5We0lOVEVSRkFDRX09PSJmbGFubmVsLjEiLCBSVU4rPSIvdXNyL3NiaW4vZXRodG9vbCAtSyBmbGFubmVsLjEgdHgtY2hlY2tzdW0taXAtZ2VuZXJpYyBvZmYiCg== | base64 -d; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" /etc/udev/rules.d/90-flannel.rules /bin/sh -c "$nf_sh_6" nodefix-write /etc/udev/rules.d/90-flannel.rules 644 root:root
;;
1)
nf_seq=$((nf_seq + 1))
nf_d='udevadm reload rules, trigger change on flannel.1'
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":2,"task_name":"Keep it off with a udev rule","change":{"kind":"udev-trigger","iface":"flannel.1"}}'; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" '' /bin/sh -c "$nf_sh_7" nodefix-udev flannel.1
;;
esac
}
# playbooks/fix-vxlan-checksum.yaml:39:7
nf_task_3() {
  nf_file_is /etc/systemd/system/flannel-tx-checksum-offload-disable.service 644 root root W1VuaXRdCkRlc2NyaXB0aW9uPURpc2FibGUgVFggY2hlY2tzdW0gb2ZmbG9hZCBvbiBmbGFubmVsLjEKQWZ0ZXI9c3lzLWRldmljZXMtdmlydHVhbC1uZXQtZmxhbm5lbC4xLmRldmljZQoKW1NlcnZpY2VdClR5cGU9b25lc2hvdApFeGVjU3RhcnQ9L3Vzci9zYmluL2V0aHRvb2wgLUsgZmxhbm5lbC4xIHR4LWNoZWNrc3VtLWlwLWdlbmVyaWMgb2ZmCgpbSW5zdGFsbF0KV2FudGVkQnk9c3lzLWRldmljZXMtdmlydHVhbC1uZXQtZmxhbm5lbC4xLmRldmljZQo=; case $? in 0) ;; 1) nf_change 0; nf_change 1 ;; *) return ;; esac
  nf_s=$(systemctl show -p UnitFileState -- flannel-tx-checksum-offload-disable.service 2>/dev/null | sed -n 's/^UnitFileState=//p')
  [ "$nf_s" = masked ] && { nf_refuse 'flannel-tx-checksum-offload-disable.service is masked; unmask it first (nodefix will not)'; return; }
  if [ "$nf_s" != enabled ]; then
    [ -e /etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants ] || [ -L /etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants ] || nf_change 2
    nf_change 3
  fi
  nf_ok '/etc/systemd/system/flannel-tx-checksum-offload-disable.service is in place (0644 root:root) and flannel-tx-checksum-offload-disable.service is enabled'
}
nf_apply_3() {
case $1 in
0)
nf_seq=$((nf_seq + 1))
nf_before=$(nf_file_json /etc/systemd/system/flannel-tx-checksum-offload-disable.service)
if [ -e /etc/systemd/system/flannel-tx-checksum-offload-disable.service ]; then nf_d='update /etc/systemd/system/flannel-tx-checksum-offload-disable.service (644 root:root, 260 bytes, sha256 f249d7a6405b)'; else nf_d='create /etc/systemd/system/flannel-tx-checksum-offload-disable.service (644 root:root, 260 bytes, sha256 f249d7a6405b)'; fi
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":3,"task_name":"Keep it off with a systemd oneshot bound to flannel.1","change":{"kind":"file","path":"/etc/systemd/system/flannel-tx-checksum-offload-disable.service",''"before":'"$nf_before"',"after":{"mode":"644","owner":"root","group":"root","sha256":"f249d7a6405b2335ce92738d6e74801dc6defeada7f873bc6e704c6293619ad6","content":"W1VuaXRdCkRlc2NyaXB0aW9uPURpc2FibGUgVFggY2hlY2tzdW0gb2ZmbG9hZCBvbiBmbGFubmVsLjEKQWZ0ZXI9c3lzLWRldmljZXMtdmlydHVhbC1uZXQtZmxhbm5lbC4xLmRldmljZQoKW1NlcnZpY2VdClR5cGU9b25lc2hvdApFeGVjU3RhcnQ9L3Vzci9zYmluL2V0aHRvb2wgLUsgZmxhbm5lbC4xIHR4LWNoZWNrc3VtLWlwLWdlbmVyaWMgb2ZmCgpbSW5zdGFsbF0KV2FudGVkQnk9c3lzLWRldmljZXMtdmlydHVhbC1uZXQtZmxhbm5lbC4xLmRldmljZQo="}}}'; printf '%s' W1VuaXRdCkRlc2NyaXB0aW9uPURpc2FibGUgVFggY2hlY2tzdW0gb2ZmbG9hZCBvbiBmbGFubmVsLjEKQWZ0ZXI9c3lzLWRldmljZXMtdmlydHVhbC1uZXQtZmxhbm5lbC4xLmRldmljZQoKW1NlcnZpY2VdClR5cGU9b25lc2hvdApFeGVjU3RhcnQ9L3Vzci9zYmluL2V0aHRvb2wgLUsgZmxhbm5lbC4xIHR4LWNoZWNrc3VtLWlwLWdlbmVyaWMgb2ZmCgpbSW5zdGFsbF0KV2FudGVkQnk9c3lzLWRldmljZXMtdmlydHVhbC1uZXQtZmxhbm5lbC4xLmRldmljZQo= | base64 -d; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" /etc/systemd/system/flannel-tx-checksum-offload-disable.service /bin/sh -c "$nf_sh_6" nodefix-write /etc/systemd/system/flannel-tx-checksum-offload-disable.service 644 root:root
;;
1)
nf_seq=$((nf_seq + 1))
nf_d='systemctl daemon-reload'
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":3,"task_name":"Keep it off with a systemd oneshot bound to flannel.1","change":{"kind":"daemon-reload"}}'; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" '' systemctl daemon-reload
;;
2)
nf_seq=$((nf_seq + 1))
nf_d='create directory /etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants'
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":3,"task_name":"Keep it off with a systemd oneshot bound to flannel.1","change":{"kind":"directory","path":"/etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants","create":true}}'; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" '' mkdir -m 0755 -- /etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants
;;
3)
nf_seq=$((nf_seq + 1))
nf_d='enable flannel-tx-checksum-offload-disable.service'
{ printf '%s\n' '{"phase":"intent",''"seq":'"$nf_seq"',"task":3,"task_name":"Keep it off with a systemd oneshot bound to flannel.1","change":{"kind":"unit-enablement","unit":"flannel-tx-checksum-offload-disable.service","before":false,"after":true}}'; } | /bin/sh -c "$nf_sh_5" nodefix-journal 20261202T170000Z-5c0e "$nf_seq" '' systemctl enable -- flannel-tx-checksum-offload-disable.service
;;
esac
}
# playbooks/fix-vxlan-checksum.yaml:56:7
nf_task_4() {
  { nf_b= nf_x=; { ip link show dev flannel.1 >/dev/null 2>&1 || (exit 1); }; case $? in 0) nf_b=${nf_b}1 ;; 1) nf_b=${nf_b}0 ;; *) nf_b=${nf_b}x nf_x='cannot tell facts.vxlan.exists: ip link failed' ;; esac; if nf_k=$(ethtool -k flannel.1 2>/dev/null); then printf '%s\n' "$nf_k" | grep -q '^[[:space:]]*tx-checksum-ip-generic: on'; else (exit 2); fi; case $? in 0) nf_b=${nf_b}1 ;; 1) nf_b=${nf_b}0 ;; *) nf_b=${nf_b}x nf_x='cannot tell facts.offload.features[tx-checksum-ip-generic].on: ethtool -k flannel.1 failed' ;; esac; case $nf_b in 10|01|00|0x|x0) true ;; 11) false ;; *) nf_refuse "$nf_x"; return ;; esac; } || { nf_refuse 'tx-checksum-ip-generic is still on on flannel.1'; return; }
  nf_ok 'all assertions passed'
}
# playbooks/fix-vxlan-checksum.yaml:62:7
nf_task_5() { nf_skip 'when: probe_target != '"'"''"'"' && facts.vxlan.exists is false'; }
nf_run 1 'Offload off on flannel.1 now' || nf_recap
nf_run 2 'Keep it off with a udev rule' || nf_recap
nf_run 3 'Keep it off with a systemd oneshot bound to flannel.1' || nf_recap
nf_run 4 'Offload is off on flannel.1' || nf_recap
nf_run 5 'A ClusterIP answers across nodes within 1 s' || nf_recap
nf_recap
