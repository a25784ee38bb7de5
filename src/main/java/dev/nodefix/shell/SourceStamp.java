package dev.nodefix.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of the files a setup is read from (directories walked): how many regular files there are, the
 * newest modification time and their total size. Editing, adding or removing a file inside an inventory directory
 * changes it, although the directory's own modification time does not change when a file in it is edited.
 */
record SourceStamp(long files, long newestNanos, long bytes) {
    /** The stamp of these files and directories as they are now; a missing one counts as nothing. */
    static SourceStamp of(List<Path> paths) {
        SourceStamp sum = new SourceStamp(0, Long.MIN_VALUE, 0);
        for (Path path : paths) {
            sum = sum.plus(walk(path));
        }
        return sum;
    }

    private SourceStamp plus(SourceStamp other) {
        return new SourceStamp(files + other.files, Math.max(newestNanos, other.newestNanos), bytes + other.bytes);
    }

    private static SourceStamp walk(Path root) {
        if (!Files.exists(root)) {
            return new SourceStamp(0, Long.MIN_VALUE, 0);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(SourceStamp::file).reduce(new SourceStamp(0, Long.MIN_VALUE, 0), SourceStamp::plus);
        } catch (IOException | UncheckedIOException e) {
            return unreadable();
        }
    }

    /** One file (a symbolic link counts as what it points to); a directory counts by its own time only. */
    private static SourceStamp file(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            long nanos = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            return a.isDirectory() ? new SourceStamp(0, nanos, 0) : new SourceStamp(1, nanos, a.size());
        } catch (IOException e) {
            return unreadable();
        }
    }

    /** What cannot be read now: never equal to an earlier stamp, so the setup is read again (and says why). */
    private static SourceStamp unreadable() {
        return new SourceStamp(-1, System.nanoTime(), -1);
    }
}
