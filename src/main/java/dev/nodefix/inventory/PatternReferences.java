package dev.nodefix.inventory;

import java.util.List;

/**
 * What a {@code @NAME} term of {@code -l/--limit} stands for, as Ansible reads {@code --limit @FILE}: the pattern
 * terms it expands to, one per element (each may itself be {@code !name} or {@code &name}, as a line of an Ansible
 * limit file may). Only a union term starting with {@code @} is a reference, as in Ansible; without a reader (a
 * play's {@code hosts:}, the shell's target) {@code @name} is an ordinary name.
 */
@FunctionalInterface
public interface PatternReferences {
    /** @param reference what follows the {@code @} */
    List<String> expand(String reference);
}
