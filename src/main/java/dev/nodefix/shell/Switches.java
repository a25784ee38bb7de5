package dev.nodefix.shell;

import java.util.List;

/** {@code check|diff|become on|off} and {@code forks N}: session settings every later command gets. */
final class Switches {
    private Switches() {}

    static Action toggle(String name, List<String> words, ShellState state) {
        boolean now = switch (name) {
            case "check" -> state.check();
            case "diff" -> state.diff();
            default -> state.become();
        };
        if (words.isEmpty()) {
            return Action.Say.info(name + " is " + (now ? "on" : "off"));
        }
        if (words.size() != 1 || !words.get(0).matches("on|off")) {
            return Action.Say.error("usage: " + name + " on|off");
        }
        boolean on = words.get(0).equals("on");
        ShellState next = switch (name) {
            case "check" -> state.withCheck(on);
            case "diff" -> state.withDiff(on);
            default -> state.withBecome(on);
        };
        return new Action.Update(next, name + " " + (on ? "on" : "off") + ": " + meaning(name, on));
    }

    private static String meaning(String name, boolean on) {
        return switch (name) {
            case "check" -> on ? "changes are planned and shown, never applied" : "changes are applied once confirmed";
            case "diff" -> on ? "planned changes show their diffs" : "planned changes without diffs";
            default -> on ? "commands run with sudo" : "commands run as the login user";
        };
    }

    static Action forks(List<String> words, ShellState state) {
        if (words.isEmpty()) {
            return Action.Say.info("forks is " + state.forks());
        }
        if (words.size() != 1 || !words.get(0).matches("[0-9]{1,6}") || Integer.parseInt(words.get(0)) < 1) {
            return Action.Say.error("usage: forks N (a number of hosts, at least 1)");
        }
        int n = Integer.parseInt(words.get(0));
        return new Action.Update(state.withForks(n), "forks " + n + ": at most " + Prompt.count(n) + " at a time");
    }
}
