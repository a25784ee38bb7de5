package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.CommandChange;
import dev.nodefix.change.FileChange;
import dev.nodefix.fact.NobodyShell;
import dev.nodefix.query.FileState;
import dev.nodefix.query.LocalShell;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NodeJournal's lock, journaled, unlock and read scripts run for real by /bin/sh, with {@link NodeJournal#DIR}
 * moved into a temp dir (the real /var/lib/nodefix is never touched).
 */
class NodeJournalScriptTest {
    private static final String RUN_A = "20261125T201503Z-aaaa";
    private static final String RUN_B = "20261125T201612Z-bbbb";

    @TempDir
    Path tmp;
    private Path nodeDir;
    private String owner;
    private String group;

    @BeforeEach
    void setUp() throws IOException {
        nodeDir = tmp.resolve("var-lib-nodefix");
        PosixFileAttributes a = Files.readAttributes(tmp, PosixFileAttributes.class);
        owner = a.owner().getName();
        group = a.group().getName();
    }

    @Test
    void secondLockFailsFastNamingTheHolder() throws IOException {
        CommandResult first = run(NodeJournal.lock(started(RUN_A), "alice@ctl pid 42"));
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(Files.readString(nodeDir.resolve("lock"))).isEqualTo(RUN_A + " alice@ctl pid 42\n");

        CommandResult second = run(NodeJournal.lock(started(RUN_B), "bob@ctl pid 7"));
        assertThat(second.exitCode()).isEqualTo(NodeJournal.LOCKED);
        assertThat(second.stdout().strip()).isEqualTo(RUN_A + " alice@ctl pid 42");
        // the loser did not start a journal of its own
        assertThat(nodeDir.resolve("runs/" + RUN_B + ".journal")).doesNotExist();
        assertThat(journal(RUN_A).entries()).extracting(HostEntry::entry).containsExactly(started(RUN_A));
    }

    @Test
    void onlyTheHolderReleasesTheLock() {
        assertThat(run(NodeJournal.lock(started(RUN_A), "a")).exitCode()).isZero();
        assertThat(run(NodeJournal.unlock(RUN_B)).exitCode()).isZero();
        assertThat(nodeDir.resolve("lock")).isRegularFile();
        assertThat(run(NodeJournal.lock(started(RUN_B), "b")).exitCode()).isEqualTo(NodeJournal.LOCKED);

        assertThat(run(NodeJournal.unlock(RUN_A)).exitCode()).isZero();
        assertThat(nodeDir.resolve("lock")).doesNotExist();
        assertThat(run(NodeJournal.lock(started(RUN_B), "b")).exitCode()).isZero();
    }

    @Test
    void breakingALockLeftBehindTakesItOverAndSaysWhose() throws IOException {
        assertThat(run(NodeJournal.lock(started(RUN_A), "a")).exitCode()).isZero();
        CommandResult r = run(NodeJournal.lock(started(RUN_B), "b", true));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("broke lock of " + RUN_A);
        assertThat(Files.readString(nodeDir.resolve("lock"))).isEqualTo(RUN_B + " b\n");
        assertThat(journal(RUN_B).entries()).extracting(HostEntry::entry).containsExactly(started(RUN_B));
    }

    @Test
    void aHolderThatCannotBeWrittenTakesNoLockAtAll() throws IOException {
        Files.createDirectories(nodeDir.resolve("lock." + RUN_A)); // the holder's file cannot be written, as on a full disk
        CommandResult r = run(NodeJournal.lock(started(RUN_A), "a"));

        assertThat(r.exitCode()).isEqualTo(70);
        assertThat(r.stderr()).contains("cannot write the lock's holder").contains("no lock taken");
        assertThat(nodeDir.resolve("lock")).doesNotExist();
    }

    @Test
    void aJournalThatCannotBeStartedReleasesTheLockItTook() throws IOException {
        Files.createDirectories(nodeDir.resolve("runs"));
        // a journal that cannot be created, as on a full disk: a dangling link into a directory that does not exist
        Files.createSymbolicLink(nodeDir.resolve("runs/" + RUN_A + ".journal"), tmp.resolve("missing/journal"));
        CommandResult r = run(NodeJournal.lock(started(RUN_A), "a"));

        assertThat(r.exitCode()).isEqualTo(70);
        assertThat(r.stderr()).contains("lock released");
        assertThat(nodeDir.resolve("lock")).doesNotExist();
    }

