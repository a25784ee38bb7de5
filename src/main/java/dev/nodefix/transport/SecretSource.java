package dev.nodefix.transport;

import dev.nodefix.secret.Secret;
import java.util.Optional;

/**
 * Where passwords and passphrases come from: the environment or an interactive prompt, never the
 * inventory or the command line.
 */
public interface SecretSource {
    enum Kind {
        /** NODEFIX_SSH_PASSWORD: login password. */
        LOGIN_PASSWORD,
        /** NODEFIX_KEY_PASSPHRASE: passphrase of an encrypted private key. */
        KEY_PASSPHRASE,
        /** NODEFIX_BECOME_PASSWORD: sudo password. */
        BECOME_PASSWORD,
        /** NODEFIX_VAULT_PASSWORD: answers an Ansible vault password prompt; the subject is the prompt text. */
        VAULT_PASSWORD
    }

    /** @param subject what the secret is for (a key file or a host), for the prompt text */
    Optional<Secret> get(Kind kind, String subject);
}
