package dev.nodefix.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.change.CommandChange;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading a journal back: whole lines, a torn last line reported (never dropped silently), a corrupt middle line failing. */
class JournalTextTest {
    private static final String RUN = "20261125T201503Z-3f9a";
    private static final String STARTED = EntryCodec.line(Optional.empty(),
            new Entry.Started(RUN, RunKind.APPLY, Optional.empty(), Instant.parse("2026-11-25T20:15:03Z")));
    private static final String INTENT = EntryCodec.line(Optional.empty(),
            new Entry.Intent(1, 1, "touch", new CommandChange("touch /tmp/x", Optional.of("rm -f /tmp/x")), Optional.empty()));
    private static final String DONE = "{\"phase\":\"done\",\"seq\":1}";

    @Test
    void cleanJournalGivesEveryEntryAndNoTornLine() {
        JournalText j = JournalText.parse("node1:j", STARTED + "\n" + INTENT + "\n" + DONE + "\n");
        assertThat(j.torn()).isEmpty();
        assertThat(j.entries()).extracting(HostEntry::entry)
                .hasExactlyElementsOfTypes(Entry.Started.class, Entry.Intent.class, Entry.Done.class);
        assertThat(j.entries()).allSatisfy(e -> assertThat(e.host()).isEmpty());
        assertThat(((Entry.Intent) j.entries().get(1).entry()).change())
                .isEqualTo(new CommandChange("touch /tmp/x", Optional.of("rm -f /tmp/x")));
    }

    @Test
    void lastLineWithoutNewlineIsTornEvenWhenItIsValidJson() {
        // a crash can cut the write exactly before the newline: the entry may look whole but was never completed
        JournalText j = JournalText.parse("node1:j", STARTED + "\n" + INTENT + "\n" + DONE);
        assertThat(j.entries()).hasSize(2);
        assertThat(j.torn()).hasValueSatisfying(t -> {
            assertThat(t.line()).isEqualTo(3);
            assertThat(t.reason()).isEqualTo("no newline");
            assertThat(t.text()).isEqualTo(DONE);
            assertThat(t.message()).startsWith("node1:j:3: torn last journal line (no newline)");
        });
    }

    @Test
    void lastLineCutShortIsTorn() {
        String cut = INTENT.substring(0, INTENT.length() - 5);
        JournalText j = JournalText.parse("node1:j", STARTED + "\n" + cut);
        assertThat(j.entries()).extracting(HostEntry::entry).hasExactlyElementsOfTypes(Entry.Started.class);
        assertThat(j.torn()).hasValueSatisfying(t -> {
            assertThat(t.line()).isEqualTo(2);
            assertThat(t.text()).isEqualTo(cut);
            assertThat(t.message()).contains("node1:j:2:").endsWith(cut.substring(0, 80) + "...");
        });
    }

    @Test
    void invalidJsonOnTheLastLineWithItsNewlineIsTorn() {
        JournalText j = JournalText.parse("node1:j", STARTED + "\n" + INTENT + "\n" + "{\"phase\":\"do\n");
        assertThat(j.entries()).hasSize(2);
        assertThat(j.torn()).hasValueSatisfying(t -> {
            assertThat(t.line()).isEqualTo(3);
            assertThat(t.reason()).isNotEqualTo("no newline").contains("not a journal line");
        });
    }

    @Test
    void corruptLineInTheMiddleIsKeptAsGarbledNamingSourceAndLine() {
        JournalText j = JournalText.parse("node1:/var/lib/nodefix/runs/" + RUN + ".journal",
                STARTED + "\n{garbage\n" + DONE + "\n");
        assertThat(j.entries()).hasSize(2);
        assertThat(j.garbled()).singleElement().satisfies(g -> assertThat(g.garbledMessage())
                .startsWith("node1:/var/lib/nodefix/runs/" + RUN + ".journal:2: garbled journal line"));
        assertThatThrownBy(j::requireIntact).isInstanceOf(JournalException.class).hasMessageContaining(":2: garbled");
    }

    @Test
    void unknownPhaseInTheMiddleIsGarbledToo() {
        JournalText j = JournalText.parse("c", STARTED + "\n{\"phase\":\"maybe\",\"seq\":1}\n" + DONE + "\n");
        assertThat(j.garbled()).singleElement().satisfies(g -> assertThat(g.garbledMessage())
                .contains("c:2: garbled journal line").contains("unknown journal phase 'maybe'"));
    }

    @Test
    void garbageAppendedToAValidLineIsNeverReadAsThatLine() {
        JournalText j = JournalText.parse("c", STARTED + "\n" + DONE + "xyz\n" + DONE + "\n");
        assertThat(j.entries()).hasSize(2);
        assertThat(j.garbled()).singleElement().satisfies(g -> assertThat(g.line()).isEqualTo(2));
    }

    @Test
    void emptyTextHasNoEntriesAndNothingTorn() {
        JournalText j = JournalText.parse("empty", "");
        assertThat(j.entries()).isEmpty();
        assertThat(j.torn()).isEmpty();
    }

    @Test
    void controllerLinesKeepTheirHost() {
        String line = EntryCodec.line(Optional.of("node2"), new Entry.Done(7));
        JournalText j = JournalText.parse("c", line + "\n");
        assertThat(j.entries()).containsExactly(new HostEntry(Optional.of("node2"), new Entry.Done(7)));
    }
}
