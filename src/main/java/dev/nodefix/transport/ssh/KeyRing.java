package dev.nodefix.transport.ssh;

import dev.nodefix.secret.Secret;
import dev.nodefix.transport.SecretSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private keys, each read and decrypted once per factory: an encrypted key's KDF costs ~130 ms of CPU and
 * its passphrase is asked for (environment or prompt) once, not once per host. A key that could not be
 * loaded is remembered with the reason, which ends up in the authentication failure message. A key file
 * others may read is ignored, as OpenSSH ignores it ({@link KeyFilePermissions}).
 */
final class KeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    /** A key file after loading: a provider, or why there is none. */
    record LoadedKey(Path file, Optional<KeyProvider> provider, String problem) {
        String describe() {
            return provider.isPresent() ? file.toString() : file + " (" + problem + ")";
        }
    }

    private final Config config;
    private final SecretSource secrets;
    private final Optional<KeyFilePermissions> permissions;
    private final ConcurrentMap<Path, LoadedKey> loaded = new ConcurrentHashMap<>();

    KeyRing(Config config, SecretSource secrets) {
        this(config, secrets, KeyFilePermissions.ofThisProcess());
    }

    KeyRing(Config config, SecretSource secrets, Optional<KeyFilePermissions> permissions) {
        this.config = config;
        this.secrets = secrets;
        this.permissions = permissions;
    }

    List<LoadedKey> load(List<Path> files) {
        return files.stream().map(this::load).toList();
    }

    LoadedKey load(Path file) {
        return loaded.computeIfAbsent(file.toAbsolutePath().normalize(), this::read);
    }

    private LoadedKey read(Path file) {
        if (!Files.isRegularFile(file)) {
            return failed(file, "not found");
        }
        Optional<String> tooOpen = permissions.flatMap(p -> p.tooOpen(file));
        if (tooOpen.isPresent()) {
            LOG.warn("private key {} {}", file, tooOpen.get());
            return failed(file, tooOpen.get());
        }
        Passphrase passphrase = new Passphrase(file);
        try {
            KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file.toFile());
            FileKeyProvider provider = Factory.Named.Util.create(config.getFileKeyProviderFactories(), format.toString());
            if (provider == null) {
                return failed(file, "unsupported key format " + format);
            }
            provider.init(file.toFile(), passphrase);
            KeyPairWrapper pair = new KeyPairWrapper(provider.getPublic(), provider.getPrivate());
            return new LoadedKey(file, Optional.of(pair), "");
        } catch (IOException | RuntimeException e) {
            return failed(file, passphrase.explain(e));
        }
    }

    private static LoadedKey failed(Path file, String problem) {
        return new LoadedKey(file, Optional.empty(), problem);
    }

    /** Asks the secret source once, only if sshj finds the key encrypted. */
    private final class Passphrase implements PasswordFinder {
        private final Path file;
        private boolean asked;
        private boolean given;

        Passphrase(Path file) {
            this.file = file;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            asked = true;
            Optional<Secret> secret = secrets.get(SecretSource.Kind.KEY_PASSPHRASE, file.toString());
            given = secret.isPresent();
            return secret.map(Secret::reveal).orElse(null);
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        String explain(Exception e) {
            if (asked && !given) {
                return "encrypted, no passphrase given (NODEFIX_KEY_PASSPHRASE)";
            }
            if (asked) {
                return "cannot decrypt: wrong passphrase?";
            }
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }
}
