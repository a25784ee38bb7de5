package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@code src/test/resources/facts/<Fact>/<case>.yaml}: raw collector output in, parsed value out. */
class FactCasesTest {
    private static final Map<String, Fact<?>> SINGLE = Map.ofEntries(
            Map.entry("Kernel", Kernel.FACT), Map.entry("OsRelease", OsRelease.FACT),
            Map.entry("IptablesVersion", IptablesVersion.HOST), Map.entry("RandomFullySupport", RandomFullySupport.FACT),
            Map.entry("KubePostrouting", KubePostrouting.FACT), Map.entry("FlannelPostrtg", FlannelPostrtg.FACT),
            Map.entry("PostroutingOrder", PostroutingOrder.FACT), Map.entry("VxlanDevice", VxlanDevice.FACT),
            Map.entry("EthtoolFeatures", EthtoolFeatures.FACT), Map.entry("UplinkDriver", UplinkDriver.FACT),
            Map.entry("NetConf", NetConf.FACT), Map.entry("K3sConfig", K3sConfig.FACT),
            Map.entry("K3sUnits", K3sUnits.FACT), Map.entry("K3sEnv", K3sEnv.FACT),
            Map.entry("SubnetEnv", SubnetEnv.FACT), Map.entry("K3sVersion", K3sVersion.FACT),
            Map.entry("ServiceStates", ServiceStates.FACT), Map.entry("Persistence", Persistence.FACT),
            Map.entry("UdpCsumErrors", UdpCsumErrors.FACT), Map.entry("PeerRoutes", PeerRoutes.FACT),
            Map.entry("K3sConfigDropIns", K3sConfigDropIns.FACT), Map.entry("Hostname", Hostname.FACT),
            Map.entry("K3sJournal", K3sJournal.FACT), Map.entry("NodeAnnotations", NodeAnnotations.FACT),
            Map.entry("KubectlNodes", KubectlNodes.FACT), Map.entry("KubectlVersion", KubectlVersion.FACT),
            Map.entry("UdpCsumRise", UdpCsumRise.FACT), Map.entry("NftListing", NftListing.FACT));
    private static final Map<String, Function<CollectorOutput, Object>> COMBINED = Map.of(
            "FlannelBackend", FlannelBackend::from,
            "NodeName", NodeName::of, "K3sNetfilterArgs", K3sNetfilterArgs::from, "NftNat", NftNat::from,
            "K3sInfo", out -> K3sInfo.of(K3sUnits.FACT.from(out), K3sVersion.FACT.from(out),
                    ServiceStates.FACT.from(out)));

    /** Facts read from more than their own section (the host's iptables version), by what NodeFacts uses. */
    private static final Map<String, Function<CollectorOutput, Object>> WITH_CONTEXT = Map.of(
            "KubePostrouting", KubePostrouting::from, "FlannelPostrtg", FlannelPostrtg::from,
            "KernelChecksumLog", KernelChecksumLog::from, "TcpdumpChecksum", TcpdumpChecksum::from,
            "ConnectTiming", ConnectTiming::from, "IptablesBackends", IptablesBackends::from);
    /** The own section of the facts only read with context (a case's {@code raw:} goes there). */
    private static final Map<String, String> CONTEXT_SECTION = Map.of(
            "KernelChecksumLog", KernelChecksumLog.SECTION, "TcpdumpChecksum", TcpdumpChecksum.SECTION,
            "ConnectTiming", ConnectTiming.SECTION, "IptablesBackends", NatViews.DEFAULT);

    static Stream<FactCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(FactCasesTest.class.getResource("/facts").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return yaml.stream().map(p -> FactCase.load(p, section(p.getParent().getFileName().toString())));
        }
    }

    private static String section(String fact) {
        Fact<?> single = SINGLE.get(fact);
        return single == null ? CONTEXT_SECTION.get(fact) : single.section();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesAsExpected(FactCase c) {
        Object actual = WITH_CONTEXT.containsKey(c.fact()) ? WITH_CONTEXT.get(c.fact()).apply(c.output())
                : SINGLE.containsKey(c.fact()) ? SINGLE.get(c.fact()).from(c.output())
                : COMBINED.get(c.fact()).apply(c.output());
        assertThat(PlainData.of(actual)).as(c.toString()).isEqualTo(c.expected());
    }

    @Test
    void everyFactHasAtLeastThreeCases() throws Exception {
        Map<String, Long> counts = cases().collect(java.util.stream.Collectors.groupingBy(FactCase::fact,
                java.util.stream.Collectors.counting()));
        assertThat(counts.keySet()).containsAll(SINGLE.keySet()).containsAll(COMBINED.keySet())
                .containsAll(WITH_CONTEXT.keySet());
        assertThat(counts).allSatisfy((fact, n) -> assertThat(n).as(fact).isGreaterThanOrEqualTo(3));
    }
}
