package dev.nodefix.transport.ssh;

import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * sshj's hook for one connection: asks {@link KnownHostsSet} about the address and port nodefix dialled (not
 * whatever name sshj passes) and remembers the verdict, so a refusal can be reported with SHA256
 * fingerprints and the offending line instead of sshj's MD5 text.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private final KnownHostsSet knownHosts;
    private final String address;
    private final int port;
    private final HostKeyPolicy policy;
    private volatile HostKeyVerdict verdict;

    KnownHostsVerifier(KnownHostsSet knownHosts, String address, int port, HostKeyPolicy policy) {
        this.knownHosts = knownHosts;
        this.address = address;
        this.port = port;
        this.policy = policy;
    }

    @Override
    public boolean verify(String hostname, int ignoredPort, PublicKey key) {
        HostKeyVerdict v;
        try {
            v = knownHosts.check(address, port, key, policy);
        } catch (UncheckedIOException e) {
            v = new HostKeyVerdict.Unusable(knownHosts.first().file(), e.getMessage() + ": " + e.getCause().getMessage());
        }
        verdict = v;
        return v.accepted();
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int ignoredPort) {
        try {
            return knownHosts.knownAlgorithms(address, port);
        } catch (UncheckedIOException e) {
            return List.of(); // verify() will report the unreadable file
        }
    }

    /** The verdict of the last key exchange, if one got that far. */
    Optional<HostKeyVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }
}
