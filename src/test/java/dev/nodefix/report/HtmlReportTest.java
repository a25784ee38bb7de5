package dev.nodefix.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.diagnose.DiagnoseCase;
import dev.nodefix.diagnose.Diagnoser;
import dev.nodefix.diagnose.Diagnosis;
import dev.nodefix.diagnose.RemediationPolicy;
import dev.nodefix.probe.ProbeOutput;
import dev.nodefix.probe.ProbeRuns;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@link HtmlReport} over the clusters of {@code report/html/cases.yaml} (lab profiles as captured, diagnose cases, a
 * run's before and after), golden-tested; and what every page must hold: only nodefix's own markup whatever the
 * hosts and nodes said, nothing fetched, the adjacency matrix read from the routes.
 */
class HtmlReportTest {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9!]+)([^>]*)>");
    private static final Set<String> OWN_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body",
            "header", "div", "h1", "h2", "span", "p", "section", "code", "dl", "dt", "dd", "table", "thead", "tbody",
            "tr", "th", "td", "small", "del", "details", "summary", "pre", "b", "footer");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)(?:=\"[^\"<>]*\")?");
    /** A tag's attributes: names with a double-quoted value holding no quote or angle bracket, or bare ones. */
    private static final String ATTRIBUTES = "(\\s+[a-zA-Z-]+(=\"[^\"<>]*\")?)*";
    private static final Set<String> OWN_ATTRIBUTES = Set.of("lang", "charset", "http-equiv", "content", "name",
            "class", "title", "colspan", "open");

    /** One golden case: its name and the page rendered from it. */
    record Rendered(String name, String html) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rendered> cases() throws Exception {
        Map<?, ?> doc = yaml("/report/html/cases.yaml");
        List<Rendered> out = new ArrayList<>();
        doc.forEach((name, spec) -> out.add(render(String.valueOf(name), (Map<?, ?>) spec)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseRendersItsGoldenPage(Rendered r) throws IOException {
        assertThat(r.html()).isEqualTo(golden(r.name() + ".html", r.html()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyPageIsSelfContainedAndHoldsOnlyItsOwnMarkup(Rendered r) {
        Matcher m = TAG.matcher(r.html());
        Set<String> tags = new TreeSet<>();
        while (m.find()) {
            tags.add(m.group(2));
            if (m.group(2).equals("!DOCTYPE")) {
                continue;
            }
            assertThat(m.group(3)).as(r.name() + ": " + m.group()).matches(ATTRIBUTES);
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                assertThat(a.group(1)).as(r.name() + ": " + m.group()).isIn(OWN_ATTRIBUTES);
            }
        }
        assertThat(tags).as(r.name()).isSubsetOf(OWN_TAGS);
        assertThat(r.html()).as(r.name()).contains("default-src 'none'").doesNotContain("url(", "@import", "<link",
                "<script", "<img");
        assertThat(r.html().indexOf("<style>")).isEqualTo(r.html().lastIndexOf("<style>"));
    }

    @Test
    void hostileNamesAndValuesAreShownAsTextNeverAsMarkup() {
        String html = render("hostile", Map.of("case", "hostile")).html();

        assertThat(html).contains("n1&quot;&gt;&lt;script&gt;alert(&#39;host&#39;)&lt;/script&gt;&amp;amp;",
                "&lt;b&gt;n2&lt;/b&gt; &amp; &#39;co&#39;", "6.1.0-&lt;img/src=x/onerror=alert(1)&gt;",
                "Debian &lt;style&gt;body{display:none}&lt;/style&gt; &amp; &#39;x&#39;",
                "connect refused &lt;iframe src=http://example.invalid/&gt;");
        assertThat(html).doesNotContain("<script", "<img", "<iframe", "<b>n2", "<style>body");
    }

    @Test
    void theMatrixSaysWhichPairsAreOnLinkAndWhichGoThroughTheRouter() {
        String routed = render("not-l2-adjacent", Map.of("case", "not-l2-adjacent")).html();
        String flat = render("host-gw", Map.of("case", "host-gw")).html();

        assertThat(count(routed, "class=\"adj via-router bad\"")).isEqualTo(4);
        assertThat(count(routed, "class=\"adj on-link ok\"")).isEqualTo(2);
        assertThat(count(routed, "class=\"adj self\"")).isEqualTo(3);
        assertThat(routed).contains("title=\"ip route get 10.99.175.13: via 10.99.75.254 dev eth0\">via 10.99.75.254",
                "4 of 6 routes go through a router or have none: host-gw is not possible.");
        assertThat(count(flat, "class=\"adj on-link ok\"")).isEqualTo(6);
        assertThat(flat).contains("Every pair read is on-link: host-gw is possible.").doesNotContain("via-router");
    }

    @Test
    void aRunsReportShowsWhatChangedAndTheProbeTimesBeforeAndAfter() {
        Map<?, ?> spec;
        try {
            spec = (Map<?, ?>) yaml("/report/html/cases.yaml").get("fix-applied");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String html = render("fix-applied", spec).html();

        assertThat(html).contains("Cluster verdict: <span class=\"verdict\">NOT-AFFECTED</span> <span"
                + " class=\"was-verdict\">(before the run: affected)</span>");
        assertThat(html).contains("<td class=\"ok changed\" title=\"tx-checksum-ip-generic off\">"
                + "<del>on</del> off</td>");
        assertThat(html).contains("<span class=\"bad\">stalled (no connect in 5 s)</span> \u2192 <span class=\"ok\">"
                + "0.4 ms</span>", "1204 (+15) \u2192 1219 (+0)", "<del>affected</del> not-affected");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Rendered render(String name, Map<?, ?> spec) {
        ReportSnapshot now = snapshot(String.valueOf(spec.get("case")), (Map<?, ?>) spec.get("probes"));
        Optional<ReportSnapshot> before = Optional.ofNullable(spec.get("before"))
                .map(b -> snapshot(String.valueOf(b), (Map<?, ?>) spec.get("probesBefore")));
        return new Rendered(name, new HtmlReport().render("diagnose (test case " + name + ")", now, before));
    }

    private static ReportSnapshot snapshot(String name, Map<?, ?> probes) {
        DiagnoseCase c = DiagnoseCase.load(path(name));
        List<ProbeOutput> outputs = new ArrayList<>();
        if (probes != null) {
            probes.forEach((host, text) -> outputs.add(new ProbeOutput.Printed(String.valueOf(host), String.valueOf(text))));
        }
        Diagnosis diagnosis = Diagnoser.standard(new RemediationPolicy(c.keepOffload()))
                .diagnose(c.hosts(), ProbeRuns.findings(outputs));
        return new ReportSnapshot(diagnosis, c.hosts(), outputs);
    }

    /** {@code report/html/clusters/NAME.yaml}, else the diagnose case {@code diagnose/NAME.yaml}. */
    private static Path path(String name) {
        URL own = HtmlReportTest.class.getResource("/report/html/clusters/" + name + ".yaml");
        URL url = own != null ? own : HtmlReportTest.class.getResource("/diagnose/" + name + ".yaml");
        if (url == null) {
            throw new IllegalArgumentException("no case " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> yaml(String resource) throws IOException {
        try (InputStream in = HtmlReportTest.class.getResourceAsStream(resource)) {
            return (Map<?, ?>) new Load(LoadSettings.builder().build())
                    .loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The golden page; {@code -Dnodefix.updateGolden=true} rewrites it from {@code actual} first. */
    static String golden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("nodefix.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/report/html").resolve(name), actual);
            return actual;
        }
        try (InputStream in = HtmlReportTest.class.getResourceAsStream("/report/html/" + name)) {
            return in == null ? "(missing " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
