package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.lab.Lab;
import dev.nodefix.report.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diagnose --html} and {@code play --report} on a real 3-node lab (profile affected): the page holds the
 * verdict, every node, the 3x3 adjacency matrix (all on-link) and each node's probe time; after the fix playbook the
 * report shows the run's changes and the probe times before and after. Each page is opened in headless Chromium;
 * the screenshots stay in {@code target/html-report-screenshots}.
 */
class HtmlReportIT {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";
    private static final String CLUSTER_IP = "10.43.0.10:80";
    private static final Path SHOTS = Path.of("target/html-report-screenshots");
    @RegisterExtension
    static final ClassLab LAB = new ClassLab("nfxih", "nfxihbr0", "10.99.130", "target/it-html-report");
    private final Lab lab = LAB.lab();

    @TempDir Path state;
    @TempDir Path tmp;
    private LabChanges nodes;

    @BeforeEach
    void clean() {
        nodes = LAB.freshNodes(state);
    }

    @Test
    void diagnoseHtmlShowsEveryNodeTheMatrixAndTheProbeTimes() throws Exception {
        Path page = tmp.resolve("diagnose.html");

        CliRunner.Result r = nodes.nodefix("diagnose", "--html", page.toString(), "--probe", "--target", CLUSTER_IP);

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(10);
        assertThat(r.err()).contains("report written to " + page);
        String html = Files.readString(page);
        assertThat(html).contains("Cluster verdict: <span class=\"verdict\">AFFECTED</span>",
                "Every pair read is on-link: host-gw is possible.", "<th>" + CLUSTER_IP + "</th>");
        assertThat(count(html, "class=\"adj on-link ok\"")).isEqualTo(6);
        assertThat(count(html, "class=\"adj self\"")).isEqualTo(3);
        for (String node : lab.names()) {
            assertThat(html).contains("<tr><th class=\"host\">" + node + "</th><td class=\"bad\"");
            assertThat(html).containsPattern(Pattern.quote("<tr><th class=\"host\">" + node + "</th><td class=\"probe\"")
                    + "[^>]*><span class=\"ok\">\\d+\\.\\d ms</span>");
        }
        rendered(page, "lab-diagnose");
    }

    @Test
    void playReportShowsWhatTheFixChangedAndTheProbeTimesBeforeAndAfter() throws Exception {
        Path page = tmp.resolve("play.html");

        CliRunner.Result r = nodes.nodefix("play", FIX, "--yes", "-e", "probe_target=" + CLUSTER_IP, "--report",
                page.toString());
        CliRunner.Result rollback = nodes.nodefix("rollback", "--last", "--yes"); // the lab affected again for the others

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("Cluster verdict: <span class=\"verdict\">NOT-AFFECTED</span> <span"
                + " class=\"was-verdict\">(before the run: affected)</span>", "play " + FIX);
        assertThat(count(html, "<del>on</del> off</td>")).as("the offload, per node").isEqualTo(lab.size());
        assertThat(count(html, "<del>affected</del> not-affected</td>")).isEqualTo(lab.size());
        for (String node : lab.names()) {
            assertThat(html).containsPattern(Pattern.quote("<tr><th class=\"host\">" + node + "</th><td class=\"probe\"")
                    + "[^>]*><span class=\"ok\">\\d+\\.\\d ms</span> \u2192 <span class=\"ok\">\\d+\\.\\d ms</span>");
        }
        rendered(page, "lab-play");
    }

    /** The host-gw lab profile (its own lab): not affected, every pair on-link, the page says host-gw is possible. */
    @Test
    void diagnoseHtmlOnTheHostGwProfile() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Lab.LabNames names = new Lab.LabNames("nfxig", "nfxigbr2", "10.99.131", repo.resolve("target/it-html-host-gw"));
        Path page = tmp.resolve("host-gw.html");
        try (Lab hostGw = Lab.up(repo, 3, "host-gw", names)) {
            CliRunner.Result r = new CliRunner().run("diagnose", "-i", hostGw.inventory().toString(), "--html",
                    page.toString());

            assertThat(r.exitCode()).as(r.toString()).isZero();
            String html = Files.readString(page);
            assertThat(html).contains("Cluster verdict: <span class=\"verdict\">NOT-AFFECTED</span>",
                    "Every pair read is on-link: host-gw is possible.");
            assertThat(count(html, "class=\"adj on-link ok\"")).isEqualTo(6);
            for (String node : hostGw.names()) {
                assertThat(html).containsPattern(Pattern.quote("<tr><th class=\"host\">" + node + "</th><td class=\"ok\"")
                        + "[^>]*>not-affected</td>(<td[^>]*>[^<]*</td>){5}<td class=\"plain\"[^>]*>host-gw</td>");
            }
            rendered(page, "lab-host-gw");
        }
    }

    /** Opened in headless Chromium: a screenshot, no console message, the matrix's cells in the DOM. */
    private void rendered(Path page, String name) throws Exception {
        Chromium.Page loaded = new Chromium(Files.createDirectories(tmp.resolve("chromium-" + name))).open(page, 1400, 2200);
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name + ".png"), loaded.screenshot());
        assertThat(loaded.screenshot().length).as(name + ": screenshot").isGreaterThan(10_000);
        assertThat(loaded.console()).as(name + ": console").isEqualTo(List.of());
        assertThat(count(loaded.dom(), "<td class=\"adj ")).isEqualTo(9);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
