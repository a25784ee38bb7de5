package dev.nodefix.transport.ssh;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key lines of all known_hosts files of a target (user files first, then global ones), and the verdict
 * they give on a presented key, the way OpenSSH judges: a key listed for the host in any file is known;
 * else a different key for the host is a change; a {@code @revoked} key is refused; a host certificate is
 * trusted through a matching {@code @cert-authority} line.
 *
 * @param files the files read, in order; the first is where accept-new records and what messages name
 */
record KnownHostsEntries(List<Path> files, List<KnownHostsEntry> entries) {
    /** Cert host key algorithms sshj can verify, offered first when a CA line matches (as OpenSSH orders them). */
    static final List<String> CERT_ALGORITHMS = List.of("ssh-ed25519-cert-v01@openssh.com",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com");

    KnownHostsEntries {
        files = List.copyOf(files);
        entries = List.copyOf(entries);
    }

    static KnownHostsEntries of(List<KnownHostsFile> snapshots) {
        List<KnownHostsEntry> all = new ArrayList<>();
        snapshots.forEach(s -> all.addAll(s.entries()));
        return new KnownHostsEntries(snapshots.stream().map(KnownHostsFile::file).toList(), all);
    }

    /** What these files say about the plain key {@code presented} for the host known as {@code lookupName}. */
    HostKeyVerdict judge(String lookupName, HostKey presented) {
        List<KnownHostsEntry> forHost = entries.stream().filter(e -> e.matches(lookupName)).toList();
        Optional<KnownHostsEntry> revoked = revoked(lookupName, presented);
        if (revoked.isPresent()) {
            return new HostKeyVerdict.Revoked(revoked.get(), presented);
        }
        List<KnownHostsEntry> plain = forHost.stream()
                .filter(e -> e.marker() == KnownHostsEntry.Marker.NONE).toList();
        for (KnownHostsEntry e : plain) {
            if (e.key().equals(presented)) {
                return new HostKeyVerdict.Known(e);
            }
        }
        // a different key of the same type, or only keys of other types: never silently accepted
        return plain.stream().filter(e -> e.key().type().equals(presented.type())).findFirst()
                .or(() -> plain.stream().findFirst())
                .<HostKeyVerdict>map(e -> new HostKeyVerdict.Changed(e, presented))
                .orElseGet(() -> new HostKeyVerdict.Unknown(files, presented));
    }

    /**
     * A host certificate: trusted when a {@code @cert-authority} line for the host lists its CA and it passes
     * {@link HostCertificate#problem}. Otherwise, as OpenSSH does, its plain key is judged like any key; if
     * that key is not known either and a CA line matched the host, the certificate's problem is the refusal.
     */
    HostKeyVerdict judge(String lookupName, String hostName, HostCertificate cert, Instant now) {
        for (HostKey k : List.of(cert.certificate(), cert.key(), cert.signedBy())) {
            Optional<KnownHostsEntry> revoked = revoked(lookupName, k);
            if (revoked.isPresent()) {
                return new HostKeyVerdict.Revoked(revoked.get(), k);
            }
        }
        List<KnownHostsEntry> authorities = authorities(lookupName);
        Optional<KnownHostsEntry> authority = authorities.stream().filter(e -> e.key().equals(cert.signedBy())).findFirst();
        Optional<String> problem = authority.isEmpty()
                ? Optional.of("no @cert-authority line for " + lookupName + " lists its CA " + cert.signedBy().describe())
                : cert.problem(hostName, now);
        if (authority.isPresent() && problem.isEmpty()) {
            return new HostKeyVerdict.Certified(authority.get(), cert);
        }
        HostKeyVerdict plain = judge(lookupName, cert.key());
        if (plain instanceof HostKeyVerdict.Unknown && !authorities.isEmpty()) {
            KnownHostsEntry line = authority.orElse(authorities.get(0));
            return new HostKeyVerdict.Untrusted(cert, problem.orElseThrow(), line);
        }
        return plain;
    }

    /** The key types known for a host, as the algorithm names sshj should offer first. */
    List<String> knownAlgorithms(String lookupName) {
        if (!authorities(lookupName).isEmpty()) {
            return CERT_ALGORITHMS; // the server then presents its certificate; its plain key stays the fallback
        }
        List<String> algorithms = new ArrayList<>();
        for (KnownHostsEntry e : entries) {
            if (e.marker() == KnownHostsEntry.Marker.NONE && e.matches(lookupName)) {
                List<String> names = "ssh-rsa".equals(e.key().type())
                        ? List.of("rsa-sha2-512", "rsa-sha2-256") : List.of(e.key().type());
                names.stream().filter(n -> !algorithms.contains(n)).forEach(algorithms::add);
            }
        }
        return algorithms;
    }

    private List<KnownHostsEntry> authorities(String lookupName) {
        return entries.stream().filter(e -> e.marker() == KnownHostsEntry.Marker.CERT_AUTHORITY)
                .filter(e -> e.matches(lookupName)).toList();
    }

    private Optional<KnownHostsEntry> revoked(String lookupName, HostKey key) {
        return entries.stream().filter(e -> e.marker() == KnownHostsEntry.Marker.REVOKED && e.key().equals(key))
                .filter(e -> e.matches(lookupName)).findFirst();
    }
}
