package dev.nodefix.fact;

/** Whether a piece of evidence shows something: yes, no, or the text cannot settle it (not collected, cut, terse). */
public enum Observed {
    YES, NO, CANNOT_TELL
}
