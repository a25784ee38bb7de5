package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Location;
import dev.nodefix.inventory.Sourced;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * nodefix's settings written the way {@code ansible-config dump} prints them (Python repr of the value, origin
 * as the config file's path or {@code env: NAME}), keyed by {@link Setting#ansibleName()}; and the real dump's
 * lines read back into the same shape.
 */
final class DumpFormat {
    /** One setting: its value as Python prints it, where it came from, and (for a file) the line. */
    record Line(String value, String origin, int line) {
    }

    private DumpFormat() {
    }

    static Map<String, Line> of(AnsibleConfig config) {
        Map<String, Line> out = new LinkedHashMap<>();
        if (!config.inventory().isEmpty()) {
            String list = config.inventory().stream().map(p -> "'" + p.value() + "'")
                    .collect(Collectors.joining(", ", "[", "]"));
            out.put(Setting.INVENTORY.ansibleName(), line(list, config.inventory().get(0).origin()));
        }
        put(out, Setting.REMOTE_USER, config.remoteUser());
        put(out, Setting.PRIVATE_KEY_FILE, config.privateKeyFile());
        put(out, Setting.REMOTE_PORT, config.remotePort());
        put(out, Setting.TIMEOUT, config.timeout());
        put(out, Setting.FORKS, config.forks());
        put(out, Setting.HOST_KEY_CHECKING, config.hostKeyChecking());
        put(out, Setting.VAULT_PASSWORD_FILE, config.vaultPasswordFile());
        put(out, Setting.BECOME, config.become());
        put(out, Setting.BECOME_USER, config.becomeUser());
        put(out, Setting.BECOME_METHOD, config.becomeMethod());
        put(out, Setting.SSH_ARGS, config.sshArgs());
        put(out, Setting.SSH_COMMON_ARGS, config.sshCommonArgs());
        put(out, Setting.SSH_EXTRA_ARGS, config.sshExtraArgs());
        put(out, Setting.ASK_PASS, config.askPass());
        put(out, Setting.BECOME_ASK_PASS, config.becomeAskPass());
        put(out, Setting.BECOME_FLAGS, config.becomeFlags());
        put(out, Setting.RETRY_FILES_ENABLED, config.retryFilesEnabled());
        put(out, Setting.RETRY_FILES_SAVE_PATH, config.retryFilesSavePath());
        put(out, Setting.SSH_RETRIES, config.sshRetries());
        return out;
    }

    private static void put(Map<String, Line> out, Setting setting, Optional<? extends Sourced<?>> value) {
        value.ifPresent(v -> out.put(setting.ansibleName(), line(python(v.value()), v.origin())));
    }

    private static String python(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    private static Line line(String value, Location origin) {
        return origin.line() > 0 ? new Line(value, origin.file(), origin.line())
                : new Line(value, "env: " + origin.file(), 0);
    }

    /**
     * Reads {@code NAME(origin) = value} lines of {@code ansible-config dump}; under a plugin heading
     * ({@code ssh:}) names become {@code ssh:name}; type headings ({@code CONNECTION:}) and rules are skipped.
     * Any other line continues the previous value.
     */
    static Map<String, Line> parse(String dump) {
        Map<String, Line> out = new LinkedHashMap<>();
        java.util.regex.Pattern setting = java.util.regex.Pattern.compile("^([A-Za-z_0-9]+)\\((.*?)\\) = (.*)$");
        String plugin = "";
        String last = null;
        for (String text : dump.split("\n")) {
            java.util.regex.Matcher m = setting.matcher(text);
            if (m.matches()) {
                last = plugin + m.group(1);
                out.put(last, new Line(m.group(3), m.group(2), 0));
            } else if (text.matches("^[a-z_0-9.]+:$")) {
                plugin = text.substring(0, text.length() - 1) + ":";
                last = null;
            } else if (text.matches("^([A-Z_]+:|_+|=+)$")) {
                last = null;
            } else if (last != null && !text.isEmpty()) {
                Line prev = out.get(last);
                out.put(last, new Line(prev.value() + "\n" + text, prev.origin(), 0));
            }
        }
        return out;
    }

    static List<String> names() {
        return java.util.Arrays.stream(Setting.values()).map(Setting::ansibleName).toList();
    }
}
