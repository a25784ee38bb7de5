package dev.nodefix.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.CollectorOutput;
import dev.nodefix.fact.ConnectTiming;
import dev.nodefix.fact.EthtoolFeatures;
import dev.nodefix.fact.IptablesVersion;
import dev.nodefix.fact.Kernel;
import dev.nodefix.fact.K3sJournal;
import dev.nodefix.fact.K3sVersion;
import dev.nodefix.fact.KubectlNodes;
import dev.nodefix.fact.KubectlVersion;
import dev.nodefix.fact.NodeAnnotations;
import dev.nodefix.fact.NetConf;
import dev.nodefix.fact.NftNat;
import dev.nodefix.fact.Observed;
import dev.nodefix.fact.SubnetEnv;
import dev.nodefix.fact.UdpCsumErrors;
import dev.nodefix.fact.UplinkDriver;
import dev.nodefix.fact.VxlanDevice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every real pasted output of the corpus ({@code diagnose/corpus}), read as loose evidence: a piece of a form nodefix
 * reads is recognised as its yaml {@code form} and as nothing else (other outputs pasted with it are listed in
 * {@code evidence/corpus-forms.tsv}); a piece of any other form is left unused; and no fact it gives contradicts
 * what the careful reader of the yaml drew (a value where the reader says "cannot tell" fails too).
 */
class EvidenceCorpusRecognitionTest {
    private static final Set<String> READ = Arrays.stream(Form.values()).map(Form::label).collect(Collectors.toSet());
    private static final String CANNOT_TELL = "cannot tell";

    /** The corpus's fact names this test checks, and how to get each from the collector text of one piece. */
    private static final Map<String, Function<CollectorOutput, Optional<?>>> CHECKED = Map.ofEntries(
            Map.entry("kernel.release", o -> Kernel.FACT.from(o).release()
                    .or(() -> KubectlNodes.FACT.from(o).commonKernel())),
            Map.entry("ethtool.tx-checksum-ip-generic", o -> EthtoolFeatures.FACT.from(o).txChecksumIpGeneric()
                    .map(f -> f.on() ? "on" : "off")),
            Map.entry("ethtool.device", o -> Optional.of("flannel.1").filter(d -> EthtoolFeatures.FACT.from(o).available())),
            Map.entry("uplink.device", o -> UplinkDriver.FACT.from(o).device()),
            Map.entry("vxlan.vni", o -> VxlanDevice.FACT.from(o).vni()),
            Map.entry("vxlan.dstport", o -> VxlanDevice.FACT.from(o).dstport()),
            Map.entry("vxlan.local", o -> VxlanDevice.FACT.from(o).local()),
            Map.entry("vxlan.dev", o -> VxlanDevice.FACT.from(o).dev()),
            Map.entry("k3s.version", o -> K3sVersion.FACT.from(o).version().map(v -> "v" + v)),
            Map.entry("k3s.commit", o -> K3sVersion.FACT.from(o).commit()),
            Map.entry("iptables.version", o -> IptablesVersion.HOST.from(o).version()),
            Map.entry("host.iptables.mode", o -> mode(IptablesVersion.HOST.from(o))),
            Map.entry("iptables.mode", o -> mode(IptablesVersion.HOST.from(o))),
            Map.entry("iptables.random-fully-capable", o -> IptablesVersion.HOST.from(o).version()
                    .map(v -> IptablesVersion.HOST.from(o).randomFullyCapable() ? "yes" : "no")),
            Map.entry("subnet-env.network", o -> SubnetEnv.FACT.from(o).network()),
            Map.entry("subnet-env.subnet", o -> SubnetEnv.FACT.from(o).subnet()),
            Map.entry("subnet-env.mtu", o -> SubnetEnv.FACT.from(o).mtu()),
            Map.entry("subnet-env.ipmasq", o -> SubnetEnv.FACT.from(o).ipMasq()),
            Map.entry("net-conf.network", o -> NetConf.FACT.from(o).network()),
            Map.entry("net-conf.backend-type", o -> NetConf.FACT.from(o).backendType()),
            Map.entry("uplink.driver", o -> UplinkDriver.FACT.from(o).driver()),
            Map.entry("udp.in-csum-errors", o -> UdpCsumErrors.FACT.from(o).inCsumErrors()),
            Map.entry("symptom.time-near-63s", o -> stall(ConnectTiming.from(o))),
            Map.entry("symptom.syn-retransmit-63s", o -> stall(ConnectTiming.from(o))),
            Map.entry("flannel.backend", o -> K3sJournal.FACT.from(o).backend()),
            Map.entry("flannel.running", o -> observed(K3sJournal.FACT.from(o).flannelRunning())),
            Map.entry("vxlan.exists", o -> observed(K3sJournal.FACT.from(o).vxlanDevice())),
            Map.entry("kube-proxy.mode", o -> K3sJournal.FACT.from(o).kubeProxyMode()),
            Map.entry("net-conf.enable-nftables", o -> NetConf.FACT.from(o).enableNFTables().map(String::valueOf)
                    .or(() -> observed(K3sJournal.FACT.from(o).flannelNftables()).map(v -> v.equals("yes") ? "true" : "false"))),
            Map.entry("nft.flannel-table", o -> observed(NftNat.from(o).flannel().chain())),
            Map.entry("nft.kube-proxy-table", o -> observed(NftNat.from(o).kubeProxy().chain())),
            Map.entry("node.annotation.backend-type", o -> NodeAnnotations.FACT.from(o).backendType()),
            Map.entry("kubectl.version", o -> KubectlVersion.FACT.from(o).client()),
            Map.entry("kubernetes.version", o -> KubectlVersion.FACT.from(o).server()
                    .or(() -> KubectlNodes.FACT.from(o).commonVersion().map(v -> v.replaceFirst("\\+.*", "")))));

