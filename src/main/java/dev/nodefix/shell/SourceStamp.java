package dev.nodefix.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of the files a setup is read from (directories walked): how many regular files there are,
 * their total size, and a sum over each file's path, modification time and size. Editing, adding, removing or
 * renaming a file inside an inventory directory changes it, although the directory's own modification time does not
 * change when a file in it is edited.
 */
record SourceStamp(long files, long bytes, long sum) {
    private static final SourceStamp NONE = new SourceStamp(0, 0, 0);

    /** The stamp of these files and directories as they are now; a missing one counts as nothing. */
    static SourceStamp of(List<Path> paths) {
        SourceStamp total = NONE;
        for (Path path : paths) {
            total = total.plus(walk(path));
        }
        return total;
    }

    private SourceStamp plus(SourceStamp other) {
        return new SourceStamp(files + other.files, bytes + other.bytes, sum + other.sum);
    }

    private static SourceStamp walk(Path root) {
        if (!Files.exists(root)) {
            return NONE;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(SourceStamp::file).reduce(NONE, SourceStamp::plus);
        } catch (IOException | UncheckedIOException e) {
            return unreadable();
        }
    }

    /** One regular file (a symbolic link counts as what it points to); a directory counts through its files. */
    private static SourceStamp file(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isDirectory()) {
                return NONE;
            }
            return new SourceStamp(1, a.size(), Objects.hash(path.toString(), a.lastModifiedTime(), a.size()));
        } catch (IOException e) {
            return unreadable();
        }
    }

    /** What cannot be read now: never equal to an earlier stamp, so the setup is read again (and says why). */
    private static SourceStamp unreadable() {
        return new SourceStamp(-1, -1, System.nanoTime());
    }
}
