package dev.nodefix.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.Change;
import dev.nodefix.engine.BecomeRule;
import dev.nodefix.expr.Expressions;
import dev.nodefix.journal.Entry;
import dev.nodefix.journal.History;
import dev.nodefix.journal.JournalText;
import dev.nodefix.journal.Recorded;
import dev.nodefix.journal.RunJournal;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import dev.nodefix.module.ModuleRegistry;
import dev.nodefix.modules.BuiltinModules;
import dev.nodefix.playbook.Playbook;
import dev.nodefix.playbook.PlaybookLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code src/test/resources/executor/cases/<case>.yaml} ({@link PlayCase}): the playbook planned over stand-in
 * hosts that run its commands for real, then applied, then planned again. Whatever the case says, the plan
 * must leave every file and node journal as it was, and the run must release every node's lock.
 */
class PlaybookRunCasesTest {
    private static final String RUN = "20261125T201503Z-3f9a";
    private static final Instant STARTED = Instant.parse("2026-11-25T20:15:03Z");

    @TempDir
    Path tmp;

    static Stream<PlayCase> cases() throws IOException, URISyntaxException {
        return in("/executor/cases");
    }

    private static Stream<PlayCase> in(String resource) throws IOException, URISyntaxException {
        Path dir = Path.of(PlaybookRunCasesTest.class.getResource(resource).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream().map(PlayCase::load);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runsAsTheCaseSays(PlayCase c) throws IOException {
        run(c);
    }

    private void run(PlayCase c) throws IOException {
        try (StandInHosts hosts = StandInHosts.start(tmp, c.hosts(), c.fates())) {
            write(hosts, c.given());
            Map<String, Object> vars = extraVars(c, hosts);
            Path file = Files.writeString(tmp.resolve("playbook.yaml"), c.playbook());
            Expressions expressions = new Expressions();
            ModuleRegistry modules = BuiltinModules.registry(expressions);
            Playbook book = new PlaybookLoader(modules, expressions).load(file, vars);
            List<Duration> sleeps = new CopyOnWriteArrayList<>();
            PlayOptions options = new PlayOptions(vars, c.serial(), c.tags(), c.skipTags(), Duration.ofSeconds(1));
            PlaybookRun run = new PlaybookRun(book, hosts.inventory(), hosts.hosts(), options, hosts.connections(), 4,
                    BecomeRule.none(), false, modules, expressions, new TaskRunner.Sleeper() {
                        @Override
                        public void sleep(Duration d) {
                            sleeps.add(d);
                        }

                        /** The time of a sleeper that does not sleep: the pauses so far. */
                        @Override
                        public Instant now() {
                            return STARTED.plus(sleeps.stream().reduce(Duration.ZERO, Duration::plus));
                        }
                    });

            Map<String, String> before = hosts.snapshot();
            Map<String, Integer> execsBefore = execs(hosts, c.planExecs());
            PlaybookPlan plan = run.plan(PlayEvents.NONE);
            assertThat(hosts.snapshot()).as(c + ": the plan changes nothing").isEqualTo(before);
            assertExecs(c + ": commands run by the plan", hosts, execsBefore, c.planExecs());
            assertLines(c + ": plan", c.plan(), plan.lines());
            c.planChanges().forEach((host, n) -> assertThat(hostPlan(plan, host).changeCount())
                    .as(c + ": changes planned on " + host).isEqualTo(n));
            assertPresence(c + ": the plan's fatal", plan.fatal(), c.fatal());
            if (c.apply().isEmpty()) {
                return;
            }

            write(hosts, c.editAfterPlan());
            RunStore store = new RunStore(tmp.resolve("controller/runs"));
            Applied applied = apply(run, plan, store);
            PlaybookResult result = applied.result();
            assertLines(c + ": run", c.apply().get(), result.lines());
            assertPresence(c + ": why the run stopped", result.stopped(), c.stopped());
            assertThat(result.failedBatch()).as(c + ": failed batch").isEqualTo(c.failedBatch());
            c.batches().ifPresent(b -> assertThat(applied.batches()).as(c + ": batches").isEqualTo(b));
            assertFiles(c, hosts);
            assertJournal(c, store.journal(RUN));
            for (StandInHosts.Spec h : c.hosts()) {
                assertThat(hosts.journalDir(h.name()).resolve("lock")).as(c + ": lock of " + h.name() + " released")
                        .doesNotExist();
            }
            c.sleeps().ifPresent(s -> assertThat(sleeps).as(c + ": pauses between tries")
                    .containsExactlyElementsOf(s.stream().map(PlaybookRunCasesTest::duration).toList()));
            c.retried().ifPresent(r -> assertThat(applied.retried()).as(c + ": retries told").isEqualTo(r));
            if (c.replanChanges().isPresent()) {
                Map<String, Integer> execsAfterRun = execs(hosts, c.replanExecs());
                assertThat(run.plan(PlayEvents.NONE).changeCount()).as(c + ": changes planned after the run")
                        .isEqualTo(c.replanChanges().get());
                assertExecs(c + ": commands run by the plan after the run", hosts, execsAfterRun, c.replanExecs());
            }
        }
    }

    private static Map<String, Integer> execs(StandInHosts hosts, Map<String, Integer> counted) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counted.keySet().forEach(h -> out.put(h, hosts.execs(h)));
        return out;
    }

    /** Each counted host ran exactly the case's number of commands since {@code before}. */
    private static void assertExecs(String what, StandInHosts hosts, Map<String, Integer> before,
                                    Map<String, Integer> expected) {
        expected.forEach((host, n) -> assertThat(hosts.execs(host) - before.get(host)).as(what + " on " + host)
                .isEqualTo(n));
    }

    private record Applied(PlaybookResult result, List<List<List<String>>> batches, List<String> retried) {
    }

    private static Applied apply(PlaybookRun run, PlaybookPlan plan, RunStore store) {
        List<List<List<String>>> batches = new ArrayList<>();
        List<String> retried = new CopyOnWriteArrayList<>();
        PlayEvents events = new PlayEvents() {
            @Override
            public void play(int play, String name, List<List<String>> hosts) {
                batches.add(hosts);
            }

            @Override
            public void retrying(String task, String host, int attempt, int attempts, Duration since) {
                retried.add(task + " on " + host + " (attempt " + attempt + " of " + attempts + ", "
                        + since.toSeconds() + " s)");
            }
        };
        RunMeta meta = new RunMeta(RUN, RunKind.APPLY, Optional.empty(), STARTED, "play", List.of(), Optional.empty());
        try (RunJournal journal = store.create(meta)) {
            PlaybookResult result = run.apply(plan, journal, new Entry.Started(RUN, RunKind.APPLY, Optional.empty(),
                    STARTED), "tester@ctl", events);
            return new Applied(result, batches, retried);
        }
    }

    private static Map<String, Object> extraVars(PlayCase c, StandInHosts hosts) throws IOException {
        PosixFileAttributes a = Files.readAttributes(hosts.filesRoot(), PosixFileAttributes.class);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("root", hosts.filesRoot().toString());
        vars.put("owner", a.owner().getName());
        vars.put("group", a.group().getName());
        vars.putAll(c.extraVars());
        return vars;
    }

    /** Empty when the case expects nothing, else containing what it expects. */
    private static void assertPresence(String what, Optional<String> got, Optional<String> expected) {
        if (expected.isEmpty()) {
            assertThat(got).as(what).isEmpty();
        } else {
            assertThat(got).as(what).hasValueSatisfying(text -> assertThat(text).contains(expected.get()));
        }
    }

    private static PlaybookPlan.Host hostPlan(PlaybookPlan plan, String host) {
        return plan.hosts().stream().filter(h -> h.name().equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no plan for " + host));
    }

    /** Each listed host's lines, in order, against the case's {@code TITLE | STATUS[ flags][ | TEXT]}. */
    private static void assertLines(String what, Map<String, List<String>> expected, List<TaskLine> lines) {
        expected.forEach((host, want) -> {
            List<TaskLine> got = lines.stream().filter(l -> l.host().equals(host)).toList();
            String shown = got.stream().map(PlaybookRunCasesTest::show).collect(Collectors.joining("\n  "));
            assertThat(got).as(what + " on " + host + ":\n  " + shown).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                String[] parts = want.get(i).split(" \\| ", -1);
                TaskLine line = got.get(i);
                assertThat(line.title() + " | " + flags(line)).as(what + " on " + host + ", line " + (i + 1) + ":\n  "
                        + shown).isEqualTo(parts[0] + " | " + parts[1]);
                if (parts.length > 2) {
                    assertThat(text(line)).as(what + " on " + host + ", line " + (i + 1)).contains(parts[2]);
                }
                if (line.status() == TaskLine.Status.CHANGED) {
                    assertThat(line.changes()).as(what + ": a changed line carries its changes: " + show(line)).isNotEmpty();
                }
            }
        });
    }

    private static String flags(TaskLine l) {
        return l.status().label() + (l.ignored() ? " ignored" : "") + (l.handler() ? " handler" : "");
    }

    private static String text(TaskLine l) {
        return l.detail() + " " + l.changes().stream().map(Change::describe).collect(Collectors.joining("; "));
    }

    private static String show(TaskLine l) {
        return l.number() + " " + l.title() + " | " + flags(l) + " | " + text(l).strip();
    }

    private static void assertFiles(PlayCase c, StandInHosts hosts) throws IOException {
        for (Map.Entry<String, Map<String, String>> host : c.files().entrySet()) {
            for (Map.Entry<String, String> f : host.getValue().entrySet()) {
                Path p = hosts.files(host.getKey()).resolve(f.getKey());
                if (f.getValue() == null) {
                    assertThat(p).as(c + ": " + host.getKey() + " " + f.getKey()).doesNotExist();
                } else {
                    assertThat(p).as(c + ": " + host.getKey() + " " + f.getKey()).exists();
                    assertThat(Files.readString(p)).as(c + ": " + host.getKey() + " " + f.getKey()).isEqualTo(f.getValue());
                }
            }
        }
    }

    private static void assertJournal(PlayCase c, JournalText journal) {
        assertThat(journal.torn()).as(c + ": journal torn").isEmpty();
        Map<String, List<Recorded>> byHost = History.byHost(journal.entries());
        c.journal().forEach((host, want) -> assertThat(byHost.getOrDefault(host, List.of()))
                .as(c + ": the controller journal of " + host)
                .extracting(r -> r.task() + " " + r.taskName() + " " + r.status().name().toLowerCase(Locale.ROOT))
                .containsExactlyElementsOf(want));
    }

    private static void write(StandInHosts hosts, Map<String, Map<String, String>> files) throws IOException {
        for (Map.Entry<String, Map<String, String>> host : files.entrySet()) {
            for (Map.Entry<String, String> f : host.getValue().entrySet()) {
                Path p = hosts.files(host.getKey()).resolve(f.getKey());
                if (f.getValue() == null) {
                    Files.deleteIfExists(p);
                } else {
                    Files.writeString(p, f.getValue());
                }
            }
        }
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
    }
}
