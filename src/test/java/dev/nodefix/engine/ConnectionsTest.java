package dev.nodefix.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.Command;
import dev.nodefix.transport.CommandResult;
import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import dev.nodefix.transport.TransportFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
    /** Counts connects and closes; host "down" is unreachable. */
    static final class CountingFactory implements TransportFactory {
        final Map<String, AtomicInteger> connects = new ConcurrentHashMap<>();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public Transport connect(Host host) {
            connects.computeIfAbsent(host.name(), n -> new AtomicInteger()).incrementAndGet();
            if (host.name().equals("down")) {
                throw new TransportException("down", FailureClass.REFUSED, "down:22: connection refused");
            }
            return new Transport() {
                public String host() {
                    return host.name();
                }

                public CommandResult execute(Command command) {
                    return new CommandResult(0, host.name(), "", Duration.ZERO);
                }

                public void close() {
                    closes.incrementAndGet();
                }
            };
        }
    }

    @Test
    void opensEachHostOnceEvenUnderConcurrencyAndClosesAll() {
        CountingFactory factory = new CountingFactory();
        List<Host> hosts = FanOutTest.hosts("a", "b", "a", "b", "a", "c");
        try (Connections connections = new Connections(factory)) {
            new FanOut(6).run(hosts, host -> connections.get(host).execute(Command.of("true")).stdout());
            assertThat(connections.get(hosts.get(0))).isSameAs(connections.get(hosts.get(2)));
        }
        assertThat(factory.connects).containsOnlyKeys("a", "b", "c");
        assertThat(factory.connects.values()).allMatch(count -> count.get() == 1);
        assertThat(factory.closes).hasValue(3);
    }

    @Test
    void anUnreachableHostIsNotDialledAgainInTheSameRun() {
        CountingFactory factory = new CountingFactory();
        Host down = FanOutTest.hosts("down").get(0);
        try (Connections connections = new Connections(factory)) {
            TransportException first = catchTransport(() -> connections.get(down));
            TransportException second = catchTransport(() -> connections.get(down));
            assertThat(second).isSameAs(first);
        }
        assertThat(factory.connects.get("down")).hasValue(1);
    }

    @Test
    void closedMeansClosed() {
        Connections connections = new Connections(new CountingFactory());
        connections.close();
        assertThatThrownBy(() -> connections.get(FanOutTest.hosts("a").get(0))).isInstanceOf(IllegalStateException.class);
    }

    private static TransportException catchTransport(Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a TransportException");
        } catch (TransportException e) {
            return e;
        }
    }
}
