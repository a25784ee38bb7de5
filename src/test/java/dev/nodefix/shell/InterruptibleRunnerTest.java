package dev.nodefix.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ctrl-C (SIGINT on the terminal) while a command runs: the command is interrupted, or abandoned if it goes on. */
class InterruptibleRunnerTest {
    private Terminal terminal;
    private final StringWriter said = new StringWriter();

    @BeforeEach
    void open() throws IOException {
        terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() throws IOException {
        terminal.close();
    }

    @Test
    void ctrlCInterruptsTheCommandWhichEndsAsItReportsIt() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean abandoned = new AtomicBoolean();
        ctrlCWhen(started);

        int code = new InterruptibleRunner(terminal, new PrintWriter(said, true), Duration.ofSeconds(30)).run(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                return 0;
            } catch (InterruptedException e) {
                return 2; // as a fan-out reports hosts it gave up
            }
        }, () -> abandoned.set(true));

        assertThat(code).isEqualTo(2);
        assertThat(abandoned).isFalse();
        assertThat(said.toString()).contains("^C interrupting");
    }

    @Test
    void leavingWaitsForACommandAbandonedMidChange() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        ctrlCWhen(started);
        InterruptibleRunner runner = new InterruptibleRunner(terminal, new PrintWriter(said, true), Duration.ofMillis(100));

        int code = runner.run(() -> {
            started.countDown();
            long until = System.nanoTime() + 800_000_000L; // a change that ignores Ctrl-C and takes 0.8 s
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            finished.set(true);
            return 0;
        }, () -> { });
        assertThat(code).isEqualTo(InterruptibleRunner.INTERRUPTED);
        assertThat(finished).isFalse();

        runner.finish(Duration.ofSeconds(30));

        assertThat(finished).isTrue();
        assertThat(said.toString()).contains("waiting for a command abandoned after Ctrl-C");
    }

    @Test
    void aCommandThatDoesNotStopIsAbandonedAfterTheGrace() {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean abandoned = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        ctrlCWhen(started);

        int code = new InterruptibleRunner(terminal, new PrintWriter(said, true), Duration.ofMillis(300)).run(() -> {
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return 0;
                } catch (InterruptedException e) {
                    // deaf to Ctrl-C, as a command blocked in I/O that ignores interrupts
                }
            }
        }, () -> abandoned.set(true));
        release.countDown();

        assertThat(code).isEqualTo(InterruptibleRunner.INTERRUPTED);
        assertThat(abandoned).isTrue();
        assertThat(said.toString()).contains("left to finish in the background");
    }

    @Test
    void withoutCtrlCTheCommandsOwnCodeComesBack() {
        assertThat(new InterruptibleRunner(terminal, new PrintWriter(said, true)).run(() -> 4, () -> { })).isEqualTo(4);
        assertThat(said.toString()).isEmpty();
    }

    /** Raises SIGINT on the terminal once the command has started, as the terminal driver does for Ctrl-C. */
    private void ctrlCWhen(CountDownLatch started) {
        Thread t = new Thread(() -> {
            try {
                if (started.await(10, TimeUnit.SECONDS)) {
                    Thread.sleep(100);
                    terminal.raise(Terminal.Signal.INT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
