package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nodefix export suc}: files written with -o, manifests on stdout without, refusals as file:line and exit 1. */
class ExportCommandTest {
    private static final String FIX = "playbooks/fix-vxlan-checksum.yaml";

    @Test
    void writesTheManifestsAndTheScriptIntoTheDirectory(@TempDir Path dir) throws IOException {
        CliRunner.Result r = new CliRunner().run("export", "suc", FIX, "--run-id", "20261202T170000Z-5c0e",
                "-n", "suc", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String yaml = Files.readString(dir.resolve("nodefix-fix-vxlan-checksum.yaml"));
        assertThat(yaml).contains("namespace: \"suc\"").contains("version: \"20261202T170000Z-5c0e\"");
        assertThat(Files.readString(dir.resolve("node.sh"))).startsWith("#!/bin/sh\n").contains("RUN=20261202T170000Z-5c0e");
        assertThat(r.err()).contains("run 20261202T170000Z-5c0e");
    }

    @Test
    void withoutADirectoryTheManifestsGoToStdoutUnderANewRunId() {
        CliRunner.Result r = new CliRunner().run("export", "suc", FIX);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("apiVersion: v1\nkind: Secret\n")
                .containsPattern("nodefix.dev/run: \"\\d{8}T\\d{6}Z-[0-9a-f]{4}\"");
    }

    @Test
    void aPlaybookThatNeedsTheControllerIsRefusedWithItsPlace(@TempDir Path dir) {
        CliRunner.Result r = new CliRunner().run("export", "suc", FIX, "-e", "probe_target=10.43.0.10:80", "-o",
                dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).containsPattern("nodefix: error: playbooks/fix-vxlan-checksum.yaml:\\d+:\\d+: module probe");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anImageWithoutATagIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        CliRunner.Result r = new CliRunner().run("export", "suc", FIX, "--image", "busybox", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("nodefix: error: --image busybox: give the image's tag or digest (busybox:TAG or"
                + " busybox@sha256:...)").contains("the run id");
        assertThat(dir).isEmptyDirectory();
    }
}
