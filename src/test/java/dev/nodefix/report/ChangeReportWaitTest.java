package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.executor.PlayEvents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A health gate that waits says so on stderr as it goes, never on stdout and never under --json. */
class ChangeReportWaitTest {
    @Test
    void aGateWaitIsALineOnStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlayEvents events = events(out, err, false);
        out.getBuffer().setLength(0); // the RUN line

        events.gateWaiting("agt1 NotReady to be Ready", Duration.ofSeconds(35), Duration.ofSeconds(120));

        assertThat(err).hasToString("waiting for agt1 NotReady to be Ready (35 s of 120 s)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void underJsonAGateWaitPrintsNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlayEvents events = events(out, err, true);
        err.getBuffer().setLength(0); // the RUN line

        events.gateWaiting("agt1 NotReady to be Ready", Duration.ofSeconds(35), Duration.ofSeconds(120));

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    private static PlayEvents events(StringWriter out, StringWriter err, boolean json) {
        return new ChangeReport(Style.PLAIN, false, false, false, List.of("all"), json, true,
                new PrintWriter(out, true), new PrintWriter(err, true), false).applying("20261202T170000Z-0000", 3);
    }
}
