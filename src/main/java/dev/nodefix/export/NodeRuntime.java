package dev.nodefix.export;

import dev.nodefix.journal.Entry;
import dev.nodefix.journal.EntryCodec;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.transport.Command;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The shell functions every node script starts with: the node's lock and journal (the commands of
 * {@link NodeJournal}, so the SSH side reads and rolls back what a script did), the functions module fragments call
 * ({@link dev.nodefix.module.NodeFragment}), and running a task: plan, lock on the first change and plan again under
 * the lock, apply each wanted change journaled, one result line.
 */
final class NodeRuntime {
    private static final String HOLDER = "@nodefix-holder@";
    /** {@code nf_file_is}, as {@link dev.nodefix.module.NodeFragment} describes it; it calls {@code nf_refuse}. */
    static final String FILE_IS =
            "# nf_file_is PATH absent | PATH MODE OWNER GROUP BASE64: 0 it is, 1 it is not, 2 refused\n"
                + "nf_file_is() {\n"
                + "  if [ -L \"$1\" ]; then nf_refuse \"$1: a symbolic link: nodefix changes regular files only\"; return 2; fi\n"
                + "  if [ -e \"$1\" ] && [ ! -f \"$1\" ]; then nf_refuse \"$1: not a regular file\"; return 2; fi\n"
                + "  if [ \"$2\" = absent ]; then [ ! -e \"$1\" ]; return; fi\n"
                + "  [ -f \"$1\" ] && [ \"$(stat -c '%a %U %G' -- \"$1\")\" = \"$2 $3 $4\" ]"
                + " && [ \"$(base64 -w0 < \"$1\")\" = \"$5\" ] && return 0; return 1\n}\n";

    private NodeRuntime() {}

