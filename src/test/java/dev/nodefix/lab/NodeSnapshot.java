package dev.nodefix.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What "the node is identical to before" means in the lab: every file nodefix could have touched in the
 * node's overlay upper dirs of /etc and /var/lib (content hash, mode, owner, symlink target), the offload
 * features of flannel.1, and unit enablement and active states. nodefix's own journal under
 * /var/lib/nodefix is left out: it is the record of the change, not the change. Directories are left out
 * too: overlayfs copies a lower directory up when a file in it is first written, and it stays there after
 * the file is removed again, with the same content as below.
 */
public record NodeSnapshot(Map<String, String> files, String offloads, String units) {
    public static NodeSnapshot of(Lab lab, String node) {
        Path dir = lab.dir().resolve("nodes").resolve(node);
        Map<String, String> files = new TreeMap<>();
        for (String upper : List.of("etc.upper", "varlib.upper")) {
            files.putAll(tree(dir.resolve(upper), upper));
        }
        files.keySet().removeIf(k -> k.startsWith("varlib.upper/nodefix"));
        String[] parts = lab.exec(node, "sh", "-c", "ethtool -k flannel.1; echo @@units; systemctl list-unit-files;"
                + " for u in /etc/systemd/system/*.service; do [ -e \"$u\" ] && echo \"$(basename $u)"
                + " $(systemctl is-active $(basename $u))\"; done").split("@@units\n", 2);
        String offloads = parts[0];
        String units = parts.length > 1 ? parts[1] : "";
        return new NodeSnapshot(files, offloads, units);
    }

    private static Map<String, String> tree(Path root, String label) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                out.put(label + "/" + root.relativize(p), describe(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String describe(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String meta = PosixFilePermissions.toString(a.permissions()) + " " + a.owner().getName() + ":" + a.group().getName();
        if (a.isSymbolicLink()) {
            return "link -> " + Files.readSymbolicLink(p);
        }
        if (a.isOther()) {
            return "other " + meta; // overlayfs whiteouts (char 0/0) mark deletions
        }
        return "file " + meta + " " + sha256(Files.readAllBytes(p));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
