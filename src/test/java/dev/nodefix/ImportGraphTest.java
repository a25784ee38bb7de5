package dev.nodefix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import graph of src/main/java against the layers in architecture/layers.txt: nothing imports a higher layer,
 * cli and shell do not import each other (only app imports them), and the SSH implementation is imported only where
 * the layers say. Imports and fully qualified references count; comments and string literals do not. What breaks a
 * rule today is listed in architecture/known-imports.txt, and only there.
 */
class ImportGraphTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/nodefix");
    private static final Path LAYERS = Path.of("src/test/resources/architecture/layers.txt");
    private static final Path KNOWN = Path.of("src/test/resources/architecture/known-imports.txt");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.nodefix\\.([a-z][a-z0-9]*)(\\.ssh)?\\.");

    /** The rules, as layers.txt states them. */
    record Layers(List<String> order, Set<String> apart, Map<String, Set<String>> only, Map<String, String> layerOf) {
        int rank(String pkg) {
            return order.indexOf(layerOf.get(pkg));
        }

        /** Why {@code from} must not import {@code to}, or null when it may. */
        String broken(String from, String to) {
            if (only.containsKey(to) && !only.get(to).contains(from)) {
                return to + " is imported only by " + only.get(to);
            }
            if (rank(to) > rank(from)) {
                return "layer " + layerOf.get(from) + " imports the higher layer " + layerOf.get(to);
            }
            if (apart.contains(layerOf.get(from)) && layerOf.get(from).equals(layerOf.get(to))) {
                return "packages of layer " + layerOf.get(from) + " do not import each other";
            }
            return null;
        }
    }

    @Test
    void everyPackageHasALayer() {
        Layers layers = layers();
        assertThat(imports().keySet()).allSatisfy(pkg -> assertThat(layers.layerOf()).as("layers.txt").containsKey(pkg));
        assertThat(layers.layerOf().values()).allSatisfy(l -> assertThat(layers.order()).contains(l));
    }

    @Test
    void noImportBreaksTheLayersButTheKnownOnes() {
        Layers layers = layers();
        Map<String, String> found = new TreeMap<>();
        imports().forEach((from, tos) -> tos.forEach((to, where) -> {
            String why = layers.broken(from, to);
            if (why != null) {
                found.put(from + " -> " + to, why + " (" + where + ")");
            }
        }));
        Set<String> known = known();

        Map<String, String> unlisted = new TreeMap<>(found);
        unlisted.keySet().removeAll(known);
        Set<String> gone = new TreeSet<>(known);
        gone.removeAll(found.keySet());
        assertThat(unlisted).as("imports that break architecture/layers.txt").isEmpty();
        assertThat(gone).as("known-imports.txt lists imports that no longer occur: remove them").isEmpty();
    }

    @Test
    void referencesInCommentsAndStringsDoNotCount() {
        String code = "import dev.nodefix.inventory.Host; /** {@link dev.nodefix.app.Main} */ String s = \"dev.nodefix.cli.X\";"
                + " // dev.nodefix.shell.Y\n char c = '\"'; dev.nodefix.transport.ssh.SshTransport x; String t = \"\"\"\n"
                + " dev.nodefix.executor.Z\n \"\"\";";

        assertThat(referenced(code)).containsExactly("inventory", "transport.ssh");
    }

    /** Per package, the packages it references, each with one file that does. */
    private static Map<String, Map<String, String>> imports() {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Map<String, String> tos = out.computeIfAbsent(from, k -> new TreeMap<>());
                for (String to : referenced(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (!to.equals(from)) {
                        tos.putIfAbsent(to, SOURCES.relativize(file).toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The packages under dev.nodefix that code names, outside comments and literals. */
    static Set<String> referenced(String source) {
        Set<String> out = new TreeSet<>();
        Matcher m = REFERENCE.matcher(codeOnly(source));
        while (m.find()) {
            out.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
        }
        return out;
    }

    /** The source with comments, string, text block and char literals blanked. */
    static String codeOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = closing(s, i + 3, "\"\"\"");
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                end = closing(s, i + 1, String.valueOf(s.charAt(i)));
            } else {
                out.append(s.charAt(i++));
                continue;
            }
            out.append(' ');
            i = end;
        }
        return out.toString();
    }

    /** Just past the first unescaped {@code quote} from {@code from}. */
    private static int closing(String s, int from, String quote) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '\\') {
                i += 2;
            } else if (s.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static Layers layers() {
        List<String> order = new ArrayList<>();
        Set<String> apart = new TreeSet<>();
        Map<String, Set<String>> only = new HashMap<>();
        Map<String, String> layerOf = new LinkedHashMap<>();
        for (String line : lines(LAYERS)) {
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "order:" -> order.addAll(List.of(f).subList(1, f.length));
                case "apart:" -> apart.addAll(List.of(f).subList(1, f.length));
                case "only:" -> only.put(f[1], Set.copyOf(List.of(f).subList(2, f.length)));
                default -> {
                    assertThat(f.length).as("package, layer and why: " + line).isGreaterThan(2);
                    layerOf.put(f[0], f[1]);
                }
            }
        }
        return new Layers(order, apart, only, layerOf);
    }

    /** "from -> to" of each known exception; each names what removes it. */
    private static Set<String> known() {
        Set<String> out = new TreeSet<>();
        for (String line : lines(KNOWN)) {
            String[] f = line.split("\\s+", 3);
            assertThat(f).as("from, to and the issue part that removes it: " + line).hasSize(3);
            assertThat(f[2]).as(line).contains("issue");
            out.add(f[0] + " -> " + f[1]);
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
