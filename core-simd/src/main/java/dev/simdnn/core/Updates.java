package dev.simdnn.core;

import dev.simdnn.core.internal.KernelProviders;
import dev.simdnn.core.internal.update.UpdateKernels;

/**
 * Per-parameter optimizer updates, one vectorised pass over parameters, gradients and state, on the
 * {@linkplain Backend#active() active backend}. The rules are PyTorch's ({@code torch.optim.SGD}, {@code Adam},
 * {@code AdamW}, {@code RMSprop}, {@code Adagrad}, {@code Adadelta}, {@code Adamax}, {@code NAdam}, {@code Rprop})
 * plus the seeds' momentum form and Rprop with weight backtracking (exact statements in {@link UpdateKernels});
 * they are mathematically identical, and
 * may differ from PyTorch's float results in the last bits (fused multiply-adds are used throughout). ε inside the
 * square root is available as an option ({@code epsInside}) besides PyTorch's placement outside.
 *
 * <p>The optimizer classes (optim module) own the state arrays, the step counter and the bias corrections; this is
 * the kernel layer they call. Bad hyper-parameters throw {@link IllegalArgumentException} naming the value.
 */
public final class Updates {
    private Updates() {}

    private static UpdateKernels kernels() {
        return KernelProviders.active().updates();
    }

