package dev.nodefix.inventory;

import dev.nodefix.vault.Vaulted;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one inventory variable where it is set, so a mistake is reported at its own line: misspelt
 * {@code ansible_*} names, passwords (accepted only when vaulted or templated), and values of the variables
 * nodefix connects with (a vaulted one is checked once it is decrypted, if it ever is).
 */
final class VariableRules {
    static final String PASSWORD_ADVICE = "passwords are not read from inventories; set NODEFIX_BECOME_PASSWORD"
            + " / NODEFIX_SSH_PASSWORD or use --ask-become-pass / --ask-pass";
    private static final Set<String> LITERAL_REQUIRED = Set.of("ansible_host", "ansible_ssh_host", "ansible_port",
            "ansible_ssh_port", "ansible_user", "ansible_ssh_user", "ansible_ssh_private_key_file",
            "ansible_private_key_file", "ansible_become", "ansible_become_user", "ansible_ssh_common_args",
            "nodefix_role", "nodefix_jump");
    private static final Set<String> BOOLEAN_WORDS = Set.of("y", "yes", "on", "1", "true", "t",
            "n", "no", "off", "0", "false", "f");
    private static final List<String> ROLES = List.of("server", "agent");

    void check(String name, Object value, Location at) {
        if (AnsibleVariables.PASSWORDS.contains(name)) {
            if (value instanceof Vaulted) {
                return;
            }
            checkPassword(name, value, at);
            return;
        }
        if (name.startsWith("ansible_") && !AnsibleVariables.isKnown(name)) {
            DidYouMean.closest(name, AnsibleVariables.KNOWN, 2).ifPresent(known -> {
                throw new InventoryException(at, "unknown variable '" + name + "': did you mean '" + known + "'?");
            });
        }
        if (name.startsWith("nodefix_") && !name.equals("nodefix_role") && !name.equals("nodefix_jump")) {
            throw new InventoryException(at, "unknown variable '" + name + "'"
                    + DidYouMean.hint(name, List.of("nodefix_role", "nodefix_jump"))
                    + "; nodefix reads nodefix_role and nodefix_jump");
        }
        if (name.equals("nodefix_role") && value instanceof Vaulted) {
            throw new InventoryException(at, "nodefix_role is vaulted; it is not a secret and nodefix reads it"
                    + " before any password is asked for: write it as plain text");
        }
        if (LITERAL_REQUIRED.contains(name) && !(value instanceof Vaulted)) {
            checkConnectionValue(name, value, at);
        }
    }

    private static void checkPassword(String name, Object value, Location at) {
        boolean template = value instanceof String s && s.contains("{{");
        if (value != null && !template && !"".equals(value)) {
            throw new InventoryException(at, name + ": " + PASSWORD_ADVICE);
        }
    }

    private static void checkConnectionValue(String name, Object value, Location at) {
        if (value == null) {
            return;
        }
        if (value instanceof Map || value instanceof List) {
            throw new InventoryException(at, name + " must be a single value, not a " + (value instanceof Map ? "mapping" : "list"));
        }
        String text = value.toString();
        if (text.contains("{{") || text.contains("{%")) {
            throw new InventoryException(at, name + " is a template ('" + text + "'); nodefix does not evaluate"
                    + " templates in the variables it connects with, write the value itself");
        }
        try {
            checkValue(name, value, text);
        } catch (SshArgs.BadArgs | ProxyJump.BadJump e) {
            throw new InventoryException(at, name + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InventoryException(at, e.getMessage());
        }
    }

    private static void checkValue(String name, Object value, String text) {
        switch (name) {
            case "ansible_port", "ansible_ssh_port" -> {
                if (value instanceof Boolean || Ports.parse(value).isEmpty()) {
                    throw new IllegalArgumentException(name + " must be an integer from 1 to 65535, found '" + text + "'");
                }
            }
            case "ansible_become" -> {
                if (!(value instanceof Boolean) && !BOOLEAN_WORDS.contains(text.strip().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("ansible_become must be a boolean (true/false, yes/no), found '" + text + "'");
                }
            }
            case "nodefix_role" -> {
                if (!ROLES.contains(text.strip().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("nodefix_role must be 'server' or 'agent', found '" + text + "'"
                            + DidYouMean.hint(text.strip().toLowerCase(Locale.ROOT), ROLES));
                }
            }
            case "nodefix_jump" -> ProxyJump.parse(text);
            case "ansible_ssh_common_args" -> SshArgs.parse(text);
            case "ansible_host", "ansible_ssh_host" -> {
                if (text.isBlank()) {
                    throw new IllegalArgumentException(name + " is empty");
                }
            }
            default -> { }
        }
    }
}
