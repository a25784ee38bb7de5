package dev.nodefix.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The hostile-input set: one directory per case under {@code cli/hostile/}, holding the input files and a
 * {@code case.yaml} ({@code args}, the {@code error} fragment or fragments expected on stderr (or anywhere for exit 2), optionally {@code exit} (default 1), {@code last_command} (a fragment of the last command the hosts ran),
 * {@code generate} for files too large to keep, {@code fifo} for named pipes to make). {@code CASE} in the
 * arguments stands for the case's copy in a temporary directory. Each case must end within 5 s of CPU time (60 s of wall clock) with its exit code
 * and a sentence, never a Java exception or stack trace; hosts, where a case needs them, answer every command with
 * nothing.
 */
class HostileInputTest {
    /** What a case may cost: CPU time of the whole JVM, so a loaded machine does not fail a bounded case. */
    private static final Duration CPU_BOUND = Duration.ofSeconds(5);
    /** A backstop against a case that waits forever without spending CPU. */
    private static final Duration WALL_BOUND = Duration.ofSeconds(60);
    private static final Path ROOT = root();

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithASentenceAndExitCodeWithinFiveSeconds(String name) throws IOException {
        Map<String, Object> spec = spec(ROOT.resolve(name).resolve("case.yaml"));
        Path dir = copy(ROOT.resolve(name), tmp.resolve(name));
        HostileFiles.make(dir, spec);
        String[] args = ((List<?>) spec.get("args")).stream()
                .map(a -> a.toString().replace("CASE", dir.toString())).toArray(String[]::new);
        ScriptedTransports hosts = new ScriptedTransports();
        CliRunner runner = new CliRunner().workingDir(dir).home(Files.createDirectories(tmp.resolve("home")))
                .transports(settings -> hosts);

        long cpuBefore = processCpuNanos();
        CliRunner.Result r = assertTimeoutPreemptively(WALL_BOUND, () -> runner.run(args),
                () -> name + " took over " + WALL_BOUND.toSeconds() + " s");
        assertThat(Duration.ofNanos(processCpuNanos() - cpuBefore)).as(name + ": CPU time").isLessThan(CPU_BOUND);

        int exit = ((Number) spec.getOrDefault("exit", 1)).intValue();
        Object error = spec.get("error");
        List<String> fragments = (error instanceof List<?> l ? l.stream() : Stream.of(error))
                .map(f -> f.toString().replace("CASE", dir.toString())).toList();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
        assertThat(exit == 1 ? r.err() : r.out() + r.err()).as(r.toString()).contains(fragments);
        assertThat(r.out() + r.err()).as(r.toString()).doesNotContain("Exception", "\tat ", "internal error", "\u001b",
                "Error:");
        if (spec.containsKey("last_command")) {
            assertThat(hosts.commandsSeen).as("commands the hosts ran").last().asString()
                    .contains(spec.get("last_command").toString());
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.getFileName().toString().equals("case.yaml")) {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static Path root() {
        try {
            return Path.of(HostileInputTest.class.getResource("/cli/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The files a case makes rather than keeps: large generated texts and named pipes. */
    static final class HostileFiles {
        private HostileFiles() {}

        @SuppressWarnings("unchecked")
        static void make(Path dir, Map<String, Object> spec) throws IOException {
            Map<String, List<Map<String, Object>>> generate =
                    (Map<String, List<Map<String, Object>>>) spec.getOrDefault("generate", Map.of());
            for (Map.Entry<String, List<Map<String, Object>>> file : generate.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target))) {
                    for (Map<String, Object> part : file.getValue()) {
                        write(out, part);
                    }
                }
            }
            for (Object fifo : (List<Object>) spec.getOrDefault("fifo", List.of())) {
                Path target = dir.resolve(fifo.toString());
                Files.createDirectories(target.getParent());
                mkfifo(target);
            }
        }

        /** A part is {@code text} (written as is), or {@code repeat} written {@code times} times. */
        private static void write(OutputStream out, Map<String, Object> part) throws IOException {
            if (part.containsKey("text")) {
                out.write(part.get("text").toString().getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] unit = part.get("repeat").toString().getBytes(StandardCharsets.UTF_8);
            int times = ((Number) part.get("times")).intValue();
            for (int i = 0; i < times; i++) {
                out.write(unit);
            }
        }

        private static void mkfifo(Path target) {
            try {
                Process p = new ProcessBuilder("mkfifo", target.toString()).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("mkfifo " + target + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
