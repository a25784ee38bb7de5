package dev.nodefix.vault;

import dev.nodefix.secret.Secret;
import java.util.Arrays;

/**
 * A vault password asked on the terminal: {@code Vault password: } for --ask-vault-pass,
 * {@code Vault password (LABEL): } for {@code --vault-id LABEL@prompt}. Surrounding whitespace is dropped,
 * as Ansible drops it.
 */
record PasswordPrompt(String prompt, VaultPrompt terminal) implements PasswordSource {
    @Override
    public Secret load() {
        Secret answer = terminal.ask(prompt).orElseThrow(() -> new VaultException(
                VaultException.Reason.PASSWORD_UNAVAILABLE, "no terminal answered the prompt '" + prompt + ": '"));
        char[] chars = answer.reveal();
        int start = 0;
        int end = chars.length;
        while (start < end && PasswordBytes.WHITESPACE.indexOf(chars[start]) >= 0) {
            start++;
        }
        while (end > start && PasswordBytes.WHITESPACE.indexOf(chars[end - 1]) >= 0) {
            end--;
        }
        char[] value = Arrays.copyOfRange(chars, start, end);
        Arrays.fill(chars, '\0');
        try {
            if (value.length == 0) {
                throw new VaultException(VaultException.Reason.PASSWORD_UNAVAILABLE,
                        "an empty vault password was given at the prompt");
            }
            return Secret.of(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }
}
