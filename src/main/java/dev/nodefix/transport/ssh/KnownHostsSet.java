package dev.nodefix.transport.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The known_hosts files one target is checked against: its user files (accept-new records in the first)
 * and the global files (read only), each shared with the factory's other connections.
 */
final class KnownHostsSet {
    private final List<KnownHosts> user;
    private final List<KnownHosts> global;
    private final Clock clock;

    KnownHostsSet(List<KnownHosts> user, List<KnownHosts> global, Clock clock) {
        this.user = List.copyOf(user);
        this.global = List.copyOf(global);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.user.isEmpty()) {
            throw new IllegalArgumentException("no user known_hosts file");
        }
    }

    /** The file accept-new writes to and messages name first. */
    KnownHosts first() {
        return user.get(0);
    }

    /**
     * The verdict on the key {@code address:port} presented; {@code address} is also the name a host
     * certificate must list. Throws {@link UncheckedIOException} when a file cannot be read or written.
     */
    HostKeyVerdict check(String address, int port, PublicKey key, HostKeyPolicy policy) {
        String name = KnownHostsEntry.lookupName(address, port);
        List<KnownHostsFile> others = others();
        HostKeyVerdict verdict = judge(entries(first().snapshot(), others), name, address, key);
        if (!(verdict instanceof HostKeyVerdict.Unknown unknown) || policy != HostKeyPolicy.ACCEPT_NEW) {
            return verdict;
        }
        // only the first file's lock is held while it is re-read: no lock-order cycle between targets
        return first().learn(name, unknown.presented(), fresh -> judge(entries(fresh, others), name, address, key));
    }

    List<String> knownAlgorithms(String address, int port) {
        return entries(first().snapshot(), others()).knownAlgorithms(KnownHostsEntry.lookupName(address, port));
    }

    private HostKeyVerdict judge(KnownHostsEntries entries, String name, String address, PublicKey key) {
        if (key instanceof Certificate<?> certificate) {
            return entries.judge(name, address, HostCertificate.of(certificate), clock.instant());
        }
        return entries.judge(name, HostKey.of(key));
    }

    /** The current lines of every file but the first user file. */
    private List<KnownHostsFile> others() {
        List<KnownHostsFile> all = new ArrayList<>();
        user.stream().skip(1).forEach(k -> all.add(k.snapshot()));
        global.forEach(k -> all.add(k.snapshot()));
        return all;
    }

    private static KnownHostsEntries entries(KnownHostsFile first, List<KnownHostsFile> others) {
        List<KnownHostsFile> all = new ArrayList<>(List.of(first));
        all.addAll(others);
        return KnownHostsEntries.of(all);
    }
}
