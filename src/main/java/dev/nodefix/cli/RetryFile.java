package dev.nodefix.cli;

import dev.nodefix.ansiblecfg.AnsibleConfig;
import dev.nodefix.inventory.Sourced;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ansible-playbook's retry file, written when ansible.cfg's {@code retry_files_enabled} (or
 * {@code ANSIBLE_RETRY_FILES_ENABLED}) is true and some host failed or was unreachable: {@code PLAYBOOK.retry}
 * (the playbook's name without its extension) in {@code retry_files_save_path}, else beside the playbook, the
 * directory created if missing; the hosts' names sorted, one a line. {@code --limit @FILE} reads it back.
 */
final class RetryFile {
    private RetryFile() {}

    /** Where the retry file of {@code playbook} goes. */
    static Path path(Optional<Path> saveDir, Path playbook) {
        Path absolute = playbook.toAbsolutePath();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name; // Python's splitext keeps a leading dot
        return saveDir.orElse(absolute.getParent()).resolve(stem + ".retry");
    }

    /**
     * Writes the file when the config asks for it and {@code hosts} is not empty.
     *
     * @return the file written, or why it could not be
     */
    static Optional<String> write(AnsibleConfig config, Path playbook, Collection<String> hosts) {
        if (hosts.isEmpty() || !config.retryFilesEnabled().map(Sourced::value).orElse(false)) {
            return Optional.empty();
        }
        Path file = path(config.retryFilesSavePath().map(Sourced::value), playbook);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, hosts.stream().sorted().map(h -> h + "\n").collect(Collectors.joining()),
                    StandardCharsets.UTF_8);
            return Optional.of("to retry, use: --limit @" + file);
        } catch (IOException e) {
            return Optional.of("warning: could not create retry file '" + file + "': " + e.getMessage());
        }
    }
}
