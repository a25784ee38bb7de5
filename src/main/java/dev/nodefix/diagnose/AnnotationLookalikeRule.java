package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeAnnotations;
import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Optional;

/**
 * Flannel's node annotations ({@code flannel.alpha.coreos.com/backend-type}, a {@code VtepMAC} in
 * {@code backend-data}) outlive a disabled flannel: k3s kept them with {@code --flannel-backend=none} and re-applied
 * them on upgrade. They are named as a look-alike when k3s was told another backend (its configuration, else the
 * {@code k3s.io/node-args} annotation), and as weak evidence when they are all that names the backend; never as proof
 * of a VXLAN device. Where flannel.1 does exist beside {@code --flannel-backend=none}, the annotations may be true: a
 * flannel deployed apart from k3s (a DaemonSet) writes the same ones, and that is said instead.
 */
public final class AnnotationLookalikeRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        NodeAnnotations a = f.annotations();
        Optional<String> annotated = a.annotatedBackend();
        if (annotated.isEmpty()) {
            return List.of();
        }
        List<String> evidence = a.lines().stream().map(l -> "node annotation: " + l).toList();
        Optional<String> configured = f.backend().effective().filter(b -> !f.backend().sources().isEmpty())
                .or(a::argsBackend);
        if (configured.isPresent() && !configured.get().equals(annotated.get())) {
            String told = "the node's flannel annotations say backend " + annotated.get() + ", but k3s was told "
                    + configured.get();
            return List.of(f.vxlan().exists() && "vxlan".equals(annotated.get())
                    ? Finding.of(Code.ANNOTATION_LOOKALIKE, Severity.WARNING, told + ", and flannel.1 exists: a"
                            + " flannel deployed apart from k3s (a kube-flannel DaemonSet) may be running VXLAN here",
                            evidence, "ip -d link show flannel.1; kubectl -n kube-system get ds | grep -i flannel")
                    : Finding.of(Code.ANNOTATION_LOOKALIKE, Severity.INFO, told + ": annotations outlive a disabled"
                            + " or changed flannel (a look-alike, not a VXLAN device)", evidence,
                            "ip -d link show flannel.1 (no device: the annotations are left over)"));
        }
        if (configured.isEmpty() && !f.vxlan().exists()) {
            return List.of(Finding.of(Code.ANNOTATION_LOOKALIKE, Severity.INFO, "only the node's flannel"
                    + " annotations name a backend (" + annotated.get() + "): what flannel once wrote, not proof it"
                    + " runs now", evidence, "ip -d link show flannel.1; cat /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json"));
        }
        return List.of();
    }
}
