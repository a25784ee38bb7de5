package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The order keys are offered in, from {@code transport/ssh/IdentityOrder/<case>.yaml}: identity {@code files}
 * (name, symbolic public key if readable), the {@code agent}'s keys in its order, {@code identitiesOnly},
 * and the {@code expected} offers ({@code agent K for f}, {@code agent K}, {@code file f}).
 */
class IdentityOrderTest {
    private static final Path CASES = Path.of("src/test/resources/transport/ssh/IdentityOrder");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ordersAsOpenSsh(Path file) throws IOException {
        Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        List<IdentityOrder.IdentityFile> files = ((List<?>) doc.get("files")).stream()
                .map(f -> (Map<?, ?>) f)
                .map(f -> new IdentityOrder.IdentityFile(Path.of((String) f.get("file")),
                        Optional.ofNullable((String) f.get("key")).map(IdentityOrderTest::key)))
                .toList();
        List<AgentIdentity> agent = ((List<?>) doc.get("agent")).stream()
                .map(k -> new AgentIdentity(key((String) k), "")).toList();

        List<IdentityOrder.Offer> offers = IdentityOrder.of(files, agent, (Boolean) doc.get("identitiesOnly"));

        assertThat(offers.stream().map(IdentityOrderTest::render).toList()).isEqualTo(doc.get("expected"));
    }

    /** A stand-in public key whose blob carries its symbolic name. */
    private static HostKey key(String name) {
        return HostKey.fromBlob(new Buffer.PlainBuffer().putString("ssh-ed25519")
                .putString(name.getBytes(StandardCharsets.UTF_8)).getCompactData());
    }

    private static String name(HostKey key) {
        try {
            Buffer.PlainBuffer b = new Buffer.PlainBuffer(key.blob());
            b.readString();
            return b.readString();
        } catch (Buffer.BufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String render(IdentityOrder.Offer offer) {
        if (offer instanceof IdentityOrder.FromAgent a) {
            return "agent " + name(a.identity().key()) + a.file().map(f -> " for " + f).orElse("");
        }
        return "file " + ((IdentityOrder.FromFile) offer).file();
    }
}
