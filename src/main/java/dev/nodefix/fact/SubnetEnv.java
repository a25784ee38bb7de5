package dev.nodefix.fact;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** flannel's {@code /run/flannel/subnet.env}: {@code FLANNEL_NETWORK}, {@code FLANNEL_SUBNET}, MTU, IPMASQ. */
public record SubnetEnv(boolean present, Optional<String> network, Optional<String> subnet, Optional<Integer> mtu,
        Optional<Boolean> ipMasq) {
    public static final Fact<SubnetEnv> FACT = Fact.of("subnet-env", SubnetEnv::parse);

    static SubnetEnv parse(Section section) {
        Map<String, String> vars = ShellAssignments.parse(section.succeeded() ? section.lines() : List.of());
        Optional<Integer> mtu = Optional.ofNullable(vars.get("FLANNEL_MTU")).filter(v -> v.matches("\\d{1,6}"))
                .map(Integer::valueOf);
        Optional<Boolean> masq = Optional.ofNullable(vars.get("FLANNEL_IPMASQ"))
                .filter(v -> v.equals("true") || v.equals("false")).map(Boolean::valueOf);
        return new SubnetEnv(!vars.isEmpty(), Optional.ofNullable(vars.get("FLANNEL_NETWORK")),
                Optional.ofNullable(vars.get("FLANNEL_SUBNET")), mtu, masq);
    }
}
