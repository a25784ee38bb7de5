package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.FileChange;
import dev.nodefix.engine.BecomeRule;
import dev.nodefix.engine.Connections;
import dev.nodefix.engine.ShellNode;
import dev.nodefix.engine.Task;
import dev.nodefix.engine.TaskPlan;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.Location;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.playbook.Order;
import dev.nodefix.playbook.Play;
import dev.nodefix.playbook.PlayTask;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.Serial;
import dev.nodefix.inventory.Host;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.HostEntry;
import dev.nodefix.journal.History;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.NodeJournal;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RollbackPlanner;
import dev.nodefix.journal.RollbackStep;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.module.Plan;
import dev.nodefix.query.FileState;
import dev.nodefix.query.LocalShell;
import dev.nodefix.query.Query;
import dev.nodefix.query.StateReader;
import dev.nodefix.transport.ssh.Keygen;
import dev.nodefix.transport.ssh.SshTransportFactory;
import dev.nodefix.transport.ssh.TestHosts;
import dev.nodefix.transport.ssh.TestSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor over SSH, running a one-task play whose plan is given (as run -m's and rollback's are), against a stand-in node that runs nodefix's shell for real ({@link ShellNode}): the
 * connection killed between intent and done, a node locked by another run, and drift between the confirmed
 * plan and the state right before applying.
 */
class PlaybookRunFaultTest {
    private static final String RUN = "20261125T201503Z-3f9a";
    private static final String OTHER_RUN = "20261125T200000Z-0b0b";
    private static final String DESIRED = "flannel-backend: host-gw\n";

    @TempDir
    Path tmp;
    private Path nodeDir;
    private Path config;
    private Path key;
    private String owner;
    private String group;

    @BeforeEach
    void setUp() throws IOException {
        nodeDir = tmp.resolve("node-var-lib-nodefix");
        config = Files.writeString(tmp.resolve("config.yaml"), "flannel-backend: vxlan\n");
        key = Keygen.generate(tmp, "id_ed25519", "ed25519", "");
        PosixFileAttributes a = Files.readAttributes(tmp, PosixFileAttributes.class);
        owner = a.owner().getName();
        group = a.group().getName();
    }

    @Test
    void aCleanRunJournalsIntentAndDoneOnBothSides() throws IOException {
        Outcome o = applyWith(line -> ShellNode.Fate.RUN, false);
        assertThat(o.line.status()).as(o.line.detail()).isEqualTo(TaskLine.Status.CHANGED);
        assertThat(Files.readString(config)).isEqualTo(DESIRED);
        assertThat(o.controller()).extracting(Recorded::status).containsExactly(Recorded.Status.DONE);
        assertThat(nodeJournal()).extracting(HostEntry::entry)
                .hasExactlyElementsOfTypes(Entry.Started.class, Entry.Intent.class, Entry.Done.class);
        assertThat(nodeDir.resolve("lock")).doesNotExist();
    }

    @Test
    void connectionKilledAfterTheChangeLandedLeavesAnUnfinishedIntentThatRollbackUndoes() throws IOException {
        Outcome o = applyWith(line -> line.contains("nodefix-journal") ? ShellNode.Fate.DROP_AFTER : ShellNode.Fate.RUN, false);

        assertThat(o.line.status()).isIn(TaskLine.Status.UNREACHABLE, TaskLine.Status.FAILED);
        assertThat(o.line.detail()).contains("connection lost");
        assertThat(Files.readString(config)).isEqualTo(DESIRED); // it landed; the controller never heard
        assertThat(o.entries()).extracting(HostEntry::entry)
                .hasExactlyElementsOfTypes(Entry.Started.class, Entry.Intent.class);
        List<Recorded> recorded = o.controller();
        assertThat(recorded).extracting(Recorded::status).containsExactly(Recorded.Status.UNFINISHED);
        // the node's own journal knows better: the change ran to its end there
        assertThat(nodeJournal()).extracting(HostEntry::entry)
                .hasExactlyElementsOfTypes(Entry.Started.class, Entry.Intent.class, Entry.Done.class);
        // the unlock could not be sent: the lock stays and names this run
        assertThat(Files.readString(nodeDir.resolve("lock"))).startsWith(RUN + " ");

        assertThat(rollback(recorded, observe())).extracting(RollbackStep::action).containsExactly(RollbackStep.Action.UNDO);
        assertRollbackFollowsTheState(recorded);
    }

