package dev.nodefix.sshconfig;

/** OpenSSH's {@code StrictHostKeyChecking} states; {@link #sshName()} is how {@code ssh -G} prints each. */
public enum StrictHostKeyChecking {
    /** yes / true: never add a key, refuse unknown and changed ones. */
    YES("true"),
    /** no / off / false: add unknown keys without asking. */
    NO("false"),
    /** ask (ssh's default). */
    ASK("ask"),
    /** accept-new: add unknown keys, refuse changed ones. */
    ACCEPT_NEW("accept-new");

    private final String sshName;

    StrictHostKeyChecking(String sshName) {
        this.sshName = sshName;
    }

    public String sshName() {
        return sshName;
    }
}
