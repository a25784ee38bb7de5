PATH=@PATH@:$PATH; export PATH
RUN=@RUN@
RB=@RB@
nf_node=${SYSTEM_UPGRADE_NODE_NAME:-$(uname -n)}
nf_boot=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)
nf_j=/var/lib/nodefix/runs/$RUN.journal
nf_locked= nf_seq=0 nf_undone=0 nf_skipped=0 nf_conflicts=0 nf_failed=0
nf_log=$(mktemp) || exit 70
trap 'rm -f "$nf_log"' EXIT
trap 'exit 143' TERM INT HUP

# RUN's changes in the order a rollback takes them: its last task first; in a task its changes last first, then
# its triggers (reloads, restarts) in their order. One line each: SEQ TASK STATUS UNDONE-BY LATER-RUN TRIGGER,
# from RUN's journal and every other journal on the node: UNDONE-BY the rollback of RUN whose journal has the
# change's undo done, LATER-RUN an applying run started after RUN that changed the same file, directory, device's
# offload or unit and that no rollback of it undid ("-" for none); STATUS done, failed, unchanged, unfinished, or
# running (unfinished, and its process still runs: $running lists those seqs). A damaged journal of RUN prints one
# line "! WHAT" instead.
nf_awk_plan=$(cat <<'NODEFIX_AWK_END'
function seq(l,  s) { s = substr(l, index(l, "\"seq\":") + 6); sub(/[^0-9].*/, "", s); return s + 0 }
function num(l, k,  i, s) { i = index(l, "\"" k "\":"); if (!i) return 0; s = substr(l, i + length(k) + 3); sub(/[^0-9].*/, "", s); return s + 0 }
function jv(l, k,  i, s) { i = index(l, "\"" k "\":\""); if (!i) return ""; s = substr(l, i + length(k) + 4); sub(/".*/, "", s); return s }
function key(l,  k) { k = jv(l, "kind")
  if (k == "file") return "file " jv(l, "path")
  if (k == "directory") return "dir " jv(l, "path")
  if (k == "offload") return "offload " jv(l, "iface")
  if (k == "unit-enablement" || k == "service" && jv(l, "action") != "restart") return "unit " jv(l, "unit")
  return "" }
function trig(l,  k) { k = jv(l, "kind"); return k == "daemon-reload" || k == "udev-trigger" || k == "service" && jv(l, "action") == "restart" }
function out(s,  b, w, st) { b = ((run "#" s) in by) ? by[run "#" s] : "-"; w = (ks[s] != "" && (ks[s] in later)) ? later[ks[s]] : "-"
  st = ph0[s]; if (st == "unfinished" && index(running, " " s " ")) st = "running"; print s, task[s], st, b, w, tr[s] }
function gone(s, what) { if (!(s in task)) bad = bad "; " what " for change #" s " before its intent line" }
FILENAME == ARGV[1] && NR == FNR { n0 = FNR }
FILENAME == ARGV[1] && NR == FNR && /^\{"phase":"started",.*\}$/ { at0 = jv($0, "at"); next }
FILENAME == ARGV[1] && NR == FNR && /^\{"phase":"intent",.*\}\}$/ { s = seq($0); if (s in task) { bad = bad "; change #" s " has two intent lines"; next }
  task[s] = num($0, "task"); ks[s] = key($0); tr[s] = trig($0) ? 1 : 0
  ph0[s] = "unfinished"; if (task[s] > top) top = task[s]; if (s > most) most = s; next }
FILENAME == ARGV[1] && NR == FNR && /^\{"phase":"done","seq":[0-9]*\}$/ { gone(seq($0), "an outcome"); ph0[seq($0)] = "done"; next }
FILENAME == ARGV[1] && NR == FNR && /^\{"phase":"unchanged","seq":[0-9]*\}$/ { gone(seq($0), "an outcome"); ph0[seq($0)] = "unchanged"; next }
FILENAME == ARGV[1] && NR == FNR && /^\{"phase":"failed","seq":[0-9]*,.*\}$/ { gone(seq($0), "an outcome"); ph0[seq($0)] = "failed"; next }
FILENAME == ARGV[1] && NR == FNR { if (!garbled) garbled = FNR; last = FNR; next }
/^\{"phase":"started",.*\}$/ { fk[FILENAME] = jv($0, "kind"); fat[FILENAME] = jv($0, "at"); frun[FILENAME] = jv($0, "run"); next }
/^\{"phase":"intent",.*\}\}$/ { x = FILENAME SUBSEP seq($0); ik[x] = key($0); ph[x] = "open"; if (jv($0, "undoes") != "") un[x] = jv($0, "undoes"); next }
/^\{"phase":"done","seq":[0-9]*\}$/ { x = FILENAME SUBSEP seq($0); if (x in ph) ph[x] = "done"; next }
/^\{"phase":"unchanged","seq":[0-9]*\}$/ { x = FILENAME SUBSEP seq($0); if (x in ph) ph[x] = "unchanged"; next }
/^\{"phase":"failed","seq":[0-9]*,.*\}$/ { x = FILENAME SUBSEP seq($0); if (x in ph) ph[x] = "failed"; next }
END {
  # a damaged journal of RUN refuses the rollback, as over SSH: a garbled line (a torn last one is left to the
  # node's state), a gap in the change numbers, a number used twice, an outcome before its intent
  if (garbled && !(torn && garbled == n0 && last == n0)) bad = bad "; line " garbled " is garbled"
  for (s = 1; s <= most; s++) if (!(s in task)) { bad = bad "; change #" s " is missing (a gap)"; break }
  if (bad != "") { print "! " substr(bad, 3); exit }
  for (x in ph) if (ph[x] == "done" && (x in un)) { split(x, p, SUBSEP); if (fk[p[1]] == "rollback") by[un[x]] = frun[p[1]] }
  if (at0 != "") for (x in ph) { split(x, p, SUBSEP); f = p[1]
    if (fk[f] != "apply" || frun[f] == run || !(fat[f] > at0) || ik[x] == "" || ph[x] == "unchanged" || ph[x] == "failed") continue
    if (!((frun[f] "#" p[2]) in by)) later[ik[x]] = frun[f] }
  for (t = top; t >= 0; t--) {
    for (s = most; s >= 1; s--) if ((s in task) && task[s] == t && !tr[s]) out(s)
    for (s = 1; s <= most; s++) if ((s in task) && task[s] == t && tr[s]) out(s) } }
NODEFIX_AWK_END
)
# One change of RUN's journal (seq $s) as shell assignments: nf_k kind, nf_tn its task's name (as the journal
# escapes it), nf_inv the change that undoes it (journal JSON), the fields its undo and its reading need, and in
# nf_bad the fields that hold a character this script does not read (an escaped one): such a change is not undone.
nf_awk_change=$(cat <<'NODEFIX_AWK_END'
function q(v) { gsub(/'/, "'\\''", v); return "'" v "'" }
function raw(k,  i, r, c, n) { i = index(L, "\"" k "\":\""); if (!i) { bad = bad " " k; return "" }
  r = substr(L, i + length(k) + 4); n = 1
  while (n <= length(r)) { c = substr(r, n, 1); if (c == "\\") { n += 2; continue } if (c == "\"") break; n++ }
  return substr(r, 1, n - 1) }
function plain(k,  v) { v = raw(k); if (v ~ /[\\]/ || v == "") bad = bad " " k; return v }
function bool(k) { if (index(L, "\"" k "\":true")) return "true"; if (index(L, "\"" k "\":false")) return "false"; bad = bad " " k; return "" }
function obj(k,  i, r) { i = index(L, "\"" k "\":{"); if (!i) { bad = bad " " k; return "{}" } r = substr(L, i + length(k) + 3); return substr(r, 1, index(r, "}")) }
function fv(o, k,  i, v) { i = index(o, "\"" k "\":\""); if (!i) return ""; v = substr(o, i + length(k) + 4); sub(/".*/, "", v); return v }
function state(p, o,  m) { if (index(o, "\"absent\":true")) { print p "=absent"; return }
  m = fv(o, "mode"); if (m ~ /^0[0-7][0-7][0-7]$/) m = substr(m, 2)
  if (m !~ /^[0-7][0-7][0-7][0-7]?$/ || fv(o, "owner") == "" || fv(o, "group") == "") bad = bad " " p
  print p "=" q(m " " fv(o, "owner") " " fv(o, "group") " " fv(o, "content")) }
index($0, "{\"phase\":\"intent\",\"seq\":" s ",") == 1 && /\}\}$/ && L == "" { L = $0 }
END { if (L == "") { print "nf_k="; exit }
  c = substr(L, index(L, "\"change\":{") + 9); k = plain("kind"); tn = raw("task_name")
  if (k == "file") { p = plain("path"); b = obj("before"); a = obj("after"); state("nf_bs", b); state("nf_as", a)
    inv = "{\"kind\":\"file\",\"path\":\"" p "\",\"before\":" a ",\"after\":" b "}"; print "nf_p=" q(p) }
  else if (k == "directory") { p = plain("path"); cr = bool("create"); print "nf_p=" q(p) " nf_c=" cr
    inv = "{\"kind\":\"directory\",\"path\":\"" p "\",\"create\":" (cr == "true" ? "false" : "true") "}" }
  else if (k == "offload") { i = plain("iface"); f = plain("feature"); b = bool("before"); a = bool("after")
    print "nf_i=" q(i) " nf_f=" q(f) " nf_b=" b " nf_a=" a
    inv = "{\"kind\":\"offload\",\"iface\":\"" i "\",\"feature\":\"" f "\",\"before\":" a ",\"after\":" b "}" }
  else if (k == "unit-enablement") { u = plain("unit"); b = bool("before"); a = bool("after"); print "nf_u=" q(u) " nf_b=" b " nf_a=" a
    inv = "{\"kind\":\"unit-enablement\",\"unit\":\"" u "\",\"before\":" a ",\"after\":" b "}" }
  else if (k == "service") { u = plain("unit"); v = plain("action"); t = substr(c, index(c, "\"timeout_ms\":") + 13); sub(/[^0-9].*/, "", t)
    if (t == "") bad = bad " timeout_ms"; iv = v == "start" ? "stop" : v == "stop" ? "start" : v
    print "nf_u=" q(u) " nf_act=" q(v) " nf_iact=" q(iv) " nf_to=" q(t)
    inv = "{\"kind\":\"service\",\"unit\":\"" u "\",\"action\":\"" iv "\",\"timeout_ms\":" t "}" }
  else if (k == "daemon-reload") inv = "{\"kind\":\"daemon-reload\"}"
  else if (k == "udev-trigger") { i = plain("iface"); print "nf_i=" q(i); inv = "{\"kind\":\"udev-trigger\",\"iface\":\"" i "\"}" }
  print "nf_k=" q(k) " nf_tn=" q(tn) " nf_inv=" q(inv) " nf_bad=" q(bad) }
NODEFIX_AWK_END
)

nf_result() { printf '%s: [%s] %s%s\n' "$1" "$nf_node" "$2" "${3:+ => $3}"; }
nf_recap() {
  printf 'RECAP: [%s] undone=%s skipped=%s conflict=%s failed=%s rollback %s of run %s%s\n' "$nf_node" "$nf_undone" \
    "$nf_skipped" "$nf_conflicts" "$nf_failed" "$RB" "$RUN" "${nf_locked:+ (journal /var/lib/nodefix/runs/$RB.journal)}"
  [ "$nf_failed" = 0 ] && [ "$nf_conflicts" = 0 ] || exit 2; exit 0
}

@LOCK@
# the file as the node has it: absent, or MODE OWNER GROUP BASE64 (exit 3: a link or not a regular file)
nf_file_now() {
  if [ -L "$1" ]; then echo 'a symbolic link: nodefix changes regular files only'; return 3
  elif [ -f "$1" ]; then printf '%s %s\n' "$(stat -c '%a %U %G' -- "$1")" "$(base64 -w0 < "$1")"
  elif [ -e "$1" ]; then echo 'not a regular file'; return 3; else echo absent; fi
}
# nf_landing: sets nf_l to where the node stands to the change read last (nf_fields), as the SSH rollback reads
# it: applied, not-applied, different or unknown; returns 3 (nf_why says why) when the node cannot be read
nf_landing() {
  case $nf_k in
    file) nf_now=$(nf_file_now "$nf_p") || { nf_why="cannot read $nf_p: $nf_now"; return 3; }
      if [ "$nf_now" = "$nf_as" ]; then nf_l=applied; elif [ "$nf_now" = "$nf_bs" ]; then nf_l=not-applied; else nf_l=different; fi ;;
    directory) if [ -L "$nf_p" ]; then nf_now=other; elif [ -d "$nf_p" ]; then nf_now=true; elif [ -e "$nf_p" ]; then nf_now=other; else nf_now=false; fi
      if [ "$nf_now" = other ]; then nf_l=different; elif [ "$nf_now" = "$nf_c" ]; then nf_l=applied; else nf_l=not-applied; fi ;;
    offload) nf_o=$(ethtool -k "$nf_i" 2>&1); nf_rc=$?
      nf_now=$(printf '%s\n' "$nf_o" | awk -v f="$nf_f" -v rc="$nf_rc" 'rc == 0 && /^[ \t]*[a-z0-9][a-z0-9_-]*: o(n|ff)/ { any = 1 }
        { sub(/^[ \t]+/, "") } rc == 0 && index($0, f ": on") == 1 { v = "true" } rc == 0 && index($0, f ": off") == 1 { v = "false" }
        tolower($0) ~ /no such device|no device matches/ { gone = 1 }
        END { print any ? (v == "" ? "missing" : v) : gone ? "missing" : "unknown" }')
      case $nf_now in "$nf_a") nf_l=applied ;; "$nf_b") nf_l=not-applied ;; missing) nf_l=different ;; *) nf_l=unknown ;; esac ;;
    unit-enablement|service) nf_now=$(systemctl show -p LoadState -p UnitFileState -p ActiveState "$nf_u" 2>/dev/null)
      nf_en=false nf_ac=false nf_ld=false
      case "$nf_now" in *LoadState=loaded*) nf_ld=true ;; esac
      case "$nf_now" in *UnitFileState=enabled*) nf_en=true ;; esac
      case "$nf_now" in *ActiveState=active*) nf_ac=true ;; esac
      if [ "$nf_k" = service ]; then
        case $nf_act in restart) nf_l=unknown ;; start) nf_l=not-applied; [ "$nf_ac" = true ] && nf_l=applied ;;
          *) nf_l=not-applied; [ "$nf_ac" = false ] && nf_l=applied ;; esac
      elif [ "$nf_ld" = false ]; then nf_l=different; elif [ "$nf_en" = "$nf_a" ]; then nf_l=applied; else nf_l=not-applied; fi ;;
    *) nf_l=unknown ;;
  esac
  return 0
}
# what the undo does, for its result line
nf_describe() {
  case $nf_k in
    file) if [ "$nf_bs" = absent ]; then echo "remove $nf_p (absent before run $RUN)"
      else set -- $nf_bs; echo "restore $nf_p ($1 $2:$3, as before run $RUN)"; fi ;;
    directory) if [ "$nf_c" = true ]; then echo "remove empty directory $nf_p"; else echo "create directory $nf_p"; fi ;;
    offload) if [ "$nf_b" = true ]; then echo "$nf_i: $nf_f off -> on"; else echo "$nf_i: $nf_f on -> off"; fi ;;
    unit-enablement) if [ "$nf_b" = true ]; then echo "enable $nf_u"; else echo "disable $nf_u"; fi ;;
    service) echo "$nf_iact $nf_u" ;;
    daemon-reload) echo 'systemctl daemon-reload' ;;
    udev-trigger) echo "udevadm reload rules, trigger change on $nf_i" ;;
  esac
}
# nf_undo SEQ TASK: the inverse of change SEQ of RUN, journaled in RB's journal as the SSH rollback journals it
nf_undo() {
  nf_seq=$((nf_seq + 1))
  nf_line='{"phase":"intent","seq":'"$nf_seq"',"task":'"$2"',"task_name":"undo '"$nf_tn"'","undoes":"'"$RUN#$1"'","change":'"$nf_inv"'}'
  case $nf_k in
    file) if [ "$nf_bs" = absent ]; then
        printf '%s\n' "$nf_line" | @UNDO_FILE_ABSENT@
      else set -- $nf_bs
        nf_bm=$1 nf_bw=$2 nf_bg=$3 nf_bc=$4
        { printf '%s\n' "$nf_line"; printf '%s' "$nf_bc" | base64 -d; } | @UNDO_FILE_PRESENT@
      fi ;;
    directory) if [ "$nf_c" = true ]; then printf '%s\n' "$nf_line" | @UNDO_DIRECTORY_REMOVE@
      else printf '%s\n' "$nf_line" | @UNDO_DIRECTORY_CREATE@; fi ;;
    offload) if [ "$nf_b" = true ]; then printf '%s\n' "$nf_line" | @UNDO_OFFLOAD_ON@
      else printf '%s\n' "$nf_line" | @UNDO_OFFLOAD_OFF@; fi ;;
    unit-enablement) if [ "$nf_b" = true ]; then printf '%s\n' "$nf_line" | @UNDO_UNIT_ENABLE@
      else printf '%s\n' "$nf_line" | @UNDO_UNIT_DISABLE@; fi ;;
    service) nf_tenths=$((nf_to / 100)); [ "$nf_tenths" -ge 1 ] || nf_tenths=1
      case $nf_iact in start) printf '%s\n' "$nf_line" | @UNDO_SERVICE_START@ ;;
        stop) printf '%s\n' "$nf_line" | @UNDO_SERVICE_STOP@ ;;
        *) printf '%s\n' "$nf_line" | @UNDO_SERVICE_RESTART@ ;; esac ;;
    daemon-reload) printf '%s\n' "$nf_line" | @UNDO_DAEMON_RELOAD@ ;;
    udev-trigger) printf '%s\n' "$nf_line" | @UNDO_UDEV_TRIGGER@ ;;
  esac
}

