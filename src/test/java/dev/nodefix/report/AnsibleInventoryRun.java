package dev.nodefix.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code ansible-inventory} (or {@code ansible-vault}) with Ansible's default inventory
 * plugins, failing on any source it cannot parse, from an empty working directory (ansible-inventory
 * reads ./group_vars of its working directory as playbook vars when --playbook-dir is not given).
 */
final class AnsibleInventoryRun {
    private final Path scratch;

    AnsibleInventoryRun(Path scratch) {
        this.scratch = scratch;
    }

    String run(List<String> args) {
        List<String> command = new ArrayList<>(List.of("ansible-inventory"));
        command.addAll(args);
        return exec(command, null);
    }

    /** The plain text of a vault envelope, decrypted by {@code ansible-vault decrypt}. */
    String decrypt(String envelope, Path passwordFile) {
        return exec(List.of("ansible-vault", "decrypt", "--vault-password-file", passwordFile.toString(),
                "--output", "-"), envelope);
    }

    private String exec(List<String> command, String stdin) {
        try {
            Path cwd = Files.createDirectories(scratch.resolve("cwd"));
            Path stderr = Files.createTempFile(scratch, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectError(stderr.toFile());
            Map<String, String> env = pb.environment();
            env.put("ANSIBLE_HOME", scratch.resolve("home").toString());
            env.put("ANSIBLE_LOCAL_TEMP", scratch.resolve("tmp").toString());
            env.remove("ANSIBLE_CONFIG");
            env.remove("ANSIBLE_INVENTORY_ENABLED");
            env.put("ANSIBLE_INVENTORY_UNPARSED_FAILED", "true");
            env.put("ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED", "true");
            env.put("ANSIBLE_NOCOLOR", "1");
            Process process = pb.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed:\n" + Files.readString(stderr));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
