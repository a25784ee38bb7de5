package dev.nodefix.probe;

/** What running the probe script on one host gave: what it printed (whatever its exit code), or why it did not run. */
public sealed interface ProbeOutput {
    String host();

    record Printed(String host, String stdout) implements ProbeOutput {}

    record NotRun(String host, String reason) implements ProbeOutput {}
}
