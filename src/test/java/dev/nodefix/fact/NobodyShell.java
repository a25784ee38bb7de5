package dev.nodefix.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A shell run as a login that file modes bite on: when the tests run as root, uid 65534 through setpriv (the test
 * is skipped where setpriv is missing), with every directory under {@code tmp} made traversable so only the modes
 * a case sets on purpose keep it out.
 */
public final class NobodyShell {
    private NobodyShell() {}

    /** The argv prefix that drops root ({@code setpriv ...}), or nothing when the tests do not run as root. */
    public static List<String> prefix(Path tmp) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv");
        try (Stream<Path> dirs = Files.walk(tmp)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    }

    /** {@code script} on /bin/sh's stdin with {@code NF_ROOT} set, as nobody when {@code dropRoot}: stdout and stderr. */
    static String run(Path tmp, Path root, String script, boolean dropRoot, int timeoutSeconds) throws Exception {
        List<String> argv = new ArrayList<>(dropRoot ? prefix(tmp) : List.of());
        argv.addAll(List.of("/bin/sh", "-s"));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("NF_ROOT", root.toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
