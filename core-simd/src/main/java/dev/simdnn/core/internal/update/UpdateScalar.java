package dev.simdnn.core.internal.update;

/** Plain-Java twin of {@link UpdatePanama}: the same operations per element, so bitwise-equal parameters. */
public final class UpdateScalar implements UpdateKernels {

    @Override
    public void sgd(int n, float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, float lr, float momentum,
                    float dampening, float weightDecay, boolean nesterov, boolean firstStep) {
        float keep = 1f - dampening;
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            if (momentum != 0f) {
                float b = firstStep ? d : Math.fma(momentum, buf[bOff + i], keep * d);
                buf[bOff + i] = b;
                d = nesterov ? Math.fma(momentum, b, d) : b;
            }
            p[pOff + i] = Math.fma(-lr, d, theta);
        }
    }

    @Override
    public void adam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                     float[] vMax, int vmOff, float lr, float beta1, float beta2, float eps, float weightDecay,
                     boolean decoupled, float c1, float c2, boolean epsInside) {
        float step = UpdateKernels.adamStep(lr, c1, c2), e = UpdateKernels.adamEps(eps, c2, epsInside);
        float coupled = decoupled ? 0f : weightDecay, shrink = decoupled ? 1f - lr * weightDecay : 1f;
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i] * shrink;
            float d = Math.fma(coupled, p[pOff + i], g[gOff + i]);
            float mi = Math.fma(beta1, m[mOff + i], (1f - beta1) * d);
            float vi = Math.fma(beta2, v[vOff + i], (1f - beta2) * d * d);
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            if (vMax != null) {
                vi = Math.max(vMax[vmOff + i], vi);
                vMax[vmOff + i] = vi;
            }
            float denom = epsInside ? (float) Math.sqrt(vi + e) : (float) Math.sqrt(vi) + e;
            p[pOff + i] = Math.fma(-step, mi / denom, theta);
        }
    }

    @Override
    public void rmsprop(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] gAvg, int gaOff,
                        float[] buf, int bOff, float lr, float alpha, float eps, float weightDecay, float momentum,
                        boolean nesterov, boolean epsInside) {
        float rest = 1f - alpha;
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            float vi = Math.fma(alpha, v[vOff + i], rest * d * d);
            v[vOff + i] = vi;
            if (gAvg != null) {
                float ga = Math.fma(alpha, gAvg[gaOff + i], rest * d);
                gAvg[gaOff + i] = ga;
                vi = Math.fma(-ga, ga, vi);
            }
            float denom = epsInside ? (float) Math.sqrt(vi + eps) : (float) Math.sqrt(vi) + eps;
            float step = d / denom;
            if (buf != null) {
                float b = Math.fma(momentum, buf[bOff + i], step);
                buf[bOff + i] = b;
                step = nesterov ? Math.fma(momentum, b, step) : b;
            }
            p[pOff + i] = Math.fma(-lr, step, theta);
        }
    }

    @Override
    public void momentum(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float lr, float alpha,
                         float weightDecay, boolean nesterov) {
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            float old = v[vOff + i];
            float next = Math.fma(alpha, old, -lr * d);
            v[vOff + i] = next;
            p[pOff + i] = nesterov ? Math.fma(alpha, next - old, theta + next) : theta + next;
        }
    }

    @Override
    public void adagrad(int n, float[] p, int pOff, float[] g, int gOff, float[] sum, int sOff, float lr, float eps,
                        float weightDecay, boolean epsInside) {
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            float s = Math.fma(d, d, sum[sOff + i]);
            sum[sOff + i] = s;
            float denom = epsInside ? (float) Math.sqrt(s + eps) : (float) Math.sqrt(s) + eps;
            p[pOff + i] = Math.fma(-lr, d / denom, theta);
        }
    }

    @Override
    public void adadelta(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] u, int uOff,
                         float lr, float rho, float eps, float weightDecay) {
        float rest = 1f - rho;
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            float vi = Math.fma(rho, v[vOff + i], rest * d * d);
            v[vOff + i] = vi;
            float delta = (float) Math.sqrt(u[uOff + i] + eps) / (float) Math.sqrt(vi + eps) * d;
            u[uOff + i] = Math.fma(rho, u[uOff + i], rest * delta * delta);
            p[pOff + i] = Math.fma(-lr, delta, theta);
        }
    }

    @Override
    public void adamax(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] u, int uOff,
                       float lr, float beta1, float beta2, float eps, float weightDecay, float c1) {
        float step = lr / c1;
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            float mi = Math.fma(beta1, m[mOff + i], (1f - beta1) * d);
            float ui = Math.max(beta2 * u[uOff + i], Math.abs(d) + eps);
            m[mOff + i] = mi;
            u[uOff + i] = ui;
            p[pOff + i] = Math.fma(-step, mi / ui, theta);
        }
    }

    @Override
    public void nadam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                      float a, float b, float c2, float beta1, float beta2, float eps, float weightDecay) {
        for (int i = 0; i < n; i++) {
            float theta = p[pOff + i];
            float d = Math.fma(weightDecay, theta, g[gOff + i]);
            float mi = Math.fma(beta1, m[mOff + i], (1f - beta1) * d);
            float vi = Math.fma(beta2, v[vOff + i], (1f - beta2) * d * d);
            m[mOff + i] = mi;
            v[vOff + i] = vi;
            float denom = (float) Math.sqrt(vi / c2) + eps;
            p[pOff + i] = Math.fma(-b, mi / denom, Math.fma(-a, d / denom, theta));
        }
    }

    @Override
    public void rprop(int n, float[] p, int pOff, float[] g, int gOff, float[] prev, int prOff, float[] step, int stOff,
                      float[] prevDelta, int pdOff, float etaMinus, float etaPlus, float stepMin, float stepMax) {
        for (int i = 0; i < n; i++) {
            float gi = g[gOff + i];
            float s = gi * prev[prOff + i];
            float factor = s > 0f ? etaPlus : s < 0f ? etaMinus : 1f;
            float st = Math.min(Math.max(step[stOff + i] * factor, stepMin), stepMax);
            step[stOff + i] = st;
            float theta = p[pOff + i];
            if (s < 0f) {
                gi = 0f;
                if (prevDelta != null) {
                    theta -= prevDelta[pdOff + i];
                    prevDelta[pdOff + i] = 0f;
                }
            } else {
                float delta = -sign(gi) * st;
                theta += delta;
                if (prevDelta != null) {
                    prevDelta[pdOff + i] = delta;
                }
            }
            p[pOff + i] = theta;
            prev[prOff + i] = gi;
        }
    }

    /** +1, −1 or 0, plus 0·g so that NaN stays NaN (the vector twin computes exactly this). */
    static float sign(float g) {
        return (g > 0f ? 1f : g < 0f ? -1f : 0f) + 0f * g;
    }
}
