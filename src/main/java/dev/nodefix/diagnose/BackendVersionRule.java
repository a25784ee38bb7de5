package dev.nodefix.diagnose;

import dev.nodefix.fact.BackendSupport;
import dev.nodefix.fact.K3sEffectiveConfig;
import dev.nodefix.fact.K3sRelease;
import dev.nodefix.fact.K3sUnits;
import dev.nodefix.fact.NodeFacts;
import java.util.List;
import java.util.Optional;

/**
 * The flannel backend a server is told (its effective {@code flannel-backend}) against the node's k3s version
 * ({@link BackendSupport}): a value that release refuses (k3s does not start with it: {@code wireguard} from v1.26,
 * {@code ipsec} from v1.27, {@code wireguard-native} before it existed) is a warning, a deprecated one a note. Agents
 * are left to {@link FlannelBackendOnAgentRule}; nothing is said when the version or the value cannot be read.
 */
public final class BackendVersionRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        K3sEffectiveConfig.Setting told = f.k3sConfig().setting(K3sEffectiveConfig.BACKEND);
        if (f.k3s().role() == K3sUnits.Role.AGENT || told == null || told.state() != K3sEffectiveConfig.State.SET
                || told.value().isEmpty()) {
            return List.of();
        }
        Optional<K3sRelease> release = K3sRelease.of(f.k3s().version());
        BackendSupport support = BackendSupport.check(told.value().get(), release);
        if (support.verdict() != BackendSupport.Verdict.REFUSED && support.verdict() != BackendSupport.Verdict.DEPRECATED) {
            return List.of();
        }
        boolean refused = support.verdict() == BackendSupport.Verdict.REFUSED;
        List<String> evidence = List.of(told.from().map(p -> p.at() + ": ").orElse("") + "flannel-backend "
                + told.value().get(), "k3s --version: " + release.map(K3sRelease::toString).orElse("not read"));
        return List.of(Finding.of(Code.BACKEND_NOT_SUPPORTED, refused ? Severity.WARNING : Severity.INFO,
                support.reason() + (refused ? ": k3s does not start with this setting" : ""), evidence,
                refused ? "set flannel-backend to a value this k3s takes (vxlan, host-gw, wireguard-native, none) "
                        + told.from().map(p -> "at " + p.at()).orElse("") + ", on every server"
                        : "plan the move to wireguard-native before upgrading k3s"));
    }
}
