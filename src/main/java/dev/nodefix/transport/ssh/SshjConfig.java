package dev.nodefix.transport.ssh;

import java.util.ArrayList;
import java.util.List;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;

/**
 * The algorithm choices of every nodefix connection, as one sshj {@link Config} built once per factory and
 * shared by all its connections. Building a {@link DefaultConfig} costs ~7-12 ms of CPU (it test-initialises
 * every cipher; the first one in a JVM ~0.9 s with class loading), so a fan-out must not pay it per host.
 * Sharing is safe: the factories create fresh instances per use and the random source is synchronised.
 */
final class SshjConfig {
    /** curve25519 first: the cheapest modern key exchange; ext-info-c makes servers announce rsa-sha2 support. */
    static final List<String> KEY_EXCHANGES = List.of(
            "curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
            "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512",
            "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256", "ext-info-c");

    /**
     * Host and client key algorithms. No ssh-rsa (SHA-1), no DSA. Host certificates last: a server presents
     * one only when known_hosts has a {@code @cert-authority} line for it (see {@link KnownHostsEntries}).
     * No RSA certificates: sshj knows them only with SHA-1 signatures.
     */
    static final List<String> KEY_ALGORITHMS = List.of(
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "rsa-sha2-512", "rsa-sha2-256",
            "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com");

    static final List<String> CIPHERS = List.of(
            "aes128-gcm@openssh.com", "aes256-gcm@openssh.com", "chacha20-poly1305@openssh.com",
            "aes128-ctr", "aes192-ctr", "aes256-ctr");

    static final List<String> MACS = List.of(
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512");

    private SshjConfig() {
    }

    static Config create() {
        DefaultConfig config = new DefaultConfig();
        config.setKeyExchangeFactories(keep(config.getKeyExchangeFactories(), KEY_EXCHANGES));
        config.setKeyAlgorithms(keep(config.getKeyAlgorithms(), KEY_ALGORITHMS));
        config.setCipherFactories(keep(config.getCipherFactories(), CIPHERS));
        config.setMACFactories(keep(config.getMACFactories(), MACS));
        // keepalive@openssh.com requests that expect a reply: a dead peer is noticed (HEARTBEAT only sends IGNORE)
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        config.setVerifyHostKeyCertificates(false); // KnownHostsEntries checks them, against @cert-authority lines
        return config;
    }

    /** The factories named in {@code wanted}, in that order; names this sshj does not offer are skipped. */
    static <T> List<Factory.Named<T>> keep(List<Factory.Named<T>> offered, List<String> wanted) {
        List<Factory.Named<T>> kept = new ArrayList<>();
        for (String name : wanted) {
            offered.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(kept::add);
        }
        if (kept.isEmpty()) {
            throw new IllegalStateException("sshj offers none of " + wanted);
        }
        return kept;
    }
}