    static String text(String run, EmbeddedScripts scripts) {
        Entry.Started started = new Entry.Started(run, RunKind.APPLY, Optional.empty(), Instant.EPOCH);
        String journal = Command.quote(NodeJournal.journalPath(run));
        String rolledBack = Command.quote("\"rollback_of\":\"" + run + "\"");
        return "PATH=" + Command.SEARCH_PATH + ":$PATH; export PATH\n"
                + "RUN=" + run + "\n"
                + "nf_node=${SYSTEM_UPGRADE_NODE_NAME:-$(uname -n)}\n"
                + "nf_boot=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null)\n"
                + "nf_locked= nf_seq=0 nf_ok=0 nf_changed=0 nf_failed=0 nf_skipped=0 nf_d=\n"
                + "nf_log=$(mktemp) || exit 70\n"
                + "trap 'rm -f \"$nf_log\"' EXIT\ntrap 'exit 143' TERM INT HUP\n"
                + "\n# the file as the journal's before-image: {\"absent\":true} or mode, owner, group and base64 content\n"
                + "nf_file_json() {\n"
                + "  if [ -f \"$1\" ] && [ ! -L \"$1\" ]; then set -- \"$1\" $(stat -c '%a %U %G' -- \"$1\")\n"
                + "    printf '{\"mode\":\"%s\",\"owner\":\"%s\",\"group\":\"%s\",\"content\":\"%s\"}' \"$2\" \"$3\" \"$4\""
                + " \"$(base64 -w0 < \"$1\")\"\n"
                + "  else printf '{\"absent\":true}'; fi\n}\n"
                + FILE_IS
                + "nf_change() { nf_q=\"$nf_q $1\"; }\n"
                + "nf_ok() { nf_why=$1; }\n"
                + "nf_refuse() { nf_refused=$1; }\n"
                + "nf_skip() { nf_skipped_why=$1; }\n"
                + "nf_result() { printf '%s: [%s] %s%s\\n' \"$1\" \"$nf_node\" \"$2\" \"${3:+ => $3}\"; }\n"
                + "nf_plan() { nf_q= nf_why= nf_refused= nf_skipped_why=; nf_task_\"$1\"; [ -z \"$nf_refused\" ] || nf_q=; }\n"
                + "\n# the node's lock (one run at a time) and the run's journal, as nodefix over SSH takes and starts them\n"
                + lock(started, "RUN", scripts)
                + "\n# nf_run N TITLE: plan task N, lock at its first change and plan again, apply, say how it ended\n"
                + "nf_run() {\n"
                + "  nf_plan \"$1\"\n"
                + "  if [ -n \"$nf_q\" ] && [ -z \"$nf_locked\" ]; then nf_lock; nf_plan \"$1\"; fi\n"
                + "  if [ -n \"$nf_skipped_why\" ]; then nf_skipped=$((nf_skipped + 1)); nf_result skipped \"$2\" \"$nf_skipped_why\"; return 0; fi\n"
                + "  if [ -n \"$nf_refused\" ]; then nf_failed=$((nf_failed + 1)); nf_result failed \"$2\" \"$nf_refused\"; return 1; fi\n"
                + "  if [ -z \"$nf_q\" ]; then nf_ok=$((nf_ok + 1)); nf_result ok \"$2\" \"$nf_why\"; return 0; fi\n"
                + "  nf_did=\n"
                + "  for nf_i in $nf_q; do\n"
                + "    if ! nf_apply_\"$1\" \"$nf_i\" > \"$nf_log\" 2>&1; then nf_failed=$((nf_failed + 1))\n"
                + "      nf_result failed \"$2\" \"${nf_did:+$nf_did; }$nf_d failed: $(tail -n 3 \"$nf_log\" | tr '\\n' ' ')\"; return 1; fi\n"
                + "    nf_did=\"${nf_did:+$nf_did; }$nf_d\"\n"
                + "  done\n"
                + "  nf_changed=$((nf_changed + 1)); nf_result changed \"$2\" \"$nf_did\"\n}\n"
                + "nf_recap() {\n"
                + "  printf 'RECAP: [%s] ok=%s changed=%s failed=%s skipped=%s run %s%s\\n' \"$nf_node\" \"$nf_ok\" \"$nf_changed\""
                + " \"$nf_failed\" \"$nf_skipped\" \"$RUN\" \"${nf_locked:+ (journal " + NodeJournal.journalPath(run) + ")}\"\n"
                + "  [ \"$nf_failed\" = 0 ] || exit 2; exit 0\n}\n"
                + "\n# a run rolled back on this node is not applied again by a re-run of its Job; when its rollbacks left a\n"
                + "# change of it not undone (one failed or was refused halfway), the Job fails: the rollback is to be finished\n"
                + "nf_rb=$(grep -l " + rolledBack + " " + NodeJournal.DIR + "/runs/*.journal 2>/dev/null)\n"
                + "if [ -n \"$nf_rb\" ]; then\n"
                + "  nf_j=" + journal + "; [ -f \"$nf_j\" ] || nf_j=/dev/null\n"
                + "  nf_left=$(awk -v run=\"$RUN\" " + Command.quote(UNDONE) + " \"$nf_j\" $nf_rb) || nf_left='(the journals cannot be read)'\n"
                + "  nf_rb=$(printf '%s\\n' \"$nf_rb\" | tail -n 1); nf_rb=${nf_rb##*/}; nf_rb=${nf_rb%.journal}\n"
                + "  if [ -z \"$nf_left\" ]; then\n"
                + "    echo \"skipped: [$nf_node] run $RUN was rolled back on this node by $nf_rb; nothing done"
                + " (export the playbook again for a new run)\"; exit 0; fi\n"
                + "  echo \"failed: [$nf_node] run $RUN was rolled back on this node only in part (last by $nf_rb): its"
                + " change(s)$nf_left not undone; nothing done (finish it: nodefix rollback $RUN --from-nodes)\"; exit 2; fi\n";
    }

