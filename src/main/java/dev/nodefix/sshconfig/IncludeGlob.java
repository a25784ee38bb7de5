package dev.nodefix.sshconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands an {@code Include} path the way glibc's {@code glob(3)} does for ssh: {@code *}, {@code ?} and
 * {@code [...]} in any path component, no braces, a leading dot matched only by a leading dot, results
 * sorted byte-wise; a path that matches nothing yields nothing.
 */
final class IncludeGlob {
    private IncludeGlob() {}

    /** The existing paths {@code absolutePattern} matches, sorted. */
    static List<Path> expand(String absolutePattern) {
        List<Path> current = List.of(Path.of("/"));
        for (String part : absolutePattern.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            current = hasMeta(part) ? matching(current, part) : literal(current, part);
        }
        return current.stream().filter(Files::exists).sorted(Comparator.comparing(Path::toString)).toList();
    }

    private static boolean hasMeta(String part) {
        return part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0;
    }

    private static List<Path> literal(List<Path> dirs, String part) {
        return dirs.stream().map(d -> d.resolve(part)).toList();
    }

    private static List<Path> matching(List<Path> dirs, String part) {
        PathMatcher matcher = FileSystems.getDefault()
                .getPathMatcher("glob:" + part.replace("{", "\\{").replace("}", "\\}"));
        List<Path> out = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(p -> part.startsWith(".") || !p.getFileName().toString().startsWith("."))
                        .filter(p -> matcher.matches(p.getFileName()))
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }
}
