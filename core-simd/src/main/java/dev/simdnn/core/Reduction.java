package dev.simdnn.core;

/**
 * How a loss combines per-element or per-sample terms, as in PyTorch: {@link #SUM} adds them; {@link #MEAN}
 * divides by the number of samples (rows) for the row losses (cross-entropy, hinge) and by the number of
 * elements for the element-wise ones (squared error, binary cross-entropy). The gradient gets the same factor.
 */
public enum Reduction {
    SUM,
    MEAN
}
