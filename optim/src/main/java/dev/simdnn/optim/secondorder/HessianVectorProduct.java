package dev.simdnn.optim.secondorder;

/** An exact (not finite-difference) Hessian-vector product of a function: H(x)·v. */
@FunctionalInterface
public interface HessianVectorProduct {
    double[] apply(double[] x, double[] v);
}
