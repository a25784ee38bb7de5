package dev.nodefix.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.evidence.LooseEvidence;
import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.NodeFacts;
import dev.nodefix.fact.Observed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A verdict is never more certain than its evidence. Over every host of the diagnose cases, every lab capture
 * (the facts goldens, the same nodes as an older collector printed them, the collector-version pairs) and every whole-node case of the evidence corpus: not-affected rests
 * on a positive leg, and an unknown (or an at-risk whose offload is open) names the commands that settle it. Over
 * every degradation of each of them (a section dropped, cut to a fragment, replaced by garbage): the same holds,
 * and the verdict is the undegraded one or a less certain one, never a surer or a contradicting one.
 *
 * <p>Two kinds of evidence contradict themselves on purpose, and there worse evidence may show what the rest says:
 * an observed symptom overrides the configuration (without the observation, the configuration's verdict stands);
 * and where the evidence on the backend disagrees with itself (the places that set it name different backends, or
 * net-conf.json names another backend while a VXLAN flannel.1 is there), losing net-conf.json may leave the rest
 * to speak, but only towards affected or at-risk, never towards not-affected.
 */
class VerdictCertaintyTest {
    /** What each verdict may become when its evidence gets worse. */
    private static final Map<Verdict, Set<Verdict>> ALLOWED = Map.of(
            Verdict.AFFECTED, Set.of(Verdict.AFFECTED, Verdict.AT_RISK, Verdict.UNKNOWN),
            Verdict.AT_RISK, Set.of(Verdict.AT_RISK, Verdict.UNKNOWN),
            Verdict.NOT_AFFECTED, Set.of(Verdict.NOT_AFFECTED, Verdict.UNKNOWN),
            Verdict.UNKNOWN, Set.of(Verdict.UNKNOWN));

    /** One host's collector text and where it comes from. */
    record Subject(String name, String raw) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Subject> subjects() throws IOException, URISyntaxException {
        List<Subject> out = new ArrayList<>();
        for (Path file : list(resource("/diagnose"))) {
            if (file.toString().endsWith(".yaml")) {
                DiagnoseCase.raws(file).forEach((host, raw) -> out.add(new Subject(
                        file.getFileName() + " " + host, raw)));
            }
        }
        for (String dir : List.of("/facts/_captured", "/facts/_captured-older-collector", "/facts/_captured-pairs",
                "/diagnose/_golden/input")) {
            for (Path file : list(resource(dir))) {
                out.add(new Subject(dir.substring(1) + "/" + file.getFileName(), Files.readString(file)));
            }
        }
        for (Path dir : list(resource("/diagnose/corpus/cases"))) {
            Map<String, String> files = new LinkedHashMap<>();
            for (Path file : list(dir)) {
                files.put(dir.getFileName() + "/" + file.getFileName(), Files.readString(file));
            }
            out.add(new Subject("corpus " + dir.getFileName(),
                    LooseEvidence.read(dir.getFileName().toString(), files).collectorText()));
        }
        Map<String, Subject> distinct = new LinkedHashMap<>(); // the same text under two names is run once
        out.forEach(subject -> distinct.putIfAbsent(subject.raw(), subject));
        return distinct.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void isNoSurerThanItsEvidence(Subject s) {
        HostDiagnosis h = diagnose(s.raw());

        assertThat(unfounded(h)).as(h.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subjects")
    void worseEvidenceNeverGivesASurerVerdict(Subject s) {
        worseEvidenceNeverGivesASurerVerdict(s, s.raw());
    }

    /** Every degradation of {@code worse} (which may be {@code s} made worse already) against {@code s} whole. */
    private static void worseEvidenceNeverGivesASurerVerdict(Subject s, String worse) {
        HostDiagnosis whole = diagnose(s.raw());
        Set<Verdict> allowed = allowed(whole, NodeFacts.parse(s.raw()));
        List<String> wrong = new ArrayList<>();
        HostDiagnosis start = diagnose(worse);
        if (!allowed.contains(start.verdict())) {
            wrong.add("as given: " + whole.verdict().label() + " became " + start.verdict().label());
        }

        for (Degradation d : Degradation.of(worse)) {
            HostDiagnosis h = diagnose(d.apply().apply(worse));
            if (!allowed.contains(h.verdict())) {
                wrong.add(d + ": " + whole.verdict().label() + " became " + h.verdict().label() + " " + h.findings());
            }
            unfounded(h).forEach(u -> wrong.add(d + ": " + u));
        }

        assertThat(wrong).as(s.name()).isEmpty();
    }

    /** The lab captures: complete collector outputs, degraded twice below. */
    static Stream<Subject> captures() throws IOException, URISyntaxException {
        return subjects().filter(s -> s.name().startsWith("facts/_captured"));
    }

    /**
     * net-conf.json decides most hosts' VXLAN leg on its own and hides what the other views say: without it, every
     * degradation again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void worseEvidenceWithoutNetConfNeverGivesASurerVerdict(Subject s) {
        String withoutNetConf = Degradation.of(s.raw()).stream().filter(d -> d.name().equals("drop net-conf"))
                .findFirst().map(d -> d.apply().apply(s.raw())).orElse(s.raw());

        worseEvidenceNeverGivesASurerVerdict(s, withoutNetConf);
    }

    /** The verdicts worse evidence may give: a less certain one, or what the rest says where it contradicts itself. */
    private static Set<Verdict> allowed(HostDiagnosis whole, NodeFacts facts) {
        Set<Verdict> allowed = EnumSet.copyOf(ALLOWED.get(whole.verdict()));
        if (whole.has(Code.SYMPTOM_OBSERVED)) {
            allowed.addAll(ALLOWED.get(whole.legs().orElseThrow().verdict()));
        }
        // told (or maybe told: a later place unread) another backend, with flannel.1 there: a worse reading may lose
        // the configured value and read the device alone
        boolean toldOther = facts.backend().vxlan() == Observed.NO || facts.backend().effective().isEmpty()
                && facts.backend().sources().values().stream().anyMatch(v -> !v.equals("vxlan"));
        boolean leftover = toldOther && facts.vxlan().present() == Observed.YES;
        if (whole.has(Code.BACKEND_INCONSISTENT) || leftover) {
            allowed.addAll(Set.of(Verdict.AFFECTED, Verdict.AT_RISK));
        }
        return allowed;
    }

    /** Why the diagnosis is surer than its legs allow; empty when it is not. */
    static List<String> unfounded(HostDiagnosis h) {
        List<String> why = new ArrayList<>();
        Legs legs = h.legs().orElseThrow();
        boolean positive = legs.vxlan().value() == Observed.NO || legs.doubleNat().value() == Observed.NO
                || legs.offload().value() == Observed.NO && legs.keptOff().value() == Observed.YES;
        if (h.verdict() == Verdict.NOT_AFFECTED && !positive) {
            why.add("not-affected without a positive leg: " + legs);
        }
        boolean settles = h.findings().stream().anyMatch(f -> !f.settle().isEmpty());
        if (h.verdict() == Verdict.UNKNOWN && !settles) {
            why.add("unknown without a settling command");
        }
        if (h.verdict() == Verdict.AT_RISK && legs.offload().isOpen() && !settles) {
            why.add("at-risk on an unread offload without a settling command");
        }
        return why;
    }

    private static HostDiagnosis diagnose(String raw) {
        return Diagnoser.standard(new RemediationPolicy(false))
                .diagnose(List.of(new HostFacts.Collected("n1", NodeFacts.parse(raw)))).hosts().get(0);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(VerdictCertaintyTest.class.getResource(name).toURI());
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
