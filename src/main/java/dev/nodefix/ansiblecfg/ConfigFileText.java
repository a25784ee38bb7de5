package dev.nodefix.ansiblecfg;

import dev.nodefix.inventory.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the found config file as Ansible's ConfigManager does: only {@code .ini} and {@code .cfg} names are
 * accepted (Ansible refuses others, even through ANSIBLE_CONFIG); bytes that are not UTF-8 are kept as U+FFFD (Ansible
 * keeps them as they are, so a comment in Latin-1 works in both; a setting holding one is refused when read).
 */
final class ConfigFileText {
    private ConfigFileText() {
    }

    static IniFile read(Path file) {
        Location whole = new Location(file.toString(), 0, 0);
        String extension = extension(file.getFileName().toString());
        if (!extension.equals(".cfg") && !extension.equals(".ini")) {
            throw new AnsibleConfigException(whole, "Ansible reads only .cfg or .ini config files, not '"
                    + extension + "' (Ansible refuses this file too)");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return IniReader.read(new String(bytes, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new AnsibleConfigException(whole, "cannot read: " + e.getMessage());
        }
    }

    /** Python's {@code os.path.splitext} extension: leading dots of the name do not start one. */
    private static String extension(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '.') {
            start++;
        }
        int dot = name.lastIndexOf('.');
        return dot > start ? name.substring(dot) : "";
    }
}
