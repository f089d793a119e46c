package dev.simdnn.optim.secondorder;

/** A function that also gives its Hessian explicitly (small problems: Newton's method, diagnostics). */
public interface TwiceDifferentiable extends DifferentiableFunction {
    /** ∇²f(x) into {@code hessian}, {@code n x n} row-major. */
    void hessian(double[] x, double[] hessian);
}