    @Test
    void connectionKilledBeforeTheChangeRanLeavesAnUnfinishedIntentThatRollbackSkips() throws IOException {
        Outcome o = applyWith(line -> line.contains("nodefix-journal") ? ShellNode.Fate.DROP_BEFORE : ShellNode.Fate.RUN, false);

        assertThat(o.line.status()).isIn(TaskLine.Status.UNREACHABLE, TaskLine.Status.FAILED);
        assertThat(o.line.detail()).contains("connection lost");
        assertThat(Files.readString(config)).isEqualTo("flannel-backend: vxlan\n");
        List<Recorded> recorded = o.controller();
        assertThat(recorded).extracting(Recorded::status).containsExactly(Recorded.Status.UNFINISHED);
        assertThat(nodeJournal()).extracting(HostEntry::entry).hasExactlyElementsOfTypes(Entry.Started.class);

        assertThat(rollback(recorded, observe())).extracting(RollbackStep::action).containsExactly(RollbackStep.Action.SKIP);
        assertRollbackFollowsTheState(recorded);
    }

    @Test
    void aNodeLockedByAnotherRunIsReportedWithThatRun() throws IOException {
        Entry.Started other = new Entry.Started(OTHER_RUN, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:00:00Z"));
        assertThat(LocalShell.run(NodeJournal.lock(other, "alice@ctl"), w -> w.replace(NodeJournal.DIR, nodeDir.toString()))
                .exitCode()).isZero();

        Outcome o = applyWith(line -> ShellNode.Fate.RUN, false);
        assertThat(o.line.status()).isEqualTo(TaskLine.Status.FAILED);
        assertThat(o.line.title()).isEqualTo("lock node1");
        assertThat(o.line.detail()).contains("locked by run " + OTHER_RUN);
        assertThat(o.received).noneMatch(l -> l.contains("nodefix-journal"));
        assertThat(o.entries()).isEmpty();
        assertThat(Files.readString(config)).isEqualTo("flannel-backend: vxlan\n");
        assertThat(Files.readString(nodeDir.resolve("lock"))).startsWith(OTHER_RUN + " ");
    }

    @Test
    void stateThatChangedSinceThePlanWasConfirmedIsDriftAndNothingIsApplied() throws IOException {
        Outcome o = applyWith(line -> ShellNode.Fate.RUN, true);
        assertThat(o.line.status()).isEqualTo(TaskLine.Status.FAILED);
        assertThat(o.line.changes()).isEmpty();
        assertThat(o.line.detail()).startsWith("drift: ").contains("changed since the plan was shown");
        assertThat(o.received).noneMatch(l -> l.contains("nodefix-journal"));
        assertThat(Files.readString(config)).isEqualTo("edited by hand\n");
        assertThat(o.entries()).extracting(HostEntry::entry).hasExactlyElementsOfTypes(Entry.Started.class);
        assertThat(nodeDir.resolve("lock")).doesNotExist();
    }

    /** @param line the host's one line of the run (its task, or why it never ran) */
    private record Outcome(TaskLine line, List<String> received, JournalText journal) {
        List<HostEntry> entries() {
            return journal.entries();
        }

        List<Recorded> controller() {
            assertThat(journal.torn()).isEmpty();
            return History.byHost(journal.entries()).get("node1");
        }
    }

    /** Plans, optionally edits the file behind the plan's back, then applies over SSH to the stand-in node. */
    private Outcome applyWith(Function<String, ShellNode.Fate> fate, boolean editAfterPlan) throws IOException {
        ShellNode node = new ShellNode(nodeDir, fate);
        RunStore store = new RunStore(tmp.resolve("controller/runs"));
        try (TestSshServer server = TestSshServer.start(List.of(Keygen.pub(key)), node)) {
            Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), server.knownHostsLine() + "\n");
            SshTransportFactory factory = new SshTransportFactory(TestHosts.settings(knownHosts, Optional.of(key), Map.of()));
            Host host = TestHosts.local("node1", server.port());
            PlayTask task = new PlayTask("backend", "file", Map.of(), List.of(), Optional.empty(), List.of(), 0,
                    Optional.empty(), java.time.Duration.ZERO, List.of(), Optional.empty(), false, List.of(), List.of(),
                    new Location("test", 0, 0));
            Playbook book = new Playbook(Path.of("test"), List.of(new Play("write config", "all", Map.of(), Serial.ALL,
                    Order.SERVERS_FIRST, Optional.empty(), false, false, Optional.empty(), List.of(task), List.of(),
                    new Location("test", 0, 0))));
            Inventory inventory = new Inventory("test", Map.of("all", new dev.nodefix.inventory.Group("all", Map.of(),
                    List.of("node1"), List.of())), Map.of("node1", host));
            TaskLine result;
            try (Connections connections = new Connections(factory)) {
                PlaybookRun run = new PlaybookRun(book, inventory, List.of(host), PlayOptions.defaults(), connections, 1,
                        BecomeRule.none(), false, BuiltinModules.registry(new Expressions()), new Expressions(),
                        d -> { }, Batching.changes(Optional.empty(), List.of()),
                        new GivenTasks(Map.of(task, (h, context) -> Optional.of(writeConfig()))));
                PlaybookPlan plan = run.plan(PlayEvents.NONE);
                assertThat(plan.changeCount()).as(plan.toString()).isEqualTo(1);
                if (editAfterPlan) {
                    Files.writeString(config, "edited by hand\n");
                }
                RunMeta meta = new RunMeta(RUN, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:15:03Z"),
                        "file config.yaml", List.of("node1"), Optional.empty());
                try (RunJournal journal = store.create(meta)) {
                    result = run.apply(plan, journal, new Entry.Started(RUN, RunKind.APPLY, Optional.empty(),
                            meta.started()), "tester@ctl", PlayEvents.NONE).lines().get(0);
                }
            }
            return new Outcome(result, node.received(), store.journal(RUN));
        }
    }

    /** One task: the config file holds {@link #DESIRED}. */
    private Task writeConfig() {
        Query.File q = new Query.File(config.toString());
        FileState desired = FileState.Present.text(DESIRED, "644", owner, group);
        return new Task(1, "backend", List.of(q), state -> {
            FileState now = state.file(config.toString());
            return TaskPlan.of(now.sameAs(desired) ? new Plan.NoOp("already host-gw")
                    : new Plan.Changes(List.of(new FileChange(config.toString(), now, desired))));
        });
    }

    private Map<Query, Object> observe() {
        Query.File q = new Query.File(config.toString());
        return StateReader.parse(List.of(q), LocalShell.run(StateReader.command(List.of(q))));
    }

    private static List<RollbackStep> rollback(List<Recorded> recorded, Map<Query, Object> observed) {
        assertThat(observed.keySet()).containsExactlyElementsOf(RollbackPlanner.reads(recorded));
        return RollbackPlanner.plan(recorded, observed, false);
    }

    /** Whatever the node shows decides: the after-image in place is undone, the before-image skipped. */
    private void assertRollbackFollowsTheState(List<Recorded> recorded) {
        FileChange change = (FileChange) recorded.get(0).change();
        Query q = change.observes().orElseThrow();
        List<RollbackStep> landed = rollback(recorded, Map.of(q, change.after()));
        assertThat(landed).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(RollbackStep.Action.UNDO);
            assertThat(s.inverse()).contains(change.inverse().orElseThrow());
        });
        List<RollbackStep> never = rollback(recorded, Map.of(q, change.before()));
        assertThat(never).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(RollbackStep.Action.SKIP);
            assertThat(s.reason()).contains("never landed (unfinished");
        });
    }

    private List<HostEntry> nodeJournal() throws IOException {
        Path p = nodeDir.resolve("runs/" + RUN + ".journal");
        return JournalText.parse(p.toString(), Files.readString(p)).entries();
    }
}
