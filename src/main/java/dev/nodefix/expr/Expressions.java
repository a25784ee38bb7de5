package dev.nodefix.expr;

import dev.nodefix.bound.Deadline;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlSandbox;

/**
 * Sandboxed expressions for {@code when}, {@code that}, {@code until} and {@code {{ }}} interpolation: Apache
 * Commons JEXL over plain data only (maps, lists, strings, numbers, booleans, null).
 *
 * <p>What an expression can do: read variables, navigate maps ({@code facts.k3s.role}, {@code m['a-b']}) and
 * lists ({@code l[0]}), literals ({@code [1, 2]}, {@code {'a': 1}}), arithmetic, comparison, logic, the ternary
 * and elvis operators, {@code =~} / {@code !~} (in a list, or a regex match), {@code =^} / {@code =$} (starts
 * or ends with), {@code size(x)} and {@code empty(x)}. What it cannot: call any Java method or constructor, see
 * any class, field or package ({@link NoJavaAccess}, and a sandbox that denies every class), create objects,
 * loop, define functions, assign, import or use pragmas (refused when parsed). Undefined variables and
 * properties are errors; a key missing from a map reads as null, as an absent fact does (a condition that
 * gives null is an error).
 *
 * <p>A value with no static state; the engine caches parsed expressions, so keep one per run.
 */
public final class Expressions {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    /** How long one evaluation may take: expressions are small, so only a runaway regular expression comes near. */
    public static final Duration BUDGET = Duration.ofSeconds(1);
    private final JexlEngine jexl;
    private final Duration budget;
    private final ThreadLocal<Deadline> deadline = new ThreadLocal<>();

    public Expressions() {
        this(BUDGET);
    }

    /** Expressions whose every evaluation stops with an error after {@code budget}. */
    public Expressions(Duration budget) {
        this.budget = budget;
        jexl = new JexlBuilder()
                .arithmetic(new TimedArithmetic(this::currentDeadline))
                .features(features())
                .permissions(new NoJavaAccess())
                .uberspect(new KeyHints(new NoJavaAccess()))
                .strict(true)
                .safe(false)
                .silent(false)
                .cancellable(true)
                .cache(256)
                .create();
    }

    /** The syntax expressions may use: an expression, literals and operators; nothing that acts. */
    static JexlFeatures features() {
        return new JexlFeatures()
                .script(false)
                .loops(false)
                .sideEffect(false)
                .sideEffectGlobal(false)
                .newInstance(false)
                .methodCall(false)
                .lambda(false)
                .thinArrow(false)
                .fatArrow(false)
                .localVar(false)
                .pragma(false)
                .pragmaAnywhere(false)
                .namespacePragma(false)
                .importPragma(false)
                .annotation(false)
                .register(false)
                .structuredLiteral(true)
                .comparatorNames(true);
    }

    /** Evaluates a condition; anything but true or false is an error. */
    public boolean test(String expression, Map<String, ?> context) {
        Object value = evaluate(expression, context);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException(expression, "a condition must be true or false, got "
                + PlainValues.describe(value));
    }

    /** Evaluates an expression to a plain value, within the budget. */
    public Object evaluate(String expression, Map<String, ?> context) {
        PlainValues.check(context);
        JexlExpression parsed = parse(expression);
        Deadline outer = deadline.get();
        deadline.set(outer != null ? outer : Deadline.after(budget));
        try {
            return PlainValues.lists(parsed.evaluate(new MapContext(new HashMap<>(context))));
        } catch (JexlException | Deadline.Exceeded | TimedArithmetic.BadPattern e) {
            throw new ExpressionException(expression.strip(), JexlErrors.reason(e));
        } finally {
            if (outer == null) {
                deadline.remove();
            }
        }
    }

    private Deadline currentDeadline() {
        Deadline d = deadline.get();
        return d != null ? d : Deadline.after(budget);
    }

    /** Replaces every {@code {{ expr }}} in {@code text} with its value; null and unclosed braces are errors. */
    public String interpolate(String text, Map<String, ?> context) {
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(text, from, m.start());
            String expression = m.group(1).strip();
            if (expression.isEmpty()) {
                throw new ExpressionException(m.group(), "empty {{ }}");
            }
            Filters.Chain chain = Filters.split(expression);
            Object value = evaluate(chain.expression(), context);
            if (value == null && chain.filters().isEmpty()) {
                throw new ExpressionException(expression, "is null; nothing to put in '" + text + "'");
            }
            String rendered = value == null ? null : PlainValues.render(value);
            for (String filter : chain.filters()) {
                rendered = Filters.apply(filter, rendered);
            }
            out.append(rendered);
            from = m.end();
        }
        String rest = text.substring(from);
        if (rest.contains("{{")) {
            throw new ExpressionException(rest.strip(), "'{{' without a closing '}}'");
        }
        return out.append(rest).toString();
    }

    /**
     * Fails ({@link IllegalArgumentException}) unless {@code value} is plain data: maps with text keys, lists,
     * text, numbers, switches and null, however deep. Every context is checked this way before evaluating.
     */
    public static void requirePlain(Object value) {
        PlainValues.check(value);
    }

    /**
     * The expression of a {@code {{ }}} without the filters it ends with ({@code msg | quote} gives {@code msg}),
     * to check it before evaluating; an unknown filter is an {@link ExpressionException}.
     */
    public static String withoutFilters(String expression) {
        return Filters.split(expression).expression();
    }

    /** Whether {@code text} holds any {@code {{ }}}. */
    public static boolean isTemplate(String text) {
        return text.contains("{{");
    }

    /** Parses without evaluating, to validate a playbook before touching any host. */
    public void check(String expression) {
        parse(expression);
    }

    private JexlExpression parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ExpressionException(String.valueOf(expression), "empty expression");
        }
        try {
            return jexl.createExpression(expression);
        } catch (JexlException e) {
            throw new ExpressionException(expression.strip(), JexlErrors.reason(e));
        }
    }
}