    @Test
    void anOldStyleLockDirectoryStillLocksAndBreaksNamingItsHolder() throws IOException {
        Files.createDirectories(nodeDir.resolve("lock"));
        Files.writeString(nodeDir.resolve("lock/holder"), RUN_A + " old\n");
        CommandResult locked = run(NodeJournal.lock(started(RUN_B), "b"));
        assertThat(locked.exitCode()).isEqualTo(NodeJournal.LOCKED);
        assertThat(locked.stdout().strip()).isEqualTo(RUN_A + " old");

        CommandResult broken = run(NodeJournal.lock(started(RUN_B), "b", true));
        assertThat(broken.exitCode()).as(broken.stderr()).isZero();
        assertThat(broken.stderr()).contains("broke lock of " + RUN_A + " old");
        assertThat(Files.readString(nodeDir.resolve("lock"))).isEqualTo(RUN_B + " b\n");
    }

    @Test
    void statusNamesTheHolderAndRemoveTakesOnlyTheLockItSaw() {
        assertThat(run(NodeJournal.status()).stdout()).isEqualTo("free\n");
        run(NodeJournal.lock(started(RUN_A), "a"));
        assertThat(run(NodeJournal.status()).stdout()).isEqualTo("lock " + RUN_A + " a\n");

        assertThat(run(NodeJournal.remove(RUN_B + " b")).exitCode()).isEqualTo(NodeJournal.LOCKED);
        assertThat(nodeDir.resolve("lock")).exists();
        assertThat(run(NodeJournal.remove(RUN_A + " a")).exitCode()).isZero();
        assertThat(nodeDir.resolve("lock")).doesNotExist();
    }

    @Test
    void breakLockRemovesAnyLockAndSaysWhose() {
        run(NodeJournal.lock(started(RUN_A), "a"));
        CommandResult r = run(NodeJournal.breakLock());
        assertThat(r.exitCode()).isZero();
        assertThat(r.stderr()).contains("broke lock of " + RUN_A + " a");
        assertThat(nodeDir.resolve("lock")).doesNotExist();
    }

    @Test
    void aChangeStillRunningIsSeenInFlightUntilItEnds() throws Exception {
        run(NodeJournal.lock(started(RUN_A), "a"));
        Entry.Intent intent = new Entry.Intent(1, 1, "slow",
                new CommandChange("sleep 3", Optional.of("true"), Optional.empty(), Optional.empty()), Optional.empty());
        java.util.concurrent.CompletableFuture<CommandResult> slow =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> run(NodeJournal.journaled(RUN_A, intent)));
        String seen = "";
        for (int i = 0; i < 50 && !seen.contains("inflight"); i++) {
            Thread.sleep(50);
            seen = run(NodeJournal.read(RUN_A)).stderr();
        }
        assertThat(seen).matches("inflight " + RUN_A + " 1 \\d+\n");
        assertThat(run(NodeJournal.status()).stdout()).contains("inflight " + RUN_A + " 1 ");

