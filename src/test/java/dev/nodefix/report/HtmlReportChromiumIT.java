package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden report pages of {@link HtmlReportTest} (the affected, host-gw and not-l2-adjacent lab profiles, a run's
 * before and after, hostile names) opened in headless Chromium: a screenshot is taken, the page logs nothing to the
 * console (no blocked fetch, no script), and the adjacency matrix's cells are in the DOM the browser built. The
 * screenshots stay in {@code target/html-report-screenshots} to look at.
 */
class HtmlReportChromiumIT {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Path SHOTS = Path.of("target/html-report-screenshots");
    private static final Pattern ADJ_CELL = Pattern.compile("<td class=\"adj [^\"]*\"");

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Chromium.installed()).as("chromium is not installed: lab/lab deps (or apt-get install chromium)"
                + " installs it").isTrue();
    }

    static Stream<HtmlReportTest.Rendered> pages() throws Exception {
        List<String> shown = List.of("affected", "host-gw", "not-l2-adjacent", "fix-applied", "hostile",
                "unreachable-host");
        return HtmlReportTest.cases().filter(r -> shown.contains(r.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void chromiumRendersThePageWithNoConsoleErrorAndTheMatrixInPlace(HtmlReportTest.Rendered r, @TempDir Path work)
            throws Exception {
        Files.createDirectories(SHOTS);
        Path page = work.resolve(r.name() + ".html");
        Files.writeString(page, r.html());

        Chromium.Page loaded = new Chromium(work).open(page, 1400, 2000);

        assertThat(loaded.screenshot().length).as(r.name() + ": screenshot").isGreaterThan(10_000);
        assertThat(Arrays.copyOf(loaded.screenshot(), PNG.length)).as(r.name() + ": a PNG").isEqualTo(PNG);
        Files.write(SHOTS.resolve(r.name() + ".png"), loaded.screenshot());
        assertThat(loaded.console()).as(r.name() + ": console messages").isEmpty();
        assertThat(count(loaded.dom(), ADJ_CELL)).as(r.name() + ": matrix cells in the DOM")
                .isEqualTo(count(r.html(), ADJ_CELL)).isGreaterThanOrEqualTo(4);
        assertThat(loaded.dom()).as(r.name()).contains("Layer-2 adjacency", "Cluster verdict:")
                .doesNotContain("<script");
    }

    /** The checker itself: a page that logs, and one whose fetches its policy blocks, are both caught. */
    @Test
    void aConsoleMessageOrABlockedFetchIsCaught(@TempDir Path work) throws Exception {
        Path logs = work.resolve("logs.html");
        Files.writeString(logs, "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom')</script></body></html>");
        Path fetches = work.resolve("fetches.html");
        Files.writeString(fetches, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content="
                + "\"default-src 'none'; style-src 'unsafe-inline'\"></head><body><img src=\"http://192.0.2.1/x.png\">"
                + "</body></html>");

        assertThat(new Chromium(work).open(logs, 400, 300).console()).anyMatch(l -> l.contains("boom"));
        assertThat(new Chromium(work).open(fetches, 400, 300).console()).anyMatch(l -> l.contains("192.0.2.1"));
    }

    private static int count(String text, Pattern pattern) {
        return (int) pattern.matcher(text).results().count();
    }
}
