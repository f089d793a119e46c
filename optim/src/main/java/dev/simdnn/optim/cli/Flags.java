package dev.simdnn.optim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --switch} arguments of one command, checked against the flags the command
 * knows: an unknown flag, a missing value or a value of the wrong kind is a {@link UsageException} naming it.
 */
final class Flags {
    private final Map<String, String> values = new LinkedHashMap<>();

    private Flags() {}

    /** Parses {@code args[from ..]}; {@code valued} take a value, {@code switches} do not. */
    static Flags parse(String[] args, int from, Set<String> valued, Set<String> switches) throws UsageException {
        Flags f = new Flags();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "' (flags start with --)");
            }
            String name = a.substring(2), value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (switches.contains(name)) {
                if (value != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                f.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                f.values.put(name, value);
            } else {
                throw new UsageException("unknown flag --" + name);
            }
        }
        return f;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback, int min) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int x = Integer.parseInt(v.trim());
            if (x < min) {
                throw new UsageException("--" + name + " must be >= " + min + ", got " + x);
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    double number(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v.trim());
            if (!Double.isFinite(x)) {
                throw new UsageException("--" + name + " must be a finite number, got '" + v + "'");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    /** A fraction in (0, 1), or 0 when allowed and absent. */
    double fraction(String name, double fallback, boolean zeroAllowed) throws UsageException {
        double x = number(name, fallback);
        if (!(x > 0 && x < 1) && !(zeroAllowed && x == 0)) {
            throw new UsageException("--" + name + " must be in " + (zeroAllowed ? "[0, 1)" : "(0, 1)") + ", got " + x);
        }
        return x;
    }
}
