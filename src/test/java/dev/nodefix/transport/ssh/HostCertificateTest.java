package dev.nodefix.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Host certificates made by the real {@code ssh-keygen -s}, judged against known_hosts lines, from
 * {@code transport/ssh/HostCertificate/<case>.yaml}: {@code sign} (ssh-keygen options), {@code ca} (CA,
 * OTHER_CA or RSA_CA), {@code knownHosts} lines ({@code {CA}}, {@code {HOST_KEY}}, {@code {HASHED:name}}
 * filled in), {@code host}, {@code port}, the {@code expected} verdict and a {@code message} fragment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostCertificateTest {
    private static final Path CASES = Path.of("src/test/resources/transport/ssh/HostCertificate");

    private Path dir;
    private Map<String, Path> cas;
    private Path hostKey;

    @BeforeAll
    void keys(@TempDir Path tmp) {
        dir = tmp;
        cas = Map.of("CA", Keygen.generate(dir, "ca", "ed25519", ""),
                "OTHER_CA", Keygen.generate(dir, "other_ca", "ed25519", ""),
                "RSA_CA", Keygen.generate(dir, "rsa_ca", "rsa", ""));
        hostKey = Keygen.generate(dir, "ssh_host_ed25519_key", "ed25519", "");
    }

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgedAsOpenSshJudges(Path file) throws Exception {
        Map<?, ?> doc = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        String host = (String) doc.get("host");
        int port = doc.get("port") instanceof Number n ? n.intValue() : 22;
        String ca = doc.get("ca") instanceof String named ? named : "CA";
        HostCertificate cert = HostCertificate.of(sign(ca, strings(doc.get("sign"))));
        List<String> lines = strings(doc.get("knownHosts")).stream().map(this::fill).toList();
        KnownHostsEntries entries = KnownHostsEntries.of(List.of(KnownHostsFile.parse(dir.resolve("kh"), lines)));

        HostKeyVerdict verdict = entries.judge(KnownHostsEntry.lookupName(host, port), host, cert, Instant.now());

        assertThat(verdict.getClass().getSimpleName()).as(verdict.toString()).isEqualTo(doc.get("expected"));
        if (doc.get("message") instanceof String fragment) {
            assertThat(verdict.message(host, port)).contains(fragment).doesNotContain("\n");
        }
    }

    @Test
    void aMatchingCaLineOffersCertificateAlgorithmsFirst() {
        KnownHostsEntries entries = KnownHostsEntries.of(List.of(KnownHostsFile.parse(dir.resolve("kh"),
                List.of(fill("@cert-authority *.lab {CA}"), fill("node1.lab {HOST_KEY}")))));
        assertThat(entries.knownAlgorithms("node1.lab")).startsWith("ssh-ed25519-cert-v01@openssh.com")
                .isEqualTo(KnownHostsEntries.CERT_ALGORITHMS);
        assertThat(entries.knownAlgorithms("node1.other")).isEmpty();
        assertThat(SshjConfig.KEY_ALGORITHMS).containsAll(KnownHostsEntries.CERT_ALGORITHMS);
    }

    @Test
    void untrustedNamesTheProblemTheCertificateAndTheCaLine() throws Exception {
        HostCertificate cert = HostCertificate.of(sign("CA", List.of("-h", "-n", "node2.lab")));
        KnownHostsEntries entries = KnownHostsEntries.of(List.of(KnownHostsFile.parse(dir.resolve("kh"),
                List.of("# CA", fill("@cert-authority *.lab {CA}")))));
        String message = entries.judge("node1.lab", "node1.lab", cert, Instant.now()).message("node1.lab", 22);
        assertThat(message).isEqualTo("host certificate of node1.lab:22 not trusted: it is for node2.lab, not node1.lab"
                + " (ssh-ed25519-cert-v01@openssh.com for " + key(Keygen.pub(hostKey)).describe() + " (id \"node1\","
                + " signed by CA " + key(Keygen.pub(cas.get("CA"))).describe() + "); @cert-authority at "
                + dir.resolve("kh") + ":2); its plain key is not in known_hosts either");
    }

    /** Signs a copy of the host key's .pub with {@code ca} and reads the certificate back as sshj would receive it. */
    private Certificate<?> sign(String ca, List<String> options) throws IOException, GeneralSecurityException {
        Path work = Files.createTempDirectory(dir, "sign");
        Path pub = Files.copy(Keygen.pub(hostKey), work.resolve("host.pub"));
        List<String> args = new ArrayList<>(List.of("-q", "-s", cas.get(ca).toString(), "-I", "node1"));
        args.addAll(options);
        args.add(pub.toString());
        Keygen.run(args);
        String[] fields = Files.readString(work.resolve("host-cert.pub")).trim().split(" ");
        PublicKey key = new Buffer.PlainBuffer(Base64.getDecoder().decode(fields[1])).readPublicKey();
        return (Certificate<?>) key;
    }

    private String fill(String line) {
        String filled = line.replace("{HOST_KEY}", text(Keygen.pub(hostKey)));
        for (Map.Entry<String, Path> ca : cas.entrySet()) {
            filled = filled.replace("{" + ca.getKey() + "}", text(Keygen.pub(ca.getValue())));
        }
        java.util.regex.Matcher hashed = java.util.regex.Pattern.compile("\\{HASHED:([^}]+)}").matcher(filled);
        return hashed.find() ? filled.replace(hashed.group(), hash(hashed.group(1))) : filled;
    }

    private static String text(Path pub) {
        try {
            String[] fields = Files.readString(pub).trim().split(" ");
            return fields[0] + " " + fields[1];
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HostKey key(Path pub) {
        String[] fields = text(pub).split(" ");
        return HostKey.parse(fields[0], fields[1]);
    }

    /** OpenSSH's hashed host name: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}. */
    private static String hash(String name) {
        try {
            byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            Base64.Encoder b64 = Base64.getEncoder();
            return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
