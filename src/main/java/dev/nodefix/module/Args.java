package dev.nodefix.module;

import dev.nodefix.inventory.DidYouMean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Raw module arguments (from a playbook's YAML or {@code key=value} words) checked against a module's
 * declared {@link Param}s: unknown keys (with a did-you-mean), missing required ones and wrong types are
 * {@link ArgException}s here, before any host is touched. Modules read typed values from it.
 */
public final class Args {
    private final String module;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final Map<String, Object> raw;

    public Args(String module, List<Param> declared, Map<String, ?> raw) {
        this.module = module;
        declared.forEach(p -> params.put(p.name(), p));
        this.raw = new LinkedHashMap<>(raw);
        for (String key : this.raw.keySet()) {
            if (!params.containsKey(key)) {
                throw new ArgException(module, key, "unknown argument" + DidYouMean.hint(key, params.keySet())
                        + "; " + module + " takes " + String.join(", ", params.keySet()));
            }
        }
        for (Param p : declared) {
            if (p.required() && this.raw.get(p.name()) == null) {
                throw new ArgException(module, p.name(), "required argument is missing (" + p.description() + ")");
            }
            value(p.name()).ifPresent(v -> convert(p, v));
        }
    }

    public boolean has(String name) {
        return value(name).isPresent();
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        return value(name).map(v -> (String) convert(param(name), v));
    }

    public boolean switchOn(String name) {
        return (Boolean) convert(param(name), value(name).orElseThrow(() -> missing(name)));
    }

    public Optional<Boolean> optionalSwitch(String name) {
        return value(name).map(v -> (Boolean) convert(param(name), v));
    }

    public int integer(String name) {
        return (Integer) convert(param(name), value(name).orElseThrow(() -> missing(name)));
    }

    public Duration seconds(String name) {
        return (Duration) convert(param(name), value(name).orElseThrow(() -> missing(name)));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Boolean> switches(String name) {
        return value(name).map(v -> (Map<String, Boolean>) convert(param(name), v)).orElse(Map.of());
    }

    /** A {@link ParamType#SCALARS} argument as given: a String, Boolean or Number, or an unmodifiable List of those. */
    public Optional<Object> optionalScalars(String name) {
        return value(name).map(v -> convert(param(name), v));
    }

    /** Fails unless at most one of {@code names} is given. */
    public void exclusive(String... names) {
        List<String> given = java.util.Arrays.stream(names).filter(this::has).toList();
        if (given.size() > 1) {
            throw new ArgException(module, "", "arguments " + String.join(" and ", given) + " are mutually exclusive");
        }
    }

    /** Fails unless {@code name} is given when {@code condition} holds; {@code why} says when it is needed. */
    public void requireWhen(boolean condition, String name, String why) {
        if (condition && !has(name)) {
            throw new ArgException(module, name, "required " + why);
        }
    }

    public ArgException error(String name, String message) {
        return new ArgException(module, name, message);
    }

    private Optional<Object> value(String name) {
        Param p = param(name);
        Object v = raw.get(name);
        return v != null ? Optional.of(v) : p.fallback().map(f -> f);
    }

    private Param param(String name) {
        Param p = params.get(name);
        if (p == null) {
            throw new IllegalArgumentException(module + " declares no argument " + name);
        }
        return p;
    }

    private ArgException missing(String name) {
        return new ArgException(module, name, "required argument is missing");
    }

    private Object convert(Param p, Object v) {
        return switch (p.type()) {
            case STRING -> text(p, v);
            case PATH -> path(p, text(p, v));
            case SWITCH -> toSwitch(p, v);
            case INT -> toInt(p, v);
            case SECONDS -> Duration.ofMillis(Math.round(toSeconds(p, v) * 1000));
            case MODE -> mode(p, v);
            case CHOICE -> choice(p, text(p, v));
            case SWITCH_MAP -> switchMap(p, v);
            case SCALARS -> scalars(p, v);
        };
    }

    private String text(Param p, Object v) {
        if (v instanceof Map || v instanceof List) {
            throw new ArgException(module, p.name(), "expected text, got a " + (v instanceof Map ? "mapping" : "list"));
        }
        return String.valueOf(v);
    }

    private String path(Param p, String v) {
        if (!v.startsWith("/") || v.contains("/../") || v.endsWith("/..") || v.indexOf('\0') >= 0) {
            throw new ArgException(module, p.name(), "expected an absolute path without '..', got '" + v + "'");
        }
        return v;
    }

    private boolean toSwitch(Param p, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (String.valueOf(v).toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new ArgException(module, p.name(), "expected on or off, got '" + v + "'");
        };
    }

    private int toInt(Param p, Object v) {
        try {
            return v instanceof Number n ? Math.toIntExact(n.longValue()) : Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ArgException(module, p.name(), "expected a whole number, got '" + v + "'");
        }
    }

    private double toSeconds(Param p, Object v) {
        try {
            double s = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v).strip());
            if (s < 0 || Double.isNaN(s) || s > 86_400) {
                throw new NumberFormatException();
            }
            return s;
        } catch (NumberFormatException e) {
            throw new ArgException(module, p.name(), "expected seconds (0 to 86400), got '" + v + "'");
        }
    }

    private String mode(Param p, Object v) {
        String s = String.valueOf(v);
        if (v instanceof Number) {
            throw new ArgException(module, p.name(), "quote file modes (\"0644\"): YAML reads " + v + " as a number");
        }
        if (!s.matches("0?[0-7]{3}")) {
            throw new ArgException(module, p.name(), "expected an octal mode like 0644, got '" + s + "'");
        }
        return s.length() == 4 ? s : "0" + s;
    }

    private String choice(Param p, String v) {
        if (!p.choices().contains(v)) {
            throw new ArgException(module, p.name(), "expected one of " + String.join(", ", p.choices()) + ", got '"
                    + v + "'" + DidYouMean.hint(v, p.choices()));
        }
        return v;
    }

    private Object scalars(Param p, Object v) {
        if (v instanceof List<?> list) {
            list.forEach(item -> scalar(p, item));
            return List.copyOf(list);
        }
        return scalar(p, v);
    }

    private Object scalar(Param p, Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        throw new ArgException(module, p.name(), "expected a scalar or a list of scalars, got "
                + (v == null ? "null" : v instanceof Map ? "a mapping" : v instanceof List ? "a nested list" : "'" + v + "'"));
    }

    private Map<String, Boolean> switchMap(Param p, Object v) {
        if (!(v instanceof Map<?, ?> m) || m.isEmpty()) {
            throw new ArgException(module, p.name(), "expected a mapping of names to on/off");
        }
        Map<String, Boolean> out = new TreeMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k),
                toSwitch(new Param(p.name() + "." + k, ParamType.SWITCH, true, List.of(), Optional.empty(), ""), val)));
        return out;
    }
}
