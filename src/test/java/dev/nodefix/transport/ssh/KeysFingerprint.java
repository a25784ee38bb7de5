package dev.nodefix.transport.ssh;

/** The SHA256 fingerprint of a .pub file as the real {@code ssh-keygen -l} prints it. */
final class KeysFingerprint {
    private KeysFingerprint() {
    }

    static String of(java.nio.file.Path pub) {
        return Keygen.run(java.util.List.of("-l", "-E", "sha256", "-f", pub.toString())).split(" ")[1];
    }
}
