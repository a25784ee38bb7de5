package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;

/**
 * An in-JVM MINA sshd whose authentication takes {@code delay} once per connection (a loaded server), with enough
 * I/O threads that it never limits the handshakes itself. It counts handshakes in flight (accepted, not yet
 * authenticated or closed) and the most seen at once.
 */
final class SlowSshServer implements AutoCloseable {
    private final SshServer server = SshServer.setUpDefaultServer();
    private final Set<Session> handshaking = ConcurrentHashMap.newKeySet();
    private final Set<Session> delayed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger authenticated = new AtomicInteger();

    SlowSshServer(Path authorizedKey, Duration delay) {
        PublicKey allowed = TestSshServer.readPublicKey(authorizedKey);
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.NIO_WORKERS.set(server, 32);
        server.setKeyPairProvider(KeyPairProvider.wrap(TestSshServer.newHostKey()));
        server.setPublickeyAuthenticator((user, key, session) -> {
            if (delayed.add(session)) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return KeyUtils.compareKeys(allowed, key);
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                handshaking.add(session);
                maxInFlight.accumulateAndGet(handshaking.size(), Math::max);
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated && handshaking.remove(session)) {
                    authenticated.incrementAndGet();
                }
            }

            @Override
            public void sessionClosed(Session session) {
                handshaking.remove(session);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** The most connections seen between accept and authentication at one time. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    int authenticated() {
        return authenticated.get();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
