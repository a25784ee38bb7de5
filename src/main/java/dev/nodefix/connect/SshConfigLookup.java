package dev.nodefix.connect;

import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Sourced;
import dev.nodefix.sshconfig.SshConfig;
import dev.nodefix.sshconfig.SshHostConfig;
import dev.nodefix.sshconfig.StrictHostKeyChecking;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The OpenSSH client config ({@link SshConfig}) as the merge asks it: one destination at a time. */
public record SshConfigLookup(SshConfig config, String localUser) implements SshLookup {

    @Override
    public SshHostView forHost(String destination, Optional<String> user) {
        SshHostConfig c = config.forHost(destination, user, localUser);
        return new SshHostView(c.hostName(), c.user(), c.port(),
                c.identityFiles().stream().map(SshConfigLookup::path).toList(),
                c.identitiesOnly(), c.proxyJump().map(j -> new Sourced<>(j.value().text(), j.origin())),
                c.proxyCommand(), paths(c.userKnownHostsFiles()), paths(c.globalKnownHostsFiles()),
                c.strictHostKeyChecking().map(s -> new Sourced<>(word(s.value()), s.origin())),
                c.connectTimeout().map(t -> new Sourced<>((int) Math.max(1, t.value().toSeconds()), t.origin())),
                c.identityAgent());
    }

    private static Sourced<Path> path(Sourced<String> file) {
        return new Sourced<>(Path.of(file.value()), file.origin());
    }

    private static List<Sourced<Path>> paths(Optional<Sourced<List<String>>> files) {
        if (files.isEmpty()) {
            return List.of();
        }
        Location origin = files.get().origin();
        return files.get().value().stream().map(f -> new Sourced<>(Path.of(f), origin)).toList();
    }

    private static String word(StrictHostKeyChecking s) {
        return switch (s) {
            case YES -> "yes";
            case NO -> "no";
            case ASK -> "ask";
            case ACCEPT_NEW -> "accept-new";
        };
    }
}
