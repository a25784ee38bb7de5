package dev.nodefix.ansiblecfg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the one ansible.cfg Ansible would read ({@code find_ini_config_file}): {@code ANSIBLE_CONFIG} (a file,
 * or a directory holding ansible.cfg), else ./ansible.cfg unless the working directory is world-writable, else
 * ~/.ansible.cfg, else the system file. The first that exists and is readable wins; nothing is merged.
 */
record ConfigFinder(Map<String, String> env, PathExpansion paths, Path systemConfig) {
    static final String WORLD_WRITABLE = "Ansible is being run in a world writable directory (%s),"
            + " ignoring it as an ansible.cfg source. For more information see"
            + " https://docs.ansible.com/ansible/devel/reference_appendices/config.html#cfg-in-world-writable-dir";

    /** The file found, if any, and the warnings Ansible (or nodefix, where it explains a skipped file) prints. */
    record Found(Optional<Path> file, List<String> warnings) {
        Found {
            warnings = List.copyOf(warnings);
        }
    }

    ConfigFinder {
        env = Map.copyOf(env);
    }

    Found find() {
        List<Path> candidates = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<Path> fromEnv = Optional.ofNullable(env.get("ANSIBLE_CONFIG")).map(this::fromEnv);
        fromEnv.ifPresent(candidates::add);
        Path workingDir = paths.workingDir();
        Path local = workingDir.resolve("ansible.cfg");
        boolean skippedLocal = worldWritable(workingDir) && Files.exists(local);
        if (!worldWritable(workingDir)) {
            candidates.add(local);
        }
        candidates.add(paths.resolve("~/.ansible.cfg", workingDir));
        candidates.add(systemConfig);
        Optional<Path> file = candidates.stream().filter(p -> Files.exists(p) && Files.isReadable(p)).findFirst();
        if (skippedLocal && (fromEnv.isEmpty() || !file.equals(fromEnv))) {
            warnings.add(String.format(WORLD_WRITABLE, workingDir));
        }
        fromEnv.filter(p -> !file.equals(Optional.of(p))).ifPresent(p -> warnings.add("ANSIBLE_CONFIG names " + p
                + ", which does not exist or cannot be read: ignored (Ansible ignores it too)"));
        return new Found(file, warnings);
    }

    private Path fromEnv(String value) {
        Path path = paths.resolve(value, paths.workingDir());
        return Files.isDirectory(path) ? path.resolve("ansible.cfg") : path;
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
