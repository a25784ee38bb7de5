package dev.nodefix.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A file on a node as nodefix saw it, or its absence: the before-image and after-image of file changes. */
public sealed interface FileState permits FileState.Absent, FileState.Present {
    /** A short, human description: "absent" or "0644 root:root, 123 bytes, sha256 ab12...". */
    String summary();

    /** The same file in every way nodefix restores: content, mode, owner, group. */
    boolean sameAs(FileState other);

    static FileState absent() {
        return new Absent();
    }

    record Absent() implements FileState {
        @Override
        public String summary() {
            return "absent";
        }

        @Override
        public boolean sameAs(FileState other) {
            return other instanceof Absent;
        }
    }

    /** @param mode octal permission bits as {@code stat %a} prints them, e.g. {@code 644} */
    record Present(byte[] content, String mode, String owner, String group) implements FileState {
        public Present {
            content = content.clone();
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(group, "group");
            mode = normalizeMode(mode);
        }

        public static Present text(String content, String mode, String owner, String group) {
            return new Present(content.getBytes(StandardCharsets.UTF_8), mode, owner, group);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }

        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("no SHA-256 in this JVM", e);
            }
        }

        @Override
        public String summary() {
            return mode + " " + owner + ":" + group + ", " + content.length + " bytes, sha256 "
                    + sha256().substring(0, 12);
        }

        @Override
        public boolean sameAs(FileState other) {
            return other instanceof Present p && Arrays.equals(content, p.content) && mode.equals(p.mode)
                    && owner.equals(p.owner) && group.equals(p.group);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Present p && sameAs(p);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(content), mode, owner, group);
        }

        @Override
        public String toString() {
            return "Present[" + summary() + "]";
        }

        private static String normalizeMode(String mode) {
            if (!mode.matches("[0-7]{3,4}")) {
                throw new IllegalArgumentException("mode must be octal like 0644: " + mode);
            }
            String trimmed = mode.replaceFirst("^0(?=[0-7]{3}$)", "");
            return trimmed;
        }
    }
}
