package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.change.Change;
import dev.nodefix.change.FileChange;
import dev.nodefix.inventory.Role;
import dev.nodefix.module.Args;
import dev.nodefix.module.NodeFragment;
import dev.nodefix.module.Plan;
import dev.nodefix.modules.SystemdUnit;
import dev.nodefix.query.DirQuery;
import dev.nodefix.query.FileState;
import dev.nodefix.query.NodeState;
import dev.nodefix.query.Query;
import dev.nodefix.query.UnitState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The systemd_unit module's node fragment, with the node script's own {@code nf_file_is}, decides as its plan does:
 * the unit file and its enablement set up in a private mount namespace ({@code unshare -m}, a tmpfs over
 * /etc/systemd/system; root needed, as for the lab), systemctl a stub that shows the enablement, and the plan over
 * the same state. File changes are compared without their before-image (the script journals the real one).
 */
class SystemdUnitNodeFragmentTest {
    private static final String UNIT = "flannel-tx-checksum-offload-disable.service";
    private static final String PATH = "/etc/systemd/system/" + UNIT;
    private static final String WANTS = "/etc/systemd/system/sys-devices-virtual-net-flannel.1.device.wants";
    private static final String CONTENT = "[Unit]\nDescription=x\n\n[Service]\nType=oneshot\nExecStart=/bin/true\n\n"
            + "[Install]\nWantedBy=sys-devices-virtual-net-flannel.1.device\n";
    private static final String HARNESS = "nf_q= nf_why= nf_refused=\n"
            + "nf_change() { nf_q=\"$nf_q $1\"; }\nnf_ok() { nf_why=$1; }\nnf_refuse() { nf_refused=$1; }\n";

    @TempDir Path bin;

    /** @param mode the unit file's mode, "" for no file; enablement as systemctl shows UnitFileState */
    static List<Arguments> cases() {
        return List.of(
                Arguments.of("nothing there", "", false, "", "on"),
                Arguments.of("in place and enabled", "644", true, "enabled", "on"),
                Arguments.of("mode differs", "600", true, "enabled", "on"),
                Arguments.of("in place, disabled, wants there", "644", true, "disabled", "on"),
                Arguments.of("masked", "644", true, "masked", "on"),
                Arguments.of("to disable", "644", true, "enabled", "off"),
                Arguments.of("left as it is", "", false, "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFragmentDecidesAsThePlan(String name, String mode, boolean wants, String enablement, String enabled)
            throws IOException, InterruptedException {
        SystemdUnit module = new SystemdUnit();
        Map<String, Object> raw = new LinkedHashMap<>(Map.of("name", UNIT, "content", CONTENT));
        if (!enabled.isEmpty()) {
            raw.put("enabled", enabled);
        }
        SystemdUnit.SystemdUnitArgs args = module.bind(new Args("systemd_unit", module.params(), raw));
        Map<Query, Object> state = new LinkedHashMap<>();
        state.put(new Query.File(PATH), mode.isEmpty() ? FileState.absent() : FileState.Present.text(CONTENT, mode, "root", "root"));
        state.put(new Query.Unit(UNIT), new UnitState(UNIT, !enablement.isEmpty(), enablement, "inactive"));
        DirQuery dir = new DirQuery(WANTS);
        state.put(dir, dir.parse(wants ? "D" : "A", 0));
        Plan plan = module.plan(args, new NodeState("n1", Role.AGENT, state));
        NodeFragment fragment = module.nodeFragment(args);

        String said = run(fragment.sh(), mode, wants, enablement);
        if (plan instanceof Plan.NoOp noOp) {
            assertThat(said).isEqualTo("ok:" + noOp.reason());
        } else if (plan instanceof Plan.Changes changes) {
            assertThat(said).startsWith("changes:");
            List<Change> picked = Arrays.stream(said.substring("changes:".length()).trim().split(" "))
                    .map(i -> fragment.changes().get(Integer.parseInt(i))).toList();
            assertThat(picked.stream().map(SystemdUnitNodeFragmentTest::withoutBefore).toList())
                    .isEqualTo(changes.changes().stream().map(SystemdUnitNodeFragmentTest::withoutBefore).toList());
        } else {
            assertThat(said).isEqualTo("refused:" + ((Plan.Refused) plan).reason());
        }
    }

    private static Object withoutBefore(Change c) {
        return c instanceof FileChange f ? List.of(f.path(), f.after()) : c;
    }

    private String run(String fragment, String mode, boolean wants, String enablement)
            throws IOException, InterruptedException {
        Path systemctl = bin.resolve("systemctl");
        Files.writeString(systemctl, "#!/bin/sh\necho 'UnitFileState=" + enablement + "'\n");
        Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path content = bin.resolve("content");
        Files.writeString(content, CONTENT);
        String setup = "mount -t tmpfs nodefix-test /etc/systemd/system || exit 9\n"
                + (mode.isEmpty() ? "" : "cp " + content + " " + PATH + " && chmod " + mode + " " + PATH + "\n")
                + (wants ? "mkdir " + WANTS + "\n" : "");
        String script = setup + NodeRuntime.FILE_IS + HARNESS + "nf_task() {\n" + fragment + "}\nnf_task\n"
                + "if [ -n \"$nf_refused\" ]; then echo \"refused:$nf_refused\"; elif [ -n \"$nf_q\" ]; then"
                + " echo \"changes:$nf_q\"; else echo \"ok:$nf_why\"; fi\n";
        ProcessBuilder pb = new ProcessBuilder("unshare", "-m", "dash", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