    /**
     * {@code nf_lock}: takes the node's lock for {@code started}'s run and starts its journal with {@code started}'s
     * line, as over SSH ({@link NodeJournal#lock}); takes over a lock of the same run left by a Job attempt that is
     * gone; sets {@code nf_seq} to the journal's last change number; the EXIT trap then releases the lock.
     *
     * @param var the shell variable holding the run id ({@code RUN}, or {@code RB} in a rollback script)
     */
    static String lock(Entry.Started started, String var, EmbeddedScripts scripts) {
        String run = started.run();
        String lock = scripts.line(NodeJournal.lock(started, HOLDER).argv(),
                Map.of(HOLDER, "\"$nf_holder\"", Instant.EPOCH.toString(), "\"$nf_at\""));
        String journal = Command.quote(NodeJournal.journalPath(run));
        String v = "$" + var;
        return "nf_lock() {\n"
                + "  nf_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)\n"
                + "  nf_holder=\"started $nf_at by system-upgrade-controller@$nf_node pid $$${nf_boot:+ boot $nf_boot}\"\n"
                + "  nf_o=$(" + lock + "); nf_rc=$?\n"
                + "  # a lock of this run whose script is gone (a Job attempt killed: its pid is not running, or it ran\n"
                + "  # before this node's last boot and the pid may be another process now) and none of whose changes still runs\n"
                + "  if [ $nf_rc = " + NodeJournal.LOCKED + " ]; then case $nf_o in \"" + v + " \"*\" pid \"*)\n"
                + "    nf_lp=${nf_o##* pid }; nf_lp=${nf_lp%% *}\n"
                + "    case $nf_o in *\" pid $nf_lp boot \"*) nf_hb=${nf_o##* boot } ;; *) nf_hb= ;; esac\n"
                + "    if { [ ! -d \"/proc/$nf_lp\" ] || { [ -n \"$nf_hb\" ] && [ -n \"$nf_boot\" ] && [ \"$nf_hb\" != \"$nf_boot\" ]; }; }"
                + " && ! " + scripts.line(NodeJournal.status().argv(), Map.of())
                + " 2>/dev/null | grep -q \"^inflight " + v + " \"; then\n"
                + "      " + scripts.line(NodeJournal.remove(HOLDER).argv(), Map.of(HOLDER, "\"$nf_o\""))
                + " && echo \"nodefix: took over the lock an earlier attempt of run " + v + " left ($nf_o)\" >&2\n"
                + "      nf_o=$(" + lock + "); nf_rc=$?\n"
                + "    fi ;; esac; fi\n"
                + "  case $nf_rc in\n"
                + "    0) ;;\n"
                + "    " + NodeJournal.LOCKED + ") echo \"nodefix: $nf_node is locked by $nf_o; nothing changed\" >&2; exit "
                + NodeJournal.LOCKED + " ;;\n"
                + "    *) echo \"nodefix: $nf_node: cannot take the lock: $nf_o\" >&2; exit $nf_rc ;;\n"
                + "  esac\n"
                + "  nf_locked=1\n"
                + "  trap '" + scripts.line(NodeJournal.unlock(run).argv(), Map.of()) + "; rm -f \"$nf_log\"' EXIT\n"
                + "  nf_seq=$(sed -n 's/^{\"phase\":\"[a-z]*\",\"seq\":\\([0-9]*\\).*/\\1/p' " + journal
                + " | sort -n | tail -n 1); nf_seq=${nf_seq:-0}\n}\n";
    }

    /**
     * awk over the run's journal ($1) and its rollbacks' journals: prints the run's changes (seqs) not undone, as
     * {@code runs --from-nodes} reads them: each change that landed (done, not unchanged) is undone when a rollback
     * journaled its undo as done; a change the run left unfinished is undone too, or a rollback finished (every change
     * it journaled done).
     */
    private static final String UNDONE = "function seq(l,  s) { s = substr(l, index(l, \"\\\"seq\\\":\") + 6);"
            + " sub(/[^0-9].*/, \"\", s); return s + 0 }\n"
            + "BEGIN { u = \",\\\"undoes\\\":\\\"\" run \"#\"; top = 0 }\n"
            + "FILENAME == ARGV[1] && /^\\{\"phase\":\"intent\",/ { s = seq($0); mine[s] = 1; if (s > top) top = s; next }\n"
            + "FILENAME == ARGV[1] && /^\\{\"phase\":\"done\",/ { landed[seq($0)] = 1; ended[seq($0)] = 1; next }\n"
            + "FILENAME == ARGV[1] && /^\\{\"phase\":\"unchanged\",/ { delete landed[seq($0)]; next }\n"
            + "FILENAME == ARGV[1] && /^\\{\"phase\":\"failed\",/ { ended[seq($0)] = 1; next }\n"
            + "FILENAME == ARGV[1] { next }\n"
            + "{ k = FILENAME SUBSEP seq($0) }\n"
            + "/^\\{\"phase\":\"intent\",/ { ph[k] = \"open\"; i = index($0, u);"
            + " if (i) { s = substr($0, i + length(u)); sub(/\".*/, \"\", s); of[k] = s + 0 } }\n"
            + "/^\\{\"phase\":\"done\",/ { ph[k] = \"done\" }\n"
            + "/^\\{\"phase\":\"unchanged\",/ { ph[k] = \"unchanged\" }\n"
            + "/^\\{\"phase\":\"failed\",/ { ph[k] = \"failed\" }\n"
            + "END { for (k in ph) { split(k, p, SUBSEP); has[p[1]] = 1; if (ph[k] == \"done\" && (k in of)) undone[of[k]] = 1;"
            + " if (ph[k] != \"done\" && ph[k] != \"unchanged\") bad[p[1]] = 1 }\n"
            + "  fin = 0; for (f in has) if (!(f in bad)) fin = 1\n"
            + "  left = \"\"; for (s = 1; s <= top; s++) if ((s in mine) && !(s in undone) && ((s in landed) || !(s in ended) && !fin))"
            + " left = left \" \" s\n"
            + "  printf \"%s\", left }\n";
}
