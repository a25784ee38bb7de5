package dev.nodefix.vault;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a {@code $ANSIBLE_VAULT;VERSION;CIPHER[;LABEL]} envelope, read as Ansible's
 * {@code parse_vaulttext_envelope} and {@code parse_vaulttext} read it: the header's fields are trimmed, the
 * version is kept but not checked (Ansible ignores it), a fourth field is the vault id label whatever the
 * version; the lines after the header are joined without trimming into one hex text, which holds
 * {@code hex(salt) \n hex(hmac) \n hex(ciphertext)}.
 *
 * @param label the vault id the envelope names, empty for a 1.1 envelope
 */
record Envelope(String version, String cipher, Optional<String> label, byte[] salt, byte[] hmac, byte[] ciphertext) {
    static final String HEADER = "$ANSIBLE_VAULT";

    Envelope {
        salt = salt.clone();
        hmac = hmac.clone();
        ciphertext = ciphertext.clone();
    }

    /** Reads an envelope; throws {@link VaultException} (no location yet) for anything Ansible would refuse. */
    static Envelope parse(String text) {
        if (!text.startsWith(HEADER) || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw malformed("does not start with " + HEADER + " or is not ASCII");
        }
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).strip().split(";", -1);
        if (header.length < 3) {
            throw malformed("header " + lines.get(0).strip() + " lacks a version and a cipher");
        }
        String cipher = header[2].strip();
        if (cipher.chars().anyMatch(Character::isWhitespace)) {
            throw malformed("the header and the payload are on one line (a !vault value needs a literal block, |)");
        }
        if (!cipher.equals("AES256")) {
            throw new VaultException(VaultException.Reason.UNSUPPORTED_CIPHER,
                    "vault cipher " + cipher + " is not supported (only AES256, as in Ansible)");
        }
        Optional<String> label = header.length >= 4 ? Optional.of(header[3].strip()) : Optional.empty();
        String[] parts = new String(unhex(String.join("", lines.subList(1, lines.size())), "payload"),
                StandardCharsets.ISO_8859_1).split("\n", 3);
        if (parts.length < 3 || parts[0].isEmpty()) {
            throw malformed("payload lacks salt, hmac and ciphertext");
        }
        return new Envelope(header[1].strip(), cipher, label, unhex(parts[0], "salt"), unhex(parts[1], "hmac"),
                unhex(parts[2], "ciphertext"));
    }

    private static byte[] unhex(String hex, String what) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw malformed(what + " is not hex of even length");
        }
    }

    private static VaultException malformed(String why) {
        return new VaultException(VaultException.Reason.MALFORMED, "malformed vault envelope: " + why);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
