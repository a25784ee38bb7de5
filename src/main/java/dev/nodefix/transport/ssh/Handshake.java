package dev.nodefix.transport.ssh;

import dev.nodefix.transport.FailureClass;
import dev.nodefix.transport.RetryPolicy;
import dev.nodefix.transport.SecretSource;
import dev.nodefix.transport.SshSettings;
import dev.nodefix.transport.TransportException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one authenticated sshj client: TCP (or a channel through a jump host), banner, key exchange with
 * host-key verification, authentication. The whole handshake must finish within the connect timeout: sshj
 * reads the server banner with a blocking read and no timeout, so the handshake runs on the transport's
 * I/O executor and the caller gives up (closing the socket) when the deadline passes. The deadline starts when the
 * {@link HandshakeGate} lets the handshake in: time queued behind other handshakes never counts against it.
 */
final class Handshake {
    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

    private static final NoDelaySockets NO_DELAY = new NoDelaySockets(); // stateless

    private final Config config;
    private final SshSettings settings;
    private final KeyRing keyRing;
    private final Function<Path, Agent> agents;
    private final Function<Path, KnownHosts> knownHosts;
    private final Clock clock;
    private final HandshakeGate gate;

    /**
     * @param agents the ssh-agent at a socket, one per socket for the factory's life
     * @param gate   shared by every handshake of the factory
     */
    Handshake(Config config, SshSettings settings, KeyRing keyRing, Function<Path, Agent> agents,
              Function<Path, KnownHosts> knownHosts, Clock clock, HandshakeGate gate) {
        this.config = config;
        this.settings = settings;
        this.keyRing = keyRing;
        this.agents = agents;
        this.knownHosts = knownHosts;
        this.clock = clock;
        this.gate = gate;
    }

    /**
     * An authenticated client for {@code target}, directly or through the already open {@code via}. A handshake an
     * overloaded server dropped (see {@link #retryable}) is tried again as the gate's {@link RetryPolicy} says; the
     * final failure then says how many tries were made.
     */
    SSHClient open(SshTarget target, Optional<SSHClient> via, ExecutorService io) {
        Credentials credentials = credentials(target, io); // may prompt: before the handshake queue and its deadline
        int attempts = gate.retry().attempts();
        for (int attempt = 1; ; attempt++) {
            AtomicBoolean exchanged = new AtomicBoolean();
            try {
                return attempt(target, via, io, credentials, exchanged);
            } catch (TransportException e) {
                if (attempt == attempts || !retryable(e, exchanged.get())) {
                    throw attempt == 1 ? e : counted(e, attempt);
                }
                Duration pause = gate.pause(attempt);
                LOG.info("{}; try {} of {} in {} ms", e.getMessage(), attempt + 1, attempts, pause.toMillis());
                try {
                    gate.sleep(pause); // holding no permit: others handshake meanwhile
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw counted(interrupted(target, interrupted), attempt);
                }
            }
        }
    }

    /**
     * What a loaded server or listener does to a handshake it cannot serve now, and nothing else: a timeout (SYN or
     * banner unanswered, kex or auth too slow), or the connection closed or reset before key exchange finished (sshd's
     * MaxStartups drops new connections before its banner). Never retried: a refused connection (no listener: trying
     * again only delays the report), a name not resolved, no route, a host key refused, an authentication refused
     * (retrying could lock the account), a protocol error, anything after key exchange ended, an interrupt.
     */
    static boolean retryable(TransportException e, boolean keyExchanged) {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        // after key exchange the server is authenticating: a retry would authenticate again (a password failure
        // counted twice by pam_faillock, a second ssh-add -c confirmation or FIDO touch)
        return !keyExchanged && (e.failure() == FailureClass.TIMEOUT || e.failure() == FailureClass.DISCONNECTED);
    }

