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
        float step = lr / c1, rootC2 = (float) Math.sqrt(c2);
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
            float denom = epsInside ? (float) Math.sqrt(vi / c2 + eps) : (float) Math.sqrt(vi) / rootC2 + eps;
            p[pOff + i] = Math.fma(-step, mi / denom, theta);
        }
    }

    @Override
    public void rmsprop(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] gAvg, int gaOff,
                        float[] buf, int bOff, float lr, float alpha, float eps, float weightDecay, float momentum,
                        boolean epsInside) {
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
                step = Math.fma(momentum, buf[bOff + i], step);
                buf[bOff + i] = step;
            }
            p[pOff + i] = Math.fma(-lr, step, theta);
        }
    }
}
