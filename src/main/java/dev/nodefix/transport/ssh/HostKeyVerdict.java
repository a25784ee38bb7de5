package dev.nodefix.transport.ssh;

import dev.nodefix.transport.FailureClass;
import java.nio.file.Path;

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

    record Unknown(Path file, HostKey presented) implements HostKeyVerdict {
        public boolean accepted() {
            return false;
        }

        public FailureClass failure() {
            return FailureClass.HOST_KEY_UNKNOWN;
        }

        public String message(String address, int port) {
            return "host key of " + endpoint(address, port) + " is unknown: " + presented.describe()
                    + " is not in " + file + "; check the fingerprint, then re-run with --accept-new-host-keys"
                    + " or run: ssh-keyscan -p " + port + " " + address + " >> " + file;
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
