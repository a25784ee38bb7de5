package dev.nodefix.modules;

import dev.nodefix.query.K3sSourcesQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@link K3sSourcesQuery} prints on a node holding these files: its real script run by /bin/sh over a temporary
 * root (NF_ROOT), the root taken back out of the paths; the exact-file records are those of the case's own files
 * (their mode and owner as the case gives them).
 */
final class K3sSourcesRead {
    /** A file of the case: content, mode, owner, group. */
    record CaseFile(String content, String mode, String owner, String group) {}

    private K3sSourcesRead() {}

    static String output(K3sSourcesQuery query, Map<String, CaseFile> files) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("nodefix-k3s-sources");
            Path root = tmp.resolve("root");
            for (Map.Entry<String, CaseFile> f : files.entrySet()) {
                Path p = root.resolve(f.getKey().substring(1));
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue().content());
            }
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", query.text(), "nodefix-k3s-sources")
                    .redirectErrorStream(true);
            pb.environment().put("NF_ROOT", root.toString());
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the k3s sources script did not finish");
            }
            String marker = "\n@@nodefix-k3s-files\n";
            int cut = out.indexOf(marker);
            if (cut < 0) {
                throw new IllegalStateException("no files marker in:\n" + out);
            }
            StringBuilder raw = new StringBuilder(out.substring(0, cut + marker.length()).replace(root.toString(), ""));
            files.forEach((path, f) -> raw.append("@@file ").append(path).append('\n').append(f.mode()).append(' ')
                    .append(f.owner()).append(' ').append(f.group()).append('\n')
                    .append(Base64.getEncoder().encodeToString(f.content().getBytes(StandardCharsets.UTF_8)))
                    .append("\n@@rc 0\n"));
            return raw.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            delete(tmp);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
