package dev.nodefix.export;

import dev.nodefix.change.Change;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.DirectoryChange;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.change.ServiceChange;
import dev.nodefix.change.UdevTrigger;
import dev.nodefix.change.UnitEnablementChange;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunKind;
import dev.nodefix.query.FileState;
import dev.nodefix.transport.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The POSIX sh a node runs by itself to roll one run back ({@code rollback.sh} next to this class): what
 * {@code nodefix rollback RUN --from-nodes} does over SSH on that node, from the node's own journals alone (the run
 * may have been applied by a system-upgrade-controller Job, so no run store anywhere has it). It reads RUN's journal
 * and the other journals on the node, decides every change as the SSH rollback's planner does (last task first, last
 * change first, triggers after; in place: undone; before-image in place or undone by an earlier rollback: skipped;
 * changed since, by hand or by a later run: a conflict, left alone), takes the node's lock before the first undo,
 * and journals the rollback as a rollback run of RUN ({@code rollback_of}, each undo naming {@code RUN#SEQ}) with the
 * journal's own commands: the same {@link NodeJournal#journaled} argv and the changes' own inverse commands, with the
 * values only the node knows (the path, the before-image, the seq) put in by the shell.
 */
public final class NodeRollback {
    /** Stand-ins for what the node reads from the journal; each becomes a shell variable in the command line. */
    private static final String SEQ = "987654321";
    private static final String TENTHS = "24680";
    private static final String PATH = "/nf-stand-in-path";
    private static final String IFACE = "nf-stand-in-iface";
    private static final String FEATURE = "nf-stand-in-feature";
    private static final String UNIT = "nf-stand-in-unit";
    private static final String MODE = "1357";
    private static final String OWNER = "nf-stand-in-owner";
    private static final String GROUP = "nf-stand-in-group";

    private NodeRollback() {}

    /**
     * @param run      the run to undo
     * @param rollback the rollback's own run id, the same on every node (the Plans' version)
     */
    public static String compile(String run, String rollback) {
        RunId.check(run);
        RunId.check(rollback);
        if (run.equals(rollback)) {
            throw new ExportException("the rollback needs a run id of its own (--run-id " + run + " is the run it undoes)");
        }
        EmbeddedScripts scripts = new EmbeddedScripts();
        Entry.Started started = new Entry.Started(rollback, RunKind.ROLLBACK, Optional.of(run), Instant.EPOCH);
        Map<String, String> fill = new LinkedHashMap<>();
        fill.put("@PATH@", Command.SEARCH_PATH);
        fill.put("@RUN@", run);
        fill.put("@RB@", rollback);
        fill.put("@LOCK@", NodeRuntime.lock(started, "RB", scripts));
        fill.put("@STATUS@", scripts.line(NodeJournal.status().argv(), Map.of()));
        FileState present = FileState.Present.text("", MODE, OWNER, GROUP);
        FileState other = FileState.Present.text("-", "644", "root", "root");
        fill.put("@UNDO_FILE_PRESENT@", undo(rollback, new FileChange(PATH, other, present), scripts));
        fill.put("@UNDO_FILE_ABSENT@", undo(rollback, new FileChange(PATH, other, FileState.absent()), scripts));
        fill.put("@UNDO_DIRECTORY_CREATE@", undo(rollback, new DirectoryChange(PATH, true), scripts));
        fill.put("@UNDO_DIRECTORY_REMOVE@", undo(rollback, new DirectoryChange(PATH, false), scripts));
        fill.put("@UNDO_OFFLOAD_ON@", undo(rollback, new OffloadChange(IFACE, FEATURE, false, true), scripts));
        fill.put("@UNDO_OFFLOAD_OFF@", undo(rollback, new OffloadChange(IFACE, FEATURE, true, false), scripts));
        fill.put("@UNDO_UNIT_ENABLE@", undo(rollback, new UnitEnablementChange(UNIT, false, true), scripts));
        fill.put("@UNDO_UNIT_DISABLE@", undo(rollback, new UnitEnablementChange(UNIT, true, false), scripts));
        Duration timeout = Duration.ofMillis(Long.parseLong(TENTHS) * 100);
        for (ServiceChange.Action a : ServiceChange.Action.values()) {
            fill.put("@UNDO_SERVICE_" + a.name() + "@", undo(rollback, new ServiceChange(UNIT, a, timeout), scripts));
        }
        fill.put("@UNDO_DAEMON_RELOAD@", undo(rollback, new DaemonReload(), scripts));
        fill.put("@UNDO_UDEV_TRIGGER@", undo(rollback, new UdevTrigger(IFACE), scripts));
        String body = template();
        for (Map.Entry<String, String> e : fill.entrySet()) {
            if (!body.contains(e.getKey())) {
                throw new IllegalStateException("rollback.sh has no " + e.getKey());
            }
            body = body.replace(e.getKey(), e.getValue());
        }
        return "#!/bin/sh\n"
                + "# nodefix node script: rollback " + rollback + " of run " + run + ", exported by `nodefix export suc"
                + " --rollback " + run + "`.\n"
                + "# Run as root on the node (the system-upgrade-controller Job runs `chroot /host sh node.sh`). It"
                + " undoes run " + run + "\n"
                + "# on this node from the node's own journal in " + NodeJournal.DIR + ", as `nodefix rollback " + run
                + " --from-nodes`\n"
                + "# does over SSH, journaled as rollback " + rollback + ", and prints a line per change. Running it"
                + " again undoes nothing twice.\n"
                + scripts.definitions() + body;
    }

    /**
     * The command line that applies {@code inverse} journaled in the rollback's journal: {@link NodeJournal#journaled}'s
     * argv for it, every stand-in replaced by the shell variable the script read it into. Its stdin (the intent
     * line, then a file's content) the script writes.
     */
    private static String undo(String rollback, Change inverse, EmbeddedScripts scripts) {
        Entry.Intent intent = new Entry.Intent(Integer.parseInt(SEQ), 1, "undo", inverse, Optional.of(rollback + "#1"));
        List<String> argv = new ArrayList<>();
        for (String w : NodeJournal.journaled(rollback, intent).argv()) {
            argv.add(w.equals(SEQ) ? "nf-stand-in-seq" : w.equals(TENTHS) ? "nf-stand-in-tenths" : w);
        }
        Map<String, String> standIns = new LinkedHashMap<>();
        standIns.put("nf-stand-in-seq", "\"$nf_seq\"");
        standIns.put("nf-stand-in-tenths", "\"$nf_tenths\"");
        standIns.put(PATH, "\"$nf_p\"");
        standIns.put(IFACE, "\"$nf_i\"");
        standIns.put(FEATURE, "\"$nf_f\"");
        standIns.put(UNIT, "\"$nf_u\"");
        standIns.put(OWNER, "\"$nf_bw\"");
        standIns.put(GROUP, "\"$nf_bg\"");
        for (int i = 0; i < argv.size(); i++) {
            if (argv.get(i).equals(MODE) && i > 0 && argv.get(i - 1).equals(PATH)) {
                argv.set(i, "nf-stand-in-mode");
            }
        }
        standIns.put("nf-stand-in-mode", "\"$nf_bm\"");
        return scripts.line(argv, standIns);
    }

    private static String template() {
        try (InputStream in = NodeRollback.class.getResourceAsStream("rollback.sh")) {
            if (in == null) {
                throw new IllegalStateException("rollback.sh is missing from the nodefix jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rollback.sh", e);
        }
    }
}
