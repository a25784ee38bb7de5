package dev.nodefix.sshconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A config fixture under src/test/resources/sshconfig/, copied to a scratch directory: {@code home/} (with
 * {@code home/.ssh/config}, the user file, and its includes) and an optional {@code system/ssh_config}.
 */
record SshFixture(String name, Path root) {
    /** The environment both ssh and nodefix see. */
    Map<String, String> env() {
        return Map.of("HOME", home().toString(), "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "NODEFIX_TEST_DIR", "/opt/nodefix-test", "NODEFIX_TEST_HOST", "from-env.example.com");
    }

    Path home() {
        return root.resolve("home");
    }

    Path userFile() {
        return home().resolve(".ssh/config");
    }

    Optional<Path> systemFile() {
        Path system = root.resolve("system/ssh_config");
        return Files.exists(system) ? Optional.of(system) : Optional.empty();
    }

    SshConfig load() {
        return SshConfig.load(Optional.of(userFile()), systemFile().isEmpty(),
                systemFile().orElse(root.resolve("system/absent")), home(), env());
    }

    /** The fixture directories under {@code sshconfig/<kind>}, sorted. */
    static List<Path> all(String kind) {
        try (Stream<Path> dirs = Files.list(Path.of(SshFixture.class.getResource("/sshconfig/" + kind).toURI()))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code source} into {@code scratch} and returns the copy. */
    static SshFixture copy(Path source, Path scratch) {
        Path root = scratch.resolve(source.getFileName().toString());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = root.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SshFixture(source.getFileName().toString(), root);
    }
}
