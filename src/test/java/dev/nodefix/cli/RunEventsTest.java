package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.report.PlayText;
import dev.nodefix.report.Progress;
import dev.nodefix.report.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A health gate that waits says so on stderr as it goes, never on stdout and never under --json. */
class RunEventsTest {
    @Test
    void aGateWaitIsALineOnStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunEvents events = events(out, err, false);

        events.gateWaiting("agt1 NotReady to be Ready", Duration.ofSeconds(35), Duration.ofSeconds(120));

        assertThat(err).hasToString("waiting for agt1 NotReady to be Ready (35 s of 120 s)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void underJsonAGateWaitPrintsNothing() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        events(out, err, true).gateWaiting("agt1 NotReady to be Ready", Duration.ofSeconds(35), Duration.ofSeconds(120));

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    private static RunEvents events(StringWriter out, StringWriter err, boolean json) {
        return new RunEvents(new PlayText(Style.PLAIN, false, false, List.of("all")), new PrintWriter(out, true), json,
                new Progress(new PrintWriter(err, true), 3, false));
    }
}
