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

    @Test
    void aUnitWaitAndARetryAreLinesOnStderrToo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlayEvents events = events(out, err, false);
        out.getBuffer().setLength(0);

        events.waiting("k3s.service to be active on srv1", Duration.ofSeconds(10), Duration.ofSeconds(30));
        events.retrying("wait for the API", "agt1", 3, 10, Duration.ofSeconds(12));

        assertThat(err).hasToString("waiting for k3s.service to be active on srv1 (10 s of 30 s)"
                + System.lineSeparator() + "retrying wait for the API on agt1 (attempt 3 of 10, 12 s)"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aWaitForWhileThePlanIsMadeIsALineOnStderrButNotUnderJson() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        report(out, err, false).planning(2).waiting("port 127.0.0.1:6443 to be open on srv1", Duration.ofSeconds(5),
                Duration.ofSeconds(60));
        report(out, err, true).planning(2).waiting("port 127.0.0.1:6443 to be open on srv1", Duration.ofSeconds(5),
                Duration.ofSeconds(60));

        assertThat(err).hasToString("waiting for port 127.0.0.1:6443 to be open on srv1 (5 s of 60 s)"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void underJsonNoWaitNorRetryPrintsAnything() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PlayEvents events = events(out, err, true);
        err.getBuffer().setLength(0);

        events.waiting("k3s.service to be active on srv1", Duration.ofSeconds(10), Duration.ofSeconds(30));
        events.retrying("wait for the API", "agt1", 3, 10, Duration.ofSeconds(12));

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    private static PlayEvents events(StringWriter out, StringWriter err, boolean json) {
        return report(out, err, json).applying("20261202T170000Z-0000", 3);
    }

    private static ChangeReport report(StringWriter out, StringWriter err, boolean json) {
        return new ChangeReport(Style.PLAIN, false, false, false, List.of("all"), json, true,
                new PrintWriter(out, true), new PrintWriter(err, true), false);
    }
}
