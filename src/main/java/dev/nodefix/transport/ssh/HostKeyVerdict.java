package dev.nodefix.transport.ssh;

import dev.nodefix.transport.FailureClass;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What known_hosts said about the key a server presented, and what to tell the operator when it refuses. */
sealed interface HostKeyVerdict {
    /** True when the connection may go on. */
    boolean accepted();

    /** The failure class when refused. */
    FailureClass failure();

    /** One operator-readable line for {@code address:port}. */
    String message(String address, int port);

    record Known(KnownHostsEntry entry) implements HostKeyVerdict {
        public boolean accepted() {
            return true;
        }

        public FailureClass failure() {
            throw new IllegalStateException("a known key is no failure");
        }

        public String message(String address, int port) {
            return "host key of " + endpoint(address, port) + " matches " + entry.location();
        }
    }

    /** Unknown before, recorded now (accept-new). */
    record Learned(KnownHostsEntry entry) implements HostKeyVerdict {
        public boolean accepted() {
            return true;
        }

        public FailureClass failure() {
            throw new IllegalStateException("a learned key is no failure");
        }

        public String message(String address, int port) {
            return "recorded new host key of " + endpoint(address, port) + " (" + entry.key().describe()
                    + ") in " + entry.location();
        }
    }

    /** Trusted through a {@code @cert-authority} line. */
    record Certified(KnownHostsEntry authority, HostCertificate certificate) implements HostKeyVerdict {
        public boolean accepted() {
            return true;
        }

        public FailureClass failure() {
            throw new IllegalStateException("a certified key is no failure");
        }

        public String message(String address, int port) {
            return "host certificate of " + endpoint(address, port) + " signed by the CA at " + authority.location();
        }
    }

    /**
     * A host certificate a {@code @cert-authority} line for the host would have to vouch for but does not
     * (other CA, expired, wrong principals, user certificate, bad signature), whose plain key is not known
     * either. Refused under every policy: accept-new does not record keys of a host meant to be certified.
     */
    record Untrusted(HostCertificate certificate, String problem, KnownHostsEntry authority) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public FailureClass failure() {
            return FailureClass.HOST_KEY_UNKNOWN;
        }

        public String message(String address, int port) {
            return "host certificate of " + endpoint(address, port) + " not trusted: " + problem + " ("
                    + certificate.describe() + "; @cert-authority at " + authority.location()
                    + "); its plain key is not in known_hosts either";
        }
    }

    /** @param files the files searched; the first is where accept-new would record the key */
    record Unknown(List<Path> files, HostKey presented) implements HostKeyVerdict {
        public Unknown {
            files = List.copyOf(files);
        }

        public boolean accepted() {
            return false;
        }

        public FailureClass failure() {
            return FailureClass.HOST_KEY_UNKNOWN;
        }

        public String message(String address, int port) {
            String searched = files.stream().map(Path::toString).collect(Collectors.joining(", "));
            return "host key of " + endpoint(address, port) + " is unknown: " + presented.describe()
                    + " is not in " + searched + "; check the fingerprint, then re-run with --accept-new-host-keys"
                    + " or run: ssh-keyscan -p " + port + " " + address + " >> " + files.get(0);
        }
    }

    record Changed(KnownHostsEntry offending, HostKey presented) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public FailureClass failure() {
            return FailureClass.HOST_KEY_CHANGED;
        }

        public String message(String address, int port) {
            return "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for " + endpoint(address, port)
                    + "! Someone could be eavesdropping (possible man-in-the-middle attack), or the host key"
                    + " was replaced; offending entry " + offending.location() + "; expected "
                    + offending.key().describe() + ", got " + presented.describe() + ". Not connecting; if the"
                    + " change is legitimate remove the entry: ssh-keygen -R '"
                    + KnownHostsEntry.lookupName(address, port) + "' -f " + offending.file();
        }
    }

    record Revoked(KnownHostsEntry entry, HostKey presented) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public FailureClass failure() {
            return FailureClass.HOST_KEY_CHANGED;
        }

        public String message(String address, int port) {
            return "REVOKED host key presented by " + endpoint(address, port) + ": " + presented.describe()
                    + " is marked @revoked at " + entry.location() + "; not connecting";
        }
    }

    /** known_hosts could not be read or written: refused, since nothing could be verified or recorded. */
    record Unusable(Path file, String reason) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public FailureClass failure() {
            return FailureClass.HOST_KEY_UNKNOWN;
        }

        public String message(String address, int port) {
            return "cannot verify host key of " + endpoint(address, port) + ": " + reason;
        }
    }

    static String endpoint(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
