package dev.nodefix.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exported node script is POSIX sh: dash and busybox ash parse it ({@code -n}) and checkbashisms finds nothing
 * (.ci/run installs dash, busybox and devscripts).
 */
class NodeScriptShellTest {
    @TempDir Path dir;

    /** Both exported scripts, the fix playbook's and a rollback's, under each checker. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"fix, dash -n", "fix, busybox ash -n", "fix, checkbashisms --posix --force",
            "rollback, dash -n", "rollback, busybox ash -n", "rollback, checkbashisms --posix --force"})
    void theExportedScriptsPass(String which, String check) throws IOException, InterruptedException {
        Path script = dir.resolve("node.sh");
        Files.writeString(script, which.equals("fix") ? NodeScriptTest.fixScript() : NodeRollbackTest.script());
        List<String> argv = new ArrayList<>(List.of(check.split(" ")));
        argv.add(script.toString());
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(check + ": " + out).isZero();
        assertThat(out).as(check).isEmpty();
    }

    /**
     * A condition over the offload features, run under dash with ethtool and ip stubs: a failed ethtool read is
     * never "off": when the condition depends on it the task is refused; when it does not (no flannel.1) it holds.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "1, '', exists and ethtool fails, refused:cannot tell facts.offload.features[tso].on: ethtool -k flannel.1 failed",
            "1, '', no flannel.1 and ethtool fails, holds",
            "0, 'tso: on', exists and tso on, fails",
            "0, 'tso: off', exists and tso off, holds",
            "0, 'gso: on', exists and tso not listed, holds"})
    void aFeatureEthtoolCannotReadIsNeverOff(int ethtoolExit, String listing, String name, String said)
            throws IOException, InterruptedException {
        boolean exists = !name.startsWith("no flannel.1");
        stub("ethtool", "printf '%s\\n' '" + listing + "'; exit " + ethtoolExit);
        stub("ip", "exit " + (exists ? 0 : 1));
        dev.nodefix.expr.Expressions e = new dev.nodefix.expr.Expressions();
        FactConditions.Table table = (FactConditions.Table) new FactConditions(e)
                .compile("!facts.vxlan.exists || !facts.offload.features['tso'].on", java.util.Map.of());
        String script = "nf_refused=\nnf_refuse() { nf_refused=$1; }\n"
                + "t() { if " + table.sh() + "; then echo holds; else echo fails; fi; }\n"
                + "t; [ -z \"$nf_refused\" ] || echo \"refused:$nf_refused\"\n";
        ProcessBuilder pb = new ProcessBuilder("dash", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo(said);
    }

    private void stub(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
