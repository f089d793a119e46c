package dev.simdnn.layers.init;

import java.util.Locale;

/**
 * How a weight matrix of a Dense layer ({@code fanIn x fanOut}) is initialised. Biases are always zero
 * ("Bias neurons are always initialized to zero weight", textbook F31), batch norm's γ one and β zero.
 *
 * <table>
 *   <caption>Initialisers, their distribution and variance (r = fan-in, r' = fan-out)</caption>
 *   <tr><th>name</th><th>distribution</th><th>variance</th><th>source</th></tr>
 *   <tr><td>{@code normal(σ)}</td><td>N(0, σ²), default σ = 0.01</td><td>σ²</td><td>textbook F31</td></tr>
 *   <tr><td>{@code fan_in_normal}</td><td>N(0, 1/r)</td><td>1/r</td><td>textbook F31, lectures M22</td></tr>
 *   <tr><td>{@code fan_in_uniform}</td><td>U[−1/√r, 1/√r]</td><td>1/(3r)</td><td>textbook F31 (trap P15)</td></tr>
 *   <tr><td>{@code xavier_normal}</td><td>N(0, 2/(r + r'))</td><td>2/(r + r')</td><td>textbook F31, M21</td></tr>
 *   <tr><td>{@code xavier_uniform}</td><td>U[±√(6/(r + r'))]</td><td>2/(r + r')</td><td>lectures M20</td></tr>
 *   <tr><td>{@code he_normal(fan_in|fan_out)}</td><td>N(0, 2/n)</td><td>2/n</td><td>lectures M23</td></tr>
 *   <tr><td>{@code he_uniform(fan_in|fan_out)}</td><td>U[±√(6/n)]</td><td>2/n</td><td>lectures M23</td></tr>
 *   <tr><td>{@code lecun_normal}</td><td>N(0, 1/r)</td><td>1/r</td><td>lectures M22 (the name is LeCun's)</td></tr>
 *   <tr><td>{@code lecun_uniform}</td><td>U[±√(3/r)]</td><td>1/r</td><td>Keras' {@code lecun_uniform}</td></tr>
 *   <tr><td>{@code orthogonal(g)}</td><td>g·Q, Q with orthonormal rows or columns (Saxe et al. 2014)</td>
 *       <td>g²/max(r, r')</td><td>lectures M25</td></tr>
 * </table>
 * Normals are not truncated. The same seed gives the same values on every machine ({@link SeededRandom}).
 *
 * @param kind  the family
 * @param param σ for {@code normal}, the gain for {@code orthogonal}, unused otherwise
 * @param byFanOut for He: scale by the fan-out instead of the fan-in
 */
public record Initializer(Kind kind, double param, boolean byFanOut) {
    /** The families. */
    public enum Kind { NORMAL, FAN_IN_NORMAL, FAN_IN_UNIFORM, XAVIER_NORMAL, XAVIER_UNIFORM, HE_NORMAL, HE_UNIFORM,
        LECUN_NORMAL, LECUN_UNIFORM, ORTHOGONAL }

    /** The textbook's default σ for {@link #normal()}. */
    public static final double DEFAULT_SIGMA = 0.01;

    public Initializer {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if ((kind == Kind.NORMAL || kind == Kind.ORTHOGONAL) && !(param > 0 && Double.isFinite(param))) {
            throw new IllegalArgumentException("Invalid " + (kind == Kind.NORMAL ? "sigma" : "gain") + ": " + param
                    + " (must be finite and > 0)");
        }
    }

    public static Initializer normal() { return normal(DEFAULT_SIGMA); }
    public static Initializer normal(double sigma) { return new Initializer(Kind.NORMAL, sigma, false); }
    public static Initializer fanInNormal() { return new Initializer(Kind.FAN_IN_NORMAL, 0, false); }
    public static Initializer fanInUniform() { return new Initializer(Kind.FAN_IN_UNIFORM, 0, false); }
    public static Initializer xavierNormal() { return new Initializer(Kind.XAVIER_NORMAL, 0, false); }
    public static Initializer xavierUniform() { return new Initializer(Kind.XAVIER_UNIFORM, 0, false); }
    public static Initializer heNormal() { return new Initializer(Kind.HE_NORMAL, 0, false); }
    public static Initializer heNormal(boolean fanOut) { return new Initializer(Kind.HE_NORMAL, 0, fanOut); }
    public static Initializer heUniform() { return new Initializer(Kind.HE_UNIFORM, 0, false); }
    public static Initializer heUniform(boolean fanOut) { return new Initializer(Kind.HE_UNIFORM, 0, fanOut); }
    public static Initializer lecunNormal() { return new Initializer(Kind.LECUN_NORMAL, 0, false); }
    public static Initializer lecunUniform() { return new Initializer(Kind.LECUN_UNIFORM, 0, false); }
    public static Initializer orthogonal() { return orthogonal(1.0); }
    public static Initializer orthogonal(double gain) { return new Initializer(Kind.ORTHOGONAL, gain, false); }

