package dev.nodefix.fact;

import java.util.Locale;

/**
 * The one name every fact has outside Java: its record component's name in snake_case. {@code facts --json}
 * writes these keys and playbook expressions ({@code facts.kube_postrouting.form}) read the same ones.
 */
public final class FactKeys {
    private FactKeys() {}

    /**
     * A Java name in snake_case: {@code osRelease} -> {@code os_release}, {@code k3sIptables} -> {@code k3s_iptables},
     * {@code nodeIP} -> {@code node_ip}, {@code kept-off} -> {@code kept_off}.
     */
    public static String snake(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && (!Character.isUpperCase(name.charAt(i - 1))
                        || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)))) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else if (c == '-') {
                b.append('_');
            } else {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
