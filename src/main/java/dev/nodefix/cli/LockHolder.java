package dev.nodefix.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who holds a node's lock, as its holder line says: {@code RUN started AT by USER@HOST pid PID boot BOOT}. The
 * controller's pid and boot id tell, on the machine that started the run, whether that run is still alive.
 */
record LockHolder(String run, Optional<Long> pid, Optional<String> boot) {
    private static final Pattern LINE = Pattern.compile("^(\\S+) .*? pid (\\d{1,10})(?: boot ([0-9a-f-]{36}))?$");

    static String describe(Instant now, String user, String host, long pid, String boot) {
        return "started " + now + " by " + user + "@" + host + " pid " + pid + (boot.isEmpty() ? "" : " boot " + boot);
    }

    /** The holder line as the lock has it ({@code RUN ...}); a line without a pid has none (older nodefix). */
    static LockHolder parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (m.matches()) {
            return new LockHolder(m.group(1), Optional.of(Long.parseLong(m.group(2))), Optional.ofNullable(m.group(3)));
        }
        String first = line.strip().split(" ", 2)[0];
        return new LockHolder(first, Optional.empty(), Optional.empty());
    }

    /** This machine's boot id (it changes on every boot), or empty where there is none. */
    static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
