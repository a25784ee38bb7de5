package dev.nodefix.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.Change;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.Args;
import dev.nodefix.module.NodeFragment;
import dev.nodefix.module.Plan;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ethtool module's node fragment decides as its plan does: for each ethtool -k output, the fragment run by sh
 * (with an ethtool that prints that output) and the plan over the same output agree on nothing to do (same reason),
 * these changes (same ones, same order), or a refusal.
 */
class EthtoolNodeFragmentTest {
    private static final String HEAD = "Features for flannel.1:\nrx-checksumming: on\ntx-checksumming: on\n";
    private static final String HARNESS = "nf_q= nf_why= nf_refused=\n"
            + "nf_change() { nf_q=\"$nf_q $1\"; }\nnf_ok() { nf_why=$1; }\nnf_refuse() { nf_refused=$1; }\n";

    @TempDir Path bin;

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("on", Map.of("tx-checksum-ip-generic", "off"), HEAD + "\ttx-checksum-ip-generic: on\n", 0),
                Arguments.of("off", Map.of("tx-checksum-ip-generic", "off"), HEAD + "\ttx-checksum-ip-generic: off\n", 0),
                Arguments.of("on fixed", Map.of("tx-checksum-ip-generic", "off"),
                        HEAD + "\ttx-checksum-ip-generic: on [fixed]\n", 0),
                Arguments.of("off fixed, wanted off", Map.of("tx-checksum-ip-generic", "off"),
                        HEAD + "\ttx-checksum-ip-generic: off [fixed]\n", 0),
                Arguments.of("no such feature", Map.of("tx-checksum-ip-generic", "off"), HEAD, 0),
                Arguments.of("no device", Map.of("tx-checksum-ip-generic", "off"),
                        "netlink error: no device matches name (No such device)\n", 1),
                Arguments.of("two, one to change", Map.of("tx-checksum-ip-generic", "off", "tcp-segmentation-offload", "off"),
                        HEAD + "\ttx-checksum-ip-generic: off\ntcp-segmentation-offload: on\n", 0),
                Arguments.of("two to change", Map.of("tx-checksum-ip-generic", "off", "tcp-segmentation-offload", "off"),
                        HEAD + "\ttx-checksum-ip-generic: on\ntcp-segmentation-offload: on\n", 0),
                Arguments.of("two, one fixed", Map.of("tx-checksum-ip-generic", "off", "tcp-segmentation-offload", "off"),
                        HEAD + "\ttx-checksum-ip-generic: on\ntcp-segmentation-offload: on [fixed]\n", 0),
                Arguments.of("turned on", Map.of("tx-checksum-ip-generic", "on"), HEAD + "\ttx-checksum-ip-generic: off\n", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFragmentDecidesAsThePlan(String name, Map<String, String> features, String output, int exit)
            throws IOException, InterruptedException {
        Ethtool module = new Ethtool();
        Ethtool.EthtoolArgs args = module.bind(new Args("ethtool", module.params(),
                Map.of("iface", "flannel.1", "features", features)));
        Query.Offload query = new Query.Offload("flannel.1");
        Plan plan = module.plan(args, new NodeState("n1", Role.AGENT, Map.of(query, query.parse(output, exit))));
        NodeFragment fragment = module.nodeFragment(args);

        String said = run(fragment.sh(), output, exit);
        if (plan instanceof Plan.NoOp noOp) {
            assertThat(said).isEqualTo("ok:" + noOp.reason());
        } else if (plan instanceof Plan.Changes changes) {
            assertThat(said).startsWith("changes:");
            List<Change> picked = Arrays.stream(said.substring("changes:".length()).trim().split(" "))
                    .map(i -> fragment.changes().get(Integer.parseInt(i))).toList();
            assertThat(picked).isEqualTo(changes.changes());
        } else {
            assertThat(said).startsWith("refused:");
            if (exit == 0) {
                assertThat(said).isEqualTo("refused:" + ((Plan.Refused) plan).reason());
            }
        }
    }

    private String run(String fragment, String output, int exit) throws IOException, InterruptedException {
        Path ethtool = bin.resolve("ethtool");
        Files.writeString(ethtool, "#!/bin/sh\nprintf '%s' '" + output.replace("'", "'\"'\"'") + "'\nexit " + exit + "\n");
        Files.setPosixFilePermissions(ethtool, PosixFilePermissions.fromString("rwxr-xr-x"));
        String script = HARNESS + "nf_task() {\n" + fragment + "}\nnf_task\n"
                + "if [ -n \"$nf_refused\" ]; then echo \"refused:$nf_refused\"; elif [ -n \"$nf_q\" ]; then"
                + " echo \"changes:$nf_q\"; else echo \"ok:$nf_why\"; fi\n";
        ProcessBuilder pb = new ProcessBuilder("dash", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
