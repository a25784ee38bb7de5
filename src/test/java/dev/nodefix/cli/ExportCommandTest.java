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

    @Test
    void rollbackWritesPlansThatUndoTheRunUnderARollbackIdOfTheirOwn(@TempDir Path dir) throws IOException {
        CliRunner.Result r = new CliRunner().run("export", "suc", "--rollback", "20261202T170000Z-5c0e", "--run-id",
                "20261202T180000Z-7d2a", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String yaml = Files.readString(dir.resolve("nodefix-rollback-20261202t170000z-5c0e.yaml"));
        assertThat(yaml).contains("nodefix.dev/rollback-of: \"20261202T170000Z-5c0e\"")
                .contains("version: \"20261202T180000Z-7d2a\"");
        assertThat(Files.readString(dir.resolve("node.sh"))).contains("RUN=20261202T170000Z-5c0e\nRB=20261202T180000Z-7d2a\n");
        assertThat(r.err()).contains("rollback 20261202T180000Z-7d2a of run 20261202T170000Z-5c0e");
    }

    @Test
    void rollbackTakesARunIdAndNeitherAPlaybookNorVariables(@TempDir Path dir) {
        for (String[] args : new String[][] {{"export", "suc"}, {"export", "suc", FIX, "--rollback", "20261202T170000Z-5c0e"},
                {"export", "suc", "--rollback", "20261202T170000Z-5c0e", "-e", "a=b"},
                {"export", "suc", "--rollback", "last", "-o", dir.toString()},
                {"export", "suc", "--rollback", "20261202T170000Z-5c0e", "--run-id", "20261202T170000Z-5c0e", "-o", dir.toString()}}) {
            CliRunner.Result r = new CliRunner().run(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r).isNotZero();
            assertThat(r.err()).as(String.join(" ", args)).containsPattern("PLAYBOOK or --rollback|no variables|not a run id"
                    + "|a run id of its own");
        }
        assertThat(dir).isEmptyDirectory();
    }
}
