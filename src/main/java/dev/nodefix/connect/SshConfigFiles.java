package dev.nodefix.connect;

import dev.nodefix.inventory.Sourced;
import dev.nodefix.sshconfig.SshConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenSSH client configs of one setup: nodefix's {@code -F FILE}, else {@code ~/.ssh/config} and the system file;
 * and a file named by {@code -F} in Ansible's ssh arguments (read once each, relative to the working directory, as
 * ssh run by Ansible would), unless nodefix's own {@code -F} was given, which wins.
 */
final class SshConfigFiles {
    private final SetupRequest request;
    private final Path systemFile;
    private final SshLookup main;
    private final Map<Path, SshLookup> named = new ConcurrentHashMap<>();

    SshConfigFiles(SetupRequest request, Path systemFile) {
        this.request = request;
        this.systemFile = systemFile;
        this.main = new SshConfigLookup(request.sshConfig().isPresent()
                ? SshConfig.load(request.sshConfig(), true, systemFile, request.home(), request.env())
                : SshConfig.load(Optional.of(request.home().resolve(".ssh/config")), false, systemFile,
                        request.home(), request.env()), request.localUser());
    }

    SshLookup main() {
        return main;
    }

    /** The config for {@code -F FILE} in Ansible's ssh arguments. */
    SshLookup named(Sourced<String> file) {
        if (request.sshConfig().isPresent()) {
            return main;
        }
        Path path = request.workingDir().resolve(file.value());
        return named.computeIfAbsent(path, p -> new SshConfigLookup(
                SshConfig.load(Optional.of(p), true, systemFile, request.home(), request.env()), request.localUser()));
    }
}