# nf_step SEQ LATER-RUN STATUS UNDONE-BY: what the rollback does with a change that is not a trigger, as the SSH
# rollback decides it: nf_act undo, skip, conflict or failed, nf_why why
nf_step() {
  nf_act=skip nf_why=
  if [ "$4" != - ]; then nf_why="undone already by rollback $4"
    [ "$2" = - ] || nf_why="$nf_why; run $2 changed it since: roll that run back for its change"; return; fi
  [ "$3" = unchanged ] && { nf_why='it changed nothing (changed_when was false)'; return; }
  nf_landing || { nf_act=failed; return; }
  if [ "$2" != - ] && [ "$nf_l" != not-applied ]; then
    nf_act=conflict nf_why="run $2 changed it since; left alone: roll back $2 first (nodefix rollback $2 --from-nodes)"; return; fi
  case $nf_l in
    not-applied) if [ "$3" = done ]; then nf_why='already undone (the before-image is in place)'
      else nf_why="never landed ($3; the before-image is in place)"; fi ;;
    different) if nf_earlier_before "$1"; then nf_why='already undone (the file is as it was before an earlier change of this task)'
      else nf_act=conflict nf_why='changed since the run (neither the run'"'"'s result nor the original); left alone'; fi ;;
    unknown) if [ "$3" = done ]; then nf_act=undo nf_why='recorded done'; else nf_why="$3 in the run and nothing shows whether it ran"; fi ;;
    *) nf_act=undo nf_why='in place' ;;
  esac
}
# whether the file of the change read last is as it was before an earlier change of the same task to that file
nf_earlier_before() {
  [ "$nf_k" = file ] || return 1
  nf_sp=$nf_p nf_snow=$nf_now nf_hit=1
  for nf_e in $(printf '%s\n' "$nf_plan" | awk -v s="$1" -v t="$nf_t" '$2 == t && $1 < s && $6 == 0 { print $1 }'); do
    eval "$(awk -v s="$nf_e" "$nf_awk_change" "$nf_j")"
    [ "$nf_k" = file ] && [ "$nf_p" = "$nf_sp" ] && [ "$nf_bs" = "$nf_snow" ] && { nf_hit=0; break; }
  done
  nf_fields "$1"; return $nf_hit
}
nf_fields() { nf_k= nf_p= nf_i= nf_f= nf_u= nf_bs= nf_as= nf_b= nf_a= nf_c= nf_act= nf_iact= nf_to= nf_bad=
  eval "$(awk -v s="$1" "$nf_awk_change" "$nf_j")"; }