    record CorpusPiece(String name, String text, String form, Map<String, String> facts) {
        @Override
        public String toString() {
            return name + " [" + form + "]";
        }
    }

    static Stream<CorpusPiece> pieces() throws IOException, URISyntaxException {
        Path root = Path.of(EvidenceCorpusRecognitionTest.class.getResource("/diagnose/corpus").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> piece(root, p)).toList().stream();
        }
    }

    private static CorpusPiece piece(Path root, Path txt) {
        try {
            Path yaml = txt.resolveSibling(txt.getFileName().toString().replaceFirst("\\.txt$", ".yaml"));
            Map<?, ?> meta = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(yaml));
            Map<String, String> facts = new LinkedHashMap<>();
            ((Map<?, ?>) meta.get("facts")).forEach((k, v) -> facts.put(String.valueOf(k), String.valueOf(v)));
            return new CorpusPiece(root.relativize(txt).toString(), Files.readString(txt), String.valueOf(meta.get("form")),
                    facts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pieces")
    void isRecognisedAsItsFormAndNothingElse(CorpusPiece piece) {
        LooseEvidence read = LooseEvidence.read("h", Map.of(piece.name(), piece.text()));

        Set<String> forms = read.readings().stream().map(r -> r.form().label()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(forms).as(piece + " " + read).isEqualTo(expected(piece));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pieces")
    void givesNoValueTheCarefulReaderWouldNotDraw(CorpusPiece piece) {
        CollectorOutput out = CollectorOutput.split(LooseEvidence.read("h", Map.of(piece.name(), piece.text()))
                .collectorText());

        piece.facts().forEach((name, drawn) -> {
            Function<CollectorOutput, Optional<?>> fact = CHECKED.get(name);
            Optional<String> ours = fact == null ? Optional.empty() : fact.apply(out).map(String::valueOf);
            if (drawn.startsWith(CANNOT_TELL)) {
                assertThat(ours).as(piece + " " + name + " is cannot tell").isEmpty();
            } else {
                ours.ifPresent(v -> assertThat(drawn).as(piece + " " + name).startsWith(v));
            }
        });
    }

    private static Set<String> expected(CorpusPiece piece) {
        String listed = Exceptions.LISTED.get(piece.name());
        if (listed != null) {
            return listed.equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(listed.split(",")));
        }
        return READ.contains(piece.form()) ? Set.of(piece.form()) : Set.of();
    }

    /** yes or no, nothing when the evidence cannot tell. */
    private static Optional<String> observed(Observed o) {
        return o == Observed.CANNOT_TELL ? Optional.empty() : Optional.of(o == Observed.YES ? "yes" : "no");
    }

    /** yes or no when the timing settles it; nothing when it cannot tell. */
    private static Optional<String> stall(ConnectTiming t) {
        return t.stall63() == Observed.CANNOT_TELL ? Optional.empty()
                : Optional.of(t.stall63() == Observed.YES ? "yes" : "no");
    }

    private static Optional<String> mode(IptablesVersion v) {
        return v.mode() == IptablesVersion.Mode.ABSENT ? Optional.empty()
                : Optional.of(v.mode() == IptablesVersion.Mode.NF_TABLES ? "nf_tables" : "legacy");
    }

    /** {@code evidence/corpus-forms.tsv}: piece to the forms it holds, where that is not just its yaml form. */
    private static final class Exceptions {
        static final Map<String, String> LISTED = load();

        private static Map<String, String> load() {
            try {
                Path tsv = Path.of(Exceptions.class.getResource("/evidence/corpus-forms.tsv").toURI());
                return Files.readAllLines(tsv).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                        .map(l -> l.split("\t")).collect(Collectors.toMap(c -> c[0], c -> c[1]));
            } catch (IOException | URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
