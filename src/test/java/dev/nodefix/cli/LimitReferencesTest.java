package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.HostPattern;
import dev.nodefix.inventory.InputException;
import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryException;
import dev.nodefix.inventory.InventoryParser;
import dev.nodefix.journal.HostEnd;
import dev.nodefix.journal.RunKind;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --limit @RUN} and {@code --limit @FILE} over a run store and a working directory in a temp dir, against
 * the three hosts of cli/three-hosts.yaml (srv1 agt1 agt2).
 */
class LimitReferencesTest {
    private static final String MIXED = "20261125T100000Z-0001";
    private static final String DEAD = "20261125T100000Z-0002";
    private static final String ROLLBACK = "20261125T100000Z-0003";
    private static final String ALL_OK = "20261125T100000Z-0004";
    private static final String OLD_FAILED = "20261125T100000Z-0005";
    private static final String OLD_OK = "20261125T100000Z-0006";
    private static final String STOPPED = "20261125T100000Z-0007";

    @TempDir Path dir;
    private RunStore store;
    private Path work;
    private Inventory inventory;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        store = new RunStore(dir.resolve("runs"));
        work = Files.createDirectories(dir.resolve("work"));
        inventory = new InventoryParser(dir).parse(Path.of("src/test/resources/cli/three-hosts.yaml").toAbsolutePath());
        run(MIXED, RunKind.APPLY, 1, List.of("srv1", "agt1", "agt2"),
                Optional.of(ends("srv1", HostEnd.CHANGED, "agt1", HostEnd.UNREACHABLE, "agt2", HostEnd.FAILED)));
        run(DEAD, RunKind.APPLY, 2, List.of("srv1", "agt2"), Optional.empty());
        run(ROLLBACK, RunKind.ROLLBACK, 3, List.of("srv1", "agt1"),
                Optional.of(ends("srv1", HostEnd.OK, "agt1", HostEnd.CONFLICT, "agt2", HostEnd.CHANGED)));
        run(ALL_OK, RunKind.APPLY, 4, List.of("srv1", "agt1"), Optional.of(ends("srv1", HostEnd.CHANGED, "agt1", HostEnd.OK)));
        // before nodefix kept each host's end: counts only
        store.create(new RunMeta(OLD_FAILED, RunKind.APPLY, Optional.empty(), at(5), "x", List.of("agt1", "agt2"),
                Optional.of(new RunMeta.Outcome(at(6), 1, 1, 0)))).close();
        store.create(new RunMeta(OLD_OK, RunKind.APPLY, Optional.empty(), at(6), "x", List.of("agt1"),
                Optional.of(new RunMeta.Outcome(at(7), 1, 0, 0)))).close();
        // a play that stopped before agt2's batch: agt2 has no end; srv1 locked
        run(STOPPED, RunKind.APPLY, 7, List.of("srv1", "agt1", "agt2"),
                Optional.of(ends("srv1", HostEnd.LOCKED, "agt1", HostEnd.CHANGED)));
    }

    private void run(String id, RunKind kind, int minute, List<String> hosts, Optional<Map<String, HostEnd>> ends) {
        RunMeta meta = new RunMeta(id, kind, kind == RunKind.ROLLBACK ? Optional.of(MIXED) : Optional.empty(),
                at(minute), "what", hosts, Optional.empty());
        store.create(meta).close();
        ends.ifPresent(e -> store.writeMeta(meta.finish(new RunMeta.Outcome(at(minute + 1), 0, 0, 0, e))));
    }

    private static Map<String, HostEnd> ends(Object... pairs) {
        Map<String, HostEnd> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (HostEnd) pairs[i + 1]);
        }
        return out;
    }

    private static Instant at(int minute) {
        return Instant.parse("2026-11-25T10:00:00Z").plusSeconds(60L * minute);
    }

    private List<String> select(String limit) {
        return HostPattern.parse(limit, new LimitReferences(work, store, notices::add)).select(inventory, notices::add)
                .stream().map(Host::name).toList();
    }

    @ParameterizedTest(name = "--limit {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @20261125T100000Z-0001               | agt1 agt2
            @20261125T100000Z-0002               | srv1 agt2
            @20261125T100000Z-0003               | agt1
            @20261125T100000Z-0005               | agt1 agt2
            @20261125T100000Z-0007               | srv1 agt2
            '@20261125T100000Z-0001,!agt2'       | agt1
            '@20261125T100000Z-0001:!agt2'       | agt1
            '@20261125T100000Z-0002,agt1'        | srv1 agt1 agt2
            '@20261125T100000Z-0002,&agent'      | agt2
            @last                                | srv1 agt2
            """)
    void aRunSelectsItsHostsThatDidNotEndWell(String limit, String expected) {
        assertThat(select(limit)).containsExactlyInAnyOrderElementsOf(Arrays.asList(expected.split(" ")));
    }

    @Test
    void aRunThatDidNotFinishSaysEveryHostOfItIsSelected() {
        select("@" + DEAD);
        assertThat(notices).containsExactly("run " + DEAD + " did not finish (it was stopped, or is still going):"
                + " no host of it is proven done, so all 2 it was changing are selected (hosts it could not reach while"
                + " planning are recorded only at its end)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @20261125T100000Z-0004 | run 20261125T100000Z-0004: every host ended ok; nothing to retry
            @20261125T100000Z-0006 | run 20261125T100000Z-0006: every host ended ok; nothing to retry
            @20261125T100000Z-00ff | --limit @20261125T100000Z-00ff: no run 20261125T100000Z-00ff in the run store $RUNS; `nodefix runs` lists the runs
            @nosuch                | --limit @nosuch: no file $WORK/nosuch, and 'nosuch' is not a run id (like 20261125T201503Z-3f9a) or 'last'; `nodefix runs` lists the runs
            '!@20261125T100000Z-0001' | host pattern '!@20261125T100000Z-0001': '!@20261125T100000Z-0001': a @RUN or @FILE term stands on its own, as in Ansible, which reads @ only at the start of a term; narrow or exclude with other terms: '@20261125T100000Z-0001,&GROUP' or '@20261125T100000Z-0001,!NAME'
            'agent:&@last'            | host pattern 'agent:&@last': '&@last': a @RUN or @FILE term stands on its own, as in Ansible, which reads @ only at the start of a term; narrow or exclude with other terms: '@last,&GROUP' or '@last,!NAME'
            """)
    void refusals(String limit, String message) {
        assertThatThrownBy(() -> select(limit)).isInstanceOf(InventoryException.class)
                .hasMessage(message.replace("$RUNS", store.dir().toString()).replace("$WORK", work.toString()));
    }

    @Test
    void lastInAnEmptyStoreIsRefused() {
        RunStore empty = new RunStore(dir.resolve("none"));
        assertThatThrownBy(() -> HostPattern.parse("@last", new LimitReferences(work, empty, notices::add)).select(inventory))
                .hasMessage("--limit @last: the run store " + empty.dir() + " holds no run");
    }

    @Test
    void aFileNamesHostsOneALineWithCommentsAndBlankLines() throws IOException {
        Files.writeString(work.resolve("site.retry"), "# failed last night\nagt1\n\n  agt2  \r\n#srv1\n");
        assertThat(select("@site.retry")).containsExactly("agt1", "agt2");
        assertThat(select("@site.retry,!agt1")).containsExactly("agt2");
        assertThat(select("srv1,@" + work.resolve("site.retry"))).containsExactly("srv1", "agt1", "agt2");
    }

    @Test
    void aLineOfAFileIsAPatternTermAsInAnsible() throws IOException {
        Files.writeString(work.resolve("limit.txt"), "agent\n!agt1\n");
        assertThat(select("@limit.txt")).containsExactly("agt2");
    }

    @Test
    void aNameInTheFileThatTheInventoryNoLongerHasIsLeftOutWithANoteAsAnsibleDoes() throws IOException {
        Files.writeString(work.resolve("site.retry"), "agt1\nagt9\n"); // agt9 taken out of the inventory since
        assertThat(select("@site.retry")).containsExactly("agt1");
        assertThat(notices).anySatisfy(n -> assertThat(n).contains("'agt9' (from @site.retry) is not in ", ": left out"));
    }

    @Test
    void aReferenceWhoseNamesAreAllGoneSelectsNothingAndATypedTermThatMatchesNothingStaysAnError() throws IOException {
        Files.writeString(work.resolve("gone.retry"), "agt9\n");
        assertThatThrownBy(() -> select("@gone.retry")).isInstanceOf(InventoryException.class)
                .hasMessageContaining("selects no hosts");
        assertThatThrownBy(() -> select("@gone.retry,agt8")).isInstanceOf(InventoryException.class)
                .hasMessageContaining("'agt8' in host pattern '@gone.retry,agt8' matches no host or group");
    }

    @Test
    void fileRefusals() throws IOException {
        Files.createDirectories(work.resolve("adir"));
        Files.write(work.resolve("latin1.retry"), new byte[] {'a', 'g', 't', '1', '\n', (byte) 0xE9, '\n'});
        Files.writeString(work.resolve("empty.retry"), "# nothing\n\n");
        assertThatThrownBy(() -> select("@./missing.retry")).isInstanceOf(InputException.class)
                .hasMessageContaining(work.resolve("./missing.retry") + "").hasMessageContaining("no such limit file");
        assertThatThrownBy(() -> select("@adir")).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory; nodefix expected the limit file here");
        assertThatThrownBy(() -> select("@latin1.retry")).isInstanceOf(InputException.class)
                .hasMessageContaining(":2:1").hasMessageContaining("not UTF-8 text: byte 0xE9");
        assertThatThrownBy(() -> select("@empty.retry")).isInstanceOf(InventoryException.class)
                .hasMessage("--limit @empty.retry: " + work.resolve("empty.retry") + " names no host (only blank lines"
                        + " and # comments)");
    }

    @Test
    void aRunIdThatIsAlsoAFileIsAmbiguousAndDotSlashNamesTheFile() throws IOException {
        Files.writeString(work.resolve("last"), "srv1\n");
        assertThatThrownBy(() -> select("@last")).isInstanceOf(InventoryException.class)
                .hasMessage("--limit @last is ambiguous: " + work.resolve("last") + " is a file and 'last' names a run;"
                        + " write @./last for the file");
        assertThat(select("@./last")).containsExactly("srv1");
    }

    @Test
    void withoutReferencesAnAtTermIsAName() {
        assertThatThrownBy(() -> inventory.select("@last")).isInstanceOf(InventoryException.class)
                .hasMessageContaining("'@last' matches no host or group");
    }
}
