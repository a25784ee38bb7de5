package dev.nodefix.transport.ssh;

import dev.nodefix.inventory.Host;
import dev.nodefix.inventory.Jump;
import dev.nodefix.transport.RetryPolicy;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.Transport;
import dev.nodefix.transport.TransportException;
import dev.nodefix.transport.TransportFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.SSHClient;

/**
 * sshj-backed transports. One factory serves one run: it builds the sshj configuration once, decrypts
 * each private key once and reads each known_hosts file once, and shares them with every connection.
 * Thread-safe: a fan-out calls {@link #connect} from many threads; at most {@link SshSettings#handshakes} of them
 * handshake at once.
 */
public final class SshTransportFactory implements TransportFactory {
    private final SshSettings settings;
    private final Function<Host, SshTarget> targets;
    private final String localUser;
    private final ConcurrentMap<Path, KnownHosts> knownHosts = new ConcurrentHashMap<>();
    private final ConcurrentMap<Path, Agent> agents = new ConcurrentHashMap<>();
    private final Handshake handshake;

    /**
     * Starts, on a daemon thread, the one slow part of creating a factory: registering the BouncyCastle
     * provider (~0.25 s of CPU). Called at process start by the composition root, it overlaps with
     * option and inventory parsing on the other core; the factory's constructor then finds it done
     * (sshj's registration is synchronised, so it waits if it is not).
     */
    public static void warmUpInBackground() {
        Thread warmUp = new Thread(SecurityUtils::isBouncyCastleRegistered, "nodefix-ssh-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    public SshTransportFactory(SshSettings settings) {
        this(settings, System.getProperty("user.name"));
    }

    /** @param localUser the login name when neither -u nor the inventory names one (OpenSSH's default) */
    public SshTransportFactory(SshSettings settings, String localUser) {
        this(settings, host -> SshTarget.of(host, settings, localUser), localUser, Clock.systemUTC());
    }

    /**
     * @param targets decides each host's endpoint (user, keys, IdentitiesOnly, known_hosts files); its jump host,
     *                if the inventory names one, follows {@link SshTarget#jump}
     * @param clock   the time host certificates must be valid at
     */
    public SshTransportFactory(SshSettings settings, Function<Host, SshTarget> targets, String localUser, Clock clock) {
        this(settings, targets, localUser, clock, HandshakeGate.REAL_TIME, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param sleeper waits between handshake tries; {@code jitter} stretches those waits (0 to 1) */
    SshTransportFactory(SshSettings settings, Function<Host, SshTarget> targets, String localUser, Clock clock,
                        HandshakeGate.Sleeper sleeper, DoubleSupplier jitter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.localUser = Objects.requireNonNull(localUser, "localUser");
        Config config = SshjConfig.create();
        this.handshake = new Handshake(config, settings, new KeyRing(config, settings.secrets()),
                socket -> agents.computeIfAbsent(socket, s -> new Agent(Optional.of(s))),
                file -> knownHosts.computeIfAbsent(file.toAbsolutePath().normalize(), KnownHosts::new), clock,
                new HandshakeGate(settings.handshakes(), RetryPolicy.of(settings.connectRetries()), sleeper, jitter));
    }

    @Override
    public Transport connect(Host host) {
        SshTarget target = targets.apply(host);
        ExecutorService io = Executors.newCachedThreadPool(threads("nodefix-ssh-" + host.name()));
        Optional<SSHClient> jump = Optional.empty();
        try {
            jump = host.connection().jump().map(j -> openJump(host, j, io));
            SSHClient client = handshake.open(target, jump, io);
            return new SshTransport(target, client, jump, io, settings.commandTimeout());
        } catch (RuntimeException e) {
            jump.ifPresent(SshTransport::closeQuietly);
            io.shutdownNow();
            throw e;
        }
    }

    private SSHClient openJump(Host host, Jump jump, ExecutorService io) {
        try {
            return handshake.open(SshTarget.jump(host, jump, settings, localUser), Optional.empty(), io);
        } catch (TransportException e) {
            throw new TransportException(host.name(), e.failure(), "via jump host " + jump + ": " + e.getMessage(), e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
