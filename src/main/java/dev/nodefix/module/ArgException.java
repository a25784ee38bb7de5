package dev.nodefix.module;

/** A module's arguments are wrong: unknown key, missing, wrong type, not one of the choices, mutually exclusive. */
public final class ArgException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String module;
    private final String key;

    public ArgException(String module, String key, String message) {
        super(module + ": " + (key.isEmpty() ? "" : key + ": ") + message);
        this.module = module;
        this.key = key;
    }

    public String module() {
        return module;
    }

    /** The argument the message is about; empty when it is about the arguments as a whole. */
    public String key() {
        return key;
    }
}
