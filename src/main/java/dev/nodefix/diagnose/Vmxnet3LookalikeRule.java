package dev.nodefix.diagnose;

import dev.nodefix.fact.NodeFacts;
import java.util.List;

/** A VMware vmxnet3 uplink has its own tunnel-offload bug with the same symptom. */
public final class Vmxnet3LookalikeRule implements Rule {
    @Override
    public List<Finding> check(NodeFacts f) {
        if (!f.uplink().driver().map("vmxnet3"::equals).orElse(false)) {
            return List.of();
        }
        String nic = f.uplink().device().orElse("the uplink");
        return List.of(Finding.of(Code.VMXNET3_LOOKALIKE, Severity.WARNING,
                "uplink " + nic + " uses vmxnet3: VMware's tunnel offload bug drops VXLAN packets the same way",
                List.of("ethtool -i " + nic + ": driver: vmxnet3"),
                "if the delay stays after the flannel.1 fix: ethtool -K " + nic
                        + " tx-udp_tnl-segmentation off tx-udp_tnl-csum-segmentation off"));
    }
}