    /** One try: wait for a place among the handshakes in flight, then handshake within the connect timeout. */
    private SSHClient attempt(SshTarget target, Optional<SSHClient> via, ExecutorService io, Credentials credentials,
                              AtomicBoolean exchanged) {
        KnownHostsSet files = new KnownHostsSet(target.knownHostsFiles().stream().map(knownHosts).toList(),
                target.globalKnownHosts().stream().map(knownHosts).toList(), clock);
        KnownHostsVerifier verifier = new KnownHostsVerifier(files, target.address(), target.port(), target.policy());
        HandshakeGate.Permit permit;
        try {
            permit = gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(target, e);
        }
        try (permit) {
            SSHClient client = newClient(verifier, target.connectTimeout());
            long started = System.nanoTime();
            Future<Void> handshake = io.submit(() -> {
                connect(client, target, via);
                exchanged.set(true);
                authenticate(client, target, credentials);
                return null;
            });
            try {
                handshake.get(target.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
                LOG.debug("{} open as {} in {} ms", target.endpoint(), target.user(), (System.nanoTime() - started) / 1_000_000);
                return client;
            } catch (TimeoutException e) {
                throw abandon(client, handshake, FailureClassifier.failure(target, FailureClass.TIMEOUT,
                        "connect timeout (no SSH handshake within " + seconds(target.connectTimeout()) + ")", null));
            } catch (ExecutionException e) {
                throw abandon(client, handshake, FailureClassifier.connecting(target, e.getCause(), verifier.verdict()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandon(client, handshake, interrupted(target, e));
            }
        }
    }

    private static TransportException interrupted(SshTarget target, InterruptedException e) {
        return FailureClassifier.failure(target, FailureClass.DISCONNECTED, "interrupted while connecting", e);
    }

    /** {@code e} saying it is the last of {@code attempts} tries: inside its closing parenthesis when it ends with one. */
    static TransportException counted(TransportException e, int attempts) {
        String message = e.getMessage();
        String note = attempts + " attempts";
        String counted = message.endsWith(")") ? message.substring(0, message.length() - 1) + "; " + note + ")"
                : message + " (" + note + ")";
        return new TransportException(e.host(), e.failure(), counted, e.getCause() != null ? e.getCause() : e);
    }

    /** The keys in OpenSSH's order (agent keys matching a file, other agent keys, other files), then a password. */
    private Credentials credentials(SshTarget target, ExecutorService io) {
        Optional<Agent> agent = target.agentSocket().map(agents);
        Agent.Listing listing = agent.map(a -> a.list(io, settings.connectTimeout())).orElseGet(() -> new Agent.Listing(
                List.of(), settings.agentSocket().map(s -> "ssh-agent " + s + " not used (IdentityAgent none)")));
        List<IdentityOrder.IdentityFile> files = target.keys().stream().map(f -> new IdentityOrder.IdentityFile(f,
                listing.keys().isEmpty() ? Optional.empty() : PublicKeyFile.of(f))).toList();
        List<OfferedKey> keys = IdentityOrder.of(files, listing.keys(), target.identitiesOnly()).stream()
                .map(offer -> offered(offer, agent)).toList();
        int withheld = listing.keys().size() - (int) keys.stream().filter(k -> k instanceof OfferedKey.AgentKey).count();
        Credentials credentials = new Credentials(keys, listing.problem(), withheld,
                settings.secrets().get(SecretSource.Kind.LOGIN_PASSWORD, target.user()));
        if (!credentials.usable()) {
            throw FailureClassifier.failure(target, FailureClass.AUTH,
                    "no way to authenticate as " + target.user() + ": " + credentials.describe(), null);
        }
        return credentials;
    }

    /** An agent key is only ever offered when {@code agent} listed it. */
    private OfferedKey offered(IdentityOrder.Offer offer, Optional<Agent> agent) {
        if (offer instanceof IdentityOrder.FromAgent a) {
            return new OfferedKey.AgentKey(agent.orElseThrow(), a.identity(), a.file());
        }
        return new OfferedKey.FileKey(keyRing.load(((IdentityOrder.FromFile) offer).file()));
    }

    private SSHClient newClient(KnownHostsVerifier verifier, Duration connectTimeout) {
        SSHClient client = new SSHClient(config);
        client.setSocketFactory(NO_DELAY);
        int timeoutMs = (int) Math.max(1000, connectTimeout.toMillis());
        client.setConnectTimeout(timeoutMs);
        client.getTransport().setTimeoutMs(timeoutMs);
        client.getConnection().setTimeoutMs(timeoutMs);
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        client.addHostKeyVerifier(verifier);
        return client;
    }

    private static void connect(SSHClient client, SshTarget target, Optional<SSHClient> via) throws IOException {
        if (via.isPresent()) {
            client.connectVia(via.get().newDirectConnection(target.address(), target.port()));
        } else {
            client.connect(target.address(), target.port());
        }
    }

    private static void authenticate(SSHClient client, SshTarget target, Credentials credentials) throws IOException {
        try {
            client.auth(target.user(), credentials.methods());
        } catch (UserAuthException e) {
            throw FailureClassifier.failure(target, FailureClass.AUTH, "authentication as " + target.user()
                    + " failed; tried " + credentials.describe() + "; server accepts "
                    + String.join(",", client.getUserAuth().getAllowedMethods()), e);
        }
    }

    private static TransportException abandon(SSHClient client, Future<?> handshake, TransportException failure) {
        handshake.cancel(true);
        SshTransport.closeQuietly(client);
        return failure;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