    /** The variance of one entry of a {@code fanIn x fanOut} matrix under this initialiser. */
    public double variance(int fanIn, int fanOut) {
        double n = byFanOut ? fanOut : fanIn;
        return switch (kind) {
            case NORMAL -> param * param;
            case FAN_IN_NORMAL, LECUN_NORMAL, LECUN_UNIFORM -> 1.0 / fanIn;
            case FAN_IN_UNIFORM -> 1.0 / (3.0 * fanIn);
            case XAVIER_NORMAL, XAVIER_UNIFORM -> 2.0 / (fanIn + fanOut);
            case HE_NORMAL, HE_UNIFORM -> 2.0 / n;
            case ORTHOGONAL -> param * param / Math.max(fanIn, fanOut);
        };
    }

    /** True for the uniform families. */
    public boolean uniform() {
        return switch (kind) {
            case FAN_IN_UNIFORM, XAVIER_UNIFORM, HE_UNIFORM, LECUN_UNIFORM -> true;
            default -> false;
        };
    }

    /** Fills {@code w[off ..]} with a {@code fanIn x fanOut} row-major matrix. */
    public void fill(float[] w, int off, int fanIn, int fanOut, SeededRandom random) {
        if (kind == Kind.ORTHOGONAL) {
            Orthogonal.fill(w, off, fanIn, fanOut, param, random);
            return;
        }
        double sd = Math.sqrt(variance(fanIn, fanOut));
        int n = fanIn * fanOut;
        if (uniform()) {
            double bound = sd * Math.sqrt(3.0);        // U[−a, a] has variance a²/3
            for (int i = 0; i < n; i++) {
                w[off + i] = (float) random.nextDouble(-bound, bound);
            }
        } else {
            for (int i = 0; i < n; i++) {
                w[off + i] = (float) (sd * random.nextGaussian());
            }
        }
    }

    /** The name read by {@link #parse}: {@code normal(0.01)}, {@code he_normal(fan_out)}, {@code xavier_uniform}... */
    public String spec() {
        String base = kind.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case NORMAL, ORTHOGONAL -> base + "(" + param + ")";
            case HE_NORMAL, HE_UNIFORM -> base + "(" + (byFanOut ? "fan_out" : "fan_in") + ")";
            default -> base;
        };
    }

    /** Reads {@link #spec()}'s form; also accepts {@code normal}, {@code orthogonal}, {@code he_normal} bare. */
    public static Initializer parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int paren = s.indexOf('(');
        String name = paren < 0 ? s : s.substring(0, paren);
        String arg = paren < 0 ? null : s.substring(paren + 1, s.endsWith(")") ? s.length() - 1 : s.length());
        Kind kind;
        try {
            kind = Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown initialiser '" + text + "'; known: normal(σ), fan_in_normal, "
                    + "fan_in_uniform, xavier_normal, xavier_uniform, he_normal(fan_in|fan_out), "
                    + "he_uniform(fan_in|fan_out), lecun_normal, lecun_uniform, orthogonal(gain)");
        }
        return switch (kind) {
            case NORMAL -> normal(arg == null ? DEFAULT_SIGMA : Double.parseDouble(arg));
            case ORTHOGONAL -> orthogonal(arg == null ? 1.0 : Double.parseDouble(arg));
            case HE_NORMAL, HE_UNIFORM -> {
                if (arg != null && !arg.equals("fan_in") && !arg.equals("fan_out")) {
                    throw new IllegalArgumentException("He mode must be fan_in or fan_out, got '" + arg + "'");
                }
                yield new Initializer(kind, 0, "fan_out".equals(arg));
            }
            default -> new Initializer(kind, 0, false);
        };
    }
}
