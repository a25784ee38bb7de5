package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What changes the stamp of an inventory directory (and what does not). */
class SourceStampTest {
    @TempDir Path dir;
    private Path vars;
    private SourceStamp before;

    @BeforeEach
    void oneFileInASubdirectory() throws IOException {
        vars = Files.createDirectories(dir.resolve("group_vars")).resolve("all.yaml");
        Files.writeString(vars, "ansible_user: a\n");
        Files.setLastModifiedTime(vars, FileTime.fromMillis(1_000_000));
        before = SourceStamp.of(List.of(dir, dir.resolve("missing")));
    }

    private SourceStamp now() {
        return SourceStamp.of(List.of(dir, dir.resolve("missing")));
    }

    @Test
    void nothingChangedIsTheSameStamp() {
        assertThat(now()).isEqualTo(before);
    }

    @Test
    void aFileEditedInPlaceWithTheSameSizeChangesIt() throws IOException {
        Files.writeString(vars, "ansible_user: b\n");
        Files.setLastModifiedTime(vars, FileTime.fromMillis(2_000_000));

        assertThat(now()).isNotEqualTo(before);
    }

    @Test
    void aFileOfAnotherSizeWithAnOldTimeChangesIt() throws IOException {
        Files.writeString(vars, "ansible_user: longer\n");
        Files.setLastModifiedTime(vars, FileTime.fromMillis(1_000_000));

        assertThat(now()).isNotEqualTo(before);
    }

    @Test
    void aFileAddedOrRemovedChangesIt() throws IOException {
        Path added = Files.writeString(dir.resolve("group_vars/agent.yaml"), "");
        assertThat(now()).isNotEqualTo(before);

        Files.delete(added);
        Files.delete(vars);
        assertThat(now()).isNotEqualTo(before);
    }

    @Test
    void aPathThatAppearsChangesIt() throws IOException {
        Files.writeString(dir.resolve("missing"), "x");

        assertThat(now()).isNotEqualTo(before);
    }
}
