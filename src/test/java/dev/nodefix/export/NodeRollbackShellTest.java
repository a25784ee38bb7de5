package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.Change;
import dev.nodefix.change.CommandChange;
import dev.nodefix.change.DaemonReload;
import dev.nodefix.change.DirectoryChange;
import dev.nodefix.change.FileChange;
import dev.nodefix.change.OffloadChange;
import dev.nodefix.change.UdevTrigger;
import dev.nodefix.change.UnitEnablementChange;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.EntryCodec;
import dev.nodefix.journal.History;
import dev.nodefix.journal.HostEntry;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RunKind;
import dev.nodefix.query.FileState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rollback node script under dash, as root in a private mount namespace: a tmpfs over /var/lib (the node's
 * journals) and over /usr/local/sbin, which holds stubs for ethtool, systemctl and udevadm (first on the script's
 * PATH) that keep their state in files. A run's journal is written as nodefix writes it (over SSH or by the apply
 * script), the node left as the run left it; then the script, and again.
 */
class NodeRollbackShellTest {
    private static final String RUN = NodeScriptTest.RUN;
    private static final String RB = NodeRollbackTest.ROLLBACK;
    private static final String OLD = "20261202T160000Z-0aaa";
    private static final String LATER = "20261202T173000Z-0bbb";

    @TempDir Path dir;
    private Path root;
    private final List<String> setup = new ArrayList<>();
    private String shell = "dash";

    record Pass(int exit, String out) {}

    record Ran(Pass first, Pass second, String rollbackJournal, String calls) {
        List<Recorded> undos() {
            return History.of(JournalText.parse(RB, rollbackJournal).entries().stream().map(HostEntry::entry).toList());
        }
    }

