package dev.nodefix.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The playbooks inside the jar are the repository's playbooks/*.yaml, every one, byte for byte, by name. */
class BundledPlaybooksTest {
    private final BundledPlaybooks bundled = new BundledPlaybooks();

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("playbooks"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void listsEveryPlaybookOfTheRepositoryByNameWithItsFirstCommentLine() throws IOException {
        List<BundledPlaybooks.Entry> expected = shipped().stream().map(p -> {
            String name = p.getFileName().toString().replaceFirst("\\.yaml$", "");
            try {
                String first = Files.readAllLines(p).get(0);
                return new BundledPlaybooks.Entry(name, first.substring(first.indexOf(" -- ") + 4));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();

        assertThat(bundled.list()).isEqualTo(expected).extracting(BundledPlaybooks.Entry::name)
                .contains("fix-vxlan-checksum", "switch-backend-host-gw", "diagnose");
    }

    @Test
    void findsEachByNameWithOrWithoutYamlAsTheFileReads() throws IOException {
        for (Path file : shipped()) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            assertThat(bundled.find(name)).as(name).contains(text);
            assertThat(bundled.find(name.replaceFirst("\\.yaml$", ""))).as(name).contains(text);
        }
    }

    @Test
    void findsNothingThatIsNotShipped() {
        assertThat(bundled.find("fix-vxlan")).isEmpty();
        assertThat(bundled.find("../playbooks/fix-vxlan-checksum")).isEmpty();
        assertThat(bundled.find("index.txt")).isEmpty();
        assertThat(bundled.find("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "# fix.yaml -- keeps the backend.\\n- hosts: all|keeps the backend.",
        "# just a sentence\\n# more|just a sentence",
        "\\n  #   indented -- not a file name\\n|indented -- not a file name",
        "- hosts: all\\n# late comment|late comment",
        "- hosts: all|''",
    })
    void summaryIsTheFirstCommentLineLessItsFileName(String text, String summary) {
        assertThat(BundledPlaybooks.summary(text.replace("\\n", "\n"))).isEqualTo(summary);
    }
}
