package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ssh-agent at one socket ({@code SSH_AUTH_SOCK}'s, or a host's IdentityAgent), shared by a factory's connections. Its identities are listed once, on first
 * use; an agent that cannot be reached (or does not answer in time) is remembered with the reason, which
 * ends up in an authentication failure message: it never stops a connection that has other credentials.
 */
final class Agent {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    /** The agent's keys, or why there are none. */
    record Listing(List<AgentIdentity> keys, Optional<String> problem) {
        Listing {
            keys = List.copyOf(keys);
        }
    }

    private final Optional<AgentClient> client;
    private Listing listing; // guarded by this

    Agent(Optional<Path> socket) {
        this.client = socket.map(AgentClient::new);
    }

    /** Lists the identities (on {@code io}, within {@code timeout}) the first time; the same answer afterwards. */
    synchronized Listing list(ExecutorService io, Duration timeout) {
        if (listing == null) {
            listing = client.map(c -> ask(c, io, timeout)).orElseGet(() -> new Listing(List.of(), Optional.empty()));
        }
        return listing;
    }

    /** The signature blob for an SSH_MSG_USERAUTH_REQUEST; only called for keys this agent listed. */
    byte[] sign(HostKey key, byte[] data, String algorithm) throws IOException {
        return client.orElseThrow(() -> new IOException("no ssh-agent")).sign(key.blob(), data, algorithm);
    }

    private static Listing ask(AgentClient c, ExecutorService io, Duration timeout) {
        Future<List<AgentIdentity>> answer = io.submit(c::identities);
        try {
            List<AgentIdentity> keys = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("ssh-agent {} holds {} keys", c.socket(), keys.size());
            return new Listing(keys, Optional.empty());
        } catch (ExecutionException e) {
            return unusable(c, FailureClassifier.text(e.getCause()));
        } catch (TimeoutException e) {
            answer.cancel(true);
            return unusable(c, "no answer within " + Handshake.seconds(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unusable(c, "interrupted");
        }
    }

    private static Listing unusable(AgentClient c, String why) {
        LOG.warn("ssh-agent {} not used: {}", c.socket(), why); // shown with -v; the reason also ends up in an auth failure
        return new Listing(List.of(), Optional.of("ssh-agent " + c.socket() + " unusable: " + why));
    }
}
