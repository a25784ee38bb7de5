package dev.nodefix.journal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The controller's memory of each host's last Udp {@code InCsumErrors} reading, so a {@code diagnose} can say how
 * much the counter rose since the one before: {@code $XDG_STATE_HOME/nodefix/udp-csum.json}
 * ({@code ~/.local/state/nodefix/udp-csum.json}), host name to value, time and boot id, readable by the owner only.
 * An unreadable or garbled file reads as empty (nothing remembered), never as an error.
 */
public final class UdpCsumReadings {
    /** One remembered reading. @param boot the node's boot id when the collector printed it */
    public record Reading(long inCsumErrors, Instant at, Optional<String> boot) {}

    private final Path file;

    public UdpCsumReadings(Path file) {
        this.file = file;
    }

    public static Path defaultFile(Map<String, String> env, Path home) {
        return RunStore.defaultDir(env, home).getParent().resolve("udp-csum.json");
    }

    public Path file() {
        return file;
    }

    /** Every host's last reading; empty when none was remembered or the file cannot be read. */
    public Map<String, Reading> load() {
        Map<String, Reading> out = new TreeMap<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            JSON.std.mapFrom(Files.readString(file)).forEach((host, v) -> {
                if (v instanceof Map<?, ?> m && m.get("inCsumErrors") instanceof Number n && m.get("at") instanceof String at) {
                    out.put(host, new Reading(n.longValue(), Instant.parse(at),
                            Optional.ofNullable(m.get("boot")).map(String::valueOf)));
                }
            });
            return out;
        } catch (IOException | DateTimeParseException | ClassCastException e) {
            return new TreeMap<>();
        }
    }

    /** Writes {@code readings} (all hosts, the new ones merged in by the caller), atomically. */
    public void save(Map<String, Reading> readings) {
        Map<String, Object> json = new TreeMap<>();
        readings.forEach((host, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("inCsumErrors", r.inCsumErrors());
            m.put("at", r.at().toString());
            r.boot().ifPresent(b -> m.put("boot", b));
            json.put(host, m);
        });
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(json) + "\n");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new JournalException("cannot remember the Udp counters in " + file + ": " + e.getMessage(), e);
        }
    }
}
