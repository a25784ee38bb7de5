package dev.nodefix.cli;

import dev.nodefix.playbook.BundledPlaybooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code play}'s PLAYBOOK: a file when one exists at that path (it wins), else a playbook shipped with nodefix by
 * name ({@code fix-vxlan-checksum}, {@code .yaml} optional). A shipped playbook is written to
 * {@code $XDG_CACHE_HOME/nodefix/playbooks/NAME.yaml} (default {@code ~/.cache/nodefix}) and run from there, so
 * it is a file like any other: its errors and the run journal name that file.
 */
public final class PlaybookArgument implements ITypeConverter<Path> {
    private final CliContext ctx;
    private final BundledPlaybooks bundled = new BundledPlaybooks();

    public PlaybookArgument(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Path convert(String value) {
        Path given = Path.of(value);
        if (Files.exists(given)) {
            return given;
        }
        boolean bare = given.getNameCount() == 1;
        Optional<String> text = bare ? bundled.find(value) : Optional.empty();
        if (text.isPresent()) {
            return written(cacheDir().resolve(given.getFileName().toString().endsWith(".yaml") ? value : value + ".yaml"),
                    text.get());
        }
        String file = given.getFileName() == null ? value : given.getFileName().toString();
        String name = file.replaceFirst("\\.ya?ml$", "");
        if (bundled.find(name).isPresent()) {
            throw new TypeConversionException("no file " + value + "; nodefix ships a playbook of that name: nodefix play "
                    + name);
        }
        if (bare) {
            throw new TypeConversionException("no file " + value + " and no playbook of that name ships with nodefix"
                    + " (nodefix playbooks lists them: " + String.join(", ", bundled.names()) + ")");
        }
        return given; // the loader says why it cannot be read
    }

    /** {@code $XDG_CACHE_HOME/nodefix/playbooks}, default {@code ~/.cache/nodefix/playbooks}. */
    Path cacheDir() {
        String xdg = ctx.env().get("XDG_CACHE_HOME");
        Path cache = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : ctx.home().resolve(".cache");
        return cache.resolve("nodefix/playbooks");
    }

    /** The file, rewritten (atomically) when it does not hold the shipped text: a later nodefix may ship another. */
    private static Path written(Path file, String text) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                return file;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw new TypeConversionException("cannot write the shipped playbook to " + file + ": " + e.getMessage()
                    + " (set XDG_CACHE_HOME to a writable directory)");
        }
    }
}
