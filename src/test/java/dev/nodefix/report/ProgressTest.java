package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void countsHostsAsTheyFinishAndErasesItselfOnATerminal() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), 3, true);

        progress.done(true, true);
        progress.done(false, true);
        progress.done(false, false);
        progress.clear();

        assertThat(err.toString()).contains("\r[1/3] hosts done, 0 failed, 0 unreachable")
                .contains("\r[3/3] hosts done, 1 failed, 1 unreachable").endsWith("\r");
    }

    @Test
    void silentWhenNotATerminalOrForOneHost() {
        StringWriter err = new StringWriter();
        new Progress(new PrintWriter(err), 5, false).done(true, true);
        new Progress(new PrintWriter(err), 1, true).done(true, true);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aNoteIsALineOfItsOwnWithTheLiveLineClearedAndShownAgain() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), 3, true);
        progress.done(true, true);
        String live = "[1/3] hosts done, 0 failed, 0 unreachable";

        progress.note("waiting for agt1 NotReady to be Ready (6 s of 120 s)");

        assertThat(err.toString()).isEqualTo("\r" + live + "\r" + " ".repeat(live.length()) + "\r"
                + "waiting for agt1 NotReady to be Ready (6 s of 120 s)" + System.lineSeparator() + "\r" + live);
    }

    @Test
    void aNoteIsPrintedAlsoWhenNotATerminal() {
        StringWriter err = new StringWriter();

        new Progress(new PrintWriter(err), 3, false).note("waiting for x (0 s of 120 s)");

        assertThat(err.toString()).isEqualTo("waiting for x (0 s of 120 s)" + System.lineSeparator());
    }

    @Test
    void onALiveTerminalAWaitIsRewrittenInPlaceAndClearedWithTheLine() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), 1, true, true);
        String first = "waiting for k3s.service to be active on srv1 (5 s of 30 s)";
        String retry = "retrying check on agt1 (attempt 2 of 3, 5 s)";

        progress.waiting(first);
        progress.waiting(retry);
        progress.clear();

        assertThat(err.toString()).isEqualTo("\r" + first + "\r" + " ".repeat(first.length()) + "\r" + retry
                + "\r" + " ".repeat(retry.length()) + "\r");
    }

    @Test
    void elsewhereEachWaitStepIsALineOfItsOwn() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), 1, true, false); // a terminal with TERM=dumb or NO_COLOR

        progress.waiting("waiting for x (5 s of 30 s)");
        progress.waiting("waiting for x (10 s of 30 s)");
        progress.clear();

        assertThat(err.toString()).isEqualTo("waiting for x (5 s of 30 s)" + System.lineSeparator()
                + "waiting for x (10 s of 30 s)" + System.lineSeparator());
    }
}
