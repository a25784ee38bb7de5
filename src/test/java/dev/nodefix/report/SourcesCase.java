package dev.nodefix.report;

import dev.nodefix.inventory.Inventory;
import dev.nodefix.inventory.InventoryParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parity case directory: its {@code args} file holds the ansible-inventory options ({@code -i PATH}
 * any number of times, {@code --playbook-dir DIR}, {@code --vault-password-file FILE}), paths relative
 * to the case directory; an {@code -i} value with a comma is a host list, kept as written.
 */
record SourcesCase(Path dir, List<Path> sources, Optional<Path> playbookDir, Optional<Path> vaultPasswordFile) {
    static SourcesCase load(Path dir) throws IOException {
        String[] words = Files.readString(dir.resolve("args")).strip().split("\\s+");
        List<Path> sources = new ArrayList<>();
        Optional<Path> playbook = Optional.empty();
        Optional<Path> password = Optional.empty();
        for (int i = 0; i < words.length; i += 2) {
            Path value = words[i + 1].contains(",") ? Path.of(words[i + 1]) : dir.resolve(words[i + 1]);
            switch (words[i]) {
                case "-i" -> sources.add(value);
                case "--playbook-dir" -> playbook = Optional.of(value);
                case "--vault-password-file" -> password = Optional.of(value);
                default -> throw new IllegalArgumentException("unknown option in " + dir + "/args: " + words[i]);
            }
        }
        return new SourcesCase(dir, sources, playbook, password);
    }

    List<String> ansibleArgs(String... extra) {
        List<String> args = new ArrayList<>();
        sources.forEach(s -> args.addAll(List.of("-i", s.toString())));
        playbookDir.ifPresent(p -> args.addAll(List.of("--playbook-dir", p.toString())));
        vaultPasswordFile.ifPresent(p -> args.addAll(List.of("--vault-password-file", p.toString())));
        args.addAll(List.of(extra));
        return args;
    }

    /** nodefix's reading, decrypting with the real ansible-vault when the case has a password file. */
    Inventory parse(AnsibleInventoryRun ansible) {
        InventoryParser parser = vaultPasswordFile
                .map(pw -> new InventoryParser(Path.of("/home/test"), v -> ansible.decrypt(v.envelope(), pw)))
                .orElseGet(() -> new InventoryParser(Path.of("/home/test")));
        return parser.parse(sources, playbookDir);
    }
}
