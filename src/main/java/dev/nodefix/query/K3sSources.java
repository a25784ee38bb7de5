package dev.nodefix.query;

import dev.nodefix.fact.K3sEffectiveConfig;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link K3sSourcesQuery} read: the k3s configuration in force ({@link K3sEffectiveConfig}, each setting with the
 * {@code FILE:LINE} it comes from) and the exact bytes, mode and owner of the files it was read from, so a module can
 * edit the one that sets a value.
 *
 * @param files      path to its state, for every unit, drop-in, env file and config file that could be read exactly
 * @param unreadable path to why it could not be read exactly (a symbolic link, not a regular file)
 */
public record K3sSources(K3sEffectiveConfig config, Map<String, FileState> files, Map<String, String> unreadable) {
    public K3sSources {
        files = Map.copyOf(files);
        unreadable = Map.copyOf(unreadable);
    }

    /** The file's exact state, when it was read. */
    public Optional<FileState> file(String path) {
        return Optional.ofNullable(files.get(path));
    }
}
