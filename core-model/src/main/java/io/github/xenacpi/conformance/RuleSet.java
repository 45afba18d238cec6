package io.github.xenacpi.conformance;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of rules and the check that applies them. Its rules are the {@code static final Rule} constants the
 * implementing class declares, so the catalogue can never drift from the checks.
 */
interface RuleSet {

    /** Applies every rule of this set to the tables of the context, reporting findings to it. */
    void check(CheckContext ctx);

    /** The rules this set declares. */
    default List<Rule> rules() {
        List<Rule> out = new ArrayList<>();
        for (Field f : getClass().getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == Rule.class) {
                try {
                    out.add((Rule) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("rule constant " + f + " is not readable", e);
                }
            }
        }
        return out;
    }
}
