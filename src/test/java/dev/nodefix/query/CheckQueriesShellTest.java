package dev.nodefix.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nodefix.fact.NodeFacts;
import dev.nodefix.transport.CommandResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wait, connect and facts queries run for real by /bin/sh through the framed state script. */
class CheckQueriesShellTest {
    @TempDir
    Path dir;

    @Test
    void waitsUntilAFileAppears() {
        Path flag = dir.resolve("ready");
        CompletableFuture.runAsync(() -> touch(flag), CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
        WaitState state = read(new WaitQuery(new WaitCondition.Path(flag.toString(), true), Duration.ofSeconds(10)));
        assertThat(state.met()).isTrue();
        assertThat(state.waited()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    @Test
    void timesOutWhenItNeverHolds() {
        Path never = dir.resolve("never");
        long start = System.nanoTime();
        WaitState state = read(new WaitQuery(new WaitCondition.Path(never.toString(), true), Duration.ofMillis(700)));
        assertThat(state.met()).isFalse();
        assertThat(state.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAbsentPathIsMetAtOnce() {
        WaitState state = read(new WaitQuery(new WaitCondition.Path(dir.resolve("gone").toString(), false),
                Duration.ofSeconds(5)));
        assertThat(state.met()).isTrue();
        assertThat(state.waited()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aHostileFileNameIsOnlyAName() {
        Path hostile = dir.resolve("x' $(touch pwned) `touch pwned2`; '");
        touch(hostile);
        WaitState state = read(new WaitQuery(new WaitCondition.Path(hostile.toString(), true), Duration.ofSeconds(2)));
        assertThat(state.met()).isTrue();
        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(Path.of("pwned")).doesNotExist();
        assertThat(Path.of("pwned2")).doesNotExist();
    }

    @Test
    void waitsForAPortToOpenAndToClose() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            WaitState open = read(new WaitQuery(new WaitCondition.Port("127.0.0.1", port, true), Duration.ofSeconds(5)));
            assertThat(open.met()).isTrue();
        }
        WaitState closed = read(new WaitQuery(new WaitCondition.Port("127.0.0.1", port, false), Duration.ofSeconds(5)));
        assertThat(closed.met()).isTrue();
        WaitState stillClosed = read(new WaitQuery(new WaitCondition.Port("127.0.0.1", port, true),
                Duration.ofMillis(500)));
        assertThat(stillClosed.met()).isFalse();
    }

    @Test
    void connectsToAListeningPortAndFailsOnAClosedOne() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            ConnectState ok = read(new ConnectQuery("127.0.0.1", port, Duration.ofSeconds(1)));
            assertThat(ok.outcome()).as(ok.detail()).isEqualTo(ConnectState.Outcome.CONNECTED);
            assertThat(ok.millis()).hasValueSatisfying(ms -> assertThat(ms).isPositive().isLessThan(1000.0));
        }
        ConnectState refused = read(new ConnectQuery("127.0.0.1", port, Duration.ofSeconds(1)));
        assertThat(refused.outcome()).as(refused.detail()).isEqualTo(ConnectState.Outcome.FAILED);
        assertThat(refused.target()).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void readsThisMachinesFactsWithTheCollector() throws Exception {
        NodeFacts facts = read(FactsQuery.shipped());
        String release = new String(new ProcessBuilder("uname", "-r").start().getInputStream().readAllBytes()).strip();
        assertThat(facts.kernel().release()).contains(release);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Query query) {
        CommandResult result = LocalShell.run(StateReader.command(List.of(query)));
        return (T) StateReader.parse(List.of(query), result).get(query);
    }

    private static void touch(Path path) {
        try {
            Files.createFile(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
