package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key lines of one known_hosts file as read at one moment (judged with the other files of a target by
 * {@link KnownHostsEntries}). Comments, blank and unreadable lines are skipped; {@code @revoked} and
 * {@code @cert-authority} lines are kept with their marker.
 */
record KnownHostsFile(Path file, List<KnownHostsEntry> entries) {
    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsFile.class);

    KnownHostsFile {
        entries = List.copyOf(entries);
    }

    /** Reads the file; a missing file is an empty one. */
    static KnownHostsFile read(Path file) {
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new KnownHostsFile(file, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read known_hosts " + file, e);
        }
    }

    static KnownHostsFile parse(Path file, List<String> lines) {
        List<KnownHostsEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parseLine(file, i + 1, lines.get(i)).ifPresent(entries::add);
        }
        return new KnownHostsFile(file, entries);
    }

    static Optional<KnownHostsEntry> parseLine(Path file, int number, String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        String[] fields = trimmed.split("\\s+");
        int at = 0;
        KnownHostsEntry.Marker marker = KnownHostsEntry.Marker.NONE;
        if (fields[0].startsWith("@")) {
            marker = switch (fields[0]) {
                case "@revoked" -> KnownHostsEntry.Marker.REVOKED;
                case "@cert-authority" -> KnownHostsEntry.Marker.CERT_AUTHORITY;
                default -> null;
            };
            at = 1;
        }
        if (marker == null || fields.length < at + 3) {
            LOG.debug("{}:{}: skipped (unknown marker or too few fields)", file, number);
            return Optional.empty();
        }
        try {
            HostKey key = HostKey.parse(fields[at + 1], fields[at + 2]);
            return Optional.of(new KnownHostsEntry(file, number, marker, fields[at], key));
        } catch (IllegalArgumentException e) {
            LOG.debug("{}:{}: skipped ({})", file, number, e.getMessage());
            return Optional.empty();
        }
    }

    KnownHostsFile plus(KnownHostsEntry entry) {
        List<KnownHostsEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return new KnownHostsFile(file, more);
    }
}