        assertThat(slow.get(30, java.util.concurrent.TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(run(NodeJournal.read(RUN_A)).stderr()).isEmpty();
        assertThat(nodeDir.resolve("inflight")).isEmptyDirectory();
    }

    @Test
    void aMarkerWhoseProcessIsGoneIsNotInFlight() throws IOException {
        run(NodeJournal.lock(started(RUN_A), "a"));
        Files.writeString(nodeDir.resolve("inflight/" + RUN_A + ".1"), ProcessHandle.current().pid() + " 1\n");
        assertThat(run(NodeJournal.read(RUN_A)).stderr()).isEmpty();
    }

    @Test
    void relockingTheSameRunDoesNotStartItsJournalTwice() {
        assertThat(run(NodeJournal.lock(started(RUN_A), "a")).exitCode()).isZero();
        assertThat(run(NodeJournal.unlock(RUN_A)).exitCode()).isZero();
        assertThat(run(NodeJournal.lock(started(RUN_A), "a")).exitCode()).isZero();
        assertThat(journal(RUN_A).entries()).hasSize(1);
    }

    @Test
    void journaledSuccessWritesIntentThenDoneAndBacksUpTheReplacedFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("config.yaml"), "flannel-backend: vxlan\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        FileState before = FileState.Present.text("flannel-backend: vxlan\n", "600", owner, group);
        FileChange change = new FileChange(file.toString(), before,
                FileState.Present.text("flannel-backend: host-gw\n", "600", owner, group));
        assertThat(run(NodeJournal.lock(started(RUN_A), "a")).exitCode()).isZero();

        Entry.Intent intent = new Entry.Intent(1, 1, "backend", change, Optional.empty());
        CommandResult r = run(NodeJournal.journaled(RUN_A, intent));
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        assertThat(Files.readString(file)).isEqualTo("flannel-backend: host-gw\n");
        Path backup = nodeDir.resolve("backups/" + RUN_A + "/1");
        assertThat(Files.readString(backup)).isEqualTo("flannel-backend: vxlan\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        JournalText j = journal(RUN_A);
        assertThat(j.torn()).isEmpty();
        assertThat(j.entries()).extracting(HostEntry::entry).containsExactly(started(RUN_A), intent, new Entry.Done(1));
        assertThat(History.of(j.entries().stream().map(HostEntry::entry).toList()))
                .extracting(Recorded::status).containsExactly(Recorded.Status.DONE);
    }

    @Test
    void theIntentTravelsOnStdinSoBigFilesFitAndContentsStayOutOfTheProcessList() throws IOException {
        Path file = tmp.resolve("big.conf");
        String content = "line of a big file\n".repeat(12_000); // ~230 KB: more than one argument may hold
        FileChange change = new FileChange(file.toString(), FileState.absent(), FileState.Present.text(content, "600", owner, group));
        Command command = NodeJournal.journaled(RUN_A, new Entry.Intent(1, 1, "t", change, Optional.empty()));
        run(NodeJournal.lock(started(RUN_A), "a"));

        assertThat(String.join(" ", command.argv())).doesNotContain("bGluZSBvZiBh").doesNotContain("line of a big");
        assertThat(run(command).exitCode()).isZero();
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(Files.readString(nodeDir.resolve("runs/" + RUN_A + ".journal"))).contains("\"phase\":\"intent\"")
                .contains("{\"phase\":\"done\",\"seq\":1}");
    }

    @Test
    void creatingAFileHasNothingToBackUp() throws IOException {
        Path file = tmp.resolve("new.conf");
        FileChange change = new FileChange(file.toString(), FileState.absent(), FileState.Present.text("x\n", "644", owner, group));
        run(NodeJournal.lock(started(RUN_A), "a"));
        assertThat(run(NodeJournal.journaled(RUN_A, new Entry.Intent(1, 1, "t", change, Optional.empty()))).exitCode()).isZero();
        assertThat(file).hasContent("x");
        assertThat(nodeDir.resolve("backups/" + RUN_A + "/1")).doesNotExist();
    }

    @Test
    void failingChangeAppendsFailedWithItsExitCodeAndReturnsIt() {
        run(NodeJournal.lock(started(RUN_A), "a"));
        Entry.Intent ok = new Entry.Intent(1, 1, "t", new CommandChange("true", Optional.empty()), Optional.empty());
        Entry.Intent bad = new Entry.Intent(2, 1, "t", new CommandChange("echo oops >&2; exit 3", Optional.empty()), Optional.empty());
        assertThat(run(NodeJournal.journaled(RUN_A, ok)).exitCode()).isZero();
        CommandResult r = run(NodeJournal.journaled(RUN_A, bad));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr()).contains("oops");
        assertThat(journal(RUN_A).entries()).extracting(HostEntry::entry)
                .containsExactly(started(RUN_A), ok, new Entry.Done(1), bad, new Entry.Failed(2, "exit 3"));
    }

    @Test
    void aChangeThatIsAShellBuiltinStillGetsItsOutcomeJournaled() {
        // "exit 4" is plain words, so Command.shell sends it as argv; the journal wrapper must not run it in its own shell
        run(NodeJournal.lock(started(RUN_A), "a"));
        Entry.Intent bad = new Entry.Intent(1, 1, "t", new CommandChange("exit 4", Optional.empty()), Optional.empty());
        assertThat(run(NodeJournal.journaled(RUN_A, bad)).exitCode()).isEqualTo(4);
        assertThat(journal(RUN_A).entries()).extracting(HostEntry::entry)
                .containsExactly(started(RUN_A), bad, new Entry.Failed(1, "exit 4"));
    }

