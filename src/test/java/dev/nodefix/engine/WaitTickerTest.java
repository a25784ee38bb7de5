package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.query.Waiting;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A command that waits on a node is told every {@link WaitTicker#EVERY} while it runs, with the time so far and the
 * limit; the clock is a fake one the pauses move, and the pauses after the ones a test wants block until the
 * command ends.
 */
class WaitTickerTest {
    private static final Waiting RESTART = new Waiting("k3s.service to be active", Duration.ofSeconds(30));

    @Test
    void aWaitThatGoesOnIsToldEveryPauseWithTheTimeSoFar() throws InterruptedException {
        Ticks ticks = new Ticks(3);

        String result = ticks.ticker().during(Optional.of(RESTART), "srv1", ticks::tell, ticks::awaitTold);

        assertThat(result).isEqualTo("done");
        assertThat(ticks.told).containsExactly("k3s.service to be active on srv1: 5 s of 30 s",
                "k3s.service to be active on srv1: 10 s of 30 s", "k3s.service to be active on srv1: 15 s of 30 s");
    }

    @Test
    void nothingIsToldOfAQuickCommandNorOfOneThatDoesNotWait() {
        List<String> told = new CopyOnWriteArrayList<>();
        WaitTicker hourly = new WaitTicker(Duration.ofHours(1), InstantSource.system(), d -> Thread.sleep(d.toMillis()));

        assertThat(hourly.during(Optional.of(RESTART), "srv1", (w, d, l) -> told.add(w), () -> 1)).isEqualTo(1);
        WaitTicker never = new WaitTicker(Duration.ZERO, InstantSource.system(), d -> told.add("paused"));
        assertThat(never.during(Optional.empty(), "srv1", (w, d, l) -> told.add(w), () -> 2)).isEqualTo(2);

        assertThat(told).isEmpty();
    }

    @Test
    void aFailingCommandEndsTheTellingAndItsErrorGoesOn() {
        AtomicReference<Thread> ticker = new AtomicReference<>();
        WaitTicker t = new WaitTicker(Duration.ofHours(1), InstantSource.system(), d -> {
            ticker.set(Thread.currentThread());
            Thread.sleep(d.toMillis());
        });

        assertThatThrownBy(() -> t.during(Optional.of(RESTART), "srv1", (w, d, l) -> { }, () -> {
            throw new IllegalStateException("connection lost");
        })).hasMessage("connection lost");
        assertThat(ticker.get() == null || !ticker.get().isAlive()).as("the ticker thread ended").isTrue();
    }

    /** A fake clock the pauses move by 5 s; after {@code wanted} pauses a pause blocks until interrupted. */
    static final class Ticks {
        final List<String> told = new CopyOnWriteArrayList<>();
        private final CountDownLatch enough;
        private final int wanted;
        private volatile Instant now = Instant.parse("2026-12-02T21:00:00Z");
        private int pauses;

        Ticks(int wanted) {
            this.wanted = wanted;
            this.enough = new CountDownLatch(wanted);
        }

        WaitTicker ticker() {
            return new WaitTicker(WaitTicker.EVERY, () -> now, d -> {
                if (++pauses > wanted) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                now = now.plus(d);
            });
        }

        void tell(String what, Duration waited, Duration limit) {
            told.add(what + ": " + waited.toSeconds() + " s of " + limit.toSeconds() + " s");
            enough.countDown();
        }

        /** The command: it ends once the wanted number of tellings came. */
        String awaitTold() {
            try {
                assertThat(enough.await(30, TimeUnit.SECONDS)).as("told " + told).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return "done";
        }
    }
}
