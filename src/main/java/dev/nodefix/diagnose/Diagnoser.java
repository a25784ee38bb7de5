package dev.nodefix.diagnose;

import dev.nodefix.fact.HostFacts;
import dev.nodefix.fact.K3sReleases;
import dev.nodefix.fact.NodeFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs every rule over every host, then the cluster rules, and picks the verdicts and the remediation. */
public final class Diagnoser {
    private final List<Rule> rules;
    private final List<ClusterRule> clusterRules;
    private final RemediationPolicy policy;

    public Diagnoser(List<Rule> rules, List<ClusterRule> clusterRules, RemediationPolicy policy) {
        this.rules = List.copyOf(rules);
        this.clusterRules = List.copyOf(clusterRules);
        this.policy = policy;
    }

    /** The standard rules, verdict rules first. */
    public static Diagnoser standard(RemediationPolicy policy) {
        K3sReleases releases = K3sReleases.load();
        return new Diagnoser(List.of(new AffectedRule(), new SymptomRule(), new AtRiskRule(), new NotAffectedRule(),
                new HostGwImpossibleRule(), new BackendSourcesRule(), new FlannelBackendOnAgentRule(), new BackendVersionRule(),
                new Vmxnet3LookalikeRule(), new UdpCsumErrorsRule(), new BackendPlacementRule(), new RunningBackendRule(),
                new AnnotationLookalikeRule(), new NftPathRule(), new MarkRenderingRule(),
                new FlannelMasqEmptyRule(releases), new VersionHintRule(releases)),
                List.of(new BackendAcrossNodesRule(), new ExternalFlannelRule()), policy);
    }

    public Diagnosis diagnose(List<HostFacts> results) {
        return diagnose(results, Map.of());
    }

    /** @param extra more findings per host (probe results), appended after the rules' */
    public Diagnosis diagnose(List<HostFacts> results, Map<String, List<Finding>> extra) {
        Map<String, NodeFacts> facts = new LinkedHashMap<>();
        results.forEach(r -> {
            if (r instanceof HostFacts.Collected c) {
                facts.put(c.host(), c.facts());
            }
        });
        Map<String, List<Finding>> cluster = clusterFindings(facts);
        List<HostDiagnosis> hosts = results.stream().sorted(Comparator.comparing(HostFacts::host))
                .map(r -> host(r, cluster.getOrDefault(r.host(), List.of()), extra.getOrDefault(r.host(), List.of())))
                .toList();
        Verdict verdict = Verdict.of(hosts.stream().map(HostDiagnosis::verdict).toList());
        return new Diagnosis(verdict, policy.choose(verdict, hosts, facts), hosts);
    }

    private HostDiagnosis host(HostFacts result, List<Finding> cluster, List<Finding> extra) {
        List<Finding> findings = new ArrayList<>();
        Optional<Legs> legs = Optional.empty();
        if (result instanceof HostFacts.Collected c) {
            legs = Optional.of(Legs.of(c.facts()));
            rules.forEach(rule -> findings.addAll(rule.check(c.facts())));
            if (HostDiagnosis.verdictOf(findings) == Verdict.UNKNOWN) {
                findings.add(0, Undetermined.of(c.facts()));
            }
        } else if (result instanceof HostFacts.NotCollected n) {
            findings.add(Undetermined.unreachable(n));
        }
        findings.addAll(cluster);
        findings.addAll(extra);
        return new HostDiagnosis(result.host(), HostDiagnosis.verdictOf(findings), findings, legs);
    }

    private Map<String, List<Finding>> clusterFindings(Map<String, NodeFacts> facts) {
        Map<String, List<Finding>> out = new HashMap<>();
        for (ClusterRule rule : clusterRules) {
            rule.check(facts).forEach((host, found) -> out.computeIfAbsent(host, h -> new ArrayList<>()).addAll(found));
        }
        return out;
    }
}