    /** SGD step (momentum buffer {@code buf} may be null when momentum = 0); see {@link UpdateKernels#sgd}. */
    public static void sgd(int n, float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, float lr,
                           float momentum, float dampening, float weightDecay, boolean nesterov, boolean firstStep) {
        checkLr(lr);
        nonNegative("momentum", momentum);
        nonNegative("weight_decay", weightDecay);
        Checks.finite("dampening", dampening);
        if (nesterov && (momentum <= 0f || dampening != 0f)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening, got momentum "
                    + momentum + ", dampening " + dampening);
        }
        checkParameters(n, p, pOff, g, gOff);
        if (momentum != 0f) {
            range("buf", buf, bOff, n);
        }
        kernels().sgd(n, p, pOff, g, gOff, buf, bOff, lr, momentum, dampening, weightDecay, nesterov, firstStep);
    }

    /**
     * Adam / AdamW / AMSGrad step at step count {@code step} ≥ 1; {@code biasCorrection} false divides by 1 instead
     * of 1 − βᵗ. {@code vMax} non-null selects AMSGrad. See {@link UpdateKernels#adam}.
     */
    public static void adam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                            float[] vMax, int vmOff, long step, float lr, float beta1, float beta2, float eps,
                            float weightDecay, boolean decoupled, boolean biasCorrection, boolean epsInside) {
        checkMoments(lr, beta1, beta2, eps, weightDecay, step);
        checkParameters(n, p, pOff, g, gOff);
        range("m", m, mOff, n);
        range("v", v, vOff, n);
        if (vMax != null) {
            range("vMax", vMax, vmOff, n);
        }
        float c1 = biasCorrection ? (float) (1 - Math.pow(beta1, step)) : 1f;
        float c2 = biasCorrection ? (float) (1 - Math.pow(beta2, step)) : 1f;
        if (c1 == 0f || c2 == 0f) {
            throw new IllegalArgumentException("bias correction 1 - beta^" + step + " is 0 for beta1 " + beta1
                    + ", beta2 " + beta2 + ": turn bias correction off for beta = 0");
        }
        kernels().adam(n, p, pOff, g, gOff, m, mOff, v, vOff, vMax, vmOff, lr, beta1, beta2, eps, weightDecay,
                decoupled, c1, c2, epsInside);
    }

    /**
     * RMSProp step ({@code gAvg} non-null: centered; {@code buf} non-null: momentum, optionally Nesterov). See
     * {@link UpdateKernels#rmsprop}.
     */
    public static void rmsprop(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] gAvg,
                               int gaOff, float[] buf, int bOff, float lr, float alpha, float eps, float weightDecay,
                               float momentum, boolean nesterov, boolean epsInside) {
        checkLr(lr);
        checkBeta("alpha", alpha);
        checkEps(eps);
        nonNegative("weight_decay", weightDecay);
        nonNegative("momentum", momentum);
        checkParameters(n, p, pOff, g, gOff);
        range("v", v, vOff, n);
        if (gAvg != null) {
            range("gAvg", gAvg, gaOff, n);
        }
        if (buf != null) {
            range("buf", buf, bOff, n);
        } else if (momentum != 0f) {
            throw new IllegalArgumentException("momentum " + momentum + " needs a momentum buffer");
        }
        if (nesterov && (buf == null || momentum <= 0f)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum > 0 and its buffer, got momentum "
                    + momentum);
        }
        kernels().rmsprop(n, p, pOff, g, gOff, v, vOff, gAvg, gaOff, buf, bOff, lr, alpha, eps, weightDecay,
                buf == null ? 0f : momentum, nesterov, epsInside);
    }

    /** Momentum in the seeds' form, optionally Nesterov (reparametrised); see {@link UpdateKernels#momentum}. */
    public static void momentum(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float lr,
                                float alpha, float weightDecay, boolean nesterov) {
        checkLr(lr);
        checkBeta("alpha", alpha);
        nonNegative("weight_decay", weightDecay);
        checkParameters(n, p, pOff, g, gOff);
        range("v", v, vOff, n);
        kernels().momentum(n, p, pOff, g, gOff, v, vOff, lr, alpha, weightDecay, nesterov);
    }

    /** AdaGrad step with the (already decayed) learning rate {@code lr}; see {@link UpdateKernels#adagrad}. */
    public static void adagrad(int n, float[] p, int pOff, float[] g, int gOff, float[] sum, int sOff, float lr,
                               float eps, float weightDecay, boolean epsInside) {
        checkLr(lr);
        checkEps(eps);
        nonNegative("weight_decay", weightDecay);
        checkParameters(n, p, pOff, g, gOff);
        range("sum", sum, sOff, n);
        kernels().adagrad(n, p, pOff, g, gOff, sum, sOff, lr, eps, weightDecay, epsInside);
    }

    /** AdaDelta step, ε inside both roots; see {@link UpdateKernels#adadelta}. */
    public static void adadelta(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] u,
                                int uOff, float lr, float rho, float eps, float weightDecay) {
        checkLr(lr);
        checkBeta("rho", rho);
        checkEps(eps);
        nonNegative("weight_decay", weightDecay);
        checkParameters(n, p, pOff, g, gOff);
        range("v", v, vOff, n);
        range("u", u, uOff, n);
        kernels().adadelta(n, p, pOff, g, gOff, v, vOff, u, uOff, lr, rho, eps, weightDecay);
    }

    /** AdaMax step at step count {@code step} ≥ 1; see {@link UpdateKernels#adamax}. */
    public static void adamax(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] u,
                              int uOff, long step, float lr, float beta1, float beta2, float eps, float weightDecay) {
        checkMoments(lr, beta1, beta2, eps, weightDecay, step);
        checkParameters(n, p, pOff, g, gOff);
        range("m", m, mOff, n);
        range("u", u, uOff, n);
        float c1 = (float) (1 - Math.pow(beta1, step));
        kernels().adamax(n, p, pOff, g, gOff, m, mOff, u, uOff, lr, beta1, beta2, eps, weightDecay,
                c1 == 0f ? 1f : c1);
    }

    /**
     * NAdam step with the caller's per-step coefficients (see {@link UpdateKernels#nadam}: they depend on the
     * running product of the momentum schedule, which the optimizer keeps).
     */
    public static void nadam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                             float gradCoefficient, float momentumCoefficient, float c2, float beta1, float beta2,
                             float eps, float weightDecay) {
        Checks.finite("gradCoefficient", gradCoefficient);
        Checks.finite("momentumCoefficient", momentumCoefficient);
        if (!(c2 > 0f && c2 <= 1f)) {
            throw new IllegalArgumentException("Invalid bias correction c2: " + c2 + " (must be in (0, 1])");
        }
        checkMoments(0f, beta1, beta2, eps, weightDecay, 1);
        checkParameters(n, p, pOff, g, gOff);
        range("m", m, mOff, n);
        range("v", v, vOff, n);
        kernels().nadam(n, p, pOff, g, gOff, m, mOff, v, vOff, gradCoefficient, momentumCoefficient, c2, beta1, beta2,
                eps, weightDecay);
    }

    /** Rprop step ({@code prevDelta} non-null: with weight backtracking); see {@link UpdateKernels#rprop}. */
    public static void rprop(int n, float[] p, int pOff, float[] g, int gOff, float[] prev, int prOff, float[] step,
                             int stOff, float[] prevDelta, int pdOff, float etaMinus, float etaPlus, float stepMin,
                             float stepMax) {
        checkRprop(etaMinus, etaPlus, stepMin, stepMax);
        checkParameters(n, p, pOff, g, gOff);
        range("prev", prev, prOff, n);
        range("step", step, stOff, n);
        if (prevDelta != null) {
            range("prevDelta", prevDelta, pdOff, n);
        }
        kernels().rprop(n, p, pOff, g, gOff, prev, prOff, step, stOff, prevDelta, pdOff, etaMinus, etaPlus, stepMin,
                stepMax);
    }

    /** Rprop's hyper-parameters: 0 < η₋ < 1 < η₊ and 0 ≤ min ≤ max, finite (also used by the optimizer class). */
    public static void checkRprop(double etaMinus, double etaPlus, double stepMin, double stepMax) {
        if (!(etaMinus > 0 && etaMinus < 1 && etaPlus > 1 && Double.isFinite(etaPlus))) {
            throw new IllegalArgumentException("Invalid eta values: " + etaMinus + ", " + etaPlus
                    + " (must be 0 < etaminus < 1 < etaplus)");
        }
        if (!(stepMin >= 0 && stepMin <= stepMax && Double.isFinite(stepMax))) {
            throw new IllegalArgumentException("Invalid step sizes: " + stepMin + ", " + stepMax
                    + " (must be 0 <= min <= max, finite)");
        }
    }

    /** The hyper-parameters of the moment-based rules (Adam, AdaMax, NAdam) and the step count. */
    private static void checkMoments(float lr, float beta1, float beta2, float eps, float weightDecay, long step) {
        checkLr(lr);
        checkBeta("beta1", beta1);
        checkBeta("beta2", beta2);
        checkEps(eps);
        nonNegative("weight_decay", weightDecay);
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1, got " + step);
        }
    }

    /** n ≥ 0 and the parameter and gradient ranges fit their arrays. */
    private static void checkParameters(int n, float[] p, int pOff, float[] g, int gOff) {
        Checks.nonNegative("n", n);
        range("p", p, pOff, n);
        range("g", g, gOff, n);
    }

    private static void checkLr(float lr) {
        if (!(lr >= 0f) || !Float.isFinite(lr)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr + " (must be finite and >= 0)");
        }
    }

    private static void checkBeta(String name, float beta) {
        if (!(beta >= 0f && beta < 1f)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + beta + " (must be in [0, 1))");
        }
    }

    private static void checkEps(float eps) {
        if (!(eps > 0f) || !Float.isFinite(eps)) {
            throw new IllegalArgumentException("Invalid epsilon: " + eps + " (must be finite and > 0)");
        }
    }

    private static void nonNegative(String name, float value) {
        if (!(value >= 0f) || !Float.isFinite(value)) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be finite and >= 0)");
        }
    }

    private static void range(String name, float[] a, int off, int n) {
        Checks.range(name, Checks.notNull(name, a).length, off, n);
    }
}
