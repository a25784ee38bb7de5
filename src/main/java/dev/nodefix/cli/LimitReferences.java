package dev.nodefix.cli;

import dev.nodefix.inventory.InputFile;
import dev.nodefix.inventory.InventoryException;
import dev.nodefix.inventory.PatternReferences;
import dev.nodefix.journal.RunId;
import dev.nodefix.journal.RunMeta;
import dev.nodefix.journal.RunStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What {@code @NAME} in {@code -l/--limit} reads. A run ({@code @RUN} with a run id, {@code @last} for the newest run
 * in the run store): the hosts of it that did not end well ({@link RunRetry}). A file ({@code @FILE}, as Ansible's
 * {@code --limit @site.retry}): one host name or pattern per line, blank lines and {@code #} comments left out.
 * NAME is a file when it holds a {@code /}, or when it is neither a run id nor {@code last}; a run id or
 * {@code last} that is also a file in the working directory is refused as ambiguous ({@code @./NAME} is the file).
 */
final class LimitReferences implements PatternReferences {
    private final Path workingDir;
    private final RunStore store;
    private final Consumer<String> notices;

    LimitReferences(Path workingDir, RunStore store, Consumer<String> notices) {
        this.workingDir = workingDir;
        this.store = store;
        this.notices = notices;
    }

    @Override
    public List<String> expand(String reference) {
        if (reference.contains("/")) {
            return file(reference);
        }
        boolean runLike = reference.equals("last") || RunId.looksLike(reference);
        boolean fileExists = Files.exists(workingDir.resolve(reference), LinkOption.NOFOLLOW_LINKS);
        if (runLike && fileExists) {
            throw new InventoryException("--limit @" + reference + " is ambiguous: " + workingDir.resolve(reference)
                    + " is a file and '" + reference + "' names a run; write @./" + reference + " for the file");
        }
        if (runLike) {
            return run(reference);
        }
        if (!fileExists) {
            throw new InventoryException("--limit @" + reference + ": no file " + workingDir.resolve(reference)
                    + ", and '" + reference + "' is not a run id (like 20261125T201503Z-3f9a) or 'last';"
                    + " `nodefix runs` lists the runs");
        }
        return file(reference);
    }

    /** The file's names, one a line; the file is read as every input file is ({@link InputFile}). */
    private List<String> file(String reference) {
        Path file = workingDir.resolve(reference);
        String text = InputFile.read(file, "limit");
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new InventoryException("--limit @" + reference + ": " + file + " names no host (only blank lines"
                    + " and # comments)");
        }
        return names;
    }

    private List<String> run(String reference) {
        RunMeta meta = reference.equals("last") ? store.last().orElseThrow(() -> new InventoryException(
                "--limit @last: the run store " + store.dir() + " holds no run")) : find(reference);
        RunRetry retry = RunRetry.of(meta);
        if (retry.nothing()) {
            throw new InventoryException("run " + meta.id() + ": every host ended ok; nothing to retry");
        }
        retry.note().ifPresent(notices);
        return retry.hosts();
    }

    private RunMeta find(String id) {
        Optional<RunMeta> meta = store.find(id);
        if (meta.isPresent()) {
            return meta.get();
        }
        throw new InventoryException("--limit @" + id + ": " + (store.has(id) ? "run " + id + " in " + store.dir()
                + " has no run.json" : "no run " + id + " in the run store " + store.dir())
                + "; `nodefix runs` lists the runs");
    }
}
