package dev.nodefix.app;

import dev.nodefix.secret.Secret;
import dev.nodefix.transport.SecretSource;
import java.io.Console;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Asks for secrets on the terminal without echo, once per kind and subject; nothing when there is no terminal. */
final class ConsolePrompts implements SecretSource {
    private final Console console;
    private final Map<String, Optional<Secret>> answers = new ConcurrentHashMap<>();

    ConsolePrompts(Console console) {
        this.console = console;
    }

    @Override
    public Optional<Secret> get(Kind kind, String subject) {
        if (console == null) {
            return Optional.empty();
        }
        return answers.computeIfAbsent(kind + " " + subject, k -> ask(kind, subject));
    }

    private synchronized Optional<Secret> ask(Kind kind, String subject) {
        String what = switch (kind) {
            case LOGIN_PASSWORD -> "SSH password";
            case KEY_PASSPHRASE -> "Passphrase for key " + subject;
            case BECOME_PASSWORD -> "BECOME (sudo) password";
            case VAULT_PASSWORD -> subject;
        };
        char[] answer = console.readPassword("%s: ", what);
        return answer == null ? Optional.empty() : Optional.of(Secret.of(answer));
    }
}
