package dev.nodefix.modules;

/**
 * A k3s file nodefix will not edit in place (not UTF-8, not YAML, a list value, an ExecStart it cannot
 * splice safely). The module turns it into a refusal carrying this message; it never reaches the engine.
 */
final class K3sEditException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    K3sEditException(String message) {
        super(message);
    }
}
