package dev.nodefix.ansiblecfg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code ansiblecfg/cases/<case>.yaml}: {@code files} (path under the case root -> text, or {@code @name} for
 * a fixture under ansiblecfg/), optional {@code worldWritable} (directories made mode 777), {@code env}, and
 * {@code expect}: {@code file} (the config found, relative to the root, or absent), {@code warnings},
 * {@code settings} (Ansible's name -> {@code "VALUE @ ORIGIN"}, VALUE as {@code ansible-config dump} prints it,
 * ORIGIN a line number of the found file or an environment variable), or {@code error} (the whole message).
 * {@code ansible} says what the parity test expects of the real ansible-config: {@code same}, {@code accepts}
 * (nodefix refuses on purpose what Ansible takes) or {@code skip: why}. {@code $ROOT} is the case root. The case
 * root holds cwd/ (the working directory), home/ (the home directory) and etc/ansible.cfg (the system file).
 */
record ConfigCase(String name, Map<String, String> files, List<String> worldWritable, Map<String, String> env,
                  Expect expect, String ansible) {

    /** What nodefix should return, with {@code $ROOT} still in place. */
    record Expect(Optional<String> file, List<String> warnings, Map<String, String> settings,
                  Optional<String> error) {
    }

    @SuppressWarnings("unchecked")
    static ConfigCase load(Path yaml) {
        Map<String, Object> doc;
        try (InputStream in = Files.newInputStream(yaml)) {
            doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> expect = (Map<String, Object>) doc.getOrDefault("expect", Map.of());
        String name = yaml.getFileName().toString().replaceFirst("\\.yaml$", "");
        return new ConfigCase(name, strings(doc.get("files")),
                (List<String>) doc.getOrDefault("worldWritable", List.of()), strings(doc.get("env")),
                new Expect(Optional.ofNullable((String) expect.get("file")),
                        (List<String>) expect.getOrDefault("warnings", List.of()), strings(expect.get("settings")),
                        Optional.ofNullable((String) expect.get("error"))),
                String.valueOf(doc.getOrDefault("ansible", "same")));
    }

    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null) {
            ((Map<?, ?>) map).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    /** Writes the case's files under {@code root} (cwd/ and home/ always exist) and returns the environment. */
    Map<String, String> stage(Path root, Path fixtures) throws IOException {
        Files.createDirectories(root.resolve("cwd"));
        Files.createDirectories(root.resolve("home"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            String text = file.getValue();
            Files.writeString(target, text.startsWith("@") ? Files.readString(fixtures.resolve(text.substring(1)))
                    : text.replace("$ROOT", root.toString()));
        }
        for (String dir : worldWritable) {
            Files.setPosixFilePermissions(root.resolve(dir), PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Map<String, String> staged = new LinkedHashMap<>();
        env.forEach((k, v) -> staged.put(k, v.replace("$ROOT", root.toString())));
        return staged;
    }

    AnsibleConfig run(Path root, Map<String, String> stagedEnv) {
        return AnsibleConfig.load(stagedEnv, root.resolve("cwd"), root.resolve("home"),
                root.resolve("etc/ansible.cfg"));
    }

    @Override
    public String toString() {
        return name;
    }
}
