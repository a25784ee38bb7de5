package dev.nodefix.sshconfig;

import dev.nodefix.inventory.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenSSH client configuration as {@code ssh} (OpenSSH 9.2) reads it: the user file
 * ({@code ~/.ssh/config}, or the {@code -F} file, in which case the system file is not read), then the
 * system file, with their includes. {@link #forHost} answers for one host; reading and includes happen once.
 */
public final class SshConfig {
    /** Where ssh reads its system-wide client config. */
    public static final Path SYSTEM_FILE = Path.of("/etc/ssh/ssh_config");

    private static final Set<String> KEYWORDS = keywords();

    private final List<ConfigFile> files;
    private final Path home;
    private final Map<String, String> env;

    private SshConfig(List<ConfigFile> files, Path home, Map<String, String> env) {
        this.files = List.copyOf(files);
        this.home = home;
        this.env = Map.copyOf(env);
    }

    /**
     * Reads the config files. A missing {@code ~/.ssh/config} or system file counts as empty; a missing
     * {@code -F} file ({@code explicitF}) is an error, as in ssh.
     *
     * @param userFile ~/.ssh/config, or the -F file; empty for none (ssh -F none)
     * @param explicitF whether {@code userFile} came from -F (then the system file is not read)
     * @param systemFile /etc/ssh/ssh_config (its directory is where its relative Includes are looked for)
     * @param home the home directory: {@code ~} in values and includes, ~/.ssh for relative user includes
     * @param env the environment, for {@code ${VAR}}
     */
    public static SshConfig load(Optional<Path> userFile, boolean explicitF, Path systemFile, Path home,
            Map<String, String> env) {
        Objects.requireNonNull(systemFile, "systemFile");
        Path systemDir = systemFile.toAbsolutePath().getParent();
        ConfigReader reader = new ConfigReader(home, systemDir == null ? Path.of("/etc/ssh") : systemDir);
        List<ConfigFile> files = new ArrayList<>();
        if (userFile.isPresent()) {
            Optional<ConfigFile> user = reader.read(userFile.get(), true, !explicitF);
            if (user.isEmpty() && explicitF) {
                throw new SshConfigException(new Location(userFile.get().toString(), 0, 0),
                        "Can't open user config file: no such file");
            }
            user.ifPresent(files::add);
        }
        if (!explicitF) {
            reader.read(systemFile, false, false).ifPresent(files::add);
        }
        return new SshConfig(files, home, env);
    }

    /** The user file ssh reads when no -F is given: {@code HOME/.ssh/config}. */
    public static Path defaultUserFile(Path home) {
        return home.resolve(".ssh/config");
    }

    /**
     * The config for one host, as {@code ssh -G} computes it.
     *
     * @param host the name ansible gives ssh: ansible_host or the inventory name
     * @param user a user given on the command line (e.g. -o User=), for %r and Match user
     * @param localUser the local user name, for %u, Match localuser and the default user
     * @param localHostName the local host name as gethostname(2) gives it, for %l, %L and %C
     */
    public SshHostConfig forHost(String host, Optional<String> user, String localUser, String localHostName) {
        TakenValues taken = new HostPass(host, user, localUser, KEYWORDS, env).run(files);
        return new HostConfigAssembler(host, user, localUser, localHostName, home, env).assemble(taken);
    }

    /** {@link #forHost(String, Optional, String, String)} with this machine's host name. */
    public SshHostConfig forHost(String host, Optional<String> user, String localUser) {
        return forHost(host, user, localUser, LocalHostName.read(env));
    }

    /** The files read, top-level and included, in reading order (for diagnostics). */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        files.forEach(f -> collect(f, out));
        return out;
    }

    private static void collect(ConfigFile file, List<Path> out) {
        out.add(file.path());
        file.entries().stream().filter(IncludedFiles.class::isInstance).map(IncludedFiles.class::cast)
                .forEach(i -> i.files().forEach(f -> collect(f, out)));
    }

    private static Set<String> keywords() {
        try (InputStream in = SshConfig.class.getResourceAsStream("keywords.txt")) {
            return Set.copyOf(new String(Objects.requireNonNull(in, "keywords.txt").readAllBytes(),
                    StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
