package dev.nodefix.journal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The controller's journal of one run, open for appending; every line is synced to disk before append returns.
 * A plain stream, not a {@link java.nio.channels.FileChannel}: an interrupted thread (Ctrl-C in the shell while
 * a change is applied) must not close the journal under the run and tear it.
 */
public final class RunJournal implements AutoCloseable {
    private final Path file;
    private final FileOutputStream out;

    RunJournal(Path file) throws IOException {
        this.file = file;
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        this.out = new FileOutputStream(file.toFile(), true);
    }

    public synchronized void append(String host, Entry entry) {
        byte[] line = (EntryCodec.line(Optional.of(host), entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            out.write(line);
            out.getFD().sync();
        } catch (IOException e) {
            throw new JournalException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new JournalException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