# nf_pass check|apply: the rollback of RUN on this node. check reads only, all of RUN's changes: exit status 0 when
# it finds one to undo, and it fails the Job (nothing changed) for a change this script cannot undo or one still
# running, wherever it is in the order.
# apply undoes, task by task, and prints a line per change.
nf_pass() {
  nf_running=$(@STATUS@ 2>/dev/null | sed -n "s/^inflight $RUN \([0-9]*\) .*/\1/p" | tr '\n' ' ')
  nf_torn=; [ -z "$(tail -c 1 "$nf_j")" ] || nf_torn=1
  nf_plan=$(awk -v run="$RUN" -v running=" $nf_running " -v torn="$nf_torn" "$nf_awk_plan" "$nf_j" /var/lib/nodefix/runs/*.journal) || {
    nf_failed=1; nf_result failed "run $RUN" "cannot read the journals in /var/lib/nodefix/runs"; nf_recap; }
  case $nf_plan in "! "*) nf_failed=1
    nf_result failed "run $RUN" "its journal on this node is damaged (${nf_plan#! }), so nothing is rolled back; to roll back from it anyway, over SSH: nodefix rollback $RUN --from-nodes --force=nodes"
    nf_recap ;; esac
  nf_top=$(printf '%s\n' "$nf_plan" | awk 'BEGIN { m = 0 } NF && $2 > m { m = $2 } END { print m }')
  nf_t= nf_undid= nf_trigs= nf_any=
  while read -r nf_s nf_tt nf_st nf_by nf_later nf_trig <&3; do
    [ -n "$nf_s" ] || continue
    if [ "$nf_tt" != "$nf_t" ]; then nf_t=$nf_tt nf_undid= nf_trigs=; fi
    nf_fields "$nf_s"
    nf_name="undo $(printf '%s' "$nf_tn" | sed 's/\\"/"/g; s/\\\\/\\/g')"
    if [ -z "$nf_k" ] || [ -n "$nf_bad" ] || [ -z "$nf_inv" ]; then
      [ "$nf_by" = - ] || continue
      nf_failed=$((nf_failed + 1))
      nf_result failed "$nf_name" "change #$nf_s of run $RUN (${nf_k:-unreadable}${nf_bad:+: cannot read$nf_bad}) cannot be undone by this script; nothing changed: roll it back over SSH (nodefix rollback $RUN --from-nodes)"
      nf_recap
    fi
    if [ "$nf_st" = running ]; then
      nf_failed=$((nf_failed + 1))
      nf_result failed "$nf_name" "change #$nf_s ($(nf_describe)) of run $RUN is still running on the node: its run died but its process did not; wait for it to end, then this Job's next attempt rolls back"
      nf_recap
    fi
    if [ "$nf_trig" = 1 ]; then
      nf_key="$nf_k $nf_i $nf_u $nf_iact"
      if [ -z "$nf_undid" ]; then nf_act=skip nf_why='nothing in this task was undone'
      else case " $nf_trigs " in *" [$nf_key] "*) nf_act=skip nf_why='already runs once for this task' ;; *) nf_act=undo nf_why='after the task'"'"'s undo' ;; esac; fi
    else nf_step "$nf_s" "$nf_later" "$nf_st" "$nf_by"; fi
    if [ "$1" = check ]; then
      # a change this script cannot undo fails the Job before anything is undone, wherever it is in the order
      [ "$nf_act" = failed ] && { nf_failed=$((nf_failed + 1)); nf_result failed "$nf_name" "$(nf_describe): $nf_why"; nf_recap; }
      [ "$nf_act" = undo ] && nf_any=1; continue; fi
    nf_d=$(nf_describe)
    case $nf_act in
      undo)
        [ -n "$nf_locked" ] || nf_lock
        if ! nf_undo "$nf_s" $((nf_top - nf_t + 1)) > "$nf_log" 2>&1; then nf_failed=$((nf_failed + 1))
          nf_result failed "$nf_name" "$nf_d failed: $(tail -n 3 "$nf_log" | tr '\n' ' ')"; nf_recap; fi
        nf_undone=$((nf_undone + 1)) nf_undid=1
        [ "$nf_trig" = 1 ] && nf_trigs="$nf_trigs [$nf_key]"
        nf_result undone "$nf_name" "$nf_d" ;;
      conflict) nf_conflicts=$((nf_conflicts + 1)); nf_result conflict "$nf_name" "$nf_d: $nf_why" ;;
      failed) nf_failed=$((nf_failed + 1)); nf_result failed "$nf_name" "$nf_d: $nf_why"; nf_recap ;;
      *) nf_skipped=$((nf_skipped + 1)); nf_result skipped "$nf_name" "$nf_d: $nf_why" ;;
    esac
  done 3<<NODEFIX_PLAN_END
$nf_plan
NODEFIX_PLAN_END
  [ "$1" = check ] && [ -z "$nf_any" ] && return 1; return 0
}

if [ ! -e "$nf_j" ]; then
  echo "ok: [$nf_node] run $RUN never changed this node (no $nf_j): nothing to undo"; nf_recap; fi
# read without the lock first; the lock is taken before the first undo, and the journals are read again under it
if nf_pass check; then nf_lock; fi
nf_pass apply
nf_recap
