package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeAnnotations;
import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Optional;

/**
 * Flannel's node annotations ({@code flannel.alpha.coreos.com/backend-type}, a {@code VtepMAC} in
 * {@code backend-data}) outlive a disabled flannel: k3s kept them with {@code --flannel-backend=none} and re-applied
 * them on upgrade. They are named as a look-alike when the running configuration says another backend, and as weak
 * evidence when they are all that names the backend; never as proof of a VXLAN device.
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
        Optional<String> configured = f.backend().effective().filter(b -> !f.backend().sources().isEmpty());
        if (configured.isPresent() && !configured.get().equals(annotated.get())) {
            return List.of(Finding.of(Code.ANNOTATION_LOOKALIKE, Severity.INFO, "the node's flannel annotations"
                    + " say backend " + annotated.get() + ", but its configuration says " + configured.get()
                    + ": annotations outlive a disabled or changed flannel (a look-alike, not a VXLAN device)",
                    evidence, null));
        }
        if (configured.isEmpty() && !f.vxlan().exists()) {
            return List.of(Finding.of(Code.ANNOTATION_LOOKALIKE, Severity.INFO, "only the node's flannel"
                    + " annotations name a backend (" + annotated.get() + "): what flannel once wrote, not proof it"
                    + " runs now", evidence, "ip -d link show flannel.1; cat /var/lib/rancher/k3s/agent/etc/flannel/net-conf.json"));
        }
        return List.of();
    }
}
