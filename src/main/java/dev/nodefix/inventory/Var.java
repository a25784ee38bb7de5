package dev.nodefix.inventory;

/** One inventory variable's value and where it was set. */
record Var(Object value, Location location) {}
