# bench/lib/hosts.sh -- sourced by the benchmarks: per-host outcome counts parsed from nodefix's text output.
# host_counts KIND FILE PREFIX -> "OK UNREACHABLE FAILED SEEN" (hosts named PREFIXnnn), KIND:
#   facts     table rows: "HOST ROLE ..." with ROLE server/agent is ok; "HOST UNREACHABLE: ..." unreachable;
#             any other row of the host (FAILED: ..., a collector error) failed; the blocks after the table
#             (FLANNEL SETTINGS, ...) are not rows
#   play      PLAY RECAP rows "HOST ok=.. changed=.. unreachable=U failed=F ...": U > 0 unreachable,
#             else F > 0 failed, else ok
#   rollback  RECAP rows "HOST STATUS changes=N": ok/changed ok, unreachable, anything else (failed, locked) failed
#   run       ad-hoc rows "HOST | ok | rc=0 >>", "HOST | UNREACHABLE | ...", "HOST | FAILED | ..."
# A host counts once (its last row). SEEN = hosts with a row; N - SEEN hosts are missing from the output.
host_counts() {
  awk -v kind="$1" -v re="^$3[0-9][0-9][0-9]\$" '
    kind == "facts" && /^[A-Z][A-Z ]+ \(/ { after = 1 }
    kind == "facts" && !after && $1 ~ re { st[$1] = ($2 == "server" || $2 == "agent") ? "ok" : ($2 ~ /^UNREACHABLE/ ? "unr" : "fail") }
    kind == "run" && $1 ~ re && $2 == "|" { st[$1] = $3 == "ok" ? "ok" : ($3 == "UNREACHABLE" ? "unr" : "fail") }
    /RECAP/ { recap = 1; next }
    recap && kind == "play" && $1 ~ re {
      u = $0; sub(/.*unreachable=/, "", u); u += 0; f = $0; sub(/.*failed=/, "", f); f += 0
      st[$1] = u > 0 ? "unr" : (f > 0 ? "fail" : "ok") }
    recap && kind == "rollback" && $1 ~ re { st[$1] = ($2 == "ok" || $2 == "changed") ? "ok" : ($2 == "unreachable" ? "unr" : "fail") }
    END { for (h in st) { seen++; c[st[h]]++ }; print c["ok"] + 0, c["unr"] + 0, c["fail"] + 0, seen + 0 }' "$2"
}
# host_problems KIND FILE PREFIX [MAX] -> the first MAX (5) rows of hosts that are not ok, as they were printed
host_problems() {
  awk -v kind="$1" -v re="^$3[0-9][0-9][0-9]\$" -v max="${4:-5}" '
    kind == "facts" && /^[A-Z][A-Z ]+ \(/ { after = 1 }
    kind == "facts" && !after && $1 ~ re && $2 != "server" && $2 != "agent" && n < max { print; n++ }
    kind == "run" && $1 ~ re && $2 == "|" && $3 != "ok" && n < max { print; n++ }
    /RECAP/ { recap = 1; next }
    recap && kind == "play" && $1 ~ re && ($0 !~ /unreachable=0( |$)/ || $0 !~ /failed=0( |$)/) && n < max { print; n++ }
    recap && kind == "rollback" && $1 ~ re && $2 != "ok" && $2 != "changed" && n < max { print; n++ }' "$2"
}
# recap_changed FILE -> changed=N summed over the PLAY RECAP (changes=N for rollback)
recap_changed() {
  awk '/RECAP/ { r = 1; next } r && match($0, /change[sd]=[0-9]+/) { v = substr($0, RSTART, RLENGTH); sub(/.*=/, "", v); c += v }
       END { print c + 0 }' "$1"
}
