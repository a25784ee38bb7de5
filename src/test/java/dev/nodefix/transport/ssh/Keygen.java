package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code /usr/bin/ssh-keygen}: keys and fingerprints made by OpenSSH, not by the code under test. */
public final class Keygen {
    private Keygen() {
    }

    /** Generates {@code dir/name} (and {@code .pub}); an empty passphrase means unencrypted. */
    public static Path generate(Path dir, String name, String type, String passphrase) {
        Path key = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("-q", "-t", type, "-N", passphrase, "-C", name, "-f", key.toString()));
        if (type.equals("rsa")) {
            args.addAll(List.of("-b", "2048"));
        }
        run(args);
        return key;
    }

    public static Path pub(Path key) {
        return key.resolveSibling(key.getFileName() + ".pub");
    }

    /** Runs ssh-keygen with the arguments and returns its stdout. */
    public static String run(List<String> args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ssh-keygen"));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("ssh-keygen " + args + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
