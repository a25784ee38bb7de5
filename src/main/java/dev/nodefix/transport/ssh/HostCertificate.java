package dev.nodefix.transport.ssh;

import com.hierynomus.sshj.userauth.certificate.Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.signature.Signature;

/**
 * An OpenSSH host certificate a server presented ({@code ssh-ed25519-cert-v01@openssh.com} etc.), and the
 * checks OpenSSH's client makes before trusting it through a {@code @cert-authority} line: a host (not
 * user) certificate, valid now, listing the dialled name among its principals (or listing none), signed
 * by the CA with an algorithm OpenSSH accepts by default (CASignatureAlgorithms: no SHA-1 ssh-rsa).
 */
final class HostCertificate {
    static final long HOST_TYPE = 2;
    private static final Set<String> CA_SIGNATURES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256");

    private final Certificate<?> certificate;
    private final HostKey blob;

    private HostCertificate(Certificate<?> certificate, HostKey blob) {
        this.certificate = certificate;
        this.blob = blob;
    }

    static HostCertificate of(Certificate<?> certificate) {
        return new HostCertificate(certificate, HostKey.of(certificate));
    }

    /** The certificate itself, as known_hosts would write it. */
    HostKey certificate() {
        return blob;
    }

    /** The certified (plain) host key. */
    HostKey key() {
        return HostKey.of(certificate.getKey());
    }

    /** The CA key that signed it. */
    HostKey signedBy() {
        return HostKey.fromBlob(certificate.getSignatureKey());
    }

    /** Why OpenSSH would not trust this certificate for {@code hostName} at {@code now}; empty when it would. */
    Optional<String> problem(String hostName, Instant now) {
        if (certificate.getType() != HOST_TYPE) {
            return Optional.of("it is a user certificate, not a host certificate");
        }
        List<String> principals = certificate.getValidPrincipals();
        String name = hostName.toLowerCase(Locale.ROOT);
        if (principals != null && !principals.isEmpty() && !principals.contains(name)) {
            return Optional.of("it is for " + String.join(", ", principals) + ", not " + name);
        }
        Instant after = certificate.getValidAfter().toInstant();
        Instant before = certificate.getValidBefore().toInstant();
        if (now.isBefore(after)) {
            return Optional.of("it is not valid before " + after);
        }
        if (!now.isBefore(before)) {
            return Optional.of("it expired at " + before);
        }
        return signatureProblem();
    }

    private Optional<String> signatureProblem() {
        try {
            String algorithm = new Buffer.PlainBuffer(certificate.getSignature()).readString();
            Signature signature = Factory.Named.Util.create(KeyType.CertUtils.ALL_SIGNATURES, algorithm);
            if (signature == null || !CA_SIGNATURES.contains(algorithm)) {
                return Optional.of("its signature algorithm " + algorithm + " is not accepted");
            }
            signature.initVerify(new Buffer.PlainBuffer(certificate.getSignatureKey()).readPublicKey());
            byte[] raw = blob.blob();
            signature.update(raw, 0, raw.length - certificate.getSignature().length - 4);
            return signature.verify(certificate.getSignature())
                    ? Optional.empty() : Optional.of("its signature does not verify");
        } catch (Buffer.BufferException | SSHRuntimeException | IllegalArgumentException e) {
            return Optional.of("its signature cannot be checked (" + FailureClassifier.text(e) + ")");
        }
    }

    /** {@code ssh-ed25519-cert-v01@openssh.com SHA256:... (id "node1", signed by CA ssh-ed25519 SHA256:...)}. */
    String describe() {
        return blob.type() + " for " + key().describe() + " (id \"" + certificate.getId() + "\", signed by CA "
                + signedBy().describe() + ")";
    }
}