    @Test
    void readPrintsTheJournalOrExits44() {
        assertThat(run(NodeJournal.read(RUN_A)).exitCode()).isEqualTo(44);
        run(NodeJournal.lock(started(RUN_A), "a"));
        CommandResult r = run(NodeJournal.read(RUN_A));
        assertThat(r.exitCode()).isZero();
        assertThat(JournalText.parse("node", r.stdout()).entries()).extracting(HostEntry::entry).containsExactly(started(RUN_A));
    }

    @Test
    void listPrintsEveryJournalWithoutTakingTheLockAndKeepsATornLastLineTorn() throws IOException {
        CommandResult none = run(NodeJournal.list());
        assertThat(none.exitCode()).isZero();
        assertThat(NodeHistory.parse("node", none.stdout(), none.stderr()).journals()).isEmpty();
        run(NodeJournal.lock(started(RUN_A), "a"));
        run(NodeJournal.unlock(RUN_A));
        run(NodeJournal.lock(started(RUN_B), "b")); // RUN_B holds the lock: the listing neither waits nor breaks it
        Files.writeString(nodeDir.resolve("runs/" + RUN_B + ".journal"), "{\"phase\":\"do", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(nodeDir.resolve("runs/notes.journal"), "not a run\n");

        CommandResult r = run(NodeJournal.list());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        NodeHistory.Journals listed = NodeHistory.parse("node", r.stdout(), r.stderr());
        assertThat(listed.journals().keySet()).containsExactly(RUN_A, RUN_B);
        assertThat(listed.journals().get(RUN_A).entries()).extracting(HostEntry::entry).containsExactly(started(RUN_A));
        assertThat(listed.journals().get(RUN_A).torn()).isEmpty();
        JournalText b = listed.journals().get(RUN_B);
        assertThat(b.entries()).extracting(HostEntry::entry).containsExactly(started(RUN_B));
        assertThat(b.torn()).hasValueSatisfying(t -> assertThat(t.message())
                .contains("node:" + NodeJournal.journalPath(RUN_B) + ":2: torn last journal line (no newline)"));
        assertThat(Files.readString(nodeDir.resolve("lock"))).startsWith(RUN_B + " b");
    }

    @Test
    void aJournalDirectoryThisLoginCannotReadIsNotReadAsNoRuns() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "root (the listing then runs as nobody)");
        run(NodeJournal.lock(started(RUN_A), "a")); // the lock script leaves the directory 0700, owned by root
        run(NodeJournal.unlock(RUN_A));
        java.util.List<String> prefix = NobodyShell.prefix(tmp); // makes every directory traversable ...
        Files.setPosixFilePermissions(nodeDir, PosixFilePermissions.fromString("rwx------")); // ... but this one
        java.util.List<String> argv = new java.util.ArrayList<>(prefix);
        argv.addAll(NodeJournal.list().argv());
        CommandResult r = LocalShell.run(Command.of(argv.toArray(String[]::new)),
                word -> word.replace(NodeJournal.DIR, nodeDir.toString()));

        assertThat(r.exitCode()).as(r.stdout()).isEqualTo(70);
        assertThat(r.stderr()).contains("cannot read " + nodeDir, "--become");
        assertThat(NodeHistory.of("node", r.exitCode(), r.stdout(), r.stderr()))
                .isNotInstanceOf(NodeHistory.Journals.class);
    }

    private static Entry.Started started(String run) {
        return new Entry.Started(run, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:15:03Z"));
    }

    private JournalText journal(String run) {
        try {
            Path p = nodeDir.resolve("runs/" + run + ".journal");
            return JournalText.parse(p.toString(), Files.readString(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CommandResult run(Command command) {
        assertThat(String.join(" ", command.argv())).contains(NodeJournal.DIR);
        return LocalShell.run(command, word -> word.replace(NodeJournal.DIR, nodeDir.toString()));
    }
}
