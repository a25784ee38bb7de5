package dev.nodefix.workflow;

/** Asks the operator whether to apply (the terminal; no terminal means no, said so). */
@FunctionalInterface
public interface Confirm {
    boolean ask(String question);
}