    @BeforeEach
    void node() throws IOException {
        root = dir.resolve("root");
        Files.createDirectories(root.resolve("etc/systemd/system"));
        Files.createDirectories(root.resolve("etc/udev/rules.d"));
        stub("ethtool", "case $1 in -k) [ \"$2\" = flannel.1 ] || { echo 'netlink error: no device matches name (offset 24)' >&2; exit 1; }\n"
                + "  echo \"Features for $2:\"; for f in " + dir + "/feature-*; do printf '%s: %s\\n' \"${f##*/feature-}\" \"$(cat \"$f\")\"; done ;;\n"
                + "-K) echo \"$4\" > " + dir + "/feature-$3; echo \"ethtool $*\" >> " + dir + "/calls ;; esac");
        stub("systemctl", "echo \"systemctl $*\" >> " + dir + "/calls\n"
                + "case $1 in show) u=$8; echo LoadState=loaded; echo \"UnitFileState=$(cat " + dir + "/unit-$u 2>/dev/null || echo disabled)\";"
                + " echo ActiveState=inactive ;;\n"
                + "enable) echo enabled > " + dir + "/unit-$3 ;; disable) echo disabled > " + dir + "/unit-$3 ;; esac");
        stub("udevadm", "echo \"udevadm $*\" >> " + dir + "/calls");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "on\n");
        Files.writeString(dir.resolve("calls"), "");
    }

    /**
     * The fix playbook's three tasks as a run journaled them (the offload, the udev rule and its trigger, the unit file
     * over an older one with its reload, directory and enable), the node as the run left it: the script undoes every
     * change, last task first and triggers after, journals the rollback as one of RUN, and a second pass does nothing.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dash", "busybox ash"})
    void aRunIsUndoneLastFirstFromTheNodesJournalAndASecondPassDoesNothing(String shell) throws Exception {
        if (shell.startsWith("busybox")) { // busybox's awk, sed, stat and base64 too (a node with busybox only)
            for (String tool : List.of("awk", "sed", "stat", "base64")) {
                stub(tool, "exec busybox " + tool + " \"$@\"");
            }
        }
        this.shell = shell;
        Path rule = root.resolve("etc/udev/rules.d/90-flannel.rules");
        Path unit = root.resolve("etc/systemd/system/x.service");
        Path wants = root.resolve("etc/systemd/system/x.wants");
        Files.writeString(unit, "[Unit]\nDescription=old\n");
        setPermissions(unit, "rw-------");
        FileState oldUnit = FileState.Present.text("[Unit]\nDescription=old\n", "600", "root", "root");
        List<Change> changes = List.of(new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false),
                new FileChange(rule.toString(), FileState.absent(), FileState.Present.text("SUBSYSTEM==\"net\"\n", "644", "root", "root")),
                new UdevTrigger("flannel.1"),
                new FileChange(unit.toString(), oldUnit, FileState.Present.text("[Unit]\nDescription=new\n", "644", "root", "root")),
                new DaemonReload(), new DirectoryChange(wants.toString(), true),
                new UnitEnablementChange("x.service", false, true));
        int[] tasks = {1, 2, 2, 3, 3, 3, 3};
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z", changes, tasks, "done");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "off\n");
        Files.writeString(rule, "SUBSYSTEM==\"net\"\n");
        Files.writeString(unit, "[Unit]\nDescription=new\n");
        setPermissions(unit, "rw-r--r--");
        Files.createDirectory(wants);
        Files.writeString(dir.resolve("unit-x.service"), "enabled\n");

        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isZero();
        assertThat(r.first().out()).contains("undone: [n1] undo task 3 => disable x.service")
                .contains("undone: [n1] undo task 3 => remove empty directory " + wants)
                .contains("undone: [n1] undo task 3 => restore " + unit + " (600 root:root, as before run " + RUN + ")")
                .contains("undone: [n1] undo task 3 => systemctl daemon-reload")
                .contains("undone: [n1] undo task 2 's \"q\" => remove " + rule)
                .contains("undone: [n1] undo task 1 => flannel.1: tx-checksum-ip-generic off -> on")
                .contains("RECAP: [n1] undone=7 skipped=0 conflict=0 failed=0 rollback " + RB + " of run " + RUN);
        List<String> expected = new ArrayList<>();
        for (int seq : new int[] {7, 6, 4, 5, 2, 3, 1}) {
            expected.add(RUN + "#" + seq + " " + changes.get(seq - 1).inverse().orElseThrow().describe() + " DONE");
        }
        assertThat(r.undos()).extracting(u -> u.undoes().orElseThrow() + " " + u.change().describe() + " " + u.status())
                .containsExactlyElementsOf(expected);
        assertThat(r.undos()).extracting(Recorded::task).containsExactly(1, 1, 1, 1, 2, 2, 3);
        assertThat(r.undos().get(4).taskName()).isEqualTo("undo task 2 's \"q\"");
        assertThat(r.rollbackJournal()).startsWith("{\"phase\":\"started\",\"run\":\"" + RB
                + "\",\"kind\":\"rollback\",\"rollback_of\":\"" + RUN + "\",");
        assertThat(Files.exists(rule)).isFalse();
        assertThat(Files.readString(unit)).isEqualTo("[Unit]\nDescription=old\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(unit))).isEqualTo("rw-------");
        assertThat(Files.exists(wants)).isFalse();
        assertThat(Files.readString(dir.resolve("feature-tx-checksum-ip-generic"))).isEqualTo("on\n");
        assertThat(Files.readString(dir.resolve("unit-x.service"))).isEqualTo("disabled\n");
        assertThat(r.calls()).contains("systemctl daemon-reload").contains("udevadm control --reload-rules");

        assertThat(r.second().exit()).as(r.second().out()).isZero();
        assertThat(r.second().out()).contains("skipped: [n1] undo task 3 => disable x.service: undone already by rollback " + RB)
                .contains("skipped: [n1] undo task 3 => systemctl daemon-reload: nothing in this task was undone")
                .contains("RECAP: [n1] undone=0 skipped=7 conflict=0 failed=0").doesNotContain("undone:");
    }

    @Test
    void aFileChangedByHandSinceIsAConflictLeftAloneAndFailsTheJob() throws Exception {
        Path rule = root.resolve("etc/udev/rules.d/90-flannel.rules");
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z",
                List.of(new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false),
                        new FileChange(rule.toString(), FileState.absent(), FileState.Present.text("a\n", "644", "root", "root"))),
                new int[] {1, 2}, "done");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "off\n");
        Files.writeString(rule, "edited by hand\n");
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isEqualTo(2);
        assertThat(r.first().out()).contains("conflict: [n1] undo task 2 's \"q\" => remove " + rule + " (absent before run " + RUN + "): changed since the run")
                .contains("undone: [n1] undo task 1 => flannel.1: tx-checksum-ip-generic off -> on")
                .contains("undone=1 skipped=0 conflict=1 failed=0");
        assertThat(Files.readString(rule)).isEqualTo("edited by hand\n");
    }

    /** A task that wrote one file twice, the file put back as it was before both by hand: nothing is a conflict. */
    @Test
    void aFileAsItWasBeforeAnEarlierChangeOfTheTaskIsUndoneAlready() throws Exception {
        Path file = root.resolve("etc/x.conf");
        FileState a = FileState.Present.text("a\n", "644", "root", "root");
        FileState b = FileState.Present.text("b\n", "644", "root", "root");
        FileState c = FileState.Present.text("c\n", "644", "root", "root");
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z",
                List.of(new FileChange(file.toString(), a, b), new FileChange(file.toString(), b, c)), new int[] {1, 1}, "done");
        Files.writeString(file, "a\n");
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isZero();
        assertThat(r.first().out()).contains("skipped: [n1] undo task 1 => restore " + file + " (644 root:root, as before run "
                        + RUN + "): already undone (the file is as it was before an earlier change of this task)")
                .contains("already undone (the before-image is in place)").contains("undone=0 skipped=2 conflict=0");
        assertThat(Files.readString(file)).isEqualTo("a\n");
    }

    @Test
    void aNodeThatNeverHadTheRunSaysSoAndPasses() throws Exception {
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isZero();
        assertThat(r.first().out()).contains("ok: [n1] run " + RUN + " never changed this node");
        assertThat(r.rollbackJournal()).isEmpty();
    }

    @Test
    void changesAnEarlierRollbackUndidAreNotUndoneAgainThoughTheirResultIsBack() throws Exception {
        OffloadChange off = new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false);
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z", List.of(off), new int[] {1}, "done");
        List<String> undo = new ArrayList<>(List.of(line(new Entry.Started(OLD, RunKind.ROLLBACK, Optional.of(RUN), Instant.parse("2026-12-02T17:10:00Z")))));
        undo.add(line(new Entry.Intent(1, 1, "undo task 1", off.inverse().orElseThrow(), Optional.of(RUN + "#1"))));
        undo.add(line(new Entry.Done(1)));
        Files.writeString(dir.resolve(OLD + ".journal"), String.join("\n", undo) + "\n");
        setup.add("cp " + dir.resolve(OLD + ".journal") + " /var/lib/nodefix/runs/");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "off\n"); // off again, by someone else
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isZero();
        assertThat(r.first().out()).contains("skipped: [n1] undo task 1 => flannel.1: tx-checksum-ip-generic off -> on:"
                + " undone already by rollback " + OLD);
        assertThat(r.rollbackJournal()).as("nothing to undo: no lock, no journal").isEmpty();
    }

    @Test
    void aThingALaterRunChangedIsThatRunsAConflictNamingIt() throws Exception {
        Path rule = root.resolve("etc/udev/rules.d/90-flannel.rules");
        FileState mine = FileState.Present.text("a\n", "644", "root", "root");
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z",
                List.of(new FileChange(rule.toString(), FileState.absent(), mine)), new int[] {1}, "done");
        journal(LATER, RunKind.APPLY, Optional.empty(), "2026-12-02T17:30:00Z",
                List.of(new FileChange(rule.toString(), mine, FileState.Present.text("b\n", "644", "root", "root"))),
                new int[] {1}, "done");
        Files.writeString(rule, "b\n");
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isEqualTo(2);
        assertThat(r.first().out()).contains("conflict: [n1] undo task 1 => remove " + rule + " (absent before run " + RUN + "): run " + LATER
                + " changed it since; left alone: roll back " + LATER + " first");
        assertThat(Files.readString(rule)).isEqualTo("b\n");
    }

    /** The command is the run's first change, so the last the rollback comes to: the offload after it stays off. */
    @Test
    void aChangeTheScriptCannotUndoFailsTheJobBeforeAnythingIsUndone() throws Exception {
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z",
                List.of(new CommandChange("touch /x", Optional.of("rm -f /x")),
                        new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false)), new int[] {1, 2}, "done");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "off\n");
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isEqualTo(2);
        assertThat(r.first().out()).contains("failed: [n1] undo task 1 => change #1 of run " + RUN + " (command)"
                + " cannot be undone by this script; nothing changed: roll it back over SSH (nodefix rollback " + RUN
                + " --from-nodes)");
        assertThat(Files.readString(dir.resolve("feature-tx-checksum-ip-generic"))).isEqualTo("off\n");
        assertThat(r.rollbackJournal()).isEmpty();
    }

    /**
     * Task 1's file is a symbolic link now (the node cannot be read as the rollback needs): the read-only pass fails the
     * Job before task 2's offload, undone first in the order, is touched.
     */
    @Test
    void aChangeWhoseNodeCannotBeReadFailsTheJobBeforeAnythingIsUndone() throws Exception {
        Path rule = root.resolve("etc/udev/rules.d/90-flannel.rules");
        journal(RUN, RunKind.APPLY, Optional.empty(), "2026-12-02T17:00:00Z",
                List.of(new FileChange(rule.toString(), FileState.absent(), FileState.Present.text("a\n", "644", "root", "root")),
                        new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false)), new int[] {1, 2}, "done");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "off\n");
        Files.createSymbolicLink(rule, root.resolve("etc/hostname"));
        Ran r = run();
        assertThat(r.first().exit()).as(r.first().out()).isEqualTo(2);
        assertThat(r.first().out()).contains("failed: [n1] undo task 1 => remove " + rule)
                .contains("cannot read " + rule + ": a symbolic link").doesNotContain("undone: ");
        assertThat(Files.readString(dir.resolve("feature-tx-checksum-ip-generic"))).isEqualTo("off\n");
        assertThat(r.rollbackJournal()).isEmpty();
    }

    /**
     * A damaged journal of RUN refuses the rollback before anything is undone, as over SSH (which overrides it only with
     * --force=nodes); a torn last line (a crash mid-write) is left to the node's state and the rest is rolled back.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "garbled line    | S,I1,D1,garbage,I2,D2 | line 4 is garbled",
            "gap             | S,I2,D2               | change #1 is missing (a gap)",
            "number twice    | S,I1,I1,D1            | change #1 has two intent lines",
            "outcome first   | S,D1,I1               | an outcome for change #1 before its intent line",
            "torn last line  | S,I1,D1,torn          | ''"})
    void aDamagedJournalRefusesTheRollback(String name, String lines, String refused) throws Exception {
        OffloadChange off = new OffloadChange("flannel.1", "tx-checksum-ip-generic", true, false);
        OffloadChange tso = new OffloadChange("flannel.1", "tso", true, false);
        StringBuilder text = new StringBuilder();
        for (String l : lines.split(",")) {
            text.append(switch (l) {
                case "S" -> line(new Entry.Started(RUN, RunKind.APPLY, Optional.empty(), Instant.parse("2026-12-02T17:00:00Z"))) + "\n";
                case "I1" -> line(new Entry.Intent(1, 1, "task 1", off, Optional.empty())) + "\n";
                case "I2" -> line(new Entry.Intent(2, 1, "task 1", tso, Optional.empty())) + "\n";
                case "D1" -> line(new Entry.Done(1)) + "\n";
                case "D2" -> line(new Entry.Done(2)) + "\n";
                case "torn" -> "{\"phase\":\"intent\",\"seq\":2,\"task\":1,\"task_na";
                default -> l + "\n";
            });
        }
        Files.writeString(dir.resolve(RUN + ".journal"), text.toString());
        setup.add("cp " + dir.resolve(RUN + ".journal") + " /var/lib/nodefix/runs/");
        Files.writeString(dir.resolve("feature-tx-checksum-ip-generic"), "off\n");
        Files.writeString(dir.resolve("feature-tso"), "off\n");
        Ran r = run();
        if (refused.isEmpty()) {
            assertThat(r.first().exit()).as(r.first().out()).isZero();
            assertThat(r.first().out()).contains("undone=1 skipped=0 conflict=0 failed=0");
            assertThat(Files.readString(dir.resolve("feature-tx-checksum-ip-generic"))).isEqualTo("on\n");
            return;
        }
        assertThat(r.first().exit()).as(r.first().out()).isEqualTo(2);
        assertThat(r.first().out()).contains("failed: [n1] run " + RUN + " => its journal on this node is damaged ("
                + refused).contains("nothing is rolled back").contains("--from-nodes --force=nodes");
        assertThat(Files.readString(dir.resolve("feature-tx-checksum-ip-generic"))).isEqualTo("off\n");
        assertThat(r.rollbackJournal()).isEmpty();
    }

    /** Writes RUN's journal on the node: started, then each change's intent and {@code outcome}. */
    private void journal(String run, RunKind kind, Optional<String> of, String at, List<Change> changes, int[] tasks,
                         String outcome) throws IOException {
        List<String> lines = new ArrayList<>(List.of(line(new Entry.Started(run, kind, of, Instant.parse(at)))));
        for (int i = 0; i < changes.size(); i++) {
            lines.add(line(new Entry.Intent(i + 1, tasks[i], name(tasks[i]), changes.get(i), Optional.empty())));
            if (outcome.equals("done")) {
                lines.add(line(new Entry.Done(i + 1)));
            }
        }
        Files.writeString(dir.resolve(run + ".journal"), String.join("\n", lines) + "\n");
        setup.add("cp " + dir.resolve(run + ".journal") + " /var/lib/nodefix/runs/");
    }

    /** Task 2's name has quotes, which the journal escapes and the rollback's journal keeps. */
    private static String name(int task) {
        return "task " + task + (task == 2 ? " 's \"q\"" : "");
    }

    private static String line(Entry e) {
        return EntryCodec.line(Optional.empty(), e);
    }

    private Ran run() throws IOException, InterruptedException {
        Path script = dir.resolve("node.sh");
        Files.writeString(script, NodeRollbackTest.script());
        String sh = "mount -t tmpfs nodefix-test /var/lib && mount -t tmpfs nodefix-test /usr/local/sbin || exit 9\n"
                + "cp " + dir.resolve("stubs") + "/* /usr/local/sbin/ && mkdir -p /var/lib/nodefix/runs || exit 9\n"
                + String.join("\n", setup) + "\n"
                + "SYSTEM_UPGRADE_NODE_NAME=n1 " + shell + " " + script + " > " + dir.resolve("out1") + " 2>&1; echo $? > " + dir.resolve("rc1") + "\n"
                + "SYSTEM_UPGRADE_NODE_NAME=n1 " + shell + " " + script + " > " + dir.resolve("out2") + " 2>&1; echo $? > " + dir.resolve("rc2") + "\n"
                + "cat /var/lib/nodefix/runs/" + RB + ".journal > " + dir.resolve("rb.journal") + " 2>/dev/null; [ ! -e /var/lib/nodefix/lock ] || echo LOCK LEFT >> " + dir.resolve("out2") + "\n";
        Process p = new ProcessBuilder("unshare", "-m", "dash", "-c", sh).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        Pass first = new Pass(Integer.parseInt(Files.readString(dir.resolve("rc1")).strip()), Files.readString(dir.resolve("out1")));
        Pass second = new Pass(Integer.parseInt(Files.readString(dir.resolve("rc2")).strip()), Files.readString(dir.resolve("out2")));
        assertThat(second.out()).doesNotContain("LOCK LEFT");
        Path rb = dir.resolve("rb.journal");
        return new Ran(first, second, Files.exists(rb) ? Files.readString(rb) : "", Files.readString(dir.resolve("calls")));
    }

    private void stub(String name, String body) throws IOException {
        Path file = dir.resolve("stubs").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        setPermissions(file, "rwxr-xr-x");
    }

    private static void setPermissions(Path file, String perms) throws IOException {
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(perms));
    }
}
