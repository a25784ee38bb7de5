package dev.nodefix.expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.apache.commons.jexl3.introspection.JexlPropertyGet;
import org.apache.commons.jexl3.introspection.JexlUberspect;
import org.apache.commons.jexl3.internal.introspection.Uberspect;
import org.apache.commons.logging.LogFactory;

/**
 * JEXL's introspection with one addition: a lookup of a key a mapping does not hold, where it holds the same name
 * written another way ({@code kubePostrouting} where it has {@code kube_postrouting}), fails naming the key it has
 * instead of giving null. Any other missing key still gives null ({@code facts.uplink.nope}).
 */
final class KeyHints extends Uberspect {
    KeyHints(JexlPermissions permissions) {
        super(LogFactory.getLog(KeyHints.class), JexlUberspect.JEXL_STRATEGY, permissions);
    }

    /** A key a mapping does not hold, and the one it holds that is written the same but for case, {@code _} and {@code -}. */
    static final class Misspelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String meant;

        Misspelled(String key, String meant) {
            super("no key '" + key + "'; did you mean '" + meant + "'?", null, false, false);
            this.meant = meant;
        }

        String meant() {
            return meant;
        }
    }

    @Override
    public JexlPropertyGet getPropertyGet(List<PropertyResolver> resolvers, Object obj, Object identifier) {
        if (obj instanceof Map<?, ?> map && identifier instanceof String key && !map.containsKey(key)) {
            String meant = near(map, key);
            if (meant != null) {
                return new Refusal(new Misspelled(key, meant));
            }
        }
        return super.getPropertyGet(resolvers, obj, identifier);
    }

    /** The key of {@code map} that {@code key} probably meant, or null. */
    static String near(Map<?, ?> map, String key) {
        String wanted = folded(key);
        for (Object k : map.keySet()) {
            if (k instanceof String s && folded(s).equals(wanted)) {
                return s;
            }
        }
        return null;
    }

    private static String folded(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** A lookup that fails with its reason; never cached, so the next evaluation looks the key up again. */
    private record Refusal(Misspelled reason) implements JexlPropertyGet {
        @Override
        public Object invoke(Object obj) {
            throw reason;
        }

        @Override
        public boolean isCacheable() {
            return false;
        }

        @Override
        public boolean tryFailed(Object rval) {
            return rval == Uberspect.TRY_FAILED;
        }

        @Override
        public Object tryInvoke(Object obj, Object key) {
            return Uberspect.TRY_FAILED;
        }
    }
}
