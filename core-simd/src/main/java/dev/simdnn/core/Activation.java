package dev.simdnn.core;

/**
 * Element-wise activations, forward and backward, with the conventions of the reference notes (textbook
 * Table 3.1, trap P12): the derivative of sigmoid and tanh is computed from the <b>output</b> y, that of
 * every other activation from the <b>input</b> v ({@link #derivativeFromOutput()} says which one a layer
 * must keep). At the kinks: ReLU'(0) = 0, hard tanh passes the gradient only strictly inside (−1, 1), leaky
 * ReLU uses αv for v ≤ 0 (so its derivative at 0 is α). NaN in, NaN out.
 *
 * <table>
 *   <caption>Forward f(v) and backward f′</caption>
 *   <tr><th>activation</th><th>f(v)</th><th>f′ (from)</th><th>α</th></tr>
 *   <tr><td>IDENTITY</td><td>v</td><td>1</td><td>–</td></tr>
 *   <tr><td>SIGMOID</td><td>1/(1+e^−v), evaluated as e^v/(1+e^v) for v &lt; 0</td><td>y(1−y) (output)</td><td>–</td></tr>
 *   <tr><td>TANH</td><td>tanh v</td><td>1−y² (output)</td><td>–</td></tr>
 *   <tr><td>RELU</td><td>max(0, v)</td><td>1 if v &gt; 0 else 0 (input)</td><td>–</td></tr>
 *   <tr><td>LEAKY_RELU</td><td>v if v &gt; 0 else αv</td><td>1 if v &gt; 0 else α (input)</td><td>slope, default 0.01</td></tr>
 *   <tr><td>HARD_TANH</td><td>min(1, max(−1, v))</td><td>1 if −1 &lt; v &lt; 1 else 0 (input)</td><td>–</td></tr>
 *   <tr><td>ELU</td><td>v if v &gt; 0 else α(e^v − 1)</td><td>1 if v &gt; 0 else αe^v (input)</td><td>default 1</td></tr>
 *   <tr><td>SOFTPLUS</td><td>ln(1+e^v) = max(v,0) + ln(1+e^−|v|)</td><td>sigmoid(v) (input)</td><td>–</td></tr>
 *   <tr><td>GELU</td><td>½v(1 + tanh(√(2/π)(v + 0.044715v³)))</td><td>d/dv of that (input)</td><td>–</td></tr>
 * </table>
 * The α defaults are PyTorch's ({@code LeakyReLU(0.01)}, {@code ELU(1.0)}); the seeds give none.
 */
public enum Activation {
    IDENTITY(false, Float.NaN),
    SIGMOID(true, Float.NaN),
    TANH(true, Float.NaN),
    RELU(false, Float.NaN),
    LEAKY_RELU(false, 0.01f),
    HARD_TANH(false, Float.NaN),
    ELU(false, 1f),
    SOFTPLUS(false, Float.NaN),
    GELU(false, Float.NaN);

    private final boolean fromOutput;
    private final float defaultAlpha;

    Activation(boolean fromOutput, float defaultAlpha) {
        this.fromOutput = fromOutput;
        this.defaultAlpha = defaultAlpha;
    }

    /** True when f′ is computed from the output y (sigmoid, tanh), false when from the input v. */
    public boolean derivativeFromOutput() {
        return fromOutput;
    }

    /** True for the activations with a parameter α (leaky ReLU, ELU). */
    public boolean hasAlpha() {
        return !Float.isNaN(defaultAlpha);
    }

    /** The default α (PyTorch's), or NaN for activations without one. */
    public float defaultAlpha() {
        return defaultAlpha;
    }
}
