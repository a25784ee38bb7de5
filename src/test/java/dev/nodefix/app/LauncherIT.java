package dev.nodefix.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/nodefix, run as a user runs it: from another directory, through a chain of symlinks on PATH, in the
 * checkout's layout (target/nodefix.jar) and in the installed image's (lib/app, lib/runtime), where it starts
 * from a class-data archive it makes on the first start. Needs the packaged jar, so an IT.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("bin/nodefix").toAbsolutePath();
    private static final String VERSION = "nodefix \\S+\ncommit  \\S+.*\nbuilt   \\S+\n";

    @TempDir Path tmp;

    private record Run(int exit, String out, String err) {}

    private static Path jar() throws URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.resolveSibling("nodefix.jar");
    }

    /** {@code nodefix --version} found on PATH as a link to a link to the launcher, run from another directory. */
    private Run viaSymlinks(Path launcher, Map<String, String> env) throws Exception {
        return viaSymlinks(launcher, env, "--version");
    }

    private Run viaSymlinks(Path launcher, Map<String, String> env, String... args) throws Exception {
        Path hop = Files.createDirectories(tmp.resolve("hop"));
        Path bin = Files.createDirectories(tmp.resolve("path"));
        Files.deleteIfExists(hop.resolve("nodefix"));
        Files.deleteIfExists(bin.resolve("nodefix"));
        Files.createSymbolicLink(hop.resolve("nodefix"), launcher);
        Files.createSymbolicLink(bin.resolve("nodefix"), Path.of("../hop/nodefix"));
        // through sh, which looks nodefix up on the PATH given here (ProcessBuilder would use this JVM's)
        List<String> command = new java.util.ArrayList<>(List.of("sh", "-c", "exec nodefix \"$@\"", "nodefix"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(Files.createDirectories(tmp.resolve("cwd")).toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void theCheckoutsLauncherRunsItsJarThroughSymlinksFromAnyDirectory() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(LAUNCHER, checkout.resolve("bin/nodefix"));
        Files.createSymbolicLink(checkout.resolve("target/nodefix.jar"), jar());

        Run r = viaSymlinks(checkout.resolve("bin/nodefix"), Map.of());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).matches(VERSION);
    }

    @Test
    void aCheckoutWhosePathHoldsASpaceRunsWithItsClassDataArchive() throws Exception {
        Path checkout = tmp.resolve("my checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Files.createDirectories(checkout.resolve("target"));
        Files.copy(LAUNCHER, checkout.resolve("bin/nodefix"));
        Files.createSymbolicLink(checkout.resolve("target/nodefix.jar"), jar());

        Run first = viaSymlinks(checkout.resolve("bin/nodefix"), Map.of(), "diagnose", "--help"); // makes the archive
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(checkout.resolve("target/nodefix.jsa")).exists();
        Run r = viaSymlinks(checkout.resolve("bin/nodefix"), Map.of()); // runs with it

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).matches(VERSION);
    }

    @Test
    void anUnbuiltCheckoutNamesItsOwnJar() throws Exception {
        Path checkout = tmp.resolve("checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(LAUNCHER, checkout.resolve("bin/nodefix"));

        Run r = viaSymlinks(checkout.resolve("bin/nodefix"), Map.of());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("nodefix: " + checkout.toRealPath().resolve("target/nodefix.jar")
                + " is not built yet");
    }

    @Test
    void theImageRunsItsOwnJavaFromAnArchiveItMakesOnTheFirstStart() throws Exception {
        Path image = tmp.resolve("image");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.copy(LAUNCHER, image.resolve("bin/nodefix"));
        Files.copy(jar(), image.resolve("lib/app/nodefix.jar"));
        Files.writeString(image.resolve("lib/app/nodefix.classlist"), "dev/nodefix/app/Main\ndev/nodefix/cli/Version\n");
        Files.createSymbolicLink(image.resolve("lib/runtime/bin/java"), Path.of(System.getProperty("java.home"), "bin/java"));
        Path cache = tmp.resolve("cache");
        boolean imageWritable = Files.isWritable(image.resolve("lib/app"));

        Run r = viaSymlinks(image.resolve("bin/nodefix"), Map.of("XDG_CACHE_HOME", cache.toString()));

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).matches(VERSION);
        assertThat(r.err()).isEmpty();
        Path archive = imageWritable ? image.resolve("lib/app/nodefix.jsa") : onlyFileIn(cache.resolve("nodefix"));
        assertThat(archive).isNotEmptyFile();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(image.resolve("lib/app/nodefix.jar")));
    }

    private static Path onlyFileIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.reduce((a, b) -> {
                throw new AssertionError("more than one file in " + dir);
            }).orElseThrow();
        }
    }
}
