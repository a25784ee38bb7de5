package dev.nodefix.transport.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.CommandFactory;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;

/**
 * An in-JVM Apache MINA SSHD on 127.0.0.1 and a random port, running {@link ScriptedCommand}s. It counts
 * connections (SSH sessions) and session channels, so tests can prove that commands share a connection.
 */
public final class TestSshServer implements AutoCloseable {
    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger channels = new AtomicInteger();

    private TestSshServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    /** A server accepting the given public key files (OpenSSH .pub) and user/password pairs. */
    public static TestSshServer start(List<Path> authorizedKeys, Map<String, String> passwords, boolean forwarding) {
        return start(newHostKey(), authorizedKeys, passwords, forwarding);
    }

    public static TestSshServer start(KeyPair hostKey, List<Path> authorizedKeys, Map<String, String> passwords,
                                      boolean forwarding) {
        return start(hostKey, authorizedKeys, passwords, forwarding, (channel, command) -> new ScriptedCommand(command));
    }

    /** A server whose commands come from {@code commands} instead of {@link ScriptedCommand} (a test's own stand-in node). */
    public static TestSshServer start(List<Path> authorizedKeys, CommandFactory commands) {
        return start(newHostKey(), authorizedKeys, Map.of(), false, commands);
    }

    private static TestSshServer start(KeyPair hostKey, List<Path> authorizedKeys, Map<String, String> passwords,
                                       boolean forwarding, CommandFactory commands) {
        List<PublicKey> allowed = authorizedKeys.stream().map(TestSshServer::readPublicKey).toList();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        CoreModuleProperties.TCP_NODELAY.set(server, true); // as OpenSSH's sshd does; else Nagle adds ~40 ms per command
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> allowed.stream().anyMatch(a -> KeyUtils.compareKeys(a, key)));
        server.setPasswordAuthenticator((user, password, session) -> password.equals(passwords.get(user)));
        server.setCommandFactory(commands);
        if (forwarding) {
            server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        }
        TestSshServer fixture = new TestSshServer(server, hostKey);
        fixture.listen();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    private void listen() {
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        server.addChannelListener(new ChannelListener() {
            @Override
            public void channelOpenSuccess(Channel channel) {
                if (channel instanceof ChannelSession) {
                    channels.incrementAndGet();
                }
            }
        });
    }

    public static KeyPair newHostKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static PublicKey readPublicKey(Path pub) {
        try {
            return AuthorizedKeyEntry.parseAuthorizedKeyEntry(Files.readString(pub).trim())
                    .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + pub, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** SSH connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** Session channels (one per command) opened so far. */
    public int channels() {
        return channels.get();
    }

    /** {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256 AAAA...}, written by MINA (independent of nodefix's code). */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** The host key's fingerprint as MINA computes it ({@code SHA256:...}). */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey.getPublic());
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
