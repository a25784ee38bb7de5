package dev.nodefix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code nodefix --version}: the version, the git commit and the build date, from {@code build.properties}
 * (written into the jar at build time); "unknown" for what the build could not tell.
 */
public final class Version implements IVersionProvider {
    static final String RESOURCE = "build.properties";

    @Override
    public String[] getVersion() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return lines(build);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines printed for the build's properties ({@code version}, {@code commit}, {@code dirty}, {@code built}). */
    static String[] lines(Properties build) {
        String commit = build.getProperty("commit", "unknown");
        boolean dirty = Boolean.parseBoolean(build.getProperty("dirty", "false"));
        return new String[] {
            "nodefix " + build.getProperty("version", "unknown"),
            "commit  " + commit + (dirty ? " (with uncommitted changes)" : ""),
            "built   " + build.getProperty("built", "unknown"),
        };
    }
}
