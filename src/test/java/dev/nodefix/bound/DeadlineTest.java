package dev.nodefix.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    @Test
    void aThreadThatWaitsPastTheBudgetWithoutUsingCpuIsNotStopped() throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofMillis(50));
        Thread.sleep(300); // as a thread waiting for a core on a loaded controller: wall time passes, CPU does not
        deadline.check();
        Thread.sleep(300);
        deadline.check();
    }

    @Test
    void aThreadThatKeepsTheCpuBusyIsStoppedOnceItUsedItsBudget() {
        Deadline deadline = Deadline.after(Duration.ofMillis(50));
        long started = System.nanoTime();
        assertThatThrownBy(() -> {
            while (true) {
                deadline.check();
            }
        }).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("used more than 50 ms of CPU time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void anInterruptedThreadStopsAtOnce() {
        Deadline deadline = Deadline.after(Duration.ofSeconds(10));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(deadline::check).isInstanceOf(Deadline.Exceeded.class).hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anotherThreadCheckingFallsBackToWallTime() throws InterruptedException {
        Deadline deadline = Deadline.after(Duration.ofMillis(50));
        Thread.sleep(100);
        Throwable[] seen = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                deadline.check();
            } catch (Deadline.Exceeded e) {
                seen[0] = e;
            }
        });
        other.start();
        other.join();
        assertThat(seen[0]).isInstanceOf(Deadline.Exceeded.class);
    }
}
