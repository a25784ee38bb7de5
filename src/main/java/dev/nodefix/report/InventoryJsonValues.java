package dev.nodefix.report;

import dev.nodefix.inventory.UnsafeText;
import dev.nodefix.vault.Vaulted;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inventory values as {@code ansible-inventory --list} writes them with Python's {@code json.dumps
 * (sort_keys=True)}: mapping keys sorted (numbers numerically, strings by code point) and turned into
 * strings the Python way, floats in Python's shortest-repr notation ({@code 1e+16}, {@code 1e-05},
 * {@code Infinity}), dates in ISO format, {@code !unsafe} strings as {@code {"__ansible_unsafe": ...}},
 * {@code !vault} values as {@code {"__ansible_vault": envelope}}.
 */
final class InventoryJsonValues {
    /** A number already in its final JSON spelling. */
    record RawNumber(String text) {}

    private static final Comparator<String> CODE_POINTS = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private static final Comparator<Object> KEY_ORDER = (a, b) -> a instanceof String x && b instanceof String y
            ? CODE_POINTS.compare(x, y) : compareNumbers(a, b);

    private InventoryJsonValues() {}

    /**
     * A tree of LinkedHashMap, List, String, Boolean, integral Number, RawNumber and null; mapping keys
     * sorted when {@code sortKeys}, else in their original order.
     */
    static Object toJson(Object value, boolean sortKeys) {
        if (value instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());
            if (sortKeys) {
                keys.sort(KEY_ORDER);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            keys.forEach(k -> out.put(key(k), toJson(map.get(k), sortKeys)));
            return out;
        } else if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(toJson(v, sortKeys)));
            return out;
        } else if (value instanceof Double d) {
            return new RawNumber(pythonFloat(d));
        } else if (value instanceof UnsafeText unsafe) {
            return Map.of("__ansible_unsafe", unsafe.text());
        } else if (value instanceof Vaulted vaulted) {
            return Map.of("__ansible_vault", vaulted.envelope());
        } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return isoformat(value);
        }
        return value;
    }

    /**
     * Whether Python could sort every mapping's keys: all strings, or all numbers and booleans. When it
     * cannot, {@code json.dumps(sort_keys=True)} fails and ansible-inventory prints everything unsorted.
     */
    static boolean sortable(Object value) {
        if (value instanceof Map<?, ?> map) {
            boolean strings = map.keySet().stream().allMatch(k -> k instanceof String);
            boolean numbers = map.keySet().stream().allMatch(k -> k instanceof Number || k instanceof Boolean);
            return (strings || numbers || map.size() < 2) && map.values().stream().allMatch(InventoryJsonValues::sortable);
        } else if (value instanceof List<?> list) {
            return list.stream().allMatch(InventoryJsonValues::sortable);
        }
        return true;
    }


    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            return Double.compare(((Number) numeric(a)).doubleValue(), ((Number) numeric(b)).doubleValue());
        }
        return new BigInteger(numeric(a).toString()).compareTo(new BigInteger(numeric(b).toString()));
    }

    private static Object numeric(Object key) {
        return key instanceof Boolean bool ? (bool ? 1 : 0) : key;
    }

    /** Python's json key conversion: True -> "true", None -> "null", 1.5 -> "1.5". */
    private static String key(Object key) {
        if (key == null) {
            return "null";
        } else if (key instanceof Double d) {
            return pythonFloat(d);
        } else if (key instanceof UnsafeText u) {
            return u.text();
        } else if (key instanceof LocalDate || key instanceof LocalDateTime || key instanceof OffsetDateTime) {
            return isoformat(key);
        }
        return key.toString();
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        } else if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Python's {@code isoformat()}: microseconds only when not zero, offsets as +HH:MM. */
    static String isoformat(Object temporal) {
        if (temporal instanceof LocalDate date) {
            return date.toString();
        }
        LocalDateTime local = temporal instanceof OffsetDateTime odt ? odt.toLocalDateTime() : (LocalDateTime) temporal;
        String text = String.format(Locale.ROOT, "%sT%02d:%02d:%02d", local.toLocalDate(), local.getHour(), local.getMinute(),
                local.getSecond());
        if (local.getNano() != 0) {
            text += String.format(Locale.ROOT, ".%06d", local.getNano() / 1000);
        }
        if (temporal instanceof OffsetDateTime odt) {
            int seconds = odt.getOffset().getTotalSeconds();
            text += String.format(Locale.ROOT, "%s%02d:%02d", seconds < 0 ? "-" : "+", Math.abs(seconds) / 3600,
                    Math.abs(seconds) % 3600 / 60);
        }
        return text;
    }
}
