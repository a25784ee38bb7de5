package dev.nodefix.playbook;

import dev.nodefix.expr.ExpressionException;
import dev.nodefix.expr.Expressions;
import dev.nodefix.inventory.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlScript;

/**
 * Checks an expression or a text with {@code {{ }}} before any host is touched: it must parse in the sandbox
 * ({@link Expressions#check}) and read only variables the scope defines. Returns the problems as messages
 * ({@code "expression 'x ==': syntax error"}), empty when all is well.
 */
final class ExpressionCheck {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private final Expressions expressions;
    /** Only to list the variables of an expression the sandbox already accepted; never evaluates. */
    private final JexlEngine names = new JexlBuilder().strict(true).create();

    ExpressionCheck(Expressions expressions) {
        this.expressions = expressions;
    }

    /** A condition or other bare expression (when, until, changed_when, failed_when). */
    List<String> expression(String expression, Set<String> known) {
        if (expression.contains("{{")) {
            return List.of("expression '" + expression.strip() + "' is already an expression; write it without {{ }}");
        }
        try {
            expressions.check(expression);
        } catch (ExpressionException e) {
            return List.of(e.getMessage());
        }
        return undefined(expression, known);
    }

    /** A text that may hold {@code {{ expr }}}: each expression checked, and no unclosed {@code {{}. */
    List<String> template(String text, Set<String> known) {
        List<String> out = new ArrayList<>();
        Matcher m = TEMPLATE.matcher(text);
        int from = 0;
        while (m.find()) {
            String expression = m.group(1).strip();
            if (expression.isEmpty()) {
                out.add("empty {{ }} in '" + text + "'");
            } else {
                try {
                    out.addAll(expression(Expressions.withoutFilters(expression), known));
                } catch (ExpressionException e) {
                    out.add(e.getMessage());
                }
            }
            from = m.end();
        }
        if (text.substring(from).contains("{{")) {
            out.add("'{{' without a closing '}}' in '" + text.strip() + "'");
        }
        return out;
    }

    private List<String> undefined(String expression, Set<String> known) {
        JexlScript script = (JexlScript) names.createExpression(expression);
        Set<String> read = new LinkedHashSet<>();
        script.getVariables().forEach(path -> read.add(path.get(0)));
        List<String> out = new ArrayList<>();
        for (String name : read) {
            if (!known.contains(name)) {
                out.add("expression '" + expression.strip() + "': undefined variable '" + name + "'"
                        + DidYouMean.hint(name, known.stream().sorted().toList()));
            }
        }
        return out;
    }
}
