package dev.nodefix.sshconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** This machine's host name as gethostname(2) gives it (Linux: /proc/sys/kernel/hostname), for %l, %L, %C. */
final class LocalHostName {
    private LocalHostName() {}

    static String read(Map<String, String> env) {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return env.getOrDefault("HOSTNAME", "localhost");
        }
    }
}
