package dev.nodefix.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (the Debian package {@code chromium}, which {@code lab/lab deps} installs) opening a local page:
 * a screenshot, the DOM it built, and the console messages it logged. A report page runs no script, so any console
 * message is an error: a blocked fetch (its Content-Security-Policy forbids them) or markup that became a script.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    /** What one page load gave. */
    public record Page(byte[] screenshot, String dom, List<String> console) {}

    private final Path work;

    /** @param work a directory for the browser's profile and its output */
    public Chromium(Path work) {
        this.work = work;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Loads {@code page} twice: once for a screenshot and the console, once for the DOM. */
    public Page open(Path page, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve(page.getFileName() + ".png");
        Files.deleteIfExists(png);
        String log = run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height,
                "--enable-logging=stderr", "--v=0", page.toUri().toString()), "screenshot").stderr;
        List<String> console = log.lines().filter(l -> l.contains(":CONSOLE")).toList();
        String dom = run(List.of("--dump-dom", page.toUri().toString()), "dom").stdout;
        return new Page(Files.exists(png) ? Files.readAllBytes(png) : new byte[0], dom, console);
    }

    private record Output(String stdout, String stderr) {}

    private Output run(List<String> args, String name) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--hide-scrollbars", "--no-first-run", "--disable-extensions", "--user-data-dir=" + work.resolve("profile")));
        argv.addAll(args);
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process p = new ProcessBuilder(argv).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException("chromium did not finish in 90 s: " + argv);
        }
        return new Output(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
