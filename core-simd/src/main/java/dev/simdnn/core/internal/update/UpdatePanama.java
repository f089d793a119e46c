package dev.simdnn.core.internal.update;

import dev.simdnn.core.internal.PanamaSpecies;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API update kernels: the arithmetic of {@link UpdateScalar}, L parameters at a time, one pass over
 * memory (Adam moves 28 bytes per parameter: reads θ, g, m, v and writes θ, m, v); tails in the twin's code.
 */
public final class UpdatePanama implements UpdateKernels {
    private static final VectorSpecies<Float> S = PanamaSpecies.FLOAT;
    private static final int L = S.length();
    private static final UpdateScalar TAIL = new UpdateScalar();

    @Override
    public void sgd(int n, float[] p, int pOff, float[] g, int gOff, float[] buf, int bOff, float lr, float momentum,
                    float dampening, float weightDecay, boolean nesterov, boolean firstStep) {
        FloatVector wd = FloatVector.broadcast(S, weightDecay), mu = FloatVector.broadcast(S, momentum);
        FloatVector negLr = FloatVector.broadcast(S, -lr);
        float keep = 1f - dampening;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            if (momentum != 0f) {
                FloatVector b = firstStep ? d : FloatVector.fromArray(S, buf, bOff + i).fma(mu, d.mul(keep));
                b.intoArray(buf, bOff + i);
                d = nesterov ? b.fma(mu, d) : b;
            }
            d.fma(negLr, theta).intoArray(p, pOff + i);
        }
        TAIL.sgd(n - i, p, pOff + i, g, gOff + i, buf, bOff + i, lr, momentum, dampening, weightDecay, nesterov,
                firstStep);
    }

    @Override
    public void adam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                     float[] vMax, int vmOff, float lr, float beta1, float beta2, float eps, float weightDecay,
                     boolean decoupled, float c1, float c2, boolean epsInside) {
        float e = UpdateKernels.adamEps(eps, c2, epsInside);
        float coupled = decoupled ? 0f : weightDecay, shrink = decoupled ? 1f - lr * weightDecay : 1f;
        FloatVector b1 = FloatVector.broadcast(S, beta1), b2 = FloatVector.broadcast(S, beta2);
        FloatVector negStep = FloatVector.broadcast(S, -UpdateKernels.adamStep(lr, c1, c2));
        FloatVector wd = FloatVector.broadcast(S, coupled);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector p0 = FloatVector.fromArray(S, p, pOff + i);
            FloatVector theta = p0.mul(shrink);
            FloatVector d = p0.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector mi = FloatVector.fromArray(S, m, mOff + i).fma(b1, d.mul(1f - beta1));
            FloatVector vi = FloatVector.fromArray(S, v, vOff + i).fma(b2, d.mul(1f - beta2).mul(d));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            if (vMax != null) {
                vi = FloatVector.fromArray(S, vMax, vmOff + i).max(vi);
                vi.intoArray(vMax, vmOff + i);
            }
            FloatVector denom = epsInside
                    ? vi.add(e).lanewise(VectorOperators.SQRT)
                    : vi.lanewise(VectorOperators.SQRT).add(e);
            mi.div(denom).fma(negStep, theta).intoArray(p, pOff + i);
        }
        TAIL.adam(n - i, p, pOff + i, g, gOff + i, m, mOff + i, v, vOff + i, vMax, vmOff + i, lr, beta1, beta2, eps,
                weightDecay, decoupled, c1, c2, epsInside);
    }

    @Override
    public void rmsprop(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] gAvg, int gaOff,
                        float[] buf, int bOff, float lr, float alpha, float eps, float weightDecay, float momentum,
                        boolean nesterov, boolean epsInside) {
        float rest = 1f - alpha;
        FloatVector a = FloatVector.broadcast(S, alpha), wd = FloatVector.broadcast(S, weightDecay);
        FloatVector mu = FloatVector.broadcast(S, momentum), negLr = FloatVector.broadcast(S, -lr);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector vi = FloatVector.fromArray(S, v, vOff + i).fma(a, d.mul(rest).mul(d));
            vi.intoArray(v, vOff + i);
            if (gAvg != null) {
                FloatVector ga = FloatVector.fromArray(S, gAvg, gaOff + i).fma(a, d.mul(rest));
                ga.intoArray(gAvg, gaOff + i);
                vi = ga.neg().fma(ga, vi);
            }
            FloatVector denom = epsInside ? vi.add(eps).lanewise(VectorOperators.SQRT)
                    : vi.lanewise(VectorOperators.SQRT).add(eps);
            FloatVector step = d.div(denom);
            if (buf != null) {
                FloatVector b = FloatVector.fromArray(S, buf, bOff + i).fma(mu, step);
                b.intoArray(buf, bOff + i);
                step = nesterov ? b.fma(mu, step) : b;
            }
            step.fma(negLr, theta).intoArray(p, pOff + i);
        }
        TAIL.rmsprop(n - i, p, pOff + i, g, gOff + i, v, vOff + i, gAvg, gaOff + i, buf, bOff + i, lr, alpha, eps,
                weightDecay, momentum, nesterov, epsInside);
    }

    @Override
    public void momentum(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float lr, float alpha,
                         float weightDecay, boolean nesterov) {
        FloatVector wd = FloatVector.broadcast(S, weightDecay), a = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector old = FloatVector.fromArray(S, v, vOff + i);
            FloatVector next = old.fma(a, d.mul(-lr));
            next.intoArray(v, vOff + i);
            (nesterov ? next.sub(old).fma(a, theta.add(next)) : theta.add(next)).intoArray(p, pOff + i);
        }
        TAIL.momentum(n - i, p, pOff + i, g, gOff + i, v, vOff + i, lr, alpha, weightDecay, nesterov);
    }

    @Override
    public void adagrad(int n, float[] p, int pOff, float[] g, int gOff, float[] sum, int sOff, float lr, float eps,
                        float weightDecay, boolean epsInside) {
        FloatVector wd = FloatVector.broadcast(S, weightDecay), negLr = FloatVector.broadcast(S, -lr);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector s = d.fma(d, FloatVector.fromArray(S, sum, sOff + i));
            s.intoArray(sum, sOff + i);
            FloatVector denom = epsInside ? s.add(eps).lanewise(VectorOperators.SQRT)
                    : s.lanewise(VectorOperators.SQRT).add(eps);
            d.div(denom).fma(negLr, theta).intoArray(p, pOff + i);
        }
        TAIL.adagrad(n - i, p, pOff + i, g, gOff + i, sum, sOff + i, lr, eps, weightDecay, epsInside);
    }

    @Override
    public void adadelta(int n, float[] p, int pOff, float[] g, int gOff, float[] v, int vOff, float[] u, int uOff,
                         float lr, float rho, float eps, float weightDecay) {
        float rest = 1f - rho;
        FloatVector wd = FloatVector.broadcast(S, weightDecay), r = FloatVector.broadcast(S, rho);
        FloatVector negLr = FloatVector.broadcast(S, -lr);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector vi = FloatVector.fromArray(S, v, vOff + i).fma(r, d.mul(rest).mul(d));
            vi.intoArray(v, vOff + i);
            FloatVector ui = FloatVector.fromArray(S, u, uOff + i);
            FloatVector delta = ui.add(eps).lanewise(VectorOperators.SQRT)
                    .div(vi.add(eps).lanewise(VectorOperators.SQRT)).mul(d);
            ui.fma(r, delta.mul(rest).mul(delta)).intoArray(u, uOff + i);
            delta.fma(negLr, theta).intoArray(p, pOff + i);
        }
        TAIL.adadelta(n - i, p, pOff + i, g, gOff + i, v, vOff + i, u, uOff + i, lr, rho, eps, weightDecay);
    }

    @Override
    public void adamax(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] u, int uOff,
                       float lr, float beta1, float beta2, float eps, float weightDecay, float c1) {
        FloatVector wd = FloatVector.broadcast(S, weightDecay), b1 = FloatVector.broadcast(S, beta1);
        FloatVector negStep = FloatVector.broadcast(S, -(lr / c1));
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector mi = FloatVector.fromArray(S, m, mOff + i).fma(b1, d.mul(1f - beta1));
            FloatVector ui = FloatVector.fromArray(S, u, uOff + i).mul(beta2).max(d.abs().add(eps));
            mi.intoArray(m, mOff + i);
            ui.intoArray(u, uOff + i);
            mi.div(ui).fma(negStep, theta).intoArray(p, pOff + i);
        }
        TAIL.adamax(n - i, p, pOff + i, g, gOff + i, m, mOff + i, u, uOff + i, lr, beta1, beta2, eps, weightDecay, c1);
    }

    @Override
    public void nadam(int n, float[] p, int pOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                      float a, float b, float c2, float beta1, float beta2, float eps, float weightDecay) {
        FloatVector wd = FloatVector.broadcast(S, weightDecay), b1 = FloatVector.broadcast(S, beta1);
        FloatVector b2 = FloatVector.broadcast(S, beta2);
        FloatVector negA = FloatVector.broadcast(S, -a), negB = FloatVector.broadcast(S, -b);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            FloatVector d = theta.fma(wd, FloatVector.fromArray(S, g, gOff + i));
            FloatVector mi = FloatVector.fromArray(S, m, mOff + i).fma(b1, d.mul(1f - beta1));
            FloatVector vi = FloatVector.fromArray(S, v, vOff + i).fma(b2, d.mul(1f - beta2).mul(d));
            mi.intoArray(m, mOff + i);
            vi.intoArray(v, vOff + i);
            FloatVector denom = vi.div(c2).lanewise(VectorOperators.SQRT).add(eps);
            mi.div(denom).fma(negB, d.div(denom).fma(negA, theta)).intoArray(p, pOff + i);
        }
        TAIL.nadam(n - i, p, pOff + i, g, gOff + i, m, mOff + i, v, vOff + i, a, b, c2, beta1, beta2, eps, weightDecay);
    }

    @Override
    public void rprop(int n, float[] p, int pOff, float[] g, int gOff, float[] prev, int prOff, float[] step, int stOff,
                      float[] prevDelta, int pdOff, float etaMinus, float etaPlus, float stepMin, float stepMax) {
        FloatVector one = FloatVector.broadcast(S, 1f), zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, gOff + i);
            FloatVector s = gi.mul(FloatVector.fromArray(S, prev, prOff + i));
            VectorMask<Float> agree = s.compare(VectorOperators.GT, 0f), flip = s.compare(VectorOperators.LT, 0f);
            FloatVector factor = one.blend(etaPlus, agree).blend(etaMinus, flip);
            FloatVector st = FloatVector.fromArray(S, step, stOff + i).mul(factor).max(stepMin).min(stepMax);
            st.intoArray(step, stOff + i);
            FloatVector sign = zero.blend(1f, gi.compare(VectorOperators.GT, 0f))
                    .blend(-1f, gi.compare(VectorOperators.LT, 0f)).add(gi.mul(0f));
            FloatVector delta = sign.neg().mul(st);
            FloatVector theta = FloatVector.fromArray(S, p, pOff + i);
            if (prevDelta != null) {
                FloatVector pd = FloatVector.fromArray(S, prevDelta, pdOff + i);
                theta.add(delta).blend(theta.sub(pd), flip).intoArray(p, pOff + i);
                delta.blend(0f, flip).intoArray(prevDelta, pdOff + i);
            } else {
                theta.add(delta).blend(theta, flip).intoArray(p, pOff + i);
            }
            gi.blend(0f, flip).intoArray(prev, prOff + i);
        }
        TAIL.rprop(n - i, p, pOff + i, g, gOff + i, prev, prOff + i, step, stOff + i, prevDelta, pdOff + i, etaMinus,
                etaPlus, stepMin, stepMax);
    }
}
