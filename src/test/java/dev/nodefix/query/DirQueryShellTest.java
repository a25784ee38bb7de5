package dev.nodefix.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DirQuery} run for real by /bin/sh through the framed state script: each kind of path, and the parents of a file. */
class DirQueryShellTest {
    @TempDir
    Path dir;

    @Test
    void tellsDirectoriesLinksOtherAndAbsent() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real dir"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        Path file = Files.createFile(dir.resolve("file"));
        Path hostile = dir.resolve("x' $(touch pwned); '");
        List<DirQuery> queries = List.of(new DirQuery(real.toString()), new DirQuery(link.toString()),
                new DirQuery(file.toString()), new DirQuery(dir.resolve("gone").toString()), new DirQuery(hostile.toString()));
        Map<Query, Object> states = read(queries);
        assertThat(queries.stream().map(q -> ((DirState) states.get(q)).kind())).containsExactly(DirState.Kind.DIRECTORY,
                DirState.Kind.LINK, DirState.Kind.OTHER, DirState.Kind.ABSENT, DirState.Kind.ABSENT);
        assertThat(((DirState) states.get(queries.get(1))).target()).isEqualTo(real.toString());
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void parentsOfAFileAreEveryDirectoryBelowTheRootOutermostFirst() {
        assertThat(DirQuery.parentsOf("/etc/nodefix-test/a/b/file").stream().map(DirQuery::path))
                .containsExactly("/etc", "/etc/nodefix-test", "/etc/nodefix-test/a", "/etc/nodefix-test/a/b");
        assertThat(DirQuery.parentsOf("//etc//x.conf").stream().map(DirQuery::path)).containsExactly("/etc");
        assertThat(DirQuery.parentsOf("/x.conf")).isEmpty();
    }

    private static Map<Query, Object> read(List<DirQuery> queries) {
        List<Query> all = List.copyOf(queries);
        CommandResult result = LocalShell.run(StateReader.command(all));
        return StateReader.parse(all, result);
    }
}
