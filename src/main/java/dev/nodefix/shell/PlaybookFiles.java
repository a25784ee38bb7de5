package dev.nodefix.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jline.reader.Candidate;

/** Completion of {@code play FILE}: directories and {@code .yaml}/{@code .yml} files, from the working directory. */
public final class PlaybookFiles {
    private final Path cwd;

    public PlaybookFiles(Path cwd) {
        this.cwd = cwd;
    }

    List<Candidate> candidates(String prefix) {
        int slash = prefix.lastIndexOf('/');
        String dirPart = prefix.substring(0, slash + 1);
        Path dir = dirPart.isEmpty() ? cwd : cwd.resolve(dirPart);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .map(p -> Files.isDirectory(p)
                            ? candidate(dirPart + p.getFileName() + "/", false)
                            : candidate(dirPart + p.getFileName(), true))
                    .filter(c -> c.value().startsWith(prefix))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Candidate candidate(String value, boolean complete) {
        return new Candidate(value, value, null, null, null, null, complete);
    }
}
