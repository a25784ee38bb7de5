package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.OffloadChange;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.EntryCodec;
import dev.nodefix.journal.RunKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node script's runtime under dash, in a private mount namespace with a tmpfs over /var/lib (root needed, as for
 * the lab): the lock it takes over and the one it leaves, and a run rolled back on the node, wholly or in part.
 */
class NodeRuntimeShellTest {
    private static final String RUN = NodeScriptTest.RUN;
    private static final String R1 = "20261202T180000Z-aaaa";
    private static final String R2 = "20261202T190000Z-bbbb";
    private static final String OTHER_BOOT = "00000000-0000-0000-0000-000000000000";

    @TempDir Path dir;

    record Ran(int exit, String out) {}

    @Test
    void aLockOfThisRunFromBeforeTheLastBootIsTakenOverThoughItsPidRunsAgain() throws Exception {
        Ran r = lock(RUN + " started 2026-12-02T17:00:00Z by system-upgrade-controller@n1 pid 1 boot " + OTHER_BOOT);
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("took over the lock an earlier attempt of run " + RUN + " left")
                .containsPattern("held: " + RUN + " started \\S+ by system-upgrade-controller@\\S+ pid \\d+ boot " + bootId());
    }

    @Test
    void aLockOfThisRunWhosePidRunsInThisBootIsKept() throws Exception {
        Ran r = lock(RUN + " started 2026-12-02T17:00:00Z by system-upgrade-controller@n1 pid 1 boot " + bootId());
        assertThat(r.exit()).as(r.out()).isEqualTo(75);
        assertThat(r.out()).contains("is locked by " + RUN + " started").doesNotContain("took over");
        Ran noBoot = lock(RUN + " started 2026-12-02T17:00:00Z by system-upgrade-controller@n1 pid 1");
        assertThat(noBoot.exit()).as(noBoot.out()).isEqualTo(75);
    }

    @Test
    void aLockOfThisRunWhosePidIsGoneIsTakenOverAndAnotherRunsIsNot() throws Exception {
        Ran gone = lock(RUN + " started 2026-12-02T17:00:00Z by system-upgrade-controller@n1 pid 999999999 boot " + bootId());
        assertThat(gone.exit()).as(gone.out()).isZero();
        Ran other = lock(R1 + " started 2026-12-02T17:00:00Z by system-upgrade-controller@n1 pid 1 boot " + OTHER_BOOT);
        assertThat(other.exit()).as(other.out()).isEqualTo(75);
    }

    @Test
    void aRunWhoseRollbackUndidEveryChangeIsNotAppliedAgain() throws Exception {
        Ran r = rolledBack(List.of(rollback(R1, undo(1, 2, true), undo(2, 1, true))));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("run " + RUN + " was rolled back on this node by " + R1).doesNotContain("continued");
    }

    @Test
    void aRollbackThatFailedHalfwayFailsTheJob() throws Exception {
        Ran r = rolledBack(List.of(rollback(R1, undo(1, 2, true), undo(2, 1, false))));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("only in part (last by " + R1 + "): its change(s) 1 not undone")
                .doesNotContain("continued");
    }

    @Test
    void aRollbackRefusedBeforeItUndidAnythingFailsTheJob() throws Exception {
        Ran r = rolledBack(List.of(rollback(R1)));
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("its change(s) 1 2 not undone");
    }

    @Test
    void aSecondRollbackThatFinishedTheFirstsWorkCounts() throws Exception {
        Ran r = rolledBack(List.of(rollback(R1, undo(1, 2, true), undo(2, 1, false)), rollback(R2, undo(1, 1, true))));
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("was rolled back on this node by " + R2);
    }

    @Test
    void withoutARollbackTheScriptGoesOn() throws Exception {
        Ran r = rolledBack(List.of());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).isEqualTo("continued");
    }

    private Ran lock(String holder) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("lock"), holder + "\n");
        return run("mkdir -p /var/lib/nodefix && cp " + dir.resolve("lock") + " /var/lib/nodefix/lock\n",
                "nf_lock; echo \"held: $(cat /var/lib/nodefix/lock)\"\n");
    }

    /** The run's journal (changes 1 and 2 landed, 3 unchanged) and the rollbacks' journals, then the runtime. */
    private Ran rolledBack(List<List<String>> rollbacks) throws IOException, InterruptedException {
        List<String> mine = new ArrayList<>(List.of(line(new Entry.Started(RUN, RunKind.APPLY, Optional.empty(), Instant.EPOCH))));
        for (int seq = 1; seq <= 3; seq++) {
            mine.add(line(new Entry.Intent(seq, seq, "task " + seq, change(seq), Optional.empty())));
            mine.add(line(new Entry.Done(seq)));
        }
        mine.add(line(new Entry.Unchanged(3)));
        StringBuilder setup = new StringBuilder("mkdir -p /var/lib/nodefix/runs\n");
        plant(setup, RUN, mine);
        for (List<String> r : rollbacks) {
            plant(setup, r.get(0), r.subList(1, r.size()));
        }
        return run(setup.toString(), "echo continued\n");
    }

    private void plant(StringBuilder setup, String run, List<String> lines) throws IOException {
        Path file = dir.resolve(run + ".journal");
        Files.writeString(file, String.join("\n", lines) + "\n");
        setup.append("cp ").append(file).append(" /var/lib/nodefix/runs/\n");
    }

    /** A rollback's id, then its journal: started, then each undo's lines. */
    @SafeVarargs
    private static List<String> rollback(String id, List<String>... undos) {
        List<String> out = new ArrayList<>(List.of(id, line(new Entry.Started(id, RunKind.ROLLBACK, Optional.of(RUN), Instant.EPOCH))));
        for (List<String> u : undos) {
            out.addAll(u);
        }
        return out;
    }

    private static List<String> undo(int seq, int of, boolean done) {
        return List.of(line(new Entry.Intent(seq, 1, "task " + of, change(of), Optional.of(RUN + "#" + of))),
                line(done ? new Entry.Done(seq) : new Entry.Failed(seq, "exit 1: no")));
    }

    private static OffloadChange change(int seq) {
        return new OffloadChange("flannel.1", "feature-" + seq, true, false);
    }

    private static String line(Entry e) {
        return EntryCodec.line(Optional.empty(), e);
    }

    private static String bootId() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
    }

    private Ran run(String setup, String then) throws IOException, InterruptedException {
        EmbeddedScripts scripts = new EmbeddedScripts();
        String runtime = NodeRuntime.text(RUN, scripts);
        String script = "mount -t tmpfs nodefix-test /var/lib || exit 9\n" + setup + scripts.definitions() + runtime + then;
        Process p = new ProcessBuilder("unshare", "-m", "dash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Ran(p.waitFor(), out);
    }
}
