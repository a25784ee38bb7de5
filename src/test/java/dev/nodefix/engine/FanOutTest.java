package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Connection;
import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Role;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.TransportException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FanOutTest {
    static List<Host> hosts(String... names) {
        List<Host> hosts = new ArrayList<>();
        for (String name : names) {
            hosts.add(new Host(name, Map.of(), List.of(), Connection.to(name), Role.UNKNOWN));
        }
        return hosts;
    }

    @Test
    void aSlowHostHoldsBackNobody() {
        CountDownLatch fastReported = new CountDownLatch(4);
        List<String> finished = new ArrayList<>();
        List<HostOutcome<String>> outcomes = new FanOut(5).run(hosts("slow", "a", "b", "c", "d"), host -> {
            if (host.name().equals("slow")) { // "sleeps" up to 5 s, waking as soon as the others are reported
                return await(fastReported, 5) ? "others reported first" : "others were held back";
            }
            return host.name();
        }, outcome -> {
            finished.add(outcome.host().name());
            fastReported.countDown();
        });
        assertThat(finished).hasSize(5).last().isEqualTo("slow");
        assertThat(outcomes).extracting(o -> ((HostOutcome.Succeeded<String>) o).value())
                .containsExactly("others reported first", "a", "b", "c", "d");
    }

    @Test
    void neverMoreThanForksAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<HostOutcome<Integer>> outcomes = new FanOut(3).run(hosts("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"), host -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(50);
            running.decrementAndGet();
            return host.name().length();
        });
        assertThat(peak.get()).isBetween(1, 3);
        assertThat(outcomes).extracting(o -> o.host().name()).containsExactly("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8");
    }

    @Test
    void failuresAreOutcomesNotExceptions() {
        TransportException refused = new TransportException("b", FailureClass.REFUSED, "b:22: connection refused");
        List<HostOutcome<String>> outcomes = new FanOut(2).run(hosts("a", "b", "c"), host -> switch (host.name()) {
            case "b" -> throw refused;
            case "c" -> throw new IllegalStateException("bug");
            default -> "fine";
        });
        assertThat(outcomes.get(0)).isInstanceOf(HostOutcome.Succeeded.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(HostOutcome.Failed.class, f -> assertThat(f.error()).isSameAs(refused));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(HostOutcome.Crashed.class,
                c -> assertThat(c.error()).hasMessage("bug"));
    }

    @Test
    void progressRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<Thread> seen = Collections.synchronizedList(new ArrayList<>());
        new FanOut(4).run(hosts("a", "b", "c", "d"), Host::name, outcome -> seen.add(Thread.currentThread()));
        assertThat(seen).hasSize(4).containsOnly(caller);
    }

    @Test
    void interruptedRunReportsUnfinishedHostsAsCrashed() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<List<HostOutcome<String>>> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            result.set(new FanOut(2).run(hosts("quick", "stuck"), host -> {
                if (host.name().equals("quick")) {
                    return "done";
                }
                started.countDown();
                sleep(60_000);
                return "never";
            }));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        runner.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        runner.interrupt();
        runner.join(5_000);
        assertThat(result.get().get(1)).isInstanceOfSatisfying(HostOutcome.Crashed.class,
                c -> assertThat(c.error()).isInstanceOf(CancellationException.class));
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void edgeCases() {
        assertThat(new FanOut(3).run(List.of(), Host::name)).isEmpty();
        assertThatThrownBy(() -> new FanOut(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean await(CountDownLatch latch, int seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
