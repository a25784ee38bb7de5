package dev.nodefix.inventory;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain scalars resolved the way Ansible's loader (PyYAML, YAML 1.1 resolver) resolves them: booleans
 * (yes/no/on/off/true/false in three spellings each), ints (0b, 0x, leading-0 octal, _ separators,
 * base 60), floats (a dot is required, as are exponent signs), nulls, timestamps, else strings.
 * Values: Boolean, Integer/Long/BigInteger, Double, null, LocalDate/LocalDateTime/OffsetDateTime, String.
 */
final class Yaml11Scalars {
    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?");
    private static final Pattern TIMESTAMP_PARTS = Pattern.compile("([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)"
            + "(?:(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
            + "(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?)?");
    private static final Map<String, Boolean> BOOL_WORDS = Map.of("yes", true, "no", false, "true", true,
            "false", false, "on", true, "off", false);

    /** Thrown for a scalar that looks like a typed value but is not a valid one (e.g. 2024-02-30). */
    static final class BadScalar extends RuntimeException {
        BadScalar(String message) {
            super(message);
        }
    }

    /** The value of an untagged plain scalar. */
    Object resolvePlain(String text) {
        if (BOOL.matcher(text).matches()) {
            return toBool(text);
        } else if (FLOAT.matcher(text).matches()) {
            return toFloat(text);
        } else if (INT.matcher(text).matches()) {
            return toInt(text);
        } else if (NULL.matcher(text).matches()) {
            return null;
        } else if (TIMESTAMP.matcher(text).matches()) {
            return toTimestamp(text);
        } else if (text.equals("=")) {
            throw new BadScalar("a plain '=' is not a value Ansible's YAML loader accepts; quote it: '='");
        }
        return text;
    }

    Boolean toBool(String text) {
        Boolean b = BOOL_WORDS.get(text.toLowerCase(Locale.ROOT));
        if (b == null) {
            throw new BadScalar("not a boolean: '" + text + "'");
        }
        return b;
    }

    Number toInt(String text) {
        String v = text.replace("_", "");
        int sign = v.startsWith("-") ? -1 : 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            BigInteger magnitude = magnitude(v);
            return narrow(sign < 0 ? magnitude.negate() : magnitude);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new BadScalar("not an integer: '" + text + "'");
        }
    }

    private static BigInteger magnitude(String v) {
        if (v.equals("0")) {
            return BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            return new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            return new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            return new BigInteger(v, 8);
        } else if (v.contains(":")) {
            BigInteger total = BigInteger.ZERO;
            for (String part : v.split(":")) {
                total = total.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
            return total;
        }
        return new BigInteger(v);
    }

    static Number narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    Double toFloat(String text) {
        String v = text.replace("_", "").toLowerCase(Locale.ROOT);
        double sign = v.startsWith("-") ? -1 : 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        try {
            if (v.equals(".inf")) {
                return sign * Double.POSITIVE_INFINITY;
            } else if (v.equals(".nan")) {
                return Double.NaN;
            } else if (v.contains(":")) {
                double total = 0;
                for (String part : v.split(":")) {
                    total = total * 60 + Double.parseDouble(part);
                }
                return sign * total;
            }
            return sign * Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new BadScalar("not a float: '" + text + "'");
        }
    }

    Object toTimestamp(String text) {
        Matcher m = TIMESTAMP_PARTS.matcher(text);
        if (!m.matches()) {
            throw new BadScalar("not a timestamp: '" + text + "'");
        }
        try {
            LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            if (m.group(4) == null) {
                return date;
            }
            LocalDateTime time = date.atTime(num(m, 4), num(m, 5), num(m, 6), nanos(m.group(7)));
            if (m.group(9) != null) {
                int hours = num(m, 10);
                int minutes = m.group(11) == null ? 0 : num(m, 11);
                int signum = m.group(9).equals("-") ? -1 : 1;
                return OffsetDateTime.of(time, ZoneOffset.ofHoursMinutes(signum * hours, signum * minutes));
            }
            return m.group(8) != null ? OffsetDateTime.of(time, ZoneOffset.UTC) : time;
        } catch (DateTimeException e) {
            throw new BadScalar("not a valid date/time: '" + text + "' (" + e.getMessage() + ")");
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /** Python keeps microseconds: the first six fraction digits, zero-padded. */
    private static int nanos(String fraction) {
        if (fraction == null || fraction.isEmpty()) {
            return 0;
        }
        String micros = (fraction + "000000").substring(0, 6);
        return Integer.parseInt(micros) * 1000;
    }
}
